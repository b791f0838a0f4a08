using System;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Eljur.Connectors.MosregPortal;

/// <summary>
/// A school's <c>timeZone</c> as the portal sends it: an int (hours from UTC, e.g. <c>3</c>), a string
/// of one (<c>"+03:00"</c>, <c>"3"</c>), or an IANA id. Russia's zones have had fixed offsets since
/// 2014 (2016 for a few regions, whose offsets did not change), so an offset names one zone.
/// </summary>
internal static class PortalTimeZone
{
    public const string Default = "Europe/Moscow";

    /// <summary>The IANA id for the school's <c>timeZone</c>, or null when it is missing or not a Russian offset.</summary>
    public static string? FromSchool(JToken? value)
    {
        var text = MosregJson.Text(value)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text!.IndexOf('/') > 0)
        {
            return text;
        }

        var hoursText = text.StartsWith("UTC", StringComparison.OrdinalIgnoreCase) ? text.Substring(3) : text;
        var colon = hoursText.IndexOf(':');
        if (colon >= 0)
        {
            hoursText = hoursText.Substring(0, colon);
        }

        return decimal.TryParse(hoursText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours)
            ? ForOffset(hours)
            : null;
    }

    /// <summary>Russia's zone with this offset in hours, or null.</summary>
    public static string? ForOffset(decimal hours) => hours switch
    {
        2 => "Europe/Kaliningrad",
        3 => "Europe/Moscow",
        4 => "Europe/Samara",
        5 => "Asia/Yekaterinburg",
        6 => "Asia/Omsk",
        7 => "Asia/Novosibirsk",
        8 => "Asia/Irkutsk",
        9 => "Asia/Yakutsk",
        10 => "Asia/Vladivostok",
        11 => "Asia/Magadan",
        12 => "Asia/Kamchatka",
        _ => null,
    };
}
