using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Eljur.Abstractions.Time;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Eljur.Abstractions.Policies;

/// <summary>
/// The parameters of one rule use, as written in a policy file. Every getter validates and throws a
/// <see cref="PolicyException"/> naming the JSON path and line; a parameter a rule never reads is
/// reported as unknown by <see cref="EnsureAllRead"/>.
/// </summary>
public sealed class RuleParameters
{
    private readonly JObject _values;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <summary>Creates parameters from a JSON object.</summary>
    /// <param name="values">The <c>params</c> object (or an empty one).</param>
    /// <param name="path">JSON path of that object in the policy, for messages.</param>
    public RuleParameters(JObject? values, string path = "$.params")
    {
        _values = values ?? new JObject();
        Path = path;
    }

    /// <summary>JSON path of the parameters object.</summary>
    public string Path { get; }

    /// <summary>An empty parameter set.</summary>
    /// <returns>Parameters with nothing in them.</returns>
    public static RuleParameters Empty() => new(null);

    /// <summary>Parses parameters from JSON text (for code and tests).</summary>
    /// <param name="json">A JSON object.</param>
    /// <returns>The parameters.</returns>
    public static RuleParameters Parse(string json) => new(JObject.Parse(json));

    /// <summary>Whether the parameter is present and not null.</summary>
    /// <param name="name">Parameter name.</param>
    /// <returns>True when present.</returns>
    public bool Has(string name)
    {
        _read.Add(name);
        return _values.TryGetValue(name, StringComparison.Ordinal, out var t) && t.Type != JTokenType.Null;
    }

    /// <summary>A string parameter.</summary>
    /// <param name="name">Name.</param>
    /// <param name="defaultValue">Value when absent; when null the parameter is required.</param>
    /// <returns>The value.</returns>
    public string GetString(string name, string? defaultValue = null)
    {
        var t = Get(name, defaultValue is null);
        if (t is null)
        {
            return defaultValue!;
        }

        return t.Type == JTokenType.String ? (string)t! : throw Error(t, $"must be a string, found {Describe(t)}");
    }

    /// <summary>An integer parameter.</summary>
    /// <param name="name">Name.</param>
    /// <param name="defaultValue">Value when absent; when null the parameter is required.</param>
    /// <param name="min">Smallest allowed value.</param>
    /// <param name="max">Largest allowed value.</param>
    /// <returns>The value.</returns>
    public int GetInt(string name, int? defaultValue = null, int min = int.MinValue, int max = int.MaxValue)
    {
        var t = Get(name, defaultValue is null);
        if (t is null)
        {
            return defaultValue!.Value;
        }

        return ToInt(t, min, max);
    }

