using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Eljur.Abstractions.Connectors;
using Eljur.Connectors.Asiou.Mapping;

namespace Eljur.Connectors.Asiou;

/// <summary>
/// Reads one export file row by row (CsvHelper's <c>Read</c> loop: the file is never loaded
/// whole). Detects the encoding and the delimiter, checks the header against the mapping, skips
/// blank lines and the trailing summary row, and turns every other problem into a
/// <see cref="ConnectorException"/> naming the file, the line and the column.
/// </summary>
internal sealed class ExportReader : IDisposable
{
    /// <summary>Longest field accepted: a longer one means an unclosed quote swallowed the rest of the file.</summary>
    internal const int MaxFieldLength = 65536;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly StreamReader _text;
    private readonly CsvParser _parser;
    private readonly ExportMapping _mapping;
    private readonly IReadOnlyList<string> _summaryPrefixes;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private string[] _header = Array.Empty<string>();
    private string? _badField;
    private int _lastRawRow;
    private int _summaryLine;

    static ExportReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private ExportReader(string path, Encoding encoding, bool detectBom, string delimiter, ExportMapping mapping, IReadOnlyList<string> summaryPrefixes)
    {
        FileName = Path.GetFileName(path);
        Encoding = encoding;
        Delimiter = delimiter;
        _mapping = mapping;
        _summaryPrefixes = summaryPrefixes;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);
        _text = new StreamReader(stream, encoding, detectBom, 65536);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            HasHeaderRecord = false,
            DetectDelimiter = false,
            IgnoreBlankLines = false, // blank lines are skipped here, explicitly, so line numbers stay exact
            Mode = CsvMode.RFC4180,
            MaxFieldSize = MaxFieldLength,
            BadDataFound = args => _badField ??= args.Field,
            CacheFields = true,
        };
        _parser = new CsvParser(_text, config, leaveOpen: false);
    }

    /// <summary>The file name (no directory), as errors name it.</summary>
    public string FileName { get; }

    /// <summary>The encoding read with.</summary>
    public Encoding Encoding { get; }

    /// <summary>The delimiter read with.</summary>
    public string Delimiter { get; }

    /// <summary>Physical line (1-based) where the current row starts.</summary>
    public int Line { get; private set; }

    /// <summary>Data rows read so far.</summary>
    public int Rows { get; private set; }

    /// <summary>Blank lines skipped so far.</summary>
    public int BlankLines { get; private set; }

    /// <summary>Whether a trailing summary row was skipped.</summary>
    public bool SkippedSummary => _summaryLine > 0;

    /// <summary>Opens the file: detects encoding and delimiter as configured, reads and checks the header.</summary>
    /// <param name="path">The export file.</param>
    /// <param name="mapping">Its column mapping.</param>
    /// <param name="summaryPrefixes">Words that start a summary row.</param>
    /// <param name="encodingOption"><c>auto</c>, <c>utf-8</c> or <c>windows-1251</c>.</param>
    /// <param name="delimiterOption"><c>auto</c>, <c>;</c> or <c>,</c>.</param>
    /// <returns>The reader, positioned after the header.</returns>
    public static ExportReader Open(string path, ExportMapping mapping, IReadOnlyList<string> summaryPrefixes, string encodingOption, string delimiterOption)
    {
        var file = Path.GetFileName(path);
        try
        {
            var (encoding, detectBom) = ChooseEncoding(path, encodingOption);
            var delimiter = delimiterOption == "auto" ? DetectDelimiter(path, encoding, detectBom, file) : delimiterOption;
            var reader = new ExportReader(path, encoding, detectBom, delimiter, mapping, summaryPrefixes);
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
            throw new ConnectorException(AsiouConnector.ConnectorId, file, "cannot be read: " + ex.Message, ConnectorFailureKind.Input, inner: ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ConnectorException(AsiouConnector.ConnectorId, file, "cannot be read: " + ex.Message, ConnectorFailureKind.Input, inner: ex);
        }
    }

    /// <summary>
    /// The encoding: as configured, or detected — a BOM (UTF-8, UTF-16) decides; otherwise the
    /// whole file is checked as UTF-8 in 64 KiB blocks (constant memory) and read as UTF-8 when
    /// valid, as Windows-1251 when not.
    /// </summary>
    internal static (Encoding Encoding, bool DetectBom) ChooseEncoding(string path, string option)
    {
        switch (option)
        {
            case "utf-8":
                return (new UTF8Encoding(false), true);
            case "windows-1251":
                return (Encoding.GetEncoding(1251), false);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);
        var buffer = new byte[65536];
        var n = stream.Read(buffer, 0, buffer.Length);
        if (n >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
        {
            return (new UTF8Encoding(false), true);
        }

        if (n >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)))
        {
            return (buffer[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode, true);
        }

        var decoder = StrictUtf8.GetDecoder();
        var chars = new char[StrictUtf8.GetMaxCharCount(buffer.Length)];
        try
        {
            while (n > 0)
            {
                decoder.GetChars(buffer, 0, n, chars, 0, flush: false);
                n = stream.Read(buffer, 0, buffer.Length);
            }

            decoder.GetChars(buffer, 0, 0, chars, 0, flush: true);
            return (new UTF8Encoding(false), true);
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(1251), false);
        }
    }

    /// <summary>The delimiter of the header line (the first non-blank line): the more frequent of <c>;</c> and <c>,</c> outside quotes.</summary>
    internal static string DetectDelimiter(string path, Encoding encoding, bool detectBom, string file)
    {
        using var reader = new StreamReader(path, encoding, detectBom);
        string? line;
        while ((line = reader.ReadLine()) is not null && line.Trim().Length == 0)
        {
        }

        if (line is null)
        {
            throw new ConnectorException(AsiouConnector.ConnectorId, file, "the file is empty: there is no header line", ConnectorFailureKind.Input);
        }

        int semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
        }

        if (semicolons == 0 && commas == 0)
        {
            throw new ConnectorException(AsiouConnector.ConnectorId, file, "line 1: the header has neither ';' nor ',' between its columns; set the delimiter in the options", ConnectorFailureKind.Input);
        }

        return semicolons >= commas ? ";" : ",";
    }

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
            throw Fail("the file is empty: there is no header line");
        }

        if (_badField is not null)
        {
            throw Fail($"line {Line}: the header cannot be parsed near «{Clip(_badField)}» (a quote inside an unquoted field)");
        }

        _header = header.Select(h => h.Trim().TrimStart('\uFEFF').Trim()).ToArray();
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
                throw Fail($"line {Line}: the column «{h}» appears twice (columns {first + 1} and {i + 1})");
            }

            seen[h] = i;
            var field = _mapping.Headers.FirstOrDefault(p => string.Equals(p.Value, h, StringComparison.OrdinalIgnoreCase)).Key;
            if (field is not null)
            {
                _index[field] = i;
            }
            else if (!_mapping.Ignored.Contains(h, StringComparer.OrdinalIgnoreCase))
            {
                throw Fail($"line {Line}: unknown column «{h}»: the {_mapping.Key} mapping neither maps nor ignores it (add it to \"{_mapping.Key}.ignoredColumns\" or map it to a field)");
            }
        }

        foreach (var p in _mapping.Headers)
        {
            if (!_index.ContainsKey(p.Key))
            {
                throw Fail($"line {Line}: missing column «{p.Value}» (the {p.Key} of the {_mapping.Key} mapping); the header has {string.Join(", ", _header.Where(h => h.Length > 0).Select(h => "«" + h + "»"))}");
            }
        }
    }

    /// <summary>
    /// Moves to the next data row. Blank lines (nothing but delimiters and spaces) are skipped; a row
    /// whose first non-empty cell starts with a summary word (<c>Итого</c>, <c>Всего</c>) is skipped
    /// when nothing but blank lines follows it. Anything else is a row, or an error.
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
                throw Fail($"line {Line}: a row after the summary row on line {_summaryLine}; a summary row is skipped only at the end of the file");
            }

            var firstCell = fields.Select(f => f.Trim()).FirstOrDefault(f => f.Length > 0) ?? "";
            if (_summaryPrefixes.Any(p => firstCell.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                _summaryLine = Line;
                _badField = null;
                continue;
            }

            if (_badField is not null)
            {
                var at = Array.FindIndex(fields, f => f == _badField);
                throw Fail(at >= 0 && at < _header.Length
                    ? $"line {Line}, column «{ColumnName(at)}»: cannot be parsed: «{Clip(_badField)}» has a quote inside an unquoted field (quote the field and double its quotes)"
                    : $"line {Line}: cannot be parsed near «{Clip(_badField)}» (a quote inside an unquoted field)");
            }

            if (fields.Length < _header.Length)
            {
                throw Fail($"line {Line}, column «{ColumnName(fields.Length)}»: the row ends early: {fields.Length} fields, the header has {_header.Length}");
            }

            for (var i = _header.Length; i < fields.Length; i++)
            {
                if (fields[i].Trim().Length > 0)
                {
                    throw Fail($"line {Line}, column {i + 1}: the value «{Clip(fields[i])}» is beyond the last column «{ColumnName(_header.Length - 1)}» (an unquoted delimiter inside a field?)");
                }
            }

            for (var i = 0; i < _header.Length; i++)
            {
                if (_header[i].Length == 0 && fields[i].Trim().Length > 0)
                {
                    throw Fail($"line {Line}, column {i + 1}: the value «{Clip(fields[i])}» is in a column with no header");
                }
            }

            _current = fields;
            Rows++;
            return true;
        }

        return false;
    }

    private string[] _current = Array.Empty<string>();

    /// <summary>The trimmed cell of <paramref name="field"/> in the current row; null when the field is not mapped.</summary>
    public string? Get(string field) => _index.TryGetValue(field, out var i) ? _current[i].Trim() : null;

    /// <summary>Whether the mapping gives <paramref name="field"/> a column.</summary>
    public bool Has(string field) => _index.ContainsKey(field);

    /// <summary>The header of a mapped field.</summary>
    public string Column(string field) => _mapping.Headers[field];

    /// <summary>An input error at the current line, naming the field's column.</summary>
    public ConnectorException Fail(string field, string message) =>
        Fail($"line {Line}, column «{Column(field)}»: {message}");

    /// <summary>An input error about this file.</summary>
    public ConnectorException Fail(string message) =>
        new(AsiouConnector.ConnectorId, FileName, message, ConnectorFailureKind.Input);

    /// <inheritdoc />
    public void Dispose() => _parser.Dispose();

    private bool NextRecord(out string[] fields)
    {
        _badField = null;
        Line = _lastRawRow + 1;
        bool more;
        try
        {
            more = _parser.Read();
        }
        catch (MaxFieldSizeException)
        {
            throw Fail($"line {Line}: a field longer than {MaxFieldLength} characters (an unclosed quote?)");
        }
        catch (CsvHelperException ex)
        {
            throw Fail($"line {Line}: cannot be parsed ({FirstLine(ex.Message)})");
        }

        _lastRawRow = _parser.RawRow;
        if (!more)
        {
            fields = Array.Empty<string>();
            return false;
        }

        fields = _parser.Record ?? Array.Empty<string>();
        return true;
    }

    private string ColumnName(int index) =>
        index >= 0 && index < _header.Length && _header[index].Length > 0 ? _header[index] : (index + 1).ToString(CultureInfo.InvariantCulture);

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

    private static string Clip(string text)
    {
        var t = text.Replace('\r', ' ').Replace('\n', ' ');
        return t.Length <= 60 ? t : t.Substring(0, 57) + "…";
    }

    private static string FirstLine(string text)
    {
        var i = text.IndexOfAny(new[] { '\r', '\n' });
        return i < 0 ? text : text.Substring(0, i);
    }
}
