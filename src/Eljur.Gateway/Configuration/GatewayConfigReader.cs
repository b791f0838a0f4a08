using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Eljur.Abstractions.Policies;
using Eljur.Abstractions.Time;
using Eljur.Rules;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Quartz;

namespace Eljur.Gateway.Configuration;

/// <summary>
/// Reads and validates <c>eljur.gateway/1</c>: unknown keys, types, <c>${NAME}</c> variables, cron
/// expressions, time zones, connectors, policies, duplicate ids. Every error names the file, the line
/// and the JSON path.
/// </summary>
internal sealed class GatewayConfigReader
{
    public const string FormatId = "eljur.gateway/1";
    public const string DefaultSchedule = "0 30 2 * * ?";

    private static readonly string[] TopKeys = { "format", "storage", "limits", "users", "apiKeys", "schools" };
    private static readonly string[] StorageKeys = { "provider", "path", "connectionString" };
    private static readonly string[] LimitKeys = { "syncsInFlight", "perConnector" };
    private static readonly string[] UserKeys = { "login", "passwordHash", "access" };
    private static readonly string[] KeyKeys = { "name", "hash", "access" };
    private static readonly string[] SchoolKeys = { "id", "name", "timeZone", "workWeek", "connector", "options", "policy", "schedule", "range" };
    private static readonly string[] RangeKeys = { "from", "to" };
    private static readonly Regex Variable = new(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant);
    private static readonly Regex SchoolId = new("^[A-Za-z0-9_.-]{1,64}$", RegexOptions.CultureInvariant);

