using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Evaluation;
using Eljur.Connectors.Asiou.Mapping;

namespace Eljur.Connectors.Asiou;

/// <summary>
/// A CSV export, read record by record with CsvHelper's parser (the file is never loaded whole).
/// Detects the encoding and the delimiter; its own faults are quotes inside unquoted fields,
/// unclosed quotes and rows shorter than the header. Positions are physical lines.
/// </summary>
internal sealed class CsvExportReader : ExportReader
{
    /// <summary>Longest field accepted: a longer one means an unclosed quote swallowed the rest of the file.</summary>
    internal const int MaxFieldLength = 65536;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly StreamReader _text;
    private readonly CsvParser _parser;
    private string? _badField;
    private int _lastRawRow;

    static CsvExportReader() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private CsvExportReader(string path, Encoding encoding, bool detectBom, string delimiter, ExportMapping mapping, IReadOnlyList<string> summaryPrefixes)
        : base(path, mapping, summaryPrefixes)
    {
        Encoding = encoding;
        Delimiter = delimiter;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);
        _text = new StreamReader(stream, encoding, detectBom, 65536);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            HasHeaderRecord = false,
            DetectDelimiter = false,
            IgnoreBlankLines = false, // blank lines are skipped by ExportReader, explicitly, so line numbers stay exact
            Mode = CsvMode.RFC4180,
            MaxFieldSize = MaxFieldLength,
            BadDataFound = args => _badField ??= args.Field,
            CacheFields = true,
        };
        _parser = new CsvParser(_text, config, leaveOpen: false);
    }

    /// <summary>The encoding read with.</summary>
    public Encoding Encoding { get; }

    /// <summary>The delimiter read with.</summary>
    public string Delimiter { get; }

    /// <inheritdoc />
    public override string Format => $"{Encoding.WebName}, delimiter '{Delimiter}'";

    /// <summary>Opens the file: detects encoding and delimiter as configured. The caller reads the header.</summary>
    /// <param name="path">The export file.</param>
    /// <param name="mapping">Its column mapping.</param>
    /// <param name="summaryPrefixes">Words that start a summary row.</param>
    /// <param name="encodingOption"><c>auto</c>, <c>utf-8</c> or <c>windows-1251</c>.</param>
    /// <param name="delimiterOption"><c>auto</c>, <c>;</c> or <c>,</c>.</param>
    internal static CsvExportReader Create(string path, ExportMapping mapping, IReadOnlyList<string> summaryPrefixes, string encodingOption, string delimiterOption)
    {
        var file = Path.GetFileName(path);
        RefuseWorkbook(path, file);
        var (encoding, detectBom) = ChooseEncoding(path, encodingOption);
        var delimiter = delimiterOption == "auto" ? DetectDelimiter(path, encoding, detectBom, file) : delimiterOption;
        return new CsvExportReader(path, encoding, detectBom, delimiter, mapping, summaryPrefixes);
    }

    /// <summary>A workbook saved under a CSV name would otherwise fail as «unknown column» of binary garbage.</summary>
    private static void RefuseWorkbook(string path, string file)
    {
        var head = new byte[4];
        int n;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            n = stream.Read(head, 0, head.Length);
        }

        if (n == 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4)
        {
            throw new ConnectorException(AsiouConnector.ConnectorId, file, "это архив (видимо, книга .xlsx), а не текст CSV: дайте файлу расширение .xlsx", ConnectorFailureKind.Input);
        }

        if (n == 4 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0)
        {
            throw new ConnectorException(AsiouConnector.ConnectorId, file, "это книга «Excel 97–2003» (.xls), а не текст CSV: сохраните отчёт в формате «Книга Excel» (.xlsx) или CSV", ConnectorFailureKind.Input);
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
            throw new ConnectorException(AsiouConnector.ConnectorId, file, "файл пуст: нет строки заголовка", ConnectorFailureKind.Input);
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
            throw new ConnectorException(AsiouConnector.ConnectorId, file, "строка 1: в заголовке между столбцами нет ни «;», ни «,»; укажите разделитель в настройках (Delimiter, --delimiter)", ConnectorFailureKind.Input);
        }

        return semicolons >= commas ? ";" : ",";
    }

    /// <inheritdoc />
    protected override void CheckHeaderRecord()
    {
        if (_badField is not null)
        {
            throw Fail($"{At(Line)}: заголовок не разбирается около «{Clip(_badField)}» (кавычка внутри поля без кавычек)");
        }
    }

    /// <inheritdoc />
    protected override void CheckRecord(string[] fields)
    {
        if (_badField is not null)
        {
            var at = Array.FindIndex(fields, f => f == _badField);
            throw Fail(at >= 0 && at < Header.Count
                ? $"{At(Line)}, столбец «{ColumnName(at)}»: не разбирается: в «{Clip(_badField)}» кавычка внутри поля без кавычек (заключите поле в кавычки, а кавычки внутри него удвойте)"
                : $"{At(Line)}: строка не разбирается около «{Clip(_badField)}» (кавычка внутри поля без кавычек)");
        }
    }

    /// <inheritdoc />
    protected override bool NextRecord(out string[] fields)
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
            throw Fail($"{At(Line)}: поле длиннее {MaxFieldLength} {RussianText.Plural(MaxFieldLength, "символа", "символов", "символов")} (незакрытая кавычка?)");
        }
        catch (CsvHelperException ex)
        {
            throw Fail($"{At(Line)}: строка не разбирается: «{FirstLine(ex.Message)}»");
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

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _parser.Dispose();
        }
    }
}
