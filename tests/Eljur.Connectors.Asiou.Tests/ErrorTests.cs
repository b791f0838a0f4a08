using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Model;
using Eljur.Connectors.Asiou.Mapping;

namespace Eljur.Connectors.Asiou.Tests;

/// <summary>Every bad input is an error naming the file, the line and the column; nothing is dropped silently.</summary>
public sealed partial class ErrorTests : IDisposable
{
    private readonly AsiouHarness _utf8 = new();
    private readonly AsiouHarness _cp1251 = new(windows1251: true);

    public void Dispose()
    {
        _utf8.Dispose();
        _cp1251.Dispose();
    }

    private string Path(string file, bool cp1251 = false) => System.IO.Path.Combine((cp1251 ? _cp1251 : _utf8).Directory, file);

    private static void Has(ConnectorException ex, params string[] parts)
    {
        foreach (var part in parts)
        {
            Assert.True(ex.Message.Contains(part, StringComparison.Ordinal), $"«{ex.Message}» lacks «{part}»");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_row_that_cannot_be_parsed_names_file_line_and_column(bool cp1251)
    {
        // Line 7: the header, two rows, a row spanning lines 4–5 (a quoted line break), a blank line, then this row.
        Fixtures.Edit(Path("journal.csv", cp1251), "4;5Б;Математика;02.09.2024;3", "4;5Б;Математика;31.02.2024;3");
        var ex = await TestSupport.FailsAsync((cp1251 ? _cp1251 : _utf8).Directory);
        Assert.Equal("journal.csv", ex.Operation);
        Has(ex, "journal.csv", "строка 7, столбец «Дата»: «31.02.2024» — не дата (ожидается dd.MM.yyyy или yyyy-MM-dd)");
    }

    [Fact]
    public async Task An_unknown_column_names_file_and_column()
    {
        Fixtures.Edit(Path("journal.csv"), ";Учитель\r\n", ";Преподаватель\r\n");
        var ex = await TestSupport.FailsAsync(_utf8.Directory);
        Has(ex, "journal.csv", "строка 1: неизвестный столбец «Преподаватель»: в сопоставлении journal он не указан ни как поле, ни как пропускаемый (добавьте его в \"journal.ignoredColumns\" или сопоставьте полю)");
    }

    [Fact]
    public async Task A_missing_column_names_file_and_column()
    {
        Fixtures.Edit(Path("students.csv"), ",Согласие\r\n", ",Примечание\r\n");
        var mapping = WriteMapping(AsiouMapping.DefaultText().Replace("\"№\", \"№ п/п\" ],\n    \"consentValues\"", "\"№\", \"№ п/п\", \"Примечание\" ],\n    \"consentValues\"", StringComparison.Ordinal));
        var ex = await TestSupport.FailsAsync(_utf8.Directory, o => o.MappingFile = mapping);
        Has(ex, "students.csv", "строка 1: нет столбца «Согласие» (его ждёт \"students.columns.consent\"); в заголовке есть «№», «Ученик»");
    }

    [Fact]
    public async Task A_quote_inside_an_unquoted_field_names_line_and_column()
    {
        Fixtures.Edit(Path("marks.csv"), "Петрова Мария Сергеевна;5А;Русский язык", "Петрова \"Маша\" Сергеевна;5А;Русский язык");
        var ex = await TestSupport.FailsAsync(_utf8.Directory);
        Has(ex, "marks.csv", "строка 6, столбец «Ученик»", "кавычка внутри поля без кавычек", "заключите поле в кавычки");
    }

    [Fact]
    public async Task An_unclosed_quote_is_an_error_not_a_swallowed_file()
    {
        Fixtures.Edit(Path("marks.csv"), "\"Сидоров; Пётр, младший\";5Б;Математика;02.09.2024;4;", "\"Сидоров; Пётр, младший;5Б;Математика;02.09.2024;4;");
        var ex = await TestSupport.FailsAsync(_utf8.Directory);
        Has(ex, "marks.csv", "строка 7");
    }

    [Fact]
    public async Task A_short_row_names_the_first_missing_column()
    {
        Fixtures.Edit(Path("marks.csv"), "5;Текущая;02.09.2024 14:05\r\n", "5;Текущая\r\n");
        var ex = await TestSupport.FailsAsync(_utf8.Directory);
        Has(ex, "marks.csv", "строка 2, столбец «Дата внесения»: строка короче заголовка: в ней 6 полей, а в заголовке 7 столбцов");
    }

    [Fact]
    public async Task A_value_beyond_the_last_column_is_an_error()
    {
        Fixtures.Edit(Path("marks.csv"), "5;Текущая;02.09.2024 14:05\r\n", "5;Текущая;02.09.2024 14:05;лишнее\r\n");
        var ex = await TestSupport.FailsAsync(_utf8.Directory);
        Has(ex, "marks.csv", "строка 2, столбец 8: значение «лишнее» стоит правее последнего столбца «Дата внесения»");
    }

    [Fact]
    public async Task Trailing_empty_fields_are_not_values()
    {
        Fixtures.Edit(Path("marks.csv"), "5;Текущая;02.09.2024 14:05\r\n", "5;Текущая;02.09.2024 14:05;;\r\n");
        var s = await TestSupport.FetchAsync(_utf8.Directory);
        Assert.Equal(4, s.Marks!.Count);
    }

    [Fact]
    public async Task A_row_after_the_summary_row_is_an_error()
    {
        Fixtures.Edit(Path("students.csv"), "Итого учеников: 4,,,,,\r\n", "Итого учеников: 4,,,,,\r\n5,Новиков Олег,5А,01.09.2024,,да\r\n");
        var ex = await TestSupport.FailsAsync(_utf8.Directory);
        Has(ex, "students.csv", "строка 8: строка после итоговой строки (строка 7); итоговая строка пропускается только в конце файла");
    }

    [Fact]
    public async Task An_unknown_mark_type_names_the_value_and_the_column()
    {
        Fixtures.Edit(Path("marks.csv"), ";Контрольная работа;", ";Олимпиада;");
        var ex = await TestSupport.FailsAsync(_utf8.Directory);
        Has(ex, "marks.csv", "строка 6, столбец «Вид отметки»: «Олимпиада» — не вид отметки из сопоставления (известны: пустая ячейка, «текущая»", "; добавьте его в \"marks.markTypes\"");
    }

    [Fact]
    public async Task An_empty_required_cell_is_an_error()
    {
        Fixtures.Edit(Path("marks.csv"), ";Математика;02.09.2024;5;Текущая;", ";Математика;02.09.2024;;Текущая;");
        var ex = await TestSupport.FailsAsync(_utf8.Directory);
        Has(ex, "marks.csv", "строка 2, столбец «Отметка»: ячейка пуста, а значение обязательно");
    }

    [Fact]
    public async Task An_empty_entry_time_is_an_error_while_the_column_is_mapped()
    {
        Fixtures.Edit(Path("marks.csv"), ";Текущая;02.09.2024 14:05", ";Текущая;");
        var ex = await TestSupport.FailsAsync(_utf8.Directory);
        Has(ex, "marks.csv", "строка 2, столбец «Дата внесения»: ячейка пуста, а по сопоставлению в этой выгрузке есть дата внесения", "\"marks.columns.enteredAt\": null");
    }

    [Fact]
    public async Task A_bad_entry_time_names_the_formats()
    {
        Fixtures.Edit(Path("marks.csv"), ";Текущая;02.09.2024 14:05", ";Текущая;02.09.2024 25:05");
        var ex = await TestSupport.FailsAsync(_utf8.Directory);
        Has(ex, "marks.csv", "строка 2, столбец «Дата внесения»: «02.09.2024 25:05» — не дата и время (ожидается dd.MM.yyyy HH:mm или ");
    }

    [Fact]
    public async Task A_mark_for_a_student_not_in_the_list_is_an_error()
    {
        Fixtures.Edit(Path("marks.csv"), "Орлова Вера Павловна;5Б", "Орлова Вера Павловна;5А");
        var ex = await TestSupport.FailsAsync(_utf8.Directory);
        Has(ex, "marks.csv", "строка 10, столбец «Ученик»: ученика «Орлова Вера Павловна» из класса «5А» нет в списке учащихся");
    }

    [Fact]
    public async Task An_absence_without_a_lesson_is_an_error()
    {
        Fixtures.Edit(Path("marks.csv"), "Русский язык;02.09.2024;3/5", "Русский язык;03.09.2024;н");
        var ex = await TestSupport.FailsAsync(_utf8.Directory);
        Has(ex, "marks.csv", "строка 6, столбец «Отметка»: пропуск «н» за 03.09.2024 по предмету «Русский язык», но в журнале нет такого урока у класса «5А»");
    }

    [Fact]
    public async Task A_student_listed_twice_is_an_error()
    {
        Fixtures.Edit(Path("students.csv"), "4,Орлова Вера Павловна,5Б", "4,Иванов  Иван Иванович,5а");
        var ex = await TestSupport.FailsAsync(_utf8.Directory);
        Has(ex, "students.csv", "строка 6, столбец «Ученик»: ученик «Иванов  Иван Иванович» класса «5а» указан дважды (первый раз — строка 2)");
    }

    [Fact]
    public async Task A_missing_export_names_the_pattern()
    {
        File.Delete(Path("journal.csv"));
        var ex = await TestSupport.FailsAsync(_utf8.Directory);
        Assert.Equal("journal*.csv;journal*.xlsx", ex.Operation);
        Has(ex, "нет выгрузки журнала: в папке выгрузок нет файла по шаблону journal*.csv;journal*.xlsx");
    }

    [Fact]
    public async Task Two_files_for_one_export_is_an_error()
    {
        File.Copy(Path("marks.csv"), Path("marks-old.csv"));
        var ex = await TestSupport.FailsAsync(_utf8.Directory);
        Has(ex, "под шаблон выгрузки отметок marks*.csv;marks*.xlsx подходят 2 файла (marks-old.csv, marks.csv)", "ровно один");
    }

    [Fact]
    public async Task An_empty_file_is_an_error()
    {
        File.WriteAllBytes(Path("students.csv"), Array.Empty<byte>());
        var ex = await TestSupport.FailsAsync(_utf8.Directory);
        Has(ex, "students.csv", "файл пуст: нет строки заголовка");
    }

    [Fact]
    public async Task A_school_mapping_renames_columns_and_capabilities_follow_it()
    {
        // A school whose marks export has other headers, no class, no mark type and no entry time.
        File.WriteAllText(Path("marks.csv"), "\uFEFFФИО;Дисциплина;Число;Балл\r\nИванов Иван Иванович;Математика;02.09.2024;5\r\nОрлова Вера Павловна;Математика;2024-09-02;4\r\n\r\n");
        var mapping = WriteMapping("""
            {
              "format": "asiou.mapping/1",
              "journal": null,
              "marks": { "columns": { "student": "ФИО", "subject": "Дисциплина", "date": "Число", "value": "Балл", "class": null, "markType": null, "enteredAt": null } },
              "students": { "columns": { "student": "Ученик", "class": "Класс", "enrolledOn": "Дата зачисления", "leftOn": "Дата выбытия" }, "ignoredColumns": [ "№", "Согласие" ] }
            }
            """);
        var connector = TestSupport.Connector(_utf8.Directory, o => o.MappingFile = mapping);
        Assert.Equal(new[] { Capability.Marks }, connector.Capabilities);
        var s = await connector.FetchAsync(new FetchRequest { From = new DateTime(2024, 9, 1), To = new DateTime(2024, 9, 30) });
        Assert.Null(s.Lessons);
        Assert.Equal(2, s.Marks!.Count);
        Assert.All(s.Marks!, m => Assert.Null(m.EnteredAt));
        Assert.Equal(s.Students!.Single(x => x.Name == "Орлова Вера Павловна").Id, s.Marks![1].StudentId);
        Assert.All(s.Students!, x => Assert.Null(x.Consent));
        Assert.Empty(Eljur.Connectors.Testing.ConformanceAssert.CapabilityMismatches(s));
    }

    [Theory]
    [InlineData("{ \"jounral\": {} }", "school.json: строка 1: неизвестный ключ \"jounral\"")]
    [InlineData("{ \"marks\": { \"columns\": { \"student\": \"Ученик\" } } }", "не задан обязательный \"marks.columns.subject\": укажите заголовок столбца с предметом")]
    [InlineData("{ \"journal\": null, \"marks\": null, \"students\": null }", "не сопоставлено ни одной выгрузки")]
    [InlineData("{ \"students\": { \"columns\": { \"student\": \"Ученик\", \"class\": \"Ученик\" } } }", "столбец «Ученик» сопоставлен нескольким полям (\"student\", \"class\")")]
    [InlineData("{ \"marks\": { \"columns\": { \"student\": \"У\", \"subject\": \"П\", \"date\": \"Д\", \"value\": \"О\", \"markType\": \"В\" }, \"markTypes\": { \"Текущая\": \"oral\" } }, \"students\": { \"columns\": { \"student\": \"У\", \"class\": \"К\" } } }", "значение \"marks.markTypes.Текущая\" должно быть одним из")]
    [InlineData("{ \"marks\": { \"columns\": { \"student\": \"У\", \"subject\": \"П\", \"date\": \"Д\", \"value\": \"О\" } } }", "выгрузка \"students\" не сопоставлена")]
    [InlineData("{ not json", "ошибка в JSON (строка 1, позиция")]
    public void A_bad_mapping_is_refused_with_the_reason(string json, string expected)
    {
        var ex = Assert.Throws<AsiouMappingException>(() => AsiouMapping.Parse(json, "school.json"));
        Assert.Contains("school.json", ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void The_default_mapping_loads_and_declares_what_its_columns_provide()
    {
        var m = AsiouMapping.Default();
        Assert.Equal("Дата внесения", m[ExportKind.Marks]!.Headers["enteredAt"]);
        Assert.Contains(Capability.MarkEntryTimes, m.Capabilities());
        Assert.DoesNotContain(Capability.TopicEntryTimes, m.Capabilities());
        Assert.Equal(MarkKind.Written, m.MarkTypes["контрольная работа"]);
        Assert.Equal(AbsenceReason.Valid, m.AbsenceValues["б"]);
    }

    private string WriteMapping(string json)
    {
        var path = System.IO.Path.Combine(_utf8.Directory, "school-mapping.json");
        File.WriteAllText(path, json);
        return path;
    }
}
