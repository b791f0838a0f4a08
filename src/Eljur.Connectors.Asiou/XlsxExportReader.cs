using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Eljur.Abstractions.Connectors;
using Eljur.Connectors.Asiou.Mapping;
using ExcelDataReader;

namespace Eljur.Connectors.Asiou;

/// <summary>
/// An XLSX export, read row by row with ExcelDataReader's <see cref="IExcelDataReader"/> (the sheet
/// XML is streamed from the ZIP; only the shared-string table and the styles are held). Reads the
/// first visible worksheet, or the one <see cref="AsiouOptions.Sheet"/> names. Typed cells become
/// the text a CSV export would hold, so the same parsing follows: dates in the mapping's date
/// formats, entry times in its timestamp formats, numbers in invariant notation without a
/// spurious <c>.0</c>, booleans as <c>true</c>/<c>false</c>, empty and merged-away cells as empty.
/// Positions are the sheet's row numbers (<c>строка 7</c>, as in CSV) and columns without a header are named by
/// their letter.
/// </summary>
internal sealed class XlsxExportReader : ExportReader
{
    /// <summary>Fields holding a date: a date cell becomes the date in the mapping's first fitting date format.</summary>
    private static readonly HashSet<string> DateFields = new(StringComparer.Ordinal) { "date", "enrolledOn", "leftOn" };

    /// <summary>Fields holding a date and time: a date cell becomes text in the mapping's first fitting timestamp format.</summary>
    private static readonly HashSet<string> TimestampFields = new(StringComparer.Ordinal) { "enteredAt" };

    /// <summary>Free-text fields: a date cell there is written as the date (and time) it shows.</summary>
    private static readonly HashSet<string> TextFields = new(StringComparer.Ordinal) { "topic", "homework" };

    /// <summary>Serial 1 of the 1900 date system: smaller serials are times of day without a date.</summary>
    private static readonly DateTime FirstExcelDay = new(1900, 1, 1);

    private readonly IExcelDataReader _reader;
    private readonly string[] _dateFormats;
    private readonly string[] _timestampFormats;
    private CellKind[] _kinds = Array.Empty<CellKind>();
    private string? _problem;
    private int _problemColumn;

    private XlsxExportReader(string path, IExcelDataReader reader, string sheet, ExportMapping export, AsiouMapping mapping)
        : base(path, export, mapping.SummaryRowPrefixes)
    {
        _reader = reader;
        Sheet = sheet;
        _dateFormats = mapping.DateFormats.ToArray();
        _timestampFormats = mapping.TimestampFormats.ToArray();
    }

    private enum CellKind
    {
        /// <summary>Free text or a column that maps no field: a date cell is written as shown.</summary>
        Text,

        /// <summary>A date field.</summary>
        Date,

        /// <summary>A date-and-time field.</summary>
        Timestamp,

        /// <summary>A name, code, number or mark: a date cell there is an error (Excel turns «3/5» into 5 March).</summary>
        NoDate,
    }

    /// <summary>The worksheet read.</summary>
    public string Sheet { get; }

    /// <inheritdoc />
    public override string Format => $"xlsx, sheet «{Sheet}»";

    /// <summary>Opens the workbook and moves to the sheet. The caller reads the header.</summary>
    /// <param name="path">The .xlsx file.</param>
    /// <param name="export">The export's column mapping.</param>
    /// <param name="mapping">The whole mapping (date and timestamp formats, summary words).</param>
    /// <param name="sheet">The sheet to read, or null for the first visible one.</param>
    internal static XlsxExportReader Create(string path, ExportMapping export, AsiouMapping mapping, string? sheet)
    {
        // ExcelDataReader's configuration asks for code page 1252 (used by .xls only) when it is created.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var file = Path.GetFileName(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536);
        IExcelDataReader? reader = null;
        try
        {
            RefuseNonWorkbook(stream, file);
            try
            {
                reader = ExcelReaderFactory.CreateOpenXmlReader(stream, new ExcelReaderConfiguration { LeaveOpen = false });
            }
            catch (Exception ex) when (IsFormatFailure(ex))
            {
                throw NotAWorkbook(file, ex);
            }

            var name = SelectSheet(reader, sheet, file);
            return new XlsxExportReader(path, reader, name, export, mapping);
        }
        catch
        {
            reader?.Dispose();
            stream.Dispose();
            throw;
        }
    }