    private readonly string? _file;
    private readonly string _baseDirectory;
    private readonly Func<string, string?> _environment;
    private readonly IReadOnlyCollection<string> _connectors;
    private readonly IReadOnlyCollection<string> _providers;
    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);

    public GatewayConfigReader(string? file, string baseDirectory, Func<string, string?> environment, IReadOnlyCollection<string> connectors, IReadOnlyCollection<string> providers)
    {
        _file = file;
        _baseDirectory = baseDirectory;
        _environment = environment;
        _connectors = connectors;
        _providers = providers;
    }

    /// <summary>Reads a configuration file.</summary>
    public static JObject Parse(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var why = ex switch
            {
                FileNotFoundException => "файла нет: проверьте путь в --config",
                DirectoryNotFoundException => "нет папки, в которой он должен лежать: проверьте путь в --config",
                UnauthorizedAccessException when Directory.Exists(path) => "это папка, а нужен файл конфигурации (JSON)",
                UnauthorizedAccessException => "нет прав на чтение: проверьте права на файл",
                _ => "файл занят другой программой или диск недоступен",
            };
            throw new GatewayConfigurationException("не удаётся прочитать файл конфигурации: " + why, "$", null, path, ex);
        }

        return ParseText(text, path);
    }

    public static JObject ParseText(string text, string? file)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
            return token as JObject ?? throw new GatewayConfigurationException("конфигурация должна быть объектом JSON { … }", "$", Line(token), file);
        }
        catch (JsonReaderException ex)
        {
            throw new GatewayConfigurationException("это не JSON: " + ex.Message.Split(". Path", StringSplitOptions.None)[0], string.IsNullOrEmpty(ex.Path) ? "$" : "$." + ex.Path, ex.LineNumber > 0 ? ex.LineNumber : null, file, ex);
        }
    }

    public GatewaySettings Read(JObject root)
    {
        Substitute(root, "$");
        Keys(root, "$", TopKeys);
        var format = OptionalString(root, "format", "$");
        if (format != FormatId)
        {
            throw Error($"формат должен быть \"{FormatId}\"" + (format is null ? "" : $", а не \"{format}\""), "$.format", root["format"] ?? root);
        }

        var storage = ReadStorage(root["storage"]);
        var (inFlight, perConnector) = ReadLimits(root["limits"]);
        var users = ReadList(root, "users", UserKeys, (o, p) => new UserSettings(
            RequiredString(o, "login", p), RequiredHash(o, "passwordHash", p), ReadAccess(o, p)));
        Duplicates(users.Select(u => u.Login).ToList(), "$.users", "login", root["users"]);
        var keys = ReadList(root, "apiKeys", KeyKeys, (o, p) => new ApiKeySettings(
            RequiredString(o, "name", p), RequiredHash(o, "hash", p), ReadAccess(o, p)));
        var schools = ReadList(root, "schools", SchoolKeys, ReadSchool);
        if (schools.Count == 0)
        {
            throw Error("нужна хотя бы одна школа в \"schools\"", "$.schools", root["schools"] ?? root);
        }

        Duplicates(schools.Select(s => s.Id).ToList(), "$.schools", "id", root["schools"]);
        var ids = new HashSet<string>(schools.Select(s => s.Id), StringComparer.Ordinal);
        foreach (var (access, path, token) in users.Select((u, i) => (u.Access, $"$.users[{i}].access", root["users"]![i]!["access"]))
            .Concat(keys.Select((k, i) => (k.Access, $"$.apiKeys[{i}].access", root["apiKeys"]![i]!["access"]))))
        {
            foreach (var id in access.Schools.Where(id => !ids.Contains(id)))
            {
                throw Error($"нет школы с id \"{id}\" в \"schools\"", path, token);
            }
        }

        return new GatewaySettings(_file, _baseDirectory, storage, inFlight, perConnector, users, keys, schools, _secrets.ToList());
    }

    private SchoolSettings ReadSchool(JObject o, string p)
    {
        var id = RequiredString(o, "id", p);
        if (!SchoolId.IsMatch(id))
        {
            throw Error("id школы — латинские буквы, цифры, точка, дефис или подчёркивание (до 64 знаков)", p + ".id", o["id"]);
        }

        var name = OptionalString(o, "name", p) ?? id;
        var zone = OptionalString(o, "timeZone", p) ?? "Europe/Moscow";
        try
        {
            SchoolTimeZone.Resolve(zone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw Error($"неизвестный часовой пояс \"{zone}\": укажите пояс IANA, например Europe/Moscow", p + ".timeZone", o["timeZone"]);
        }

        var workWeek = OptionalInt(o, "workWeek", p) ?? 5;
        if (workWeek is not (5 or 6))
        {
            throw Error("рабочая неделя — 5 или 6 дней", p + ".workWeek", o["workWeek"]);
        }

        var connector = RequiredString(o, "connector", p);
        if (!_connectors.Contains(connector, StringComparer.Ordinal))
        {
            throw Error($"неизвестный коннектор \"{connector}\" (есть: {string.Join(", ", _connectors.OrderBy(c => c, StringComparer.Ordinal))})", p + ".connector", o["connector"]);
        }

        var options = o["options"] switch
        {
            null => new JObject(),
            JObject obj => obj,
            var t => throw Error("\"options\" — объект с настройками коннектора", p + ".options", t),
        };

        var policyName = RequiredString(o, "policy", p);
        var policy = ReadPolicy(policyName, p + ".policy", o["policy"]!);
        var schedule = OptionalString(o, "schedule", p) ?? DefaultSchedule;
        try
        {
            _ = new CronExpression(schedule);
        }
        catch (FormatException ex)
        {
            throw Error($"неверное выражение cron \"{schedule}\" ({ex.Message}); формат Quartz: секунды минуты часы день месяц день-недели, например \"0 30 2 * * ?\"", p + ".schedule", o["schedule"]);
        }

        DateTime? from = null, to = null;
        if (o["range"] is { } range)
        {
            var r = range as JObject ?? throw Error("\"range\" — объект { \"from\": \"ГГГГ-ММ-ДД\", \"to\": \"ГГГГ-ММ-ДД\" }", p + ".range", range);
            Keys(r, p + ".range", RangeKeys);
            from = Date(r, "from", p + ".range");
            to = Date(r, "to", p + ".range");
            if (to < from)
            {
                throw Error("конец периода раньше начала", p + ".range.to", r["to"]);
            }
        }

        return new SchoolSettings(id, name, zone, workWeek, connector, options, policyName, policy, schedule, from, to);
    }

    private Policy ReadPolicy(string name, string path, JToken token)
    {
        try
        {
            if (Presets.Exists(name))
            {
                return Presets.Load(name);
            }

            var file = Path.GetFullPath(Path.Combine(_baseDirectory, name));
            if (!File.Exists(file))
            {
                throw Error($"нет пресета \"{name}\" и нет файла {file} (пресеты: {string.Join(", ", Presets.Ids)})", path, token);
            }

            return Presets.Resolve(file);
        }
        catch (PolicyException ex)
        {
            throw Error("регламент неверен: " + ex.Message, path, token);
        }
    }

    private GatewayStorageSettings ReadStorage(JToken? token)
    {
        if (token is null)
        {
            return new GatewayStorageSettings("sqlite", Path.GetFullPath(Path.Combine(_baseDirectory, "eljur-gateway.db")), null);
        }

        var o = token as JObject ?? throw Error("\"storage\" — объект", "$.storage", token);
        Keys(o, "$.storage", StorageKeys);
        var provider = OptionalString(o, "provider", "$.storage") ?? "sqlite";
        if (!_providers.Contains(provider, StringComparer.Ordinal))
        {
            throw Error($"неизвестное хранилище \"{provider}\" (есть: {string.Join(", ", _providers)})", "$.storage.provider", o["provider"]);
        }

        var path = OptionalString(o, "path", "$.storage");
        if (provider == "sqlite")
        {
            path = Path.GetFullPath(Path.Combine(_baseDirectory, path ?? "eljur-gateway.db"));
        }

        return new GatewayStorageSettings(provider, path, OptionalString(o, "connectionString", "$.storage"));
    }

    private (int InFlight, IReadOnlyDictionary<string, int> PerConnector) ReadLimits(JToken? token)
    {
        var per = new Dictionary<string, int>(StringComparer.Ordinal);
        if (token is null)
        {
            return (4, per);
        }

        var o = token as JObject ?? throw Error("\"limits\" — объект", "$.limits", token);
        Keys(o, "$.limits", LimitKeys);
        var inFlight = OptionalInt(o, "syncsInFlight", "$.limits") ?? 4;
        if (inFlight < 1)
        {
            throw Error("нужно целое число не меньше 1", "$.limits.syncsInFlight", o["syncsInFlight"]);
        }

        if (o["perConnector"] is { } pc)
        {
            var map = pc as JObject ?? throw Error("\"perConnector\" — объект { \"коннектор\": число }", "$.limits.perConnector", pc);
            foreach (var prop in map.Properties())
            {
                var path = "$.limits.perConnector." + prop.Name;
                if (!_connectors.Contains(prop.Name, StringComparer.Ordinal))
                {
                    throw Error($"неизвестный коннектор \"{prop.Name}\"", path, prop);
                }

                var n = Int(prop.Value, path);
                per[prop.Name] = n >= 1 ? n : throw Error("нужно целое число не меньше 1", path, prop.Value);
            }
        }

        return (inFlight, per);
    }

    private AccessScope ReadAccess(JObject o, string p)
    {
        var token = o["access"];
        switch (token)
        {
            case JValue { Type: JTokenType.String } v when (string)v! == "region":
                return AccessScope.Everything;
            case JArray a when a.All(t => t.Type == JTokenType.String):
                return new AccessScope(false, a.Select(t => (string)t!).ToList());
            default:
                throw Error("\"access\" — \"region\" или список id школ, например [\"school46\"]", p + ".access", token ?? o);
        }
    }

    private List<T> ReadList<T>(JObject root, string key, string[] keys, Func<JObject, string, T> read)
    {
        var list = new List<T>();
        if (root[key] is not { } token)
        {
            return list;
        }

        var array = token as JArray ?? throw Error($"\"{key}\" — список [ … ]", "$." + key, token);
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"$.{key}[{i}]";
            var o = array[i] as JObject ?? throw Error("ожидается объект { … }", path, array[i]);
            Keys(o, path, keys);
            list.Add(read(o, path));
        }

        return list;
    }

    private void Duplicates(IReadOnlyList<string> values, string path, string key, JToken? array)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            if (!seen.Add(values[i]))
            {
                throw Error($"\"{values[i]}\" повторяется: {key} должен быть уникальным", $"{path}[{i}].{key}", array?[i]?[key] ?? array);
            }
        }
    }

    private void Substitute(JToken token, string path)
    {
        switch (token)
        {
            case JObject o:
                foreach (var prop in o.Properties().ToList())
                {
                    Substitute(prop.Value, path + "." + prop.Name);
                }

                break;
            case JArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Substitute(a[i], $"{path}[{i}]");
                }

                break;
            case JValue { Type: JTokenType.String } v:
                var text = (string)v!;
                if (!text.Contains("${", StringComparison.Ordinal))
                {
                    return;
                }

                v.Value = Variable.Replace(text, m =>
                {
                    var value = _environment(m.Groups[1].Value);
                    if (value is null)
                    {
                        throw Error($"переменная окружения {m.Groups[1].Value} не задана: задайте её перед запуском", path, v);
                    }

                    if (value.Length > 0)
                    {
                        _secrets.Add(value);
                    }

                    return value;
                });
                break;
        }
    }

    private void Keys(JObject o, string path, string[] known)
    {
        foreach (var prop in o.Properties().Where(p => !known.Contains(p.Name, StringComparer.Ordinal)))
        {
            throw Error($"неизвестный ключ \"{prop.Name}\" (допустимы: {string.Join(", ", known)})", path + "." + prop.Name, prop);
        }
    }

    private string? OptionalString(JObject o, string key, string path)
    {
        var t = o[key];
        if (t is null || t.Type == JTokenType.Null)
        {
            return null;
        }

        return t.Type == JTokenType.String ? (string)t! : throw Error("ожидается строка", $"{path}.{key}", t);
    }

    private string RequiredString(JObject o, string key, string path) =>
        OptionalString(o, key, path) is { Length: > 0 } s ? s : throw Error($"нужен \"{key}\": непустая строка", $"{path}.{key}", o[key] ?? o);

    private string RequiredHash(JObject o, string key, string path)
    {
        var hash = RequiredString(o, key, path);
        try
        {
            if (Convert.FromBase64String(hash).Length >= 13)
            {
                return hash;
            }
        }
        catch (FormatException)
        {
        }

        throw Error("это не хэш: получите его командой eljur serve hash-password ПАРОЛЬ (в файле хранится только хэш)", $"{path}.{key}", o[key]!);
    }

    private int? OptionalInt(JObject o, string key, string path) => o[key] is { Type: not JTokenType.Null } t ? Int(t, $"{path}.{key}") : null;

    private int Int(JToken t, string path)
    {
        if (t.Type == JTokenType.Integer)
        {
            return (int)t;
        }

        if (t.Type == JTokenType.String && int.TryParse((string)t!, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        throw Error("ожидается целое число", path, t);
    }

    private DateTime Date(JObject o, string key, string path)
    {
        var s = OptionalString(o, key, path);
        return s is not null && DateTime.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw Error("нужна дата ГГГГ-ММ-ДД", $"{path}.{key}", o[key] ?? o);
    }

    private GatewayConfigurationException Error(string problem, string path, JToken? token) => new(problem, path, Line(token), _file);

    private static int? Line(JToken? token) => token is IJsonLineInfo li && li.HasLineInfo() ? li.LineNumber : null;
}
