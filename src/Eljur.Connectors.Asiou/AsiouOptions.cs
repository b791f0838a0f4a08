namespace Eljur.Connectors.Asiou;

/// <summary>
/// Settings of one АСИОУ «Школа» connector instance: where the school's export files are, how to
/// read them (column mapping, encoding, delimiter, file names) and the school's details. Registered
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
    /// Text encoding of the exports: <c>auto</c> (the default: a BOM decides, else a file that is
    /// valid UTF-8 is read as UTF-8 and any other as Windows-1251), <c>utf-8</c> or <c>windows-1251</c>.
    /// </summary>
    public string Encoding { get; set; } = "auto";

    /// <summary>
    /// Field delimiter: <c>auto</c> (the default: the more frequent of <c>;</c> and <c>,</c> in the
    /// header line, outside quotes), <c>;</c> or <c>,</c>.
    /// </summary>
    public string Delimiter { get; set; } = "auto";

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
    /// File name pattern (<c>*</c> and <c>?</c> wildcards, no folders) of the journal export in
    /// <see cref="ExportDirectory"/>; exactly one file must match. Default: <c>journal*.csv</c>.
    /// </summary>
    public string JournalFilePattern { get; set; } = "journal*.csv";

    /// <summary>File name pattern of the marks export; exactly one file must match. Default: <c>marks*.csv</c>.</summary>
    public string MarksFilePattern { get; set; } = "marks*.csv";

    /// <summary>File name pattern of the student list; exactly one file must match. Default: <c>students*.csv</c>.</summary>
    public string StudentsFilePattern { get; set; } = "students*.csv";
}