    /// <summary>An .xlsx is a ZIP file: anything else is named for what it likely is.</summary>
    private static void RefuseNonWorkbook(Stream stream, string file)
    {
        var head = new byte[4];
        var n = stream.Read(head, 0, head.Length);
        stream.Position = 0;
        if (n == 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4)
        {
            return;
        }

        var what = n == 0 ? "файл пуст — это не книга .xlsx"
            : n == 4 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0
                ? "это книга «Excel 97–2003» (.xls) или книга с паролем — такие книги не читаются: сохраните её без пароля в формате «Книга Excel» (.xlsx) или CSV"
                : "это не книга .xlsx: внутри нет архива книги (текст CSV или другой файл с расширением .xlsx?)";
        throw new ConnectorException(AsiouConnector.ConnectorId, file, what, ConnectorFailureKind.Input);
    }

    /// <summary>Moves <paramref name="reader"/> to the sheet named <paramref name="wanted"/>, or to the first visible sheet.</summary>
    private static string SelectSheet(IExcelDataReader reader, string? wanted, string file)
    {
        var names = new List<string>();
        string? firstHidden = null;
        try
        {
            if (reader.ResultsCount == 0)
            {
                throw new ConnectorException(AsiouConnector.ConnectorId, file, "в книге нет ни одного листа", ConnectorFailureKind.Input);
            }

            do
            {
                var name = reader.Name ?? "";
                names.Add(name);
                if (wanted is not null)
                {
                    if (string.Equals(name.Trim(), wanted.Trim(), StringComparison.OrdinalIgnoreCase))
                    {
                        return name;
                    }
                }
                else if (string.Equals(reader.VisibleState, "visible", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(reader.VisibleState))
                {
                    return name;
                }
                else
                {
                    firstHidden ??= name;
                }
            }
            while (reader.NextResult());
        }
        catch (Exception ex) when (IsFormatFailure(ex))
        {
            throw NotAWorkbook(file, ex);
        }

        if (wanted is null)
        {
            throw new ConnectorException(AsiouConnector.ConnectorId, file, $"все листы книги скрыты ({string.Join(", ", names.Select(n => "«" + n + "»"))}); укажите лист в настройках (Sheet, --sheet)", ConnectorFailureKind.Input);
        }

        throw new ConnectorException(AsiouConnector.ConnectorId, file, $"в книге нет листа «{wanted}» (настройка Sheet, --sheet); её листы: {string.Join(", ", names.Select(n => "«" + n + "»"))}", ConnectorFailureKind.Input);
    }

    /// <summary>Failures of ExcelDataReader (and the ZIP and XML readers under it) on a file that is not a sound workbook.</summary>
    private static bool IsFormatFailure(Exception ex) =>
        ex is not (ConnectorException or OperationCanceledException or OutOfMemoryException or UnauthorizedAccessException)
        && ex is not (IOException and not EndOfStreamException);

    private static ConnectorException NotAWorkbook(string file, Exception ex) =>
        new(AsiouConnector.ConnectorId, file, $"книга .xlsx не читается: «{FirstLine(ex.Message)}»", ConnectorFailureKind.Input, inner: ex);

    /// <inheritdoc />
    protected override void HeaderRead()
    {
        _kinds = new CellKind[Header.Count];
        for (var i = 0; i < _kinds.Length; i++)
        {
            var field = FieldAt(i);
            _kinds[i] = field is null || TextFields.Contains(field) ? CellKind.Text
                : DateFields.Contains(field) ? CellKind.Date
                : TimestampFields.Contains(field) ? CellKind.Timestamp
                : CellKind.NoDate;
        }
    }

    /// <inheritdoc />
    protected override bool NextRecord(out string[] fields)
    {
        _problem = null;
        bool more;
        try
        {
            more = _reader.Read();
        }
        catch (Exception ex) when (IsFormatFailure(ex))
        {
            var where = Line == 0 ? "лист не читается" : $"лист не читается дальше строки {Line.ToString(CultureInfo.InvariantCulture)}";
            throw Fail($"{where}: «{FirstLine(ex.Message)}»");
        }

        if (!more)
        {
            fields = Array.Empty<string>();
            return false;
        }

        // ExcelDataReader yields every row of the sheet, missing ones as empty: Depth is the 0-based row index.
        Line = _reader.Depth + 1;
        fields = new string[_reader.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = Text(i, _reader.GetValue(i));
        }

        return true;
    }

    /// <inheritdoc />
    protected override void CheckRecord(string[] fields)
    {
        if (_problem is not null)
        {
            throw Fail($"{At(Line)}, столбец «{ColumnName(_problemColumn)}»: {_problem}");
        }
    }

    /// <inheritdoc />
    protected override string ColumnNumber(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader.Dispose();
        }
    }

