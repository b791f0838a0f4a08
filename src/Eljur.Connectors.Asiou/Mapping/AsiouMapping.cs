using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Eljur.Abstractions.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Eljur.Connectors.Asiou.Mapping;

/// <summary>The kinds of export the connector reads.</summary>
internal enum ExportKind
{
    Journal,
    Marks,
    Students,
}

/// <summary>
/// The column mapping: which header of which export holds which field, plus the value tables
/// (mark types, absence codes, consent words). Loaded from the school's JSON file or the embedded
/// default (<c>Mapping/default-mapping.json</c>, documented in <c>docs/connectors/asiou.md</c>).
/// </summary>
internal sealed class AsiouMapping
{
    internal const string FormatId = "asiou.mapping/1";

    /// <summary>Fields of each export: name, and whether the mapping must give it a column.</summary>
    internal static readonly IReadOnlyDictionary<ExportKind, (string Field, bool Required)[]> Fields = new Dictionary<ExportKind, (string, bool)[]>
    {
        [ExportKind.Journal] = new[] { ("class", true), ("subject", true), ("date", true), ("lessonNumber", true), ("teacher", true), ("topic", false), ("homework", false) },
        [ExportKind.Marks] = new[] { ("student", true), ("subject", true), ("date", true), ("value", true), ("class", false), ("markType", false), ("enteredAt", false) },
        [ExportKind.Students] = new[] { ("student", true), ("class", true), ("enrolledOn", false), ("leftOn", false), ("consent", false) },
    };

    private static readonly string[] TopKeys = { "$comment", "format", "dateFormats", "timestampFormats", "summaryRowPrefixes", "journal", "marks", "students" };

    public IReadOnlyList<string> DateFormats { get; private set; } = Array.Empty<string>();

    public IReadOnlyList<string> TimestampFormats { get; private set; } = Array.Empty<string>();

    public IReadOnlyList<string> SummaryRowPrefixes { get; private set; } = Array.Empty<string>();

    /// <summary>The mapped exports; an export set to null in the file is absent.</summary>
    public IReadOnlyDictionary<ExportKind, ExportMapping> Exports { get; private set; } = new Dictionary<ExportKind, ExportMapping>();

    /// <summary>Mark-type cell (trimmed, lower case) → kind.</summary>
    public IReadOnlyDictionary<string, MarkKind> MarkTypes { get; private set; } = new Dictionary<string, MarkKind>();

    /// <summary>Absence code (trimmed, lower case) → reason.</summary>
    public IReadOnlyDictionary<string, AbsenceReason> AbsenceValues { get; private set; } = new Dictionary<string, AbsenceReason>();

    /// <summary>Consent cell (trimmed, lower case) → consent.</summary>
    public IReadOnlyDictionary<string, bool?> ConsentValues { get; private set; } = new Dictionary<string, bool?>();

    /// <summary>Where the mapping came from, for messages.</summary>
    public string Origin { get; private set; } = "";

    /// <summary>The mapping of one export, or null when it is not mapped.</summary>
    public ExportMapping? this[ExportKind kind] => Exports.TryGetValue(kind, out var m) ? m : null;

    /// <summary>The embedded default mapping.</summary>
    public static AsiouMapping Default()
    {
        using var stream = typeof(AsiouMapping).Assembly.GetManifestResourceStream("Eljur.Connectors.Asiou.default-mapping.json")
            ?? throw new InvalidOperationException("The default АСИОУ mapping is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd(), "the default mapping");
    }

    /// <summary>The embedded default mapping's text (for <c>docs</c> and for schools that start from it).</summary>
    public static string DefaultText()
    {
        using var stream = typeof(AsiouMapping).Assembly.GetManifestResourceStream("Eljur.Connectors.Asiou.default-mapping.json")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Loads the mapping file, or the default when <paramref name="path"/> is null.</summary>
    /// <exception cref="AsiouMappingException">The file is missing or wrong.</exception>
    public static AsiouMapping Load(string? path)
    {
        if (path is null)
        {
            return Default();
        }

        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new AsiouMappingException($"the mapping file {path} cannot be read: {ex.Message}", ex);
        }

        return Parse(text, Path.GetFileName(path));
    }

    /// <summary>Parses mapping JSON. Unknown keys, unknown fields and missing required fields are errors.</summary>
    public static AsiouMapping Parse(string json, string origin)
    {
        JObject root;
        try
        {
            root = JObject.Parse(json, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error, LineInfoHandling = LineInfoHandling.Load });
        }
        catch (JsonReaderException ex)
        {
            throw new AsiouMappingException($"{origin}: not valid JSON: {ex.Message}", ex);
        }

        AsiouMappingException Error(JToken? at, string message)
        {
            var where = at is IJsonLineInfo li && li.HasLineInfo() ? $" (line {li.LineNumber})" : "";
            return new AsiouMappingException($"{origin}: {message}{where}");
        }

        foreach (var p in root.Properties())
        {
            if (!TopKeys.Contains(p.Name, StringComparer.Ordinal))
            {
                throw Error(p, $"unknown key \"{p.Name}\"; expected one of {string.Join(", ", TopKeys.Skip(1))}");
            }
        }

        var format = root["format"];
        if (format is not null && (format.Type != JTokenType.String || (string?)format != FormatId))
        {
            throw Error(format, $"\"format\" must be \"{FormatId}\"");
        }

        IReadOnlyList<string> Strings(JToken? token, string key, IReadOnlyList<string> fallback)
        {
            if (token is null || token.Type == JTokenType.Null)
            {
                return fallback;
            }

            if (token is not JArray array || array.Any(t => t.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)t)))
            {
                throw Error(token, $"\"{key}\" must be an array of non-empty strings");
            }