    /// <summary>An optional integer parameter that may be explicitly <c>null</c>.</summary>
    /// <param name="name">Name.</param>
    /// <param name="min">Smallest allowed value.</param>
    /// <param name="required">Whether the key must be present (its value may still be null).</param>
    /// <returns>The value or null.</returns>
    public int? GetNullableInt(string name, int min = int.MinValue, bool required = false)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, StringComparison.Ordinal, out var t))
        {
            if (required)
            {
                throw new PolicyException($"the parameter \"{name}\" is required (a number or null)", $"{Path}.{name}", LineOf(_values));
            }

            return null;
        }

        return t.Type == JTokenType.Null ? null : ToInt(t, min, int.MaxValue);
    }

    /// <summary>A number parameter.</summary>
    /// <param name="name">Name.</param>
    /// <param name="defaultValue">Value when absent; when null the parameter is required.</param>
    /// <param name="min">Smallest allowed value.</param>
    /// <param name="max">Largest allowed value.</param>
    /// <returns>The value.</returns>
    public double GetDouble(string name, double? defaultValue = null, double min = double.MinValue, double max = double.MaxValue)
    {
        var t = Get(name, defaultValue is null);
        if (t is null)
        {
            return defaultValue!.Value;
        }

        if (t.Type is not (JTokenType.Integer or JTokenType.Float))
        {
            throw Error(t, $"must be a number, found {Describe(t)}");
        }

        var v = t.Value<double>();
        if (v < min || v > max)
        {
            throw Error(t, $"must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, found {v.ToString(CultureInfo.InvariantCulture)}");
        }

        return v;
    }

    /// <summary>A boolean parameter.</summary>
    /// <param name="name">Name.</param>
    /// <param name="defaultValue">Value when absent; when null the parameter is required.</param>
    /// <returns>The value.</returns>
    public bool GetBool(string name, bool? defaultValue = null)
    {
        var t = Get(name, defaultValue is null);
        if (t is null)
        {
            return defaultValue!.Value;
        }

        return t.Type == JTokenType.Boolean ? (bool)t : throw Error(t, $"must be true or false, found {Describe(t)}");
    }

    /// <summary>A list of whole numbers (a single number is accepted as a list of one).</summary>
    /// <param name="name">Name.</param>
    /// <param name="defaultValue">Value when absent; when null the parameter is required.</param>
    /// <param name="min">Smallest allowed value of each item.</param>
    /// <param name="max">Largest allowed value of each item.</param>
    /// <returns>The numbers.</returns>
    public IReadOnlyList<int> GetIntList(string name, IReadOnlyList<int>? defaultValue = null, int min = int.MinValue, int max = int.MaxValue)
    {
        var t = Get(name, defaultValue is null);
        if (t is null)
        {
            return defaultValue!;
        }

        if (t.Type == JTokenType.Integer)
        {
            return new[] { ToInt(t, min, max) };
        }

        if (t is not JArray array)
        {
            throw Error(t, $"must be a list of whole numbers, found {Describe(t)}");
        }

        var result = new List<int>(array.Count);
        foreach (var item in array)
        {
            result.Add(ToInt(item, min, max));
        }

        return result;
    }

    /// <summary>A list of strings (a single string is accepted as a list of one).</summary>
    /// <param name="name">Name.</param>
    /// <param name="required">Whether it must be present.</param>
    /// <returns>The strings; empty when absent and not required.</returns>
    public IReadOnlyList<string> GetStringList(string name, bool required = false)
    {
        var t = Get(name, required);
        return t is null ? Array.Empty<string>() : ToStringList(t);
    }

    /// <summary>A deadline anchor such as <c>workingDays(5)</c>.</summary>
    /// <param name="name">Name.</param>
    /// <param name="defaultValue">Value when absent; when null the parameter is required.</param>
    /// <returns>The anchor.</returns>
    public DeadlineAnchor GetDeadline(string name = "deadline", DeadlineAnchor? defaultValue = null)
    {
        var t = Get(name, defaultValue is null);
        if (t is null)
        {
            return defaultValue!;
        }

        if (t.Type != JTokenType.String)
        {
            throw Error(t, $"must be a deadline anchor string such as \"sameDay\" or \"workingDays(5)\", found {Describe(t)}");
        }

        return DeadlineAnchor.TryParse((string?)t, out var anchor, out var error) ? anchor! : throw Error(t, error!);
    }

    /// <summary>A list of objects, each handed to <paramref name="parse"/> as its own parameter set.</summary>
    /// <typeparam name="T">Item type.</typeparam>
    /// <param name="name">Name.</param>
    /// <param name="parse">Parses one item; unknown keys in an item are reported.</param>
    /// <param name="required">Whether it must be present.</param>
    /// <returns>The items.</returns>
    public IReadOnlyList<T> GetObjectList<T>(string name, Func<RuleParameters, T> parse, bool required = false)
    {
        var t = Get(name, required);
        if (t is null)
        {
            return Array.Empty<T>();
        }

        if (t is not JArray array)
        {
            throw Error(t, $"must be a list of objects, found {Describe(t)}");
        }

        var result = new List<T>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JObject item)
            {
                throw Error(array[i], $"must be an object, found {Describe(array[i])}");
            }

            var nested = new RuleParameters(item, $"{Path}.{name}[{i}]");
            result.Add(parse(nested));
            nested.EnsureAllRead();
        }

        return result;
    }

    /// <summary>An object whose keys are free (e.g. <c>years: {classJournal: 5}</c>), each value an integer.</summary>
    /// <param name="name">Name.</param>
    /// <param name="required">Whether it must be present.</param>
    /// <param name="min">Smallest allowed value.</param>
    /// <returns>The map, in file order.</returns>
    public IReadOnlyList<KeyValuePair<string, int>> GetIntMap(string name, bool required = false, int min = int.MinValue)
    {
        var t = Get(name, required);
        if (t is null)
        {
            return Array.Empty<KeyValuePair<string, int>>();
        }

        if (t is not JObject obj)
        {
            throw Error(t, $"must be an object, found {Describe(t)}");
        }

        return obj.Properties().Select(p => new KeyValuePair<string, int>(p.Name, ToInt(p.Value, min, int.MaxValue))).ToList();
    }

    /// <summary>Throws a <see cref="PolicyException"/> about a parameter's value.</summary>
    /// <param name="name">Parameter name.</param>
    /// <param name="problem">What is wrong with it.</param>
    /// <returns>Never returns.</returns>
    public PolicyException Invalid(string name, string problem)
    {
        var t = _values.TryGetValue(name, StringComparison.Ordinal, out var v) ? v : null;
        return t is null ? new PolicyException(problem, $"{Path}.{name}", LineOf(_values)) : Error(t, problem);
    }

    /// <summary>Throws when the object holds a parameter no getter asked for.</summary>
    public void EnsureAllRead()
    {
        foreach (var p in _values.Properties())
        {
            if (!_read.Contains(p.Name))
            {
                var known = _read.Count == 0 ? "this rule takes no parameters" : "known: " + string.Join(", ", _read.OrderBy(n => n, StringComparer.Ordinal));
                throw new PolicyException($"unknown parameter \"{p.Name}\" ({known})", $"{Path}.{p.Name}", LineOf(p));
            }
        }
    }

    private static int? LineOf(JToken token) => token is IJsonLineInfo li && li.HasLineInfo() ? li.LineNumber : null;

    private static string Describe(JToken t) => t.Type switch
    {
        JTokenType.String => $"the string \"{(string?)t}\"",
        JTokenType.Integer or JTokenType.Float => "a number",
        JTokenType.Boolean => "a boolean",
        JTokenType.Array => "a list",
        JTokenType.Object => "an object",
        JTokenType.Null => "null",
        _ => t.Type.ToString(),
    };

    private JToken? Get(string name, bool required)
    {
        _read.Add(name);
        if (_values.TryGetValue(name, StringComparison.Ordinal, out var t) && t.Type != JTokenType.Null)
        {
            return t;
        }

        if (required)
        {
            throw new PolicyException($"the parameter \"{name}\" is required", $"{Path}.{name}", LineOf(_values));
        }

        return null;
    }

    private int ToInt(JToken t, int min, int max)
    {
        if (t.Type != JTokenType.Integer)
        {
            throw Error(t, $"must be a whole number, found {Describe(t)}");
        }

        var v = t.Value<long>();
        if (v < min || v > max)
        {
            throw Error(t, max == int.MaxValue ? $"must be at least {min}, found {v}" : $"must be between {min} and {max}, found {v}");
        }

        return (int)v;
    }

    private IReadOnlyList<string> ToStringList(JToken t)
    {
        if (t.Type == JTokenType.String)
        {
            return new[] { (string)t! };
        }

        if (t is not JArray array)
        {
            throw Error(t, $"must be a list of strings, found {Describe(t)}");
        }

        var result = new List<string>(array.Count);
        foreach (var item in array)
        {
            result.Add(item.Type == JTokenType.String ? (string)item! : throw Error(item, $"must be a string, found {Describe(item)}"));
        }

        return result;
    }

    private PolicyException Error(JToken t, string problem)
    {
        var relative = t.Path;
        var rootPath = _values.Path;
        if (rootPath.Length > 0 && relative.StartsWith(rootPath, StringComparison.Ordinal))
        {
            relative = relative.Substring(rootPath.Length).TrimStart('.');
        }

        var path = relative.Length == 0 ? Path : relative.StartsWith("[", StringComparison.Ordinal) ? Path + relative : Path + "." + relative;
        return new PolicyException(problem, path, LineOf(t));
    }
}
