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
        return Parse(reader.ReadToEnd(), "встроенное сопоставление");
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
            throw new AsiouMappingException(path, $"файл сопоставления не читается: «{ex.Message}»", ex);
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
            throw new AsiouMappingException(origin, $"ошибка в JSON (строка {ex.LineNumber}, позиция {ex.LinePosition}): «{ex.Message}»; исправьте файл сопоставления", ex);
        }

        AsiouMappingException Error(JToken? at, string message)
        {
            var where = at is IJsonLineInfo li && li.HasLineInfo() ? $"строка {li.LineNumber}: " : "";
            return new AsiouMappingException(origin, where + message);
        }

        foreach (var p in root.Properties())
        {
            if (!TopKeys.Contains(p.Name, StringComparer.Ordinal))
            {
                throw Error(p, $"неизвестный ключ \"{p.Name}\"; допустимы {Quoted(TopKeys.Skip(1))}");
            }
        }

        var format = root["format"];
        if (format is not null && (format.Type != JTokenType.String || (string?)format != FormatId))
        {
            throw Error(format, $"значение \"format\" должно быть \"{FormatId}\"");
        }

        IReadOnlyList<string> Strings(JToken? token, string key, IReadOnlyList<string> fallback)
        {
            if (token is null || token.Type == JTokenType.Null)
            {
                return fallback;
            }

            if (token is not JArray array || array.Any(t => t.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)t)))
            {
                throw Error(token, $"значение \"{key}\" должно быть массивом непустых строк");
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
                throw Error(token, $"значение \"{key}\" должно быть объектом или null");
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
                    throw Error(p, $"неизвестный ключ \"{key}.{p.Name}\"; допустимы {Quoted(allowed.Skip(1))}");
                }
            }

            if (export["columns"] is not JObject columns)
            {
                throw Error(export, $"не задан \"{key}.columns\": нужен объект, где каждому полю сопоставлен заголовок столбца");
            }

            var fields = Fields[kind];
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in columns.Properties())
            {
                if (!fields.Any(f => f.Field == p.Name))
                {
                    throw Error(p, $"неизвестное поле \"{key}.columns.{p.Name}\"; в выгрузке \"{key}\" есть поля {Quoted(fields.Select(f => f.Field))}");
                }

                if (p.Value.Type == JTokenType.Null)
                {
                    continue;
                }

                if (p.Value.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)p.Value))
                {
                    throw Error(p, $"значение \"{key}.columns.{p.Name}\" должно быть заголовком столбца (непустой строкой) или null");
                }

                headers[p.Name] = ((string)p.Value!).Trim();
            }

            foreach (var (field, required) in fields)
            {
                if (required && !headers.ContainsKey(field))
                {
                    throw Error(columns, $"не задан обязательный \"{key}.columns.{field}\": укажите заголовок столбца {FieldNames[field]}");
                }
            }

            var duplicate = headers.GroupBy(h => h.Value, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw Error(columns, $"в \"{key}.columns\" столбец «{duplicate.Key}» сопоставлен нескольким полям ({Quoted(duplicate.Select(d => d.Key))}); у каждого поля должен быть свой столбец");
            }

            var ignored = Strings(export["ignoredColumns"], key + ".ignoredColumns", Array.Empty<string>()).Select(s => s.Trim()).ToList();
            exports[kind] = new ExportMapping(kind, key, headers, ignored);

            if (kind == ExportKind.Marks)
            {
                ReadTable(export["markTypes"], key + ".markTypes", markTypes, (t, path) =>
                    t.Type == JTokenType.String && JsonNames.TryParse<MarkKind>((string)t!, out var mk) ? mk : throw Error(t, $"значение \"{path}\" должно быть одним из {Quoted(JsonNames.AllOf<MarkKind>())}"));
                ReadTable(export["absenceValues"], key + ".absenceValues", absences, (t, path) =>
                    t.Type == JTokenType.String && JsonNames.TryParse<AbsenceReason>((string)t!, out var r) ? r : throw Error(t, $"значение \"{path}\" должно быть одним из {Quoted(JsonNames.AllOf<AbsenceReason>())}"));
                if (headers.ContainsKey("markType") && markTypes.Count == 0)
                {
                    throw Error(export, $"не задан \"{key}.markTypes\", а он обязателен, когда сопоставлен столбец \"{key}.columns.markType\"");
                }
            }

            if (kind == ExportKind.Students)
            {
                ReadTable(export["consentValues"], key + ".consentValues", consents, (t, path) => t.Type switch
                {
                    JTokenType.Boolean => (bool)t,
                    JTokenType.Null => (bool?)null,
                    _ => throw Error(t, $"значение \"{path}\" должно быть true, false или null"),
                });
                if (headers.ContainsKey("consent") && consents.Count == 0)
                {
                    throw Error(export, $"не задан \"{key}.consentValues\", а он обязателен, когда сопоставлен столбец \"{key}.columns.consent\"");
                }
            }
        }

        if (exports.TryGetValue(ExportKind.Marks, out var marksExport) && !marksExport.Has("class") && !exports.ContainsKey(ExportKind.Students))
        {
            throw Error(root, "\"marks.columns.class\" равен null, поэтому учеников ищут по имени в списке учащихся, но выгрузка \"students\" не сопоставлена (сопоставьте \"students\" или укажите столбец класса в \"marks.columns.class\")");
        }

        if (exports.Count == 0)
        {
            throw Error(root, "не сопоставлено ни одной выгрузки: задайте хотя бы одну из \"journal\", \"marks\", \"students\"");
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
                throw Error(token, $"значение \"{path}\" должно быть объектом");
            }

            foreach (var p in table.Properties())
            {
                var k = Normalize(p.Name);
                if (into.ContainsKey(k))
                {
                    throw Error(p, $"в \"{path}\" значение «{p.Name}» указано дважды (регистр букв и пробелы по краям не различаются)");
                }

                into[k] = value(p.Value, path + "." + p.Name);
            }
        }
    }

    /// <summary>What each field's column holds, for messages: «укажите заголовок столбца с предметом».</summary>
    private static readonly IReadOnlyDictionary<string, string> FieldNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["class"] = "с классом",
        ["subject"] = "с предметом",
        ["date"] = "с датой",
        ["lessonNumber"] = "с номером урока",
        ["teacher"] = "с учителем",
        ["topic"] = "с темой урока",
        ["homework"] = "с домашним заданием",
        ["student"] = "с ФИО ученика",
        ["value"] = "с отметкой",
        ["markType"] = "с видом отметки",
        ["enteredAt"] = "с датой внесения",
        ["enrolledOn"] = "с датой зачисления",
        ["leftOn"] = "с датой выбытия",
        ["consent"] = "с согласием",
    };

    /// <summary>JSON keys or values for a message: <c>"journal", "marks", "students"</c>.</summary>
    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => "\"" + n + "\""));

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

/// <summary>The mapping file is missing or wrong: <c>school.json: неизвестный ключ …</c>.</summary>
internal sealed class AsiouMappingException : Exception
{
    public AsiouMappingException(string origin, string reason, Exception? inner = null)
        : base(origin + ": " + reason, inner)
    {
        Origin = origin;
        Reason = reason;
    }

    /// <summary>The mapping file's name, or «встроенное сопоставление».</summary>
    public string Origin { get; }

    /// <summary>What is wrong and what to do, in Russian, without the origin.</summary>
    public string Reason { get; }
}
