using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Evaluation;
using Eljur.Connectors.Asiou.Mapping;

namespace Eljur.Connectors.Asiou;

/// <summary>
/// Reads one export file row by row, whatever its format: a subclass turns the file into records of
/// text cells (<see cref="CsvExportReader"/> for CSV, <see cref="XlsxExportReader"/> for XLSX), and
/// this class does everything that depends only on the text — checks the header against the
/// mapping, skips blank rows and the trailing summary row, rejects values outside the header's
/// columns, and turns every problem into a <see cref="ConnectorException"/> naming the file, the
/// line (or sheet row) and the column, in Russian. The connector reads both formats through this one class.
/// </summary>
internal abstract class ExportReader : IDisposable
{
    private readonly ExportMapping _mapping;
    private readonly IReadOnlyList<string> _summaryPrefixes;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private string[] _header = Array.Empty<string>();
    private string?[] _fieldAt = Array.Empty<string?>();
    private string[] _current = Array.Empty<string>();
    private int _summaryLine;

    /// <summary>Starts a reader of <paramref name="path"/>; the subclass opens the file.</summary>
    protected ExportReader(string path, ExportMapping mapping, IReadOnlyList<string> summaryPrefixes)
    {
        FileName = Path.GetFileName(path);
        _mapping = mapping;
        _summaryPrefixes = summaryPrefixes;
    }

    /// <summary>The file name (no directory), as errors name it.</summary>
    public string FileName { get; }

    /// <summary>How the file is read, for the log: the encoding and delimiter of a CSV, the sheet of an XLSX.</summary>
    public abstract string Format { get; }

    /// <summary>Where the current row starts: the physical line of a CSV, the sheet row of an XLSX (1-based).</summary>
    public int Line { get; protected set; }

    /// <summary>Data rows read so far.</summary>
    public int Rows { get; private set; }

    /// <summary>Blank lines (rows) skipped so far.</summary>
    public int BlankLines { get; private set; }

    /// <summary>Whether a trailing summary row was skipped.</summary>
    public bool SkippedSummary => _summaryLine > 0;


    /// <summary>The header cells, trimmed, in column order.</summary>
    protected IReadOnlyList<string> Header => _header;

