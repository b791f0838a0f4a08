using System;
using System.IO;
using System.Threading.Tasks;
using Eljur.Connectors.Asiou.Mapping;

namespace Eljur.Connectors.Asiou.Tests;

/// <summary>The errors of <see cref="ErrorTests"/> as a school reads them: in Russian.</summary>
public sealed partial class ErrorTests
{
    /// <summary>
    /// What a school reads is Russian: no Latin word outside «…» and "…" but file names, mapping keys,
    /// date formats and the format names (see <see cref="LatinWords"/>).
    /// </summary>
    [Theory]
    [InlineData("bad date")]
    [InlineData("unknown column")]
    [InlineData("missing column")]
    [InlineData("quote in an unquoted field")]
    [InlineData("row ends early")]
    [InlineData("value beyond the last column")]
    [InlineData("empty cell")]
    [InlineData("bad entry time")]
    [InlineData("unknown mark type")]
    [InlineData("student not in the list")]
    [InlineData("absence without a lesson")]
    [InlineData("student listed twice")]
    [InlineData("summary row not last")]
    [InlineData("empty file")]
    [InlineData("missing export")]
    [InlineData("two files for one export")]
    [InlineData("xls file")]
    [InlineData("bad mapping JSON")]
    [InlineData("unknown mapping key")]
    [InlineData("required mapping column")]
    [InlineData("no export mapped")]
    [InlineData("column mapped twice")]
    [InlineData("bad markTypes value")]
    [InlineData("students not mapped")]
    public async Task Every_message_a_school_reads_is_Russian(string error)
    {
        var message = await MessageOf(error);
        Assert.Matches("[А-Яа-яЁё]", message);
        Assert.True(LatinWords.In(message).Count == 0, $"«{message}» has Latin words outside quotes: {string.Join(", ", LatinWords.In(message))}");
    }

    /// <summary>The check itself: it finds English outside quotes and lets the allowed tokens through.</summary>
    [Fact]
    public void The_Latin_word_check_catches_English_and_passes_names_keys_and_formats()
    {
        Assert.Equal(new[] { "line", "column", "is", "not", "a", "date" }, LatinWords.In("line 7, column «Дата»: «31.02.2024» is not a date (dd.MM.yyyy)"));
        Assert.Equal(new[] { "add", "it", "to" }, LatinWords.In("add it to \"journal.ignoredColumns\""));
        Assert.Empty(LatinWords.In("под шаблон marks*.csv;marks*.xlsx подходят 2 файла (marks-old.csv, marks.csv); «Excel 97–2003», CSV, JSON, dd.MM.yyyy HH:mm, null, \"marks.markTypes\", journal, --delimiter, Sheet"));
    }

