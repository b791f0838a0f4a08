using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Eljur.Abstractions.Snapshots;
using Eljur.Cli.Infrastructure;
using Eljur.Connectors.Asiou.Tests.Xlsx;
using Microsoft.Extensions.Time.Testing;

namespace Eljur.Cli.Tests;

/// <summary><c>eljur fetch</c> and <c>eljur check</c> with <c>--connector asiou --export-dir --mapping</c>.</summary>
public sealed class AsiouCommandTests
{
    private readonly string _dir = CliRunner.TempDir();

    public AsiouCommandTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cp1251 = Encoding.GetEncoding(1251);
        File.WriteAllText(Path.Combine(_dir, "journal.csv"), "Класс;Предмет;Дата;Номер урока;Тема урока;Домашнее задание;Учитель\r\n5А;Математика;02.09.2024;1;\"Числа; повторение\";§1;Смирнова А. П.\r\n5А;Математика;03.09.2024;1;;;Смирнова А. П.\r\n\r\nИтого;;;;;;\r\n", cp1251);
        File.WriteAllText(Path.Combine(_dir, "marks.csv"), "Ученик;Класс;Предмет;Дата;Отметка;Вид отметки;Дата внесения\r\nИванов Иван;5А;Математика;02.09.2024;5;Контрольная работа;20.09.2024 18:00\r\n", cp1251);
        File.WriteAllText(Path.Combine(_dir, "students.csv"), "Ученик;Класс;Дата зачисления;Дата выбытия;Согласие\r\nИванов Иван;5А;01.09.2020;;да\r\n", new UTF8Encoding(true));
        File.WriteAllText(Path.Combine(_dir, "mapping.json"), """
            {
              "journal": { "columns": { "class": "Класс", "subject": "Предмет", "date": "Дата", "lessonNumber": "Номер урока", "topic": "Тема урока", "homework": "Домашнее задание", "teacher": "Учитель" } },
              "marks": {
                "columns": { "student": "Ученик", "class": "Класс", "subject": "Предмет", "date": "Дата", "value": "Отметка", "markType": "Вид отметки", "enteredAt": "Дата внесения" },
                "markTypes": { "Контрольная работа": "written", "": "current" }
              },
              "students": { "columns": { "student": "Ученик", "class": "Класс", "enrolledOn": "Дата зачисления", "leftOn": "Дата выбытия", "consent": "Согласие" }, "consentValues": { "да": true, "нет": false } }
            }
            """);
    }

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new Console2(output, error) { Environment = _ => null };
        var code = CliApp.Run(args, console, new FakeTimeProvider(new DateTimeOffset(2024, 11, 20, 7, 0, 0, TimeSpan.Zero)));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Fetch_reads_the_exports_through_the_mapping()
    {
        var file = Path.Combine(_dir, "snapshot.json");
        var (code, _, error) = Run("fetch", "--connector", "asiou", "--export-dir", _dir, "--mapping", Path.Combine(_dir, "mapping.json"), "--school-name", "СШ № 32", "--from", "2024-09-01", "--to", "2024-09-30", "--out", file);
        Assert.True(code == 0, error);
        var snapshot = SnapshotReader.ReadFile(file);
        Assert.Equal("asiou", snapshot.Source.Connector);
        Assert.Equal("СШ № 32", snapshot.School.Name);
        Assert.Equal(2, snapshot.Lessons!.Count);
        Assert.Equal("Числа; повторение", snapshot.Lessons![0].Topic);
        Assert.Equal("5", Assert.Single(snapshot.Marks!).Value);
        Assert.Contains("markEntryTimes", snapshot.Source.Capabilities);
    }

    [Fact]
    public void Check_runs_on_the_fetched_exports()
    {
        var policy = Path.Combine(_dir, "policy.json");
        File.WriteAllText(policy, """
            { "format": "eljur.policy/1", "id": "asiou-test", "title": "АСИОУ", "rules": [ { "rule": "lesson-topic", "clause": "3.2.4", "params": { "deadline": "sameDay" } } ] }
            """);
        var (code, output, error) = Run("check", "--connector", "asiou", "--export-dir", _dir, "--mapping", Path.Combine(_dir, "mapping.json"), "--policy", policy, "--from", "2024-09-01", "--to", "2024-09-30", "--as-of", "2024-11-20T12:00:00+03:00", "--format", "json");
        Assert.True(code is 0 or 1, error);
        Assert.Equal(1, code); // the lesson of 03.09 has no topic
        Assert.Contains("lesson-topic", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_row_fails_with_exit_code_3_naming_file_line_and_column()
    {
        File.AppendAllText(Path.Combine(_dir, "marks.csv"), "Иванов Иван;5А;Математика;32.09.2024;4;;20.09.2024 18:00\r\n", Encoding.GetEncoding(1251));
        var (code, _, error) = Run("fetch", "--connector", "asiou", "--export-dir", _dir, "--mapping", Path.Combine(_dir, "mapping.json"), "--from", "2024-09-01", "--to", "2024-09-30", "--out", Path.Combine(_dir, "x.json"));
        Assert.Equal(3, code);
        Assert.Contains("marks.csv: строка 3, столбец «Дата»", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_export_dir_is_a_usage_error_naming_the_option()
    {
        var (code, _, error) = Run("fetch", "--connector", "asiou", "--from", "2024-09-01", "--to", "2024-09-30", "--out", Path.Combine(_dir, "x.json"));
        Assert.Equal(2, code);
        Assert.Contains("--export-dir", error, StringComparison.Ordinal);

        var (badCode, _, badError) = Run("fetch", "--connector", "asiou", "--export-dir", Path.Combine(_dir, "nowhere"), "--from", "2024-09-01", "--to", "2024-09-30", "--out", Path.Combine(_dir, "x.json"));
        Assert.Equal(2, badCode);
        Assert.Contains("--export-dir (ELJUR_EXPORT_DIR)", badError, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_options_and_a_wrong_mapping_are_told_in_Russian_after_the_option()
    {
        var args = new[] { "fetch", "--connector", "asiou", "--export-dir", _dir, "--from", "2024-09-01", "--to", "2024-09-30", "--out", Path.Combine(_dir, "x.json") };
        var (code, _, error) = Run(args.Concat(new[] { "--encoding", "koi8-r" }).ToArray());
        Assert.Equal(2, code);
        Assert.Contains("«koi8-r» — недопустимое значение", error, StringComparison.Ordinal);
        Assert.Contains("допустимы: «auto», «utf-8», «windows-1251»", error, StringComparison.Ordinal);

        var (zoneCode, _, zoneError) = Run(args.Concat(new[] { "--time-zone", "Europe/Moskow" }).ToArray());
        Assert.Equal(2, zoneCode);
        Assert.Contains("«Europe/Moskow» — неизвестный часовой пояс", zoneError, StringComparison.Ordinal);
        Assert.Contains("возможно, имелось в виду Europe/Moscow", zoneError, StringComparison.Ordinal);

        var typo = Path.Combine(_dir, "typo.json");
        File.WriteAllText(typo, "{ \"jounral\": {} }");
        var (mapCode, _, mapError) = Run(args.Concat(new[] { "--mapping", typo }).ToArray());
        Assert.Equal(2, mapCode);
        Assert.Contains("строка 1: неизвестный ключ \"jounral\"", mapError, StringComparison.Ordinal);
        Assert.DoesNotContain("недопустимое значение (подробно", mapError, StringComparison.Ordinal);
    }

    [Fact]
    public void Fetch_reads_xlsx_exports_with_the_default_patterns_and_sheet_option()
    {
        var dir = CliRunner.TempDir();
        XlsxWriter.Write(Path.Combine(dir, "students.xlsx"), new XlsxSheet("Выгрузка", new[]
        {
            new object?[] { "№", "Ученик", "Класс", "Дата зачисления", "Дата выбытия", "Согласие" },
            new object?[] { 1, "Иванов Иван", "5А", new DateTime(2020, 9, 1), null, "да" },
        }));
        XlsxWriter.Write(Path.Combine(dir, "journal.xlsx"), new XlsxSheet("Выгрузка", new[]
        {
            new object?[] { "Класс", "Предмет", "Дата", "Номер урока", "Тема урока", "Домашнее задание", "Учитель" },
            new object?[] { "5А", "Математика", new DateTime(2024, 9, 2), 1, new InlineText("Числа; повторение"), "§1", "Смирнова А. П." },
            System.Array.Empty<object?>(),
            new object?[] { "Итого", null, null, 1 },
        }));
        XlsxWriter.Write(
            Path.Combine(dir, "marks.xlsx"),
            new XlsxSheet("Сводка", new[] { new object?[] { "не эта таблица" } }),
            new XlsxSheet("Выгрузка", new[]
            {
                new object?[] { "Ученик", "Класс", "Предмет", "Дата", "Отметка", "Вид отметки", "Дата внесения" },
                new object?[] { "Иванов Иван", "5А", "Математика", new DateTime(2024, 9, 2), 5.0, "Контрольная работа", new DateTime(2024, 9, 20, 18, 0, 0) },
            }));

        var file = Path.Combine(dir, "snapshot.json");
        var (code, _, error) = Run("fetch", "--connector", "asiou", "--export-dir", dir, "--sheet", "Выгрузка", "--from", "2024-09-01", "--to", "2024-09-30", "--out", file);
        Assert.True(code == 0, error);
        var snapshot = SnapshotReader.ReadFile(file);
        Assert.Equal("Числа; повторение", Assert.Single(snapshot.Lessons!).Topic);
        var mark = Assert.Single(snapshot.Marks!);
        Assert.Equal("5", mark.Value);
        Assert.Equal(new DateTimeOffset(2024, 9, 20, 18, 0, 0, TimeSpan.FromHours(3)), mark.EnteredAt);

        // Without --sheet the first sheet of marks.xlsx is read, and its header is refused by name.
        var (badCode, _, badError) = Run("fetch", "--connector", "asiou", "--export-dir", dir, "--from", "2024-09-01", "--to", "2024-09-30", "--out", file);
        Assert.Equal(3, badCode);
        Assert.Contains("marks.xlsx: строка 1: неизвестный столбец «не эта таблица»", badError, StringComparison.Ordinal);
    }
}