            return array.Select(t => (string)t!).ToList();
        }

        var mapping = new AsiouMapping
        {
            Origin = origin,
            DateFormats = Strings(root["dateFormats"], "dateFormats", new[] { "dd.MM.yyyy", "yyyy-MM-dd" }),
            TimestampFormats = Strings(root["timestampFormats"], "timestampFormats", new[] { "dd.MM.yyyy HH:mm", "dd.MM.yyyy HH:mm:ss" }),
            SummaryRowPrefixes = Strings(root["summaryRowPrefixes"], "summaryRowPrefixes", new[] { "Итого", "Всего" }),
        };

        var exports = new Dictionary<ExportKind, ExportMapping>();
        var markTypes = new Dictionary<string, MarkKind>(StringComparer.Ordinal);
        var absences = new Dictionary<string, AbsenceReason>(StringComparer.Ordinal);
        var consents = new Dictionary<string, bool?>(StringComparer.Ordinal);
        foreach (var kind in new[] { ExportKind.Journal, ExportKind.Marks, ExportKind.Students })
        {
            var key = Key(kind);
            var token = root[key];
            if (token is null || token.Type == JTokenType.Null)
            {
                continue;
            }

            if (token is not JObject export)
            {
                throw Error(token, $"\"{key}\" must be an object or null");
            }

            var allowed = new List<string> { "$comment", "columns", "ignoredColumns" };
            if (kind == ExportKind.Marks)
            {
                allowed.Add("markTypes");
                allowed.Add("absenceValues");
            }

            if (kind == ExportKind.Students)
            {
                allowed.Add("consentValues");
            }

            foreach (var p in export.Properties())
            {
                if (!allowed.Contains(p.Name, StringComparer.Ordinal))
                {
                    throw Error(p, $"unknown key \"{key}.{p.Name}\"; expected one of {string.Join(", ", allowed.Skip(1))}");
                }
            }

            if (export["columns"] is not JObject columns)
            {
                throw Error(export, $"\"{key}.columns\" is required: an object of field → column header");
            }

            var fields = Fields[kind];
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in columns.Properties())
            {
                if (!fields.Any(f => f.Field == p.Name))
                {
                    throw Error(p, $"unknown field \"{key}.columns.{p.Name}\"; the {key} export has {string.Join(", ", fields.Select(f => f.Field))}");
                }

                if (p.Value.Type == JTokenType.Null)
                {
                    continue;
                }

                if (p.Value.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)p.Value))
                {
                    throw Error(p, $"\"{key}.columns.{p.Name}\" must be a column header (a non-empty string) or null");
                }

                headers[p.Name] = ((string)p.Value!).Trim();
            }

            foreach (var (field, required) in fields)
            {
                if (required && !headers.ContainsKey(field))
                {
                    throw Error(columns, $"\"{key}.columns.{field}\" is required (the column holding the {field})");
                }
            }

            var duplicate = headers.GroupBy(h => h.Value, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw Error(columns, $"\"{key}.columns\" maps the column «{duplicate.Key}» to more than one field ({string.Join(", ", duplicate.Select(d => d.Key))})");
            }

            var ignored = Strings(export["ignoredColumns"], key + ".ignoredColumns", Array.Empty<string>()).Select(s => s.Trim()).ToList();
            exports[kind] = new ExportMapping(kind, key, headers, ignored);

            if (kind == ExportKind.Marks)
            {
                ReadTable(export["markTypes"], key + ".markTypes", markTypes, (t, path) =>
                    t.Type == JTokenType.String && JsonNames.TryParse<MarkKind>((string)t!, out var mk) ? mk : throw Error(t, $"\"{path}\" must be one of {string.Join(", ", JsonNames.AllOf<MarkKind>())}"));
                ReadTable(export["absenceValues"], key + ".absenceValues", absences, (t, path) =>
                    t.Type == JTokenType.String && JsonNames.TryParse<AbsenceReason>((string)t!, out var r) ? r : throw Error(t, $"\"{path}\" must be one of {string.Join(", ", JsonNames.AllOf<AbsenceReason>())}"));
                if (headers.ContainsKey("markType") && markTypes.Count == 0)
                {
                    throw Error(export, $"\"{key}.markTypes\" is required when the markType column is mapped");
                }
            }

            if (kind == ExportKind.Students)
            {
                ReadTable(export["consentValues"], key + ".consentValues", consents, (t, path) => t.Type switch
                {
                    JTokenType.Boolean => (bool)t,
                    JTokenType.Null => (bool?)null,
                    _ => throw Error(t, $"\"{path}\" must be true, false or null"),
                });
                if (headers.ContainsKey("consent") && consents.Count == 0)
                {
                    throw Error(export, $"\"{key}.consentValues\" is required when the consent column is mapped");
                }
            }
        }

        if (exports.TryGetValue(ExportKind.Marks, out var marksExport) && !marksExport.Has("class") && !exports.ContainsKey(ExportKind.Students))
        {
            throw Error(root, "\"marks.columns.class\" is null, so students are found by name in the student list, but \"students\" is not mapped");
        }

        if (exports.Count == 0)
        {
            throw Error(root, "no export is mapped: give at least one of journal, marks, students");
        }

        mapping.Exports = exports;
        mapping.MarkTypes = markTypes;
        mapping.AbsenceValues = absences;
        mapping.ConsentValues = consents;
        return mapping;

        void ReadTable<T>(JToken? token, string path, Dictionary<string, T> into, Func<JToken, string, T> value)
        {
            if (token is null || token.Type == JTokenType.Null)
            {
                return;
            }

            if (token is not JObject table)
            {
                throw Error(token, $"\"{path}\" must be an object");
            }

            foreach (var p in table.Properties())
            {
                var k = Normalize(p.Name);
                if (into.ContainsKey(k))
                {
                    throw Error(p, $"\"{path}\" lists «{p.Name}» twice (case and surrounding spaces are ignored)");
                }

                into[k] = value(p.Value, path + "." + p.Name);
            }
        }
    }

    /// <summary>How a cell is compared against the value tables: trimmed, lower case.</summary>
    internal static string Normalize(string cell) => cell.Trim().ToLowerInvariant();

    internal static string Key(ExportKind kind) => kind switch
    {
        ExportKind.Journal => "journal",
        ExportKind.Marks => "marks",
        _ => "students",
    };

    /// <summary>The capabilities the mapped columns can provide.</summary>
    public IReadOnlyList<string> Capabilities()
    {
        var caps = new List<string>();
        var journal = this[ExportKind.Journal];
        var marks = this[ExportKind.Marks];
        var students = this[ExportKind.Students];
        if (journal is not null)
        {
            caps.Add(Capability.Lessons);
            if (journal.Has("topic"))
            {
                caps.Add(Capability.Topics);
            }

            if (journal.Has("homework"))
            {
                caps.Add(Capability.Homework);
            }
        }

        if (marks is not null)
        {
            caps.Add(Capability.Marks);
            if (marks.Has("enteredAt"))
            {
                caps.Add(Capability.MarkEntryTimes);
            }

            if (journal is not null && AbsenceValues.Count > 0)
            {
                caps.Add(Capability.Absences);
                if (marks.Has("enteredAt"))
                {
                    caps.Add(Capability.AbsenceEntryTimes);
                }
            }
        }

        if (students is not null && students.Has("consent"))
        {
            caps.Add(Capability.Consents);
        }

        return caps;
    }
}

/// <summary>The mapping of one export: field → header, and headers that are present but deliberately not read.</summary>
internal sealed class ExportMapping
{
    public ExportMapping(ExportKind kind, string key, IReadOnlyDictionary<string, string> headers, IReadOnlyList<string> ignored)
    {
        Kind = kind;
        Key = key;
        Headers = headers;
        Ignored = ignored;
    }

    public ExportKind Kind { get; }

    public string Key { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public IReadOnlyList<string> Ignored { get; }

    public bool Has(string field) => Headers.ContainsKey(field);
}

/// <summary>The mapping file is missing or wrong.</summary>
internal sealed class AsiouMappingException : Exception
{
    public AsiouMappingException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
