using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Eljur.Connectors.Asiou.Mapping;
using Eljur.Connectors.Asiou.Tests.Xlsx;
using Xunit.Abstractions;
using static Eljur.Connectors.Asiou.Tests.LargeSchool;

namespace Eljur.Connectors.Asiou.Tests;

/// <summary>
/// A 100,000-row marks export as an .xlsx workbook (typed dates and entry times, numeric marks,
/// shared strings) is read row by row, like the CSV one of <see cref="LargeExportTests"/>. The
/// student list and the journal stay CSV: one folder may mix the formats.
/// </summary>
[Collection(LargeExportCollection.Name)]
public sealed class XlsxLargeExportTests : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly string _dir;
    private readonly long _fileBytes;
    private readonly long _sheetXmlBytes;

    public XlsxLargeExportTests(ITestOutputHelper output)
    {
        _output = output;
        _dir = Fixtures.NewDirectory();
        var watch = Stopwatch.StartNew();
        (_fileBytes, _sheetXmlBytes) = Generate(_dir);
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"marks.xlsx written in {watch.ElapsedMilliseconds} ms: {_fileBytes / 1024.0 / 1024.0:0.0} MiB, sheet XML {_sheetXmlBytes / 1024.0 / 1024.0:0.0} MiB uncompressed"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// Reading the workbook holds one row at a time: the live managed heap, measured after a full
    /// collection every 10,000 rows, stays flat while the reader walks the sheet.
    /// </summary>
    [Fact]
    public void Reading_the_xlsx_export_keeps_memory_flat()
    {
        var mapping = AsiouMapping.Default();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        long afterOpen;
        var rows = 0;
        var watch = Stopwatch.StartNew();
        using (var reader = ExportReader.Open(Path.Combine(_dir, "marks.xlsx"), mapping, ExportKind.Marks, new AsiouOptions()))
        {
            afterOpen = GC.GetTotalMemory(forceFullCollection: true) - before;
            Assert.Equal("xlsx, sheet «Отметки»", reader.Format);
            while (reader.Read())
            {
                Assert.NotEqual(0, reader.Get("value")!.Length);
                if (++rows % 10_000 == 0)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - before);
                }
            }
        }

        watch.Stop();
        Assert.Equal(Rows, rows);
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read {rows} rows in {watch.ElapsedMilliseconds} ms (with 10 full collections); live heap after opening +{afterOpen / 1024.0:0} KiB (shared strings, styles), at most +{peak / 1024.0:0} KiB while reading"));

        // Well under the sheet: its XML is streamed, never held (loaded, it would be several times its size).
        Assert.True(peak < _sheetXmlBytes / 8, $"The live heap grew by {peak} bytes while reading a sheet of {_sheetXmlBytes} bytes of XML.");
        Assert.True(peak < 4 * 1024 * 1024, $"The live heap grew by {peak} bytes while reading.");
    }

    /// <summary>The whole fetch: 100,000 marks in the snapshot; time, allocations and peak working set are reported.</summary>
    [Fact]
    public async Task A_100k_row_xlsx_marks_export_imports_streaming()
    {
        var (snapshot, retained) = await LargeSchool.MeasuredFetchAsync(_dir, _output);
        Assert.Equal(Rows, snapshot.Marks!.Count);
        Assert.Equal(Classes * StudentsPerClass, snapshot.Students!.Count);
        Assert.All(snapshot.Marks!.Take(1000), m => Assert.NotNull(m.EnteredAt));
        Assert.Equal(new DateTimeOffset(2024, 9, 2, 10, 0, 0, TimeSpan.FromHours(3)), snapshot.Marks![0].EnteredAt);
        Assert.Equal("2", snapshot.Marks![0].Value);

        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"marks.xlsx: {_fileBytes / 1024.0 / 1024.0:0.0} MiB ({_sheetXmlBytes / 1024.0 / 1024.0:0.0} MiB of sheet XML), {Rows} rows"));

        // What stays is the snapshot (records and ids), bounded relative to the sheet; the sheet is not kept.
        Assert.True(retained < 2 * _sheetXmlBytes, $"{retained} bytes retained for {_sheetXmlBytes} bytes of sheet XML.");
        GC.KeepAlive(snapshot);
    }

    /// <summary>Writes students (1,000) and a small journal as CSV and 100,000 marks as .xlsx; returns the workbook's size and its sheet's XML size.</summary>
    private static (long File, long SheetXml) Generate(string dir)
    {
        var cp1251 = Fixtures.Windows1251;

        var students = new StringBuilder("Ученик;Класс;Дата зачисления;Дата выбытия;Согласие\r\n");
        for (var c = 0; c < Classes; c++)
        {
            for (var s = 0; s < StudentsPerClass; s++)
            {
                students.Append(Student(c, s)).Append(';').Append(ClassName(c)).Append(";01.09.2020;;да\r\n");
            }
        }

        File.WriteAllText(Path.Combine(dir, "students.csv"), students.ToString(), cp1251);
        File.WriteAllText(Path.Combine(dir, "journal.csv"), "Класс;Предмет;Дата;Номер урока;Тема урока;Домашнее задание;Учитель\r\n5А;Математика;02.09.2024;1;Повторение;§1;Смирнова Анна Петровна\r\n", cp1251);

        IEnumerable<object?[]> Marks()
        {
            yield return new object?[] { "Ученик", "Класс", "Предмет", "Дата", "Отметка", "Вид отметки", "Дата внесения" };
            var start = new DateTime(2024, 9, 2);
            for (var i = 0; i < Rows; i++)
            {
                var c = i % Classes;
                var s = i / Classes % StudentsPerClass;
                var date = start.AddDays(i / 2000 * 7 % 250);
                yield return new object?[]
                {
                    Student(c, s), ClassName(c), Subjects[i % 6], date, (double)(2 + (i % 4)),
                    i % 10 == 0 ? "Контрольная работа" : "Текущая", date.AddHours(10 + (i % 8)).AddMinutes(i % 60),
                };
            }

            yield return new object?[] { "Итого", null, null, null, (double)Rows };
        }

        var path = Path.Combine(dir, "marks.xlsx");
        XlsxWriter.Write(path, new XlsxSheet("Отметки", Marks()), new XlsxSheet("Параметры", new[] { new object?[] { "Период", "2024/2025" } }));
        using var zip = ZipFile.OpenRead(path);
        var sheetXml = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Max(e => e.Length);
        return (new FileInfo(path).Length, sheetXml);
    }
}