    /// <summary>The message of one bad input: the connector's reason (without "asiou: file: "), or the mapping's.</summary>
    private async Task<string> MessageOf(string error)
    {
        string? json = error switch
        {
            "bad mapping JSON" => "{ not json",
            "unknown mapping key" => "{ \"jounral\": {} }",
            "required mapping column" => "{ \"marks\": { \"columns\": { \"student\": \"Ученик\" } } }",
            "no export mapped" => "{ \"journal\": null, \"marks\": null, \"students\": null }",
            "column mapped twice" => "{ \"students\": { \"columns\": { \"student\": \"Ученик\", \"class\": \"Ученик\" } } }",
            "bad markTypes value" => "{ \"marks\": { \"columns\": { \"student\": \"У\", \"subject\": \"П\", \"date\": \"Д\", \"value\": \"О\", \"markType\": \"В\" }, \"markTypes\": { \"Текущая\": \"oral\" } }, \"students\": { \"columns\": { \"student\": \"У\", \"class\": \"К\" } } }",
            "students not mapped" => "{ \"marks\": { \"columns\": { \"student\": \"У\", \"subject\": \"П\", \"date\": \"Д\", \"value\": \"О\" } } }",
            _ => null,
        };
        if (json is not null)
        {
            return Assert.Throws<AsiouMappingException>(() => AsiouMapping.Parse(json, "school.json")).Message;
        }

        Action<AsiouOptions>? configure = null;
        switch (error)
        {
            case "bad date":
                Fixtures.Edit(Path("journal.csv"), "4;5Б;Математика;02.09.2024;3", "4;5Б;Математика;31.02.2024;3");
                break;
            case "unknown column":
                Fixtures.Edit(Path("journal.csv"), ";Учитель\r\n", ";Преподаватель\r\n");
                break;
            case "missing column":
                Fixtures.Edit(Path("students.csv"), ",Согласие\r\n", ",Примечание\r\n");
                var mapping = WriteMapping(AsiouMapping.DefaultText().Replace("\"№\", \"№ п/п\" ],\n    \"consentValues\"", "\"№\", \"№ п/п\", \"Примечание\" ],\n    \"consentValues\"", StringComparison.Ordinal));
                configure = o => o.MappingFile = mapping;
                break;
            case "quote in an unquoted field":
                Fixtures.Edit(Path("marks.csv"), "Петрова Мария Сергеевна;5А;Русский язык", "Петрова \"Маша\" Сергеевна;5А;Русский язык");
                break;
            case "row ends early":
                Fixtures.Edit(Path("marks.csv"), "5;Текущая;02.09.2024 14:05\r\n", "5;Текущая\r\n");
                break;
            case "value beyond the last column":
                Fixtures.Edit(Path("marks.csv"), "5;Текущая;02.09.2024 14:05\r\n", "5;Текущая;02.09.2024 14:05;лишнее\r\n");
                break;
            case "empty cell":
                Fixtures.Edit(Path("marks.csv"), ";Математика;02.09.2024;5;Текущая;", ";Математика;02.09.2024;;Текущая;");
                break;
            case "bad entry time":
                Fixtures.Edit(Path("marks.csv"), ";Текущая;02.09.2024 14:05", ";Текущая;02.09.2024 25:05");
                break;
            case "unknown mark type":
                Fixtures.Edit(Path("marks.csv"), ";Контрольная работа;", ";Олимпиада;");
                break;
            case "student not in the list":
                Fixtures.Edit(Path("marks.csv"), "Орлова Вера Павловна;5Б", "Орлова Вера Павловна;5А");
                break;
            case "absence without a lesson":
                Fixtures.Edit(Path("marks.csv"), "Русский язык;02.09.2024;3/5", "Русский язык;03.09.2024;н");
                break;
            case "student listed twice":
                Fixtures.Edit(Path("students.csv"), "4,Орлова Вера Павловна,5Б", "4,Иванов  Иван Иванович,5а");
                break;
            case "summary row not last":
                Fixtures.Edit(Path("students.csv"), "Итого учеников: 4,,,,,\r\n", "Итого учеников: 4,,,,,\r\n5,Новиков Олег,5А,01.09.2024,,да\r\n");
                break;
            case "empty file":
                File.WriteAllBytes(Path("students.csv"), Array.Empty<byte>());
                break;
            case "missing export":
                File.Delete(Path("journal.csv"));
                break;
            case "two files for one export":
                File.Copy(Path("marks.csv"), Path("marks-old.csv"));
                break;
            case "xls file":
                File.Delete(Path("marks.csv"));
                File.WriteAllBytes(Path("marks.xls"), new byte[] { 0xD0, 0xCF, 0x11, 0xE0 });
                configure = o => o.MarksFilePattern = "marks*.xls";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(error), error, "no such case");
        }

        var ex = await TestSupport.FailsAsync(_utf8.Directory, configure);
        var prefix = ex.Connector + ": " + ex.Operation + ": ";
        Assert.StartsWith(prefix, ex.Message, StringComparison.Ordinal);
        return ex.Message.Substring(prefix.Length);
    }
}
