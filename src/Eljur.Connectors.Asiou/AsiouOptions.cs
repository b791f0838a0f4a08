using System;
using System.Collections.Generic;
using System.Linq;

namespace Eljur.Connectors.Asiou;

/// <summary>
/// Settings of one АСИОУ «Школа» connector instance: where the school's export files are, how to
/// read them (column mapping, CSV encoding and delimiter, XLSX sheet, file names) and the school's details. Registered
/// by <c>builder.AddAsiou(name, …)</c>, bound from configuration by <c>builder.AddAsiou(name, section)</c>,
/// and validated when the application starts (and again when the connector is first created).
/// </summary>
public sealed class AsiouOptions
{
    /// <summary>The folder holding the export files. Required; must exist.</summary>
    public string? ExportDirectory { get; set; }

    /// <summary>
    /// The column mapping (a JSON file the school adjusts; see <c>docs/connectors/asiou.md</c>).
    /// Default: <see langword="null"/>, meaning the built-in default mapping. When set, the file must
    /// exist and be a valid mapping.
    /// </summary>
    public string? MappingFile { get; set; }

    /// <summary>
    /// Text encoding of CSV exports: <c>auto</c> (the default: a BOM decides, else a file that is
    /// valid UTF-8 is read as UTF-8 and any other as Windows-1251), <c>utf-8</c> or <c>windows-1251</c>.
    /// Not used for <c>.xlsx</c> exports, which carry their own encoding.
    /// </summary>
    public string Encoding { get; set; } = "auto";

    /// <summary>
    /// Field delimiter of CSV exports: <c>auto</c> (the default: the more frequent of <c>;</c> and
    /// <c>,</c> in the header line, outside quotes), <c>;</c> or <c>,</c>. Not used for <c>.xlsx</c> exports.
    /// </summary>
    public string Delimiter { get; set; } = "auto";

    /// <summary>
    /// The worksheet of <c>.xlsx</c> exports to read, by name (case and surrounding spaces ignored).
    /// Default: <see langword="null"/>, meaning the first visible worksheet of each workbook. When
    /// set, every <c>.xlsx</c> export must have a sheet of that name. Not used for CSV exports.
    /// </summary>
    public string? Sheet { get; set; }

    /// <summary>School id for <c>school.id</c> and <c>source.instance</c>. Default: <c>asiou</c>.</summary>
    public string? SchoolId { get; set; }

    /// <summary>School name for <c>school.name</c>. Default: <see langword="null"/>, meaning the export folder's name.</summary>
    public string? SchoolName { get; set; }

    /// <summary>Region for <c>school.region</c>. Default: <see langword="null"/> (not written).</summary>
    public string? Region { get; set; }

    /// <summary>
    /// The school's IANA time zone, written to <c>school.timeZone</c> and used to read entry
    /// timestamps («Дата внесения»). Default: <c>Europe/Moscow</c> (АСИОУ is the Yaroslavl region's system).
    /// </summary>
    public string TimeZone { get; set; } = "Europe/Moscow";

    /// <summary>Working days a week (5 or 6) for <c>school.workWeek</c>. Default: 5.</summary>
    public int WorkWeek { get; set; } = 5;

    /// <summary>
    /// File name pattern of the journal export in <see cref="ExportDirectory"/>: <c>*</c> and
    /// <c>?</c> wildcards, no folders; several patterns are separated by <c>;</c>. Exactly one file
    /// must match (all the patterns together). Files ending in <c>.xlsx</c> are read as Excel
    /// workbooks, any other as CSV. Default: <c>journal*.csv;journal*.xlsx</c>.
    /// </summary>
    public string JournalFilePattern { get; set; } = "journal*.csv;journal*.xlsx";

    /// <summary>File name pattern(s) of the marks export, as <see cref="JournalFilePattern"/>. Default: <c>marks*.csv;marks*.xlsx</c>.</summary>
    public string MarksFilePattern { get; set; } = "marks*.csv;marks*.xlsx";

    /// <summary>File name pattern(s) of the student list, as <see cref="JournalFilePattern"/>. Default: <c>students*.csv;students*.xlsx</c>.</summary>
    public string StudentsFilePattern { get; set; } = "students*.csv;students*.xlsx";

    /// <summary>The patterns of a <c>;</c>-separated pattern option, trimmed, empty ones left out.</summary>
    internal static IReadOnlyList<string> SplitPattern(string? value) =>
        (value ?? "").Split(';').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
}
