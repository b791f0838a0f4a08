using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Eljur.Abstractions.Evaluation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Eljur.Abstractions.Policies;

/// <summary>
/// Reads a policy file (<c>eljur.policy/1</c>). With a rule catalog it also binds every use, so an
/// unknown rule id or a bad parameter is reported at load time with its JSON path and line.
/// </summary>
public static class PolicyReader
{
    private static readonly HashSet<string> TopLevelKeys = new(StringComparer.Ordinal)
    {
        "format", "id", "title", "description", "document", "assumptions", "rules", "$schema",
    };

    private static readonly HashSet<string> UseKeys = new(StringComparer.Ordinal)
    {
        "rule", "metric", "clause", "quote", "severity", "threshold", "thresholdIsMaximum", "note", "params",
    };

    /// <summary>Reads a policy from a file.</summary>
    /// <param name="path">Path of the JSON file.</param>
    /// <param name="catalog">Catalog to validate against; null skips rule validation.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="PolicyException">The file is not a valid policy; the message names the file.</exception>
    public static Policy ReadFile(string path, IRuleCatalog? catalog)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, path, catalog);
        }
        catch (IOException ex)
        {
            throw new PolicyException($"cannot read the policy file: {ex.Message}", "$", null, path, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new PolicyException($"cannot read the policy file: {ex.Message}", "$", null, path, ex);
        }
    }

    /// <summary>Reads a policy from a stream.</summary>
    /// <param name="stream">UTF-8 JSON.</param>
    /// <param name="sourceName">File name or preset id, for messages.</param>
    /// <param name="catalog">Catalog to validate against; null skips rule validation.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="PolicyException">The content is not a valid policy.</exception>
    public static Policy Read(Stream stream, string? sourceName, IRuleCatalog? catalog)
    {
        try
        {
            return ReadCore(stream, catalog);
        }
        catch (PolicyException ex) when (sourceName is not null)
        {
            throw ex.WithFile(sourceName);
        }
    }

    private static Policy ReadCore(Stream stream, IRuleCatalog? catalog)
    {
        JObject root;
        try
        {
            using var text = new StreamReader(stream, Encoding.UTF8, true, 4096, leaveOpen: true);
            using var json = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(json, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
            root = token as JObject ?? throw new PolicyException("a policy must be a JSON object", "$", Line(token));
            if (json.Read())
            {
                throw new PolicyException("unexpected content after the policy object", "$", json.LineNumber);
            }
        }
        catch (JsonReaderException ex)
        {
            // Json.NET gives line 0 when it fails before its first token, whatever line that is on: unknown.
            throw new PolicyException("not valid JSON: " + StripLocation(ex.Message), string.IsNullOrEmpty(ex.Path) ? "$" : "$." + ex.Path, ex.LineNumber > 0 ? ex.LineNumber : null, null, ex);
        }

        foreach (var p in root.Properties())
        {
            if (!TopLevelKeys.Contains(p.Name))
            {
                throw new PolicyException($"unknown key \"{p.Name}\" (known: {string.Join(", ", TopLevelKeys)})", "$." + p.Name, Line(p));
            }
        }

        var format = OptionalString(root, "format", "$");
        if (format is not null && format != Policy.FormatId)
        {
            throw new PolicyException($"unsupported format \"{format}\"; expected \"{Policy.FormatId}\"", "$.format", Line(root["format"]));
        }

        var id = RequiredString(root, "id", "$");
        var title = RequiredString(root, "title", "$");
        var assumptions = new List<string>();
        if (root["assumptions"] is { Type: not JTokenType.Null } a)
        {
            if (a is not JArray arr)
            {
                throw new PolicyException("must be a list of strings", "$.assumptions", Line(a));
            }

            for (var i = 0; i < arr.Count; i++)
            {
                assumptions.Add(arr[i].Type == JTokenType.String ? (string)arr[i]! : throw new PolicyException("must be a string", $"$.assumptions[{i}]", Line(arr[i])));
            }
        }

        if (root["rules"] is not JArray rules)
        {
            throw new PolicyException("the policy needs a \"rules\" list", "$.rules", Line(root["rules"] ?? root));
        }

        var uses = new List<RuleUse>(rules.Count);
        for (var i = 0; i < rules.Count; i++)
        {
            uses.Add(ReadUse(rules[i], $"$.rules[{i}]", catalog));
        }

        return new Policy
        {
            Id = id,
            Title = title,
            Description = OptionalString(root, "description", "$"),
            Document = OptionalString(root, "document", "$"),
            Assumptions = assumptions,
            Uses = uses,
        };
    }

    private static RuleUse ReadUse(JToken token, string path, IRuleCatalog? catalog)
    {
        if (token is not JObject obj)
        {
            throw new PolicyException("each rule use must be an object", path, Line(token));
        }

        foreach (var p in obj.Properties())
        {
            if (!UseKeys.Contains(p.Name))
            {
                throw new PolicyException($"unknown key \"{p.Name}\" (known: {string.Join(", ", UseKeys)})", path + "." + p.Name, Line(p));
            }
        }

        var ruleKey = obj.ContainsKey("rule") ? "rule" : obj.ContainsKey("metric") ? "metric" : null;
        if (ruleKey is null)
        {
            throw new PolicyException("a rule use needs \"rule\" (or \"metric\") with a rule id", path, Line(obj));
        }

        var ruleId = RequiredString(obj, ruleKey, path);
        RuleDefinition? definition = null;
        if (catalog is not null && !catalog.TryGet(ruleId, out definition))
        {
            throw new PolicyException($"unknown rule \"{ruleId}\"", $"{path}.{ruleKey}", Line(obj[ruleKey]));
        }

        Severity? severity = null;
        if (OptionalString(obj, "severity", path) is { } s)
        {
            severity = s switch
            {
                "error" => Severity.Error,
                "warning" => Severity.Warning,
                "info" => Severity.Info,
                _ => throw new PolicyException($"unknown severity \"{s}\"; expected error, warning or info", path + ".severity", Line(obj["severity"])),
            };
        }

        double? threshold = null;
        if (obj["threshold"] is { Type: not JTokenType.Null } t)
        {
            if (t.Type is not (JTokenType.Integer or JTokenType.Float))
            {
                throw new PolicyException("the threshold must be a number (a ratio such as 0.95)", path + ".threshold", Line(t));
            }

            threshold = t.Value<double>();
            if (threshold < 0 || threshold > 1)
            {
                throw new PolicyException("the threshold is a ratio between 0 and 1", path + ".threshold", Line(t));
            }

            if (definition is { IsMetric: false })
            {
                throw new PolicyException($"\"{ruleId}\" is a rule, not a metric: it takes no threshold", path + ".threshold", Line(t));
            }
        }

        var max = false;
        if (obj["thresholdIsMaximum"] is { Type: not JTokenType.Null } mx)
        {
            max = mx.Type == JTokenType.Boolean ? (bool)mx : throw new PolicyException("must be true or false", path + ".thresholdIsMaximum", Line(mx));
        }

        JObject? parameters = null;
        if (obj["params"] is { Type: not JTokenType.Null } pt)
        {
            parameters = pt as JObject ?? throw new PolicyException("params must be an object", path + ".params", Line(pt));
        }

        var use = new RuleUse
        {
            RuleId = ruleId,
            Clause = OptionalString(obj, "clause", path),
            Quote = OptionalString(obj, "quote", path),
            Note = OptionalString(obj, "note", path),
            Severity = severity,
            Threshold = threshold,
            ThresholdIsMaximum = max,
            Parameters = new RuleParameters(parameters, path + ".params"),
            Path = path,
        };

        if (definition is not null)
        {
            // Bind on a fresh copy so that the use's own parameter object keeps no read marks.
            definition.Bind(new RuleParameters(parameters, path + ".params"));
        }

        return use;
    }

    private static string RequiredString(JObject obj, string key, string path) =>
        OptionalString(obj, key, path) is { Length: > 0 } s ? s : throw new PolicyException($"\"{key}\" is required and must be a non-empty string", $"{path}.{key}", Line(obj[key] ?? obj));

    private static string? OptionalString(JObject obj, string key, string path)
    {
        var t = obj[key];
        if (t is null || t.Type == JTokenType.Null)
        {
            return null;
        }

        return t.Type == JTokenType.String ? (string)t! : throw new PolicyException("must be a string", $"{path}.{key}", Line(t));
    }

    private static int? Line(JToken? token) => token is IJsonLineInfo li && li.HasLineInfo() ? li.LineNumber : null;

    private static string StripLocation(string message)
    {
        var i = message.IndexOf(" Path '", StringComparison.Ordinal);
        return i > 0 ? message.Substring(0, i) : message;
    }
}
