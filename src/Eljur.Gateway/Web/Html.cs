using System;
using System.Globalization;
using System.Net;
using System.Text;
using Eljur.Abstractions.Sync;
using Eljur.Abstractions.Time;
using Eljur.Gateway.Runs;

namespace Eljur.Gateway.Web;

/// <summary>Small helpers for the server-rendered pages: escaping, Russian plurals, dates and words for statuses.</summary>
internal static class Html
{
    public static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>Escapes text for HTML (vendor text included).</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Escapes a URL path segment.</summary>
    public static string U(string text) => Uri.EscapeDataString(text);

    public static string N(int value) => value.ToString("N0", Ru);

    /// <summary>The Russian plural form for a count: (1) нарушение, (2) нарушения, (5) нарушений.</summary>
    public static string Plural(long n, string one, string few, string many)
    {
        var tens = n % 100;
        var last = n % 10;
        return tens is >= 11 and <= 14 ? many : last == 1 ? one : last is >= 2 and <= 4 ? few : many;
    }

    public static string Count(int n, string one, string few, string many) => N(n) + "\u00a0" + Plural(n, one, few, many);

    public static string When(DateTimeOffset? moment, string timeZone)
    {
        if (moment is not { } m)
        {
            return "—";
        }

        var local = TimeZoneInfo.ConvertTime(m, SchoolTimeZone.Resolve(timeZone));
        return local.ToString("dd.MM.yyyy HH:mm", Ru);
    }

    public static string Status(string status) => status switch
    {
        GatewayRunStatus.Ok => "проверено",
        GatewayRunStatus.SourceFailed => "журнал недоступен",
        GatewayRunStatus.Failed => "сбой запуска",
        GatewayRunStatus.Running => "идёт сейчас",
        _ => status,
    };

    /// <summary>The platform a connector id stands for, in the words a school uses.</summary>
    public static string Source(string connector) => Eljur.Rules.Reports.PlatformNames.Russian(connector);

    /// <summary>
    /// A Quartz cron expression in words where it is the usual daily one (<c>0 30 2 * * ?</c> is
    /// «ежедневно в 02:30»); any other is shown as written, after «по расписанию».
    /// </summary>
    public static string Schedule(string cron)
    {
        var parts = cron.Split(new[] { ' ' }, System.StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 6 or 7 && parts[0] == "0" && int.TryParse(parts[1], out var minute) && int.TryParse(parts[2], out var hour)
            && parts[3] is "*" or "?" && parts[4] == "*" && parts[5] is "*" or "?" && minute is >= 0 and < 60 && hour is >= 0 and < 24)
        {
            return $"ежедневно в {hour:00}:{minute:00}";
        }

        return "по расписанию «" + cron + "»";
    }

    public static string Trigger(string trigger) => trigger switch
    {
        "schedule" => "по расписанию",
        "manual" => "вручную",
        "start" => "при запуске службы",
        _ => trigger,
    };

    public static string Certainty(string certainty) => certainty == "possible" ? "возможное" : "точное";

    /// <summary>A finding's kind in words, for the findings tables: «точное», «возможное» or, for a note, «к сведению».</summary>
    public static string Kind(FindingRow f) => FindingKinds.IsNote(f) ? "к сведению" : Certainty(f.Certainty);

    public static string Delay(double? hours)
    {
        if (hours is not { } h || h <= 0)
        {
            return "—";
        }

        var days = (int)Math.Floor(h / 24);
        var rest = (int)Math.Round(h - (days * 24));
        if (rest == 24)
        {
            days++;
            rest = 0;
        }

        return days > 0 ? $"{days}\u00a0дн. {rest}\u00a0ч" : $"{Math.Max(1, rest)}\u00a0ч";
    }

    public static StringBuilder Append(this StringBuilder sb, FormattableString html) => sb.Append(html.ToString(CultureInfo.InvariantCulture));
}