    /// <summary>A cell's value as the text a CSV export would hold.</summary>
    private string Text(int column, object? value) => value switch
    {
        null => "",
        string s => s,
        double d => Number(d),
        bool b => b ? "true" : "false",
        DateTime dt => DateText(column, dt),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A whole number without a decimal point; otherwise at most 15 significant digits, as Excel shows it.</summary>
    internal static string Number(double d) =>
        d == Math.Floor(d) && Math.Abs(d) < 1e15
            ? ((long)d).ToString(CultureInfo.InvariantCulture)
            : d.ToString("G15", CultureInfo.InvariantCulture);

    private string DateText(int column, DateTime value)
    {
        // Excel keeps times as fractions of a day; what it shows is whole seconds.
        var t = new DateTime((value.Ticks + (TimeSpan.TicksPerSecond / 2)) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond);
        var timeOnly = t < FirstExcelDay;
        var shown = timeOnly ? t.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
            : t.TimeOfDay == TimeSpan.Zero ? t.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)
            : t.ToString(t.Second == 0 ? "dd.MM.yyyy HH:mm" : "dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture);
        var kind = column < _kinds.Length ? _kinds[column] : CellKind.Text;
        switch (kind)
        {
            case CellKind.Date when timeOnly:
            case CellKind.Timestamp when timeOnly:
                Problem(column, $"в ячейке время ({shown}) без даты; введите дату");
                return shown;
            case CellKind.Date:
                // A date with a time of day fails the date formats, as the same text in a CSV would.
                return t.TimeOfDay == TimeSpan.Zero ? In(t, _dateFormats) ?? shown : t.ToString("dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture);
            case CellKind.Timestamp:
                // A cell that shows only a date has no entry time: it fails the timestamp formats, as in a CSV.
                if (t.TimeOfDay == TimeSpan.Zero && !ShowsTime(column))
                {
                    return In(t, _dateFormats) ?? shown;
                }

                return In(t, _timestampFormats) ?? t.ToString("dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture);
            case CellKind.NoDate:
                Problem(column, $"в ячейке дата ({shown}), а в этом столбце дат не бывает («Excel» превращает значения вроде 3/5 в даты): задайте столбцу текстовый формат и введите значение заново");
                return shown;
            default:
                return shown;
        }
    }

    /// <summary>The value in the first of <paramref name="formats"/> that reads back as the same value, or null.</summary>
    private static string? In(DateTime value, string[] formats)
    {
        foreach (var format in formats)
        {
            var text = value.ToString(format, CultureInfo.InvariantCulture);
            if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var back) && back == value)
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>Whether the cell's number format shows hours (outside quoted text and [colour] sections).</summary>
    private bool ShowsTime(int column)
    {
        var format = _reader.GetNumberFormatString(column) ?? "";
        var quoted = false;
        var bracket = false;
        foreach (var c in format)
        {
            switch (c)
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '[' when !quoted:
                    bracket = true;
                    break;
                case ']' when !quoted:
                    bracket = false;
                    break;
                case 'h' or 'H' when !quoted && !bracket:
                    return true;
            }
        }

        return false;
    }

    private void Problem(int column, string message)
    {
        if (_problem is null)
        {
            _problem = message;
            _problemColumn = column;
        }
    }
}
