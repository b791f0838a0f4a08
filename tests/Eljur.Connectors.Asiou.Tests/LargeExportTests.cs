using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Eljur.Connectors.Asiou.Mapping;
using Xunit.Abstractions;
using static Eljur.Connectors.Asiou.Tests.LargeSchool;

namespace Eljur.Connectors.Asiou.Tests;

/// <summary>A 100,000-row marks export (generated to a temporary folder) is read row by row.</summary>
[Collection(LargeExportCollection.Name)]
public sealed class LargeExportTests : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly string _dir;
    private readonly long _marksBytes;

    public LargeExportTests(ITestOutputHelper output)
    {
        _output = output;
        _dir = Fixtures.NewDirectory();
        _marksBytes = Generate(_dir);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// Reading the file holds one row at a time: the live managed heap, measured after a full
    /// collection every 10,000 rows, stays flat while the reader walks a ~9 MB file.
    /// </summary>
    [Fact]
    public void Reading_the_export_keeps_memory_flat()
    {
        var mapping = AsiouMapping.Default();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        var rows = 0;
        using (var reader = ExportReader.Open(Path.Combine(_dir, "marks.csv"), mapping, ExportKind.Marks, new AsiouOptions()))
        {
            Assert.Equal(1251, Assert.IsType<CsvExportReader>(reader).Encoding.CodePage);
            while (reader.Read())
            {
                Assert.NotEqual(0, reader.Get("value")!.Length);
                if (++rows % 10_000 == 0)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - before);
                }
            }
        }

        Assert.Equal(Rows, rows);
        _output.WriteLine($"file {_marksBytes / 1024.0 / 1024.0:0.0} MiB; live heap growth while reading at most {peak / 1024.0:0} KiB");

        // Well under the file: the text is never held whole (a loaded file would be twice its size as UTF-16).
        Assert.True(peak < _marksBytes / 8, $"The live heap grew by {peak} bytes while reading a {_marksBytes}-byte file.");
        Assert.True(peak < 2 * 1024 * 1024, $"The live heap grew by {peak} bytes while reading.");
    }

    /// <summary>
    /// The whole fetch: 100,000 marks in the snapshot; time, allocations and peak working set are
    /// reported, and what stays in memory is the snapshot itself, bounded relative to the file.
    /// </summary>
    [Fact]
    public async Task A_100k_row_marks_export_imports_streaming()
    {
        var (snapshot, retained) = await LargeSchool.MeasuredFetchAsync(_dir, _output);
        Assert.Equal(Rows, snapshot.Marks!.Count);
        Assert.Equal(Classes * StudentsPerClass, snapshot.Students!.Count);
        Assert.All(snapshot.Marks!.Take(1000), m => Assert.NotNull(m.EnteredAt));

        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"marks.csv: {_marksBytes / 1024.0 / 1024.0:0.0} MiB, {Rows} rows (Windows-1251, detected)"));

        // What stays is the snapshot (records and ids), a small multiple of the file; the file text is not kept.
        Assert.True(retained < 6 * _marksBytes, $"{retained} bytes retained for a {_marksBytes}-byte export.");
        GC.KeepAlive(snapshot);
    }

    /// <summary>Writes students (1,000), a small journal, and 100,000 marks in Windows-1251; returns the marks file's size.</summary>
    private static long Generate(string dir)
    {
        var cp1251 = Fixtures.Windows1251;

        using (var w = new StreamWriter(Path.Combine(dir, "students.csv"), false, cp1251))
        {
            w.Write("Ученик;Класс;Дата зачисления;Дата выбытия;Согласие\r\n");
            for (var c = 0; c < Classes; c++)
            {
                for (var s = 0; s < StudentsPerClass; s++)
                {
                    w.Write($"{Student(c, s)};{ClassName(c)};01.09.2020;;да\r\n");
                }
            }
        }

        using (var w = new StreamWriter(Path.Combine(dir, "journal.csv"), false, cp1251))
        {
            w.Write("Класс;Предмет;Дата;Номер урока;Тема урока;Домашнее задание;Учитель\r\n");
            w.Write("5А;Математика;02.09.2024;1;Повторение;§1;Смирнова Анна Петровна\r\n");
        }

        var path = Path.Combine(dir, "marks.csv");
        using (var w = new StreamWriter(path, false, cp1251))
        {
            w.Write("Ученик;Класс;Предмет;Дата;Отметка;Вид отметки;Дата внесения\r\n");
            var start = new DateTime(2024, 9, 2);
            var sb = new StringBuilder();
            for (var i = 0; i < Rows; i++)
            {
                var c = i % Classes;
                var s = i / Classes % StudentsPerClass;
                var date = start.AddDays(i / 2000 * 7 % 250);
                sb.Clear();
                sb.Append(Student(c, s)).Append(';').Append(ClassName(c)).Append(';').Append(Subjects[i % 6]).Append(';')
                    .Append(date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)).Append(';').Append(2 + (i % 4)).Append(';')
                    .Append(i % 10 == 0 ? "Контрольная работа" : "Текущая").Append(';')
                    .Append(date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)).Append(' ').Append(10 + (i % 8)).Append(":").Append((i % 60).ToString("00", CultureInfo.InvariantCulture)).Append("\r\n");
                w.Write(sb.ToString());
            }

            w.Write("Итого;;;;;;\r\n");
        }

        return new FileInfo(path).Length;
    }
}
