using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Eljur.Abstractions.Connectors;
using Eljur.Connectors.Asiou.Mapping;
using Eljur.Connectors.Asiou.Tests.Xlsx;
using Eljur.Connectors.Testing;

namespace Eljur.Connectors.Asiou.Tests;

/// <summary>.xlsx exports: read through the same mapping and checks as CSV, typed cells become the text a CSV holds.</summary>
public sealed class XlsxTests : IDisposable
{
    private static readonly string[] MarksHeader = { "Ученик", "Класс", "Предмет", "Дата", "Отметка", "Вид отметки", "Дата внесения" };

    private readonly AsiouHarness _csv = new();
    private readonly AsiouHarness _xlsx = new(xlsx: true);

    public void Dispose()
    {
        _csv.Dispose();
        _xlsx.Dispose();
    }

    private string Path(string file) => System.IO.Path.Combine(_xlsx.Directory, file);

    private static void Has(ConnectorException ex, params string[] parts)
    {
        foreach (var part in parts)
        {
            Assert.True(ex.Message.Contains(part, StringComparison.Ordinal), $"«{ex.Message}» lacks «{part}»");
        }
    }

    /// <summary>Rewrites one fixture workbook from its CSV text with a replacement applied.</summary>
    private void EditFixture(string csvFile, string from, string to)
    {
        var text = XlsxFixtures.SourceText(csvFile);
        Assert.Contains(from, text);
        XlsxFixtures.WriteFromCsv(Path(System.IO.Path.ChangeExtension(csvFile, ".xlsx")), text.Replace(from, to, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Xlsx_and_csv_fixtures_give_the_same_snapshot()
    {
        var csv = ConformanceAssert.ToJson(await TestSupport.FetchAsync(_csv.Directory));
        var xlsx = ConformanceAssert.ToJson(await TestSupport.FetchAsync(_xlsx.Directory));
        Assert.Equal(csv, xlsx);
        Assert.Contains("Упр. 12;\\r\\nвыучить правило", xlsx);
        Assert.Contains("\"3/5\"", xlsx);
    }

    [Fact]
    public void The_xlsx_fixtures_have_the_features_they_claim()
    {
        var cells = new List<Cell>();
        var sheets = new List<string>();
        var gaps = 0;
        foreach (var file in XlsxFixtures.Files)
        {
            using var doc = SpreadsheetDocument.Open(Path(file), false);
            var workbook = doc.WorkbookPart!;
            sheets.AddRange(workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));
            var first = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!);
            var rows = first.Worksheet.Descendants<Row>().ToList();
            gaps += rows.Zip(rows.Skip(1), (a, b) => b.RowIndex!.Value - a.RowIndex!.Value - 1).Count(g => g > 0);
            cells.AddRange(rows.SelectMany(r => r.Elements<Cell>()));
            var last = rows[^1].Elements<Cell>().First();
            var text = last.DataType?.Value == CellValues.SharedString
                ? workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(last.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).InnerText
                : last.InnerText;
            Assert.True(text.StartsWith("Итого", StringComparison.Ordinal) || text.StartsWith("Всего", StringComparison.Ordinal), $"{file} ends with «{text}»");
        }

        Assert.Contains(cells, c => c.DataType?.Value == CellValues.SharedString);
        Assert.Contains(cells, c => c.DataType?.Value == CellValues.InlineString);
        Assert.Contains(cells, c => c.StyleIndex?.Value == 1); // a date cell
        Assert.Contains(cells, c => c.StyleIndex?.Value == 2); // a date-and-time cell
        Assert.Contains(cells, c => c.DataType is null && c.StyleIndex is null && c.CellFormula is null); // a plain number
        Assert.Contains(cells, c => c.CellFormula is not null);
        Assert.True(gaps >= 2, "blank rows");
        Assert.Equal(3, sheets.Count(s => s == "Справка"));
        Assert.Contains("01.09.2020", File.ReadAllText(System.IO.Path.Combine(Fixtures.Source, "students.csv"))); // stays text in students.xlsx
    }

    [Fact]
    public async Task A_cell_that_cannot_be_parsed_names_file_row_and_column()
    {
        // Row 6: the header, three rows (the CSV's two-line row is one row here), a blank row, then this one.
        EditFixture("journal.csv", "4;5Б;Математика;02.09.2024;3", "4;5Б;Математика;31.02.2024;3");
        var ex = await TestSupport.FailsAsync(_xlsx.Directory);
        Assert.Equal("journal.xlsx", ex.Operation);
        Has(ex, "journal.xlsx", "строка 6, столбец «Дата»: «31.02.2024» — не дата");
    }

    [Fact]
    public async Task A_missing_column_names_file_and_column()
    {
        var header = MarksHeader.Where(h => h != "Отметка").ToArray();
        XlsxWriter.Write(Path("marks.xlsx"), new XlsxSheet("Лист1", new[] { header, new object?[] { "Иванов Иван Иванович", "5А", "Математика", new DateTime(2024, 9, 2), "Текущая", new DateTime(2024, 9, 2, 14, 5, 0) } }));
        var ex = await TestSupport.FailsAsync(_xlsx.Directory);
        Has(ex, "marks.xlsx", "строка 1: нет столбца «Отметка» (его ждёт \"marks.columns.value\")");
    }

    [Fact]
    public async Task An_unknown_column_names_file_and_column()
    {
        EditFixture("journal.csv", ";Учитель\r\n", ";Преподаватель\r\n");
        var ex = await TestSupport.FailsAsync(_xlsx.Directory);
        Has(ex, "journal.xlsx", "строка 1: неизвестный столбец «Преподаватель»");
    }

    [Fact]
    public async Task The_first_visible_sheet_is_read_or_the_one_the_option_names()
    {
        // The fixtures' second sheet «Справка» is ignored (its header would be unknown columns).
        var s = await TestSupport.FetchAsync(_xlsx.Directory);
        Assert.Equal(4, s.Marks!.Count);

        // A hidden first sheet is skipped.
        var hidden = Path("hidden.xlsx");
        XlsxWriter.Write(hidden, new XlsxSheet("Служебный", new[] { new object?[] { "мусор" } }) { Hidden = true }, new XlsxSheet("Отметки", new[] { MarksHeader, new object?[] { "Иванов Иван Иванович", "5А", "Математика", new DateTime(2024, 9, 2), 5, "Текущая", new DateTime(2024, 9, 2, 14, 5, 0) } }));
        using (var reader = ExportReader.Open(hidden, AsiouMapping.Default(), ExportKind.Marks, new AsiouOptions()))
        {
            Assert.Equal("xlsx, sheet «Отметки»", reader.Format);
            Assert.True(reader.Read());
            Assert.Equal("5", reader.Get("value"));
        }

        // Named: that sheet of every workbook (here «Справка», whose header the mapping does not know).
        var named = await TestSupport.FailsAsync(_xlsx.Directory, o => o.Sheet = " справка ");
        Has(named, "students.xlsx", "строка 1: неизвестный столбец «Отчёт сформирован»");

        var missing = await TestSupport.FailsAsync(_xlsx.Directory, o => o.Sheet = "Оценки");
        Has(missing, "students.xlsx", "в книге нет листа «Оценки» (настройка Sheet, --sheet); её листы: «Отчёт», «Справка»");
    }

    [Theory]
    [InlineData("text", "это не книга .xlsx: внутри нет архива книги")]
    [InlineData("empty", "файл пуст — это не книга .xlsx")]
    [InlineData("truncated", "книга .xlsx не читается: «")]
    [InlineData("ole", "это книга «Excel 97–2003» (.xls) или книга с паролем")]
    public async Task A_file_that_is_not_a_workbook_is_a_clear_error(string kind, string expected)
    {
        var path = Path("marks.xlsx");
        switch (kind)
        {
            case "text":
                File.Copy(System.IO.Path.Combine(Fixtures.Source, "marks.csv"), path, overwrite: true);
                break;
            case "empty":
                File.WriteAllBytes(path, Array.Empty<byte>());
                break;
            case "truncated":
                var bytes = File.ReadAllBytes(path);
                File.WriteAllBytes(path, bytes.Take(bytes.Length / 2).ToArray());
                break;
            case "ole":
                File.WriteAllBytes(path, new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.Concat(new byte[504]).ToArray());
                break;
        }

        var ex = await TestSupport.FailsAsync(_xlsx.Directory);
        Assert.Equal("marks.xlsx", ex.Operation);
        Has(ex, "marks.xlsx", expected);
    }

    [Fact]
    public async Task An_xls_file_is_refused_with_the_way_out()
    {
        var ex = await TestSupport.FailsAsync(_xlsx.Directory, o => o.MarksFilePattern = "marks*.xls");
        Has(ex, "нет выгрузки отметок");
        File.WriteAllBytes(Path("marks.xls"), new byte[] { 0xD0, 0xCF, 0x11, 0xE0 });
        File.Delete(Path("marks.xlsx"));
        var xls = await TestSupport.FailsAsync(_xlsx.Directory, o => o.MarksFilePattern = "marks*.xls");
        Has(xls, "marks.xls", "формат «Excel 97–2003» (.xls) не читается", "сохраните отчёт в формате «Книга Excel» (.xlsx) или CSV");

        // A workbook saved under a CSV name is named for what it is.
        File.Copy(Path("journal.xlsx"), Path("marks.csv"));
        var zip = await TestSupport.FailsAsync(_xlsx.Directory, o => o.MarksFilePattern = "marks*.csv");
        Has(zip, "marks.csv", "это архив (видимо, книга .xlsx), а не текст CSV: дайте файлу расширение .xlsx");
    }

    [Fact]
    public async Task A_csv_and_an_xlsx_for_one_export_is_an_error_listing_both()
    {
        File.Copy(System.IO.Path.Combine(_csv.Directory, "marks.csv"), Path("marks.csv"));
        var ex = await TestSupport.FailsAsync(_xlsx.Directory);
        Assert.Equal("marks*.csv;marks*.xlsx", ex.Operation);
        Has(ex, "подходят 2 файла (marks.csv, marks.xlsx)", "ровно один");

        // A pattern set to CSV only (as before XLSX was read) still picks the CSV.
        var s = await TestSupport.FetchAsync(_xlsx.Directory, o => o.MarksFilePattern = "marks*.csv");
        Assert.Equal(4, s.Marks!.Count);
    }

    [Fact]
    public async Task A_date_cell_where_no_date_belongs_is_an_error()
    {
        // Excel turns a typed «3/5» into 5 March: that must not become the mark «05.03.2024».
        XlsxWriter.Write(Path("marks.xlsx"), new XlsxSheet("Лист1", new[]
        {
            MarksHeader,
            new object?[] { "Иванов Иван Иванович", "5А", "Математика", new DateTime(2024, 9, 2), 5, "Текущая", new DateTime(2024, 9, 2, 14, 5, 0) },
            new object?[] { "Петрова Мария Сергеевна", "5А", "Русский язык", new DateTime(2024, 9, 2), new DateTime(2024, 3, 5), "Контрольная работа", new DateTime(2024, 9, 4, 18, 30, 0) },
        }));
        var ex = await TestSupport.FailsAsync(_xlsx.Directory);
        Has(ex, "marks.xlsx", "строка 3, столбец «Отметка»: в ячейке дата (05.03.2024)", "задайте столбцу текстовый формат");
    }

    [Fact]
    public void Typed_cells_become_the_text_the_parsers_read()
    {
        XlsxWriter.Write(Path("marks.xlsx"), new XlsxSheet("Лист1", new[]
        {
            new object?[] { "№", "Ученик", "Класс", "Предмет", "Дата", "Отметка", "Вид отметки", "Дата внесения" },
            new object?[] { 1.0, "Иванов Иван Иванович", "5А", "Математика", new DateTime(2024, 9, 2), 5.0, "Текущая", new DateTime(2024, 9, 2, 14, 5, 0) },
            new object?[] { 2, new InlineText("  Иванов Иван Иванович "), "5А", "Математика", "02.09.2024", 4.5, new InlineText("Текущая"), new DateTime(2024, 9, 2, 14, 6, 31) },
            new object?[] { 3, "Петрова Мария Сергеевна", "5А", "Математика", new DateTime(2024, 9, 3), new FormulaCell("\"н\"", "н"), null, "03.09.2024 09:00" },
            new object?[] { 4, "Иванов Иван Иванович", "5А", "Математика", new StyledDate(new DateTime(2024, 9, 2), WithTime: true), "3/5", "Контрольная работа", new StyledDate(new DateTime(2024, 9, 5), WithTime: true) },
        }));
        var mapping = AsiouMapping.Default();
        using var r = ExportReader.Open(Path("marks.xlsx"), mapping, ExportKind.Marks, new AsiouOptions { Encoding = "windows-1251", Delimiter = "," });
        Assert.True(r.Read());
        Assert.Equal(("5", "02.09.2024", "02.09.2024 14:05"), (r.Get("value"), r.Get("date"), r.Get("enteredAt")));
        Assert.True(r.Read());
        Assert.Equal(("Иванов Иван Иванович", "4.5", "02.09.2024", "02.09.2024 14:06:31"), (r.Get("student"), r.Get("value"), r.Get("date"), r.Get("enteredAt")));
        Assert.True(r.Read());
        Assert.Equal(("н", "", "03.09.2024 09:00"), (r.Get("value"), r.Get("markType"), r.Get("enteredAt")));
        Assert.True(r.Read());
        Assert.Equal(("3/5", "02.09.2024", "05.09.2024 00:00"), (r.Get("value"), r.Get("date"), r.Get("enteredAt")));
        Assert.Equal(5, r.Line);
        Assert.False(r.Read());
        Assert.Equal(4, r.Rows);
    }

    [Fact]
    public async Task An_entry_time_cell_showing_only_a_date_or_only_a_time_is_an_error()
    {
        XlsxWriter.Write(Path("marks.xlsx"), new XlsxSheet("Лист1", new[] { MarksHeader, new object?[] { "Иванов Иван Иванович", "5А", "Математика", new DateTime(2024, 9, 2), 5, "Текущая", new DateTime(2024, 9, 2) } }));
        var dateOnly = await TestSupport.FailsAsync(_xlsx.Directory);
        Has(dateOnly, "marks.xlsx", "строка 2, столбец «Дата внесения»", "«02.09.2024» — не дата и время");

        XlsxWriter.Write(Path("marks.xlsx"), new XlsxSheet("Лист1", new[] { MarksHeader, new object?[] { "Иванов Иван Иванович", "5А", "Математика", new DateTime(2024, 9, 2), 5, "Текущая", new DateTime(1899, 12, 30, 14, 5, 0) } }));
        var timeOnly = await TestSupport.FailsAsync(_xlsx.Directory);
        Has(timeOnly, "marks.xlsx", "строка 2, столбец «Дата внесения»: в ячейке время (14:05:00) без даты");
    }

    [Fact]
    public async Task Booleans_merged_cells_and_values_outside_the_header()
    {
        // A boolean consent reads as true/false (in the default consentValues); a merged class cell
        // leaves the rows below it empty, which a required column refuses.
        string[] header = { "Ученик", "Класс", "Дата зачисления", "Дата выбытия", "Согласие" };
        XlsxWriter.Write(Path("students.xlsx"), new XlsxSheet("Лист1", new[]
        {
            header,
            new object?[] { "Иванов Иван Иванович", "5А", "01.09.2020", null, true },
            new object?[] { "Петрова Мария Сергеевна", "5А", new DateTime(2020, 9, 1), null, false },
            new object?[] { "Сидоров; Пётр, младший", "5Б", new DateTime(2021, 9, 1), new DateTime(2024, 10, 15), null },
            new object?[] { "Орлова Вера Павловна", "5Б", new DateTime(2024, 9, 1), null, "Да" },
        }));
        var s = await TestSupport.FetchAsync(_xlsx.Directory);
        Assert.True(s.Students!.Single(x => x.Name == "Иванов Иван Иванович").Consent);
        Assert.False(s.Students!.Single(x => x.Name == "Петрова Мария Сергеевна").Consent);

        XlsxWriter.Write(Path("students.xlsx"), new XlsxSheet("Лист1", new[]
        {
            header,
            new object?[] { "Иванов Иван Иванович", "5А", "01.09.2020", null, true },
            new object?[] { "Петрова Мария Сергеевна", null, new DateTime(2020, 9, 1), null, false },
        }) { Merges = new[] { "B2:B3" } });
        var merged = await TestSupport.FailsAsync(_xlsx.Directory);
        Has(merged, "students.xlsx", "строка 3, столбец «Класс»: ячейка пуста");

        XlsxWriter.Write(Path("students.xlsx"), new XlsxSheet("Лист1", new[]
        {
            header,
            new object?[] { "Иванов Иван Иванович", "5А", "01.09.2020", null, true, null, "примечание" },
        }));
        var beyond = await TestSupport.FailsAsync(_xlsx.Directory);
        Has(beyond, "students.xlsx", "строка 2, столбец G: значение «примечание» стоит в столбце без заголовка");
    }

    [Fact]
    public async Task A_row_after_the_summary_row_names_both_rows()
    {
        EditFixture("students.csv", "Итого учеников: 4,,,,,\r\n", "Итого учеников: 4,,,,,\r\n5,Новиков Олег,5А,01.09.2024,,да\r\n");
        var ex = await TestSupport.FailsAsync(_xlsx.Directory);
        Has(ex, "students.xlsx", "строка 8: строка после итоговой строки (строка 7)");
    }

    [Fact]
    public async Task A_student_listed_twice_names_the_first_row()
    {
        EditFixture("students.csv", "4,Орлова Вера Павловна,5Б", "4,Иванов  Иван Иванович,5а");
        var ex = await TestSupport.FailsAsync(_xlsx.Directory);
        Has(ex, "students.xlsx", "строка 6", "указан дважды (первый раз — строка 2)");
    }

    /// <summary>XLSX errors a school reads are Russian, as <see cref="ErrorTests"/> checks for CSV.</summary>
    [Theory]
    [InlineData("bad date")]
    [InlineData("date cell in a mark column")]
    [InlineData("time without a date")]
    [InlineData("no such sheet")]
    [InlineData("every sheet hidden")]
    [InlineData("text under the .xlsx name")]
    [InlineData("truncated workbook")]
    [InlineData("xls workbook")]
    [InlineData("empty file")]
    [InlineData("workbook under the .csv name")]
    public async Task Every_xlsx_message_a_school_reads_is_Russian(string error)
    {
        Action<AsiouOptions>? configure = null;
        switch (error)
        {
            case "bad date":
                EditFixture("journal.csv", "4;5Б;Математика;02.09.2024;3", "4;5Б;Математика;31.02.2024;3");
                break;
            case "date cell in a mark column":
                XlsxWriter.Write(Path("marks.xlsx"), new XlsxSheet("Лист1", new[] { MarksHeader, new object?[] { "Иванов Иван Иванович", "5А", "Математика", new DateTime(2024, 9, 2), new DateTime(2024, 3, 5), "Текущая", new DateTime(2024, 9, 2, 14, 5, 0) } }));
                break;
            case "time without a date":
                XlsxWriter.Write(Path("marks.xlsx"), new XlsxSheet("Лист1", new[] { MarksHeader, new object?[] { "Иванов Иван Иванович", "5А", "Математика", new DateTime(2024, 9, 2), 5, "Текущая", new DateTime(1899, 12, 30, 14, 5, 0) } }));
                break;
            case "no such sheet":
                configure = o => o.Sheet = "Оценки";
                break;
            case "every sheet hidden":
                XlsxWriter.Write(Path("marks.xlsx"), new XlsxSheet("Служебный", new[] { MarksHeader }) { Hidden = true });
                break;
            case "text under the .xlsx name":
                File.Copy(System.IO.Path.Combine(Fixtures.Source, "marks.csv"), Path("marks.xlsx"), overwrite: true);
                break;
            case "truncated workbook":
                var bytes = File.ReadAllBytes(Path("marks.xlsx"));
                File.WriteAllBytes(Path("marks.xlsx"), bytes.Take(bytes.Length / 2).ToArray());
                break;
            case "xls workbook":
                File.WriteAllBytes(Path("marks.xlsx"), new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.Concat(new byte[504]).ToArray());
                break;
            case "empty file":
                File.WriteAllBytes(Path("marks.xlsx"), Array.Empty<byte>());
                break;
            case "workbook under the .csv name":
                File.Copy(Path("marks.xlsx"), Path("marks.csv"));
                configure = o => o.MarksFilePattern = "marks*.csv";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(error), error, "no such case");
        }

        var ex = await TestSupport.FailsAsync(_xlsx.Directory, configure);
        var message = ex.Message.Substring((ex.Connector + ": " + ex.Operation + ": ").Length);
        Assert.Matches("[А-Яа-яЁё]", message);
        Assert.True(LatinWords.In(message).Count == 0, $"«{message}» has Latin words outside quotes: {string.Join(", ", LatinWords.In(message))}");
    }

    [Fact]
    public async Task An_empty_sheet_is_an_error()
    {
        XlsxWriter.Write(Path("journal.xlsx"), new XlsxSheet("Лист1", Array.Empty<object?[]>()));
        var ex = await TestSupport.FailsAsync(_xlsx.Directory);
        Has(ex, "journal.xlsx", "файл пуст: нет строки заголовка");
    }
}
