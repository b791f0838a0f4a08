using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CsvHelper;
using CsvHelper.Configuration;

namespace Eljur.Connectors.Asiou.Tests.Xlsx;

/// <summary>
/// The CSV fixture exports as .xlsx workbooks with the same content, the way a spreadsheet holds it:
/// <list type="bullet">
/// <item>dates (<c>dd.MM.yyyy</c>) as typed date cells, entry times as typed date-and-time cells —
/// except in the student list, whose dates stay text (<c>dd.MM.yyyy</c>), and ISO-written values
/// (<c>yyyy-MM-dd…</c>), which stay text too;</item>
/// <item>whole numbers (marks, «№», the summary's count) as numeric cells; lesson numbers as formulas with cached values;</item>
/// <item>other text as shared strings in even columns (A, C, …) and inline strings in odd ones (B, D, …),
/// a carriage return inside a cell escaped as Excel writes it (<c>_x000D_</c>);</item>
/// <item>blank lines as missing rows; the summary row kept; a second sheet «Справка» that must be ignored.</item>
/// </list>
/// </summary>
internal static class XlsxFixtures
{
    private static readonly HashSet<string> DateColumns = new(StringComparer.Ordinal) { "Дата", "Дата зачисления", "Дата выбытия" };

    public static readonly string[] Files = { "students.xlsx", "journal.xlsx", "marks.xlsx" };

    /// <summary>A new temporary folder with the three fixture exports as .xlsx.</summary>
    public static string CopyTo()
    {
        var dir = Fixtures.NewDirectory();
        foreach (var csv in Fixtures.Files)
        {
            WriteFromCsv(Path.Combine(dir, Path.ChangeExtension(csv, ".xlsx")), File.ReadAllText(Path.Combine(Fixtures.Source, csv)));
        }

        return dir;
    }

    /// <summary>The CSV fixture text of <paramref name="csvFile"/> (as committed).</summary>
    public static string SourceText(string csvFile) => File.ReadAllText(Path.Combine(Fixtures.Source, csvFile)).TrimStart('\uFEFF');

    /// <summary>Writes <paramref name="csvText"/> (a fixture export, ';' or ',' separated) as a workbook, typed as described above.</summary>
    public static void WriteFromCsv(string path, string csvText)
    {
        var text = csvText.TrimStart('\uFEFF');
        var firstLine = text.Substring(0, text.IndexOf('\n'));
        var delimiter = firstLine.Count(c => c == ';') >= firstLine.Count(c => c == ',') ? ";" : ",";
        var students = Path.GetFileName(path).StartsWith("students", StringComparison.Ordinal);
        var rows = new List<object?[]>();
        using (var parser = new CsvParser(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = delimiter, HasHeaderRecord = false, IgnoreBlankLines = false }))
        {
            string[]? header = null;
            while (parser.Read())
            {
                var record = parser.Record!;
                if (record.All(f => f.Trim().Length == 0))
                {
                    rows.Add(Array.Empty<object?>());
                    continue;
                }

                if (header is null)
                {
                    header = record;
                    rows.Add(record.Select((h, i) => Text(h, i)).ToArray());
                    continue;
                }

                rows.Add(record.Select((cell, i) => Typed(cell, i, i < header.Length ? header[i] : "", students)).ToArray());
            }
        }

        XlsxWriter.Write(path, new XlsxSheet("Отчёт", rows), HelpSheet());
    }

    /// <summary>A second sheet with a header the mapping does not know: read, it would fail the import.</summary>
    public static XlsxSheet HelpSheet() => new("Справка", new[]
    {
        new object?[] { "Отчёт сформирован", "АСИОУ «Школа»" },
        new object?[] { new DateTime(2024, 11, 20), 42.0 },
    });

    private static object? Typed(string cell, int column, string header, bool students)
    {
        if (cell.Length == 0)
        {
            return null;
        }

        if (DateColumns.Contains(header) && !students && DateTime.TryParseExact(cell, "dd.MM.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (header == "Дата внесения" && DateTime.TryParseExact(cell, "dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        if (long.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return header == "Номер урока" ? new FormulaCell($"{number}*1", number) : (object)number;
        }

        return Text(cell, column);
    }

    /// <summary>
    /// Text as a shared or inline string. XML turns a written CR LF into LF; Excel keeps a CR inside a
    /// cell as the escape <c>_x000D_</c>, and so does this writer, so the text reads back unchanged.
    /// </summary>
    private static object Text(string cell, int column)
    {
        var text = cell.Replace("\r", "_x000D_", StringComparison.Ordinal);
        return column % 2 == 0 ? text : new InlineText(text);
    }
}
