using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Eljur.Connectors.Eljur;

/// <summary>
/// Lenient readers for ЭлЖур's JSON: ids that are strings or numbers, numbers that are strings,
/// empty objects sent as <c>[]</c>, collections sent as an object, an array, <c>null</c> or not at
/// all, and text holding HTML entities.
/// </summary>
internal static class EljurJson
{
    private static readonly string[] DateFormats = { "yyyyMMdd", "yyyy-MM-dd", "dd.MM.yyyy", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss" };
    private static readonly string[] TimeFormats = { @"hh\:mm\:ss", @"hh\:mm", @"h\:mm\:ss", @"h\:mm" };

    /// <summary>
    /// Parses a whole answer. Numbers stay exact: integers as <see cref="long"/> or
    /// <see cref="System.Numerics.BigInteger"/>, fractions as <see cref="decimal"/>; no date coercion.
    /// </summary>
    /// <exception cref="JsonException">Not JSON, or more than one value.</exception>
    public static JToken Parse(byte[] body)
    {
        using var text = new StreamReader(new MemoryStream(body, writable: false), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var reader = new JsonTextReader(text)
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        var token = JToken.ReadFrom(reader, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Replace });
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
            {
                throw new JsonReaderException($"unexpected data after the JSON value at line {reader.LineNumber}, position {reader.LinePosition}");
            }
        }

        return token;
    }

    /// <summary>The named property of an object; <see langword="null"/> for anything else (an empty array included).</summary>
    public static JToken? Get(JToken? token, string name) => token is JObject o ? o[name] : null;

    /// <summary>Whether the token is null, missing, an empty string, <c>[]</c> or <c>{}</c>.</summary>
    public static bool IsEmpty(JToken? token) => token is null
        || token.Type is JTokenType.Null or JTokenType.Undefined
        || (token.Type == JTokenType.String && ((string?)token)!.Length == 0)
        || (token is JContainer c && !c.HasValues);

    /// <summary>
    /// The members of a collection that may arrive as an object (key → value), an array (index →
    /// element), <c>[]</c> for an empty object, <c>null</c> or nothing. Keys are kept as sent.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, JToken>> Entries(JToken? token)
    {
        switch (token)
        {
            case JObject o:
                foreach (var p in o.Properties())
                {
                    yield return new KeyValuePair<string, JToken>(p.Name, p.Value);
                }

                break;
            case JArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    yield return new KeyValuePair<string, JToken>(i.ToString(CultureInfo.InvariantCulture), a[i]);
                }

                break;
        }
    }

    /// <summary>The values of a collection (object values or array elements), skipping nulls.</summary>
    public static IEnumerable<JToken> Elements(JToken? token) =>
        Entries(token).Select(e => e.Value).Where(v => v.Type is not (JTokenType.Null or JTokenType.Undefined));

    /// <summary>
    /// An id exactly as sent: a string trimmed, an integer in full (never through a double), a
    /// fraction as written. <see langword="null"/> when missing or empty.
    /// </summary>
    public static string? Id(JToken? token)
    {
        if (token is not JValue v || v.Value is null)
        {
            return null;
        }

        var text = v.Type switch
        {
            JTokenType.String => ((string)v.Value).Trim(),
            JTokenType.Integer or JTokenType.Float => Convert.ToString(v.Value, CultureInfo.InvariantCulture),
            JTokenType.Boolean => null,
            _ => Convert.ToString(v.Value, CultureInfo.InvariantCulture),
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>Text with HTML entities decoded, no-break spaces made plain, trimmed; <see langword="null"/> when empty.</summary>
    public static string? Text(JToken? token)
    {
        if (token is not JValue v || v.Value is null)
        {
            return null;
        }

        var raw = v.Type == JTokenType.String ? (string)v.Value : Convert.ToString(v.Value, CultureInfo.InvariantCulture);
        return Clean(raw);
    }

    /// <summary>Decodes HTML entities (once), turns no-break spaces into spaces and trims.</summary>
    public static string? Clean(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var text = WebUtility.HtmlDecode(raw).Replace('\u00A0', ' ').Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>A flag sent as a boolean, 0/1, "0"/"1", "true"/"false" or "да"/"нет"; missing is false.</summary>
    public static bool Flag(JToken? token)
    {
        if (token is not JValue v || v.Value is null)
        {
            return false;
        }

        switch (v.Type)
        {
            case JTokenType.Boolean: return (bool)v.Value;
            case JTokenType.Integer: return Convert.ToDecimal(v.Value, CultureInfo.InvariantCulture) != 0;
            case JTokenType.Float: return Convert.ToDecimal(v.Value, CultureInfo.InvariantCulture) != 0;
            case JTokenType.String:
                var s = ((string)v.Value).Trim().ToLowerInvariant();
                return s is "1" or "true" or "да" or "yes" or "y";
            default: return false;
        }
    }

    /// <summary>A number sent as a number or a string (<c>1.5</c> or <c>1,5</c>); <see langword="null"/> when not a number.</summary>
    public static decimal? Decimal(JToken? token)
    {
        if (token is not JValue v || v.Value is null)
        {
            return null;
        }

        switch (v.Type)
        {
            case JTokenType.Integer:
            case JTokenType.Float:
                try
                {
                    return Convert.ToDecimal(v.Value, CultureInfo.InvariantCulture);
                }
                catch (OverflowException)
                {
                    return null;
                }

            case JTokenType.String:
                var s = ((string)v.Value).Trim().Replace(',', '.');
                return decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
            default:
                return null;
        }
    }

    /// <summary>A date sent as <c>YYYYMMDD</c>, <c>YYYY-MM-DD</c> or <c>DD.MM.YYYY</c> (a time part is dropped).</summary>
    public static DateTime? Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTime.TryParseExact(text!.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.Date : null;
    }

    /// <summary>A date and time <c>YYYY-MM-DD HH:MM:SS</c> (local to some zone), or <see langword="null"/>.</summary>
    public static DateTime? DateTimeLocal(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return System.DateTime.TryParseExact(text!.Trim(), new[] { "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd" }, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;
    }

    /// <summary>A time of day sent as <c>HH:MM:SS</c> or <c>HH:MM</c>; <see langword="null"/> otherwise.</summary>
    public static TimeSpan? Time(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return TimeSpan.TryParseExact(text!.Trim(), TimeFormats, CultureInfo.InvariantCulture, out var t) && t >= TimeSpan.Zero && t < TimeSpan.FromDays(1)
            ? t
            : null;
    }
}
