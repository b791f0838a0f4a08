using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Eljur.Connectors.Asiou.Tests.Xlsx;

/// <summary>
/// Writes .xlsx workbooks for the tests with the Open XML SDK (DocumentFormat.OpenXml), a writer
/// independent of the reader under test (ExcelDataReader). Sheets are written with the SDK's
/// streaming <see cref="OpenXmlWriter"/>, so a 100,000-row export is written quickly.
/// <para>
/// Cell values: <see langword="null"/> or <c>""</c> — no cell; <see cref="string"/> — a shared
/// string; <see cref="InlineText"/> — an inline string; <see cref="DateTime"/> — a serial number
/// styled as a date (midnight) or as a date and time; <see cref="int"/>, <see cref="long"/>,
/// <see cref="double"/> — a number; <see cref="bool"/> — a boolean; <see cref="FormulaCell"/> — a
/// formula with its cached value; <see cref="StyledDate"/> — a date with an explicit number format.
/// An empty row (no cells) is not written at all: the sheet has a gap there.
/// </para>
/// </summary>
internal static class XlsxWriter
{
    private const uint DateStyle = 1;      // built-in format 14 (a short date)
    private const uint DateTimeStyle = 2;  // custom 164: dd.mm.yyyy hh:mm
    private const uint TimeStyle = 3;      // built-in format 20 (h:mm)
    private const uint SecondsStyle = 4;   // custom 165: dd.mm.yyyy hh:mm:ss

    /// <summary>Writes a workbook of the given sheets (in order) to <paramref name="path"/>.</summary>
    public static void Write(string path, params XlsxSheet[] sheets)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = doc.AddWorkbookPart();
        AddStyles(workbook);
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var entries = new List<Sheet>();
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            WriteSheet(part, sheet, strings);
            entries.Add(new Sheet
            {
                Id = workbook.GetIdOfPart(part),
                SheetId = id++,
                Name = sheet.Name,
                State = sheet.Hidden ? SheetStateValues.Hidden : null,
            });
        }

        var sst = workbook.AddNewPart<SharedStringTablePart>();
        using (var w = OpenXmlWriter.Create(sst))
        {
            w.WriteStartElement(new SharedStringTable { Count = (uint)strings.Count, UniqueCount = (uint)strings.Count });
            foreach (var s in strings.OrderBy(p => p.Value).Select(p => p.Key))
            {
                w.WriteElement(new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve }));
            }

            w.WriteEndElement();
        }

        workbook.Workbook = new Workbook(new Sheets(entries));
        workbook.Workbook.Save();
    }

    public static string ColumnLetter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    private static void WriteSheet(WorksheetPart part, XlsxSheet sheet, Dictionary<string, int> strings)
    {
        using var w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet());
        w.WriteStartElement(new SheetData());
        uint rowIndex = 0;
        foreach (var row in sheet.Rows)
        {
            rowIndex++;
            if (row.All(c => c is null || (c is string s && s.Length == 0)))
            {
                continue;
            }

            w.WriteStartElement(new Row { RowIndex = rowIndex });
            for (var i = 0; i < row.Length; i++)
            {
                var cell = Cell(row[i], strings);
                if (cell is not null)
                {
                    cell.CellReference = ColumnLetter(i) + rowIndex.ToString(CultureInfo.InvariantCulture);
                    w.WriteElement(cell);
                }
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
        if (sheet.Merges.Count > 0)
        {
            w.WriteElement(new MergeCells(sheet.Merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)sheet.Merges.Count });
        }

        w.WriteEndElement();
    }

    private static Cell? Cell(object? value, Dictionary<string, int> strings)
    {
        switch (value)
        {
            case null:
            case string { Length: 0 }:
                return null;
            case string s:
                if (!strings.TryGetValue(s, out var index))
                {
                    strings[s] = index = strings.Count;
                }

                return new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) };
            case InlineText t:
                return new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(t.Text) { Space = SpaceProcessingModeValues.Preserve }) };
            case DateTime d:
                return new Cell
                {
                    StyleIndex = d < new DateTime(1900, 1, 1) ? TimeStyle : d.TimeOfDay == TimeSpan.Zero ? DateStyle : d.Second == 0 ? DateTimeStyle : SecondsStyle,
                    CellValue = new CellValue(Serial(d)),
                };
            case StyledDate sd:
                return new Cell { StyleIndex = sd.WithTime ? DateTimeStyle : DateStyle, CellValue = new CellValue(Serial(sd.Value)) };
            case bool b:
                return new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") };
            case int or long or double:
                return new Cell { CellValue = new CellValue(Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)) };
            case FormulaCell f:
                var cached = Cell(f.Cached, strings)!;
                cached.CellFormula = new CellFormula(f.Formula);
                if (f.Cached is string text)
                {
                    cached.DataType = CellValues.String;
                    cached.CellValue = new CellValue(text);
                }

                return cached;
            default:
                throw new ArgumentException($"No cell for {value.GetType().Name}.", nameof(value));
        }
    }

    /// <summary>The 1900-system serial number Excel stores for <paramref name="d"/> (a time alone: the fraction of a day).</summary>
    private static string Serial(DateTime d)
    {
        var serial = d < new DateTime(1900, 1, 1) ? d.TimeOfDay.TotalDays : d.ToOADate();
        return serial.ToString("R", CultureInfo.InvariantCulture);
    }

    private static void AddStyles(WorkbookPart workbook)
    {
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = "dd.mm.yyyy hh:mm" },
                new NumberingFormat { NumberFormatId = 165, FormatCode = "dd.mm.yyyy hh:mm:ss" }) { Count = 2 },
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 20, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true }) { Count = 5 });
        styles.Stylesheet.Save();
    }
}

/// <summary>A worksheet to write: its name, rows (arrays of cell values) and merged ranges.</summary>
internal sealed record XlsxSheet(string Name, IEnumerable<object?[]> Rows)
{
    public bool Hidden { get; init; }

    public IReadOnlyList<string> Merges { get; init; } = Array.Empty<string>();
}

/// <summary>A string written inline in the cell (<c>t="inlineStr"</c>) instead of in the shared-string table.</summary>
internal sealed record InlineText(string Text);

/// <summary>A formula cell with the value Excel cached for it.</summary>
internal sealed record FormulaCell(string Formula, object Cached);

/// <summary>A date cell with an explicit format: date only, or date and time (even at midnight).</summary>
internal sealed record StyledDate(DateTime Value, bool WithTime);