    /// <summary>
    /// Opens an export: <c>.xlsx</c> through <see cref="XlsxExportReader"/>, anything else as CSV
    /// through <see cref="CsvExportReader"/>; reads and checks the header.
    /// </summary>
    /// <param name="path">The export file.</param>
    /// <param name="mapping">The column mapping.</param>
    /// <param name="kind">Which export the file is.</param>
    /// <param name="options">The connector's options: the CSV encoding and delimiter, the XLSX sheet.</param>
    /// <returns>The reader, positioned after the header.</returns>
    public static ExportReader Open(string path, AsiouMapping mapping, ExportKind kind, AsiouOptions options)
    {
        var file = Path.GetFileName(path);
        var export = mapping[kind] ?? throw new ArgumentException($"The {AsiouMapping.Key(kind)} export is not mapped.", nameof(kind));
        var extension = Path.GetExtension(path);
        if (string.Equals(extension, ".xls", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConnectorException(AsiouConnector.ConnectorId, file, "формат «Excel 97–2003» (.xls) не читается: сохраните отчёт в формате «Книга Excel» (.xlsx) или CSV", ConnectorFailureKind.Input);
        }

        try
        {
            ExportReader reader = string.Equals(extension, ".xlsx", StringComparison.OrdinalIgnoreCase)
                ? XlsxExportReader.Create(path, export, mapping, options.Sheet)
                : CsvExportReader.Create(path, export, mapping.SummaryRowPrefixes, options.Encoding, options.Delimiter);
            try
            {
                reader.ReadHeader();
                return reader;
            }
            catch
            {
                reader.Dispose();
                throw;
            }
        }
        catch (IOException ex)
        {
            throw new ConnectorException(AsiouConnector.ConnectorId, file, $"файл не читается: «{FirstLine(ex.Message)}»", ConnectorFailureKind.Input, inner: ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ConnectorException(AsiouConnector.ConnectorId, file, $"нет доступа к файлу: «{FirstLine(ex.Message)}»", ConnectorFailureKind.Input, inner: ex);
        }
    }

    /// <summary>
    /// Reads the next record (blank ones included), setting <see cref="Line"/> to where it starts.
    /// </summary>
    /// <param name="fields">The record's cells as text, untrimmed.</param>
    /// <returns>False at the end of the file.</returns>
    protected abstract bool NextRecord(out string[] fields);

    /// <summary>Called once the header record is read, before it is checked against the mapping: a format's own header faults.</summary>
    protected virtual void CheckHeaderRecord()
    {
    }

    /// <summary>Called once the header is checked: <see cref="FieldAt"/> now answers.</summary>
    protected virtual void HeaderRead()
    {
    }

    /// <summary>
    /// Called for every data row (not blank, not the summary row) before the common checks: a
    /// format's own faults of the record just read, raised as errors at this point.
    /// </summary>
    /// <param name="fields">The record.</param>
    protected virtual void CheckRecord(string[] fields)
    {
    }

    /// <summary>How a column without a header is named in messages: its number (CSV) or letter (XLSX).</summary>
    /// <param name="index">The column, 0-based.</param>
    protected virtual string ColumnNumber(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The mapped field a column holds, or null when it holds none (ignored, unnamed, beyond the header).</summary>
    /// <param name="index">The column, 0-based.</param>
    protected string? FieldAt(int index) => index >= 0 && index < _fieldAt.Length ? _fieldAt[index] : null;

    /// <summary>A column's header, or its number (letter) when it has none.</summary>
    protected string ColumnName(int index) =>
        index >= 0 && index < _header.Length && _header[index].Length > 0 ? _header[index] : ColumnNumber(index);

    /// <summary>A position for a message: <c>строка 7</c> — the physical line of a CSV, the sheet row of an XLSX.</summary>
    public static string At(int line) => "строка " + line.ToString(CultureInfo.InvariantCulture);

    private void ReadHeader()
    {
        string[]? header = null;
        while (NextRecord(out var fields))
        {
            if (IsBlank(fields))
            {
                BlankLines++;
                continue;
            }

            header = fields;
            break;
        }

        if (header is null)
        {
            throw Fail("файл пуст: нет строки заголовка");
        }

        CheckHeaderRecord();
        _header = header.Select(h => h.Trim().TrimStart('\uFEFF').Trim()).ToArray();
        _fieldAt = new string?[_header.Length];
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _header.Length; i++)
        {
            var h = _header[i];
            if (h.Length == 0)
            {
                // An unnamed column is tolerated only when the whole column is empty; checked per row.
                continue;
            }

            if (seen.TryGetValue(h, out var first))
            {
                throw Fail($"{At(Line)}: столбец «{h}» встречается дважды (столбцы {ColumnNumber(first)} и {ColumnNumber(i)}); оставьте один");
            }

            seen[h] = i;
            var field = _mapping.Headers.FirstOrDefault(p => string.Equals(p.Value, h, StringComparison.OrdinalIgnoreCase)).Key;
            if (field is not null)
            {
                _index[field] = i;
                _fieldAt[i] = field;
            }
            else if (!_mapping.Ignored.Contains(h, StringComparer.OrdinalIgnoreCase))
            {
                throw Fail($"{At(Line)}: неизвестный столбец «{h}»: в сопоставлении {_mapping.Key} он не указан ни как поле, ни как пропускаемый (добавьте его в \"{_mapping.Key}.ignoredColumns\" или сопоставьте полю)");
            }
        }

        foreach (var p in _mapping.Headers)
        {
            if (!_index.ContainsKey(p.Key))
            {
                throw Fail($"{At(Line)}: нет столбца «{p.Value}» (его ждёт \"{_mapping.Key}.columns.{p.Key}\"); в заголовке есть {string.Join(", ", _header.Where(h => h.Length > 0).Select(h => "«" + h + "»"))}");
            }
        }

        HeaderRead();
    }

    /// <summary>
    /// Moves to the next data row. Blank rows (nothing but delimiters, spaces or empty cells) are
    /// skipped; a row whose first non-empty cell starts with a summary word (<c>Итого</c>,
    /// <c>Всего</c>) is skipped when nothing but blank rows follows it. Anything else is a row, or an error.
    /// </summary>
    /// <returns>False at the end of the file.</returns>
    public bool Read()
    {
        while (NextRecord(out var fields))
        {
            if (IsBlank(fields))
            {
                BlankLines++;
                continue;
            }

            if (_summaryLine > 0)
            {
                throw Fail($"{At(Line)}: строка после итоговой строки ({At(_summaryLine)}); итоговая строка пропускается только в конце файла");
            }

            var firstCell = fields.Select(f => f.Trim()).FirstOrDefault(f => f.Length > 0) ?? "";
            if (_summaryPrefixes.Any(p => firstCell.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                _summaryLine = Line;
                continue;
            }

            CheckRecord(fields);
            if (fields.Length < _header.Length)
            {
                throw Fail($"{At(Line)}, столбец «{ColumnName(fields.Length)}»: строка короче заголовка: в ней {RussianText.Count(fields.Length, "поле", "поля", "полей")}, а в заголовке {RussianText.Count(_header.Length, "столбец", "столбца", "столбцов")}");
            }

            for (var i = _header.Length; i < fields.Length; i++)
            {
                if (fields[i].Trim().Length > 0)
                {
                    throw Fail($"{At(Line)}, столбец {ColumnNumber(i)}: значение «{Clip(fields[i])}» стоит правее последнего столбца «{ColumnName(_header.Length - 1)}» (разделитель внутри поля без кавычек?)");
                }
            }

            for (var i = 0; i < _header.Length; i++)
            {
                if (_header[i].Length == 0 && fields[i].Trim().Length > 0)
                {
                    throw Fail($"{At(Line)}, столбец {ColumnNumber(i)}: значение «{Clip(fields[i])}» стоит в столбце без заголовка; дайте столбцу заголовок или уберите значение");
                }
            }

            _current = fields;
            Rows++;
            return true;
        }

        return false;
    }

    /// <summary>The trimmed cell of <paramref name="field"/> in the current row; null when the field is not mapped.</summary>
    public string? Get(string field) => _index.TryGetValue(field, out var i) ? _current[i].Trim() : null;

    /// <summary>Whether the mapping gives <paramref name="field"/> a column.</summary>
    public bool Has(string field) => _index.ContainsKey(field);

    /// <summary>The header of a mapped field.</summary>
    public string Column(string field) => _mapping.Headers[field];

    /// <summary>An input error at the current line (row), naming the field's column.</summary>
    public ConnectorException Fail(string field, string message) =>
        Fail($"{At(Line)}, столбец «{Column(field)}»: {message}");

    /// <summary>An input error about this file.</summary>
    public ConnectorException Fail(string message) =>
        new(AsiouConnector.ConnectorId, FileName, message, ConnectorFailureKind.Input);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes the file.</summary>
    protected abstract void Dispose(bool disposing);

    /// <summary>A cell for a message: one line, at most 60 characters.</summary>
    protected static string Clip(string text)
    {
        var t = text.Replace('\r', ' ').Replace('\n', ' ');
        return t.Length <= 60 ? t : t.Substring(0, 57) + "…";
    }

    /// <summary>The first line of a library's message.</summary>
    protected static string FirstLine(string text)
    {
        var i = text.IndexOfAny(new[] { '\r', '\n' });
        return i < 0 ? text : text.Substring(0, i);
    }

    private static bool IsBlank(string[] fields)
    {
        foreach (var f in fields)
        {
            if (f.Trim().Length > 0)
            {
                return false;
            }
        }

        return true;
    }
}
