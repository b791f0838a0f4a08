using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Eljur.Connectors.MosregPortal;

/// <summary>
/// Lenient readers for the portal's JSON. Ids are read from <c>*_str</c> when present, otherwise
/// from the exact integer text; a number that arrives as a floating-point value is never turned
/// into an id (it has already lost digits). Times carry no zone and are school-local.
/// </summary>
internal static class MosregJson
{
    private static readonly string[] LocalFormats =
    {
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd",
    };

    public static JToken Parse(byte[] body)
    {
        using var text = new StreamReader(new MemoryStream(body), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var reader = new JsonTextReader(text)
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        var token = JToken.ReadFrom(reader);
        if (reader.Read() && reader.TokenType != JsonToken.Comment)
        {
            throw new JsonReaderException("text after the JSON value");
        }

        return token;
    }

    public static JToken? Get(JToken? token, string name) => token is JObject o && o.TryGetValue(name, StringComparison.Ordinal, out var v) && v.Type != JTokenType.Null ? v : null;

    /// <summary>The id of property <paramref name="name"/>: <c>name_str</c>, the integer <c>name</c>, or <c>name.id</c> of an object.</summary>
    public static string? Id(JToken? owner, string name = "id")
    {
        var text = Text(Get(owner, name + "_str"));
        if (!string.IsNullOrWhiteSpace(text))
        {
            return text!.Trim();
        }

        var value = Get(owner, name);
        return value is JObject nested ? Id(nested) : IdOf(value);
    }

    /// <summary>An id from a bare token (an integer or a string of digits); null for anything else.</summary>
    public static string? IdOf(JToken? token) => token switch
    {
        JValue { Type: JTokenType.Integer, Value: long l } => l.ToString(CultureInfo.InvariantCulture),
        JValue { Type: JTokenType.Integer, Value: BigInteger b } => b.ToString(CultureInfo.InvariantCulture),
        JValue { Type: JTokenType.Integer } v => Convert.ToString(v.Value, CultureInfo.InvariantCulture),
        JValue { Type: JTokenType.String } v when ((string)v.Value!).Trim() is { Length: > 0 } s && s.All(char.IsDigit) => s,
        JObject o => Id(o),
        _ => null,
    };

    public static string? Text(JToken? token) => token switch
    {
        null => null,
        JValue { Type: JTokenType.String } v => (string?)v.Value,
        JValue { Type: JTokenType.Integer or JTokenType.Float or JTokenType.Boolean } v => Convert.ToString(v.Value, CultureInfo.InvariantCulture),
        _ => null,
    };

    public static string? Text(JToken? owner, string name) => Text(Get(owner, name));

    public static int? Int(JToken? owner, string name) =>
        int.TryParse(Text(owner, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;

    /// <summary>Elements of an array; a single object is a one-element list; anything else is empty.</summary>
    public static IEnumerable<JToken> Items(JToken? token) => token switch
    {
        JArray a => a.Where(t => t.Type != JTokenType.Null),
        JObject o => new[] { o },
        _ => Enumerable.Empty<JToken>(),
    };

    /// <summary>A zone-less local date-time (<c>2023-03-14T10:15:22.437</c>); one with an offset is converted to <paramref name="zone"/>.</summary>
    public static DateTime? Local(string? text, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text!.Trim();
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return local;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            return TimeZoneInfo.ConvertTime(withOffset, zone).DateTime;
        }

        return null;
    }

    /// <summary>A school-local time as an instant with the zone's offset.</summary>
    public static DateTimeOffset At(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }
}
