using System;
using System.Globalization;
using Eljur.Abstractions.Time;

namespace Eljur.Cli.Infrastructure;

/// <summary>Parsing of the dates and moments users type.</summary>
internal static class Inputs
{
    private static readonly string[] DateFormats = { "yyyy-MM-dd", "dd.MM.yyyy" };

    private static readonly string[] LocalFormats =
    {
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
    };

    public static DateTime? Date(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        throw new CliException(ExitCodes.BadInput, $"{option}: «{text}» — не дата; ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ, например 2024-11-15.");
    }

    /// <summary>
    /// A share or rate typed by a person: <c>0.25</c> or, as Russians write it, <c>0,25</c>. Without this,
    /// <c>0,5</c> would be read with a thousands separator, as 5.
    /// </summary>
    public static double Share(System.CommandLine.Parsing.ArgumentResult result, double fallback)
    {
        if (result.Tokens.Count == 0)
        {
            return fallback;
        }

        var text = result.Tokens[0].Value;
        if (double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var option = (result.Parent as System.CommandLine.Parsing.OptionResult)?.Option.Name ?? "значение";
        result.AddError($"{option}: «{text}» — не число; ожидается доля, например 0.25 или 0,25.");
        return fallback;
    }

    /// <summary>
    /// The one wording for a range that ends before it starts, in every command. A side the user did not
    /// give comes from the data (the snapshot's range), and the message says so.
    /// </summary>
    public static void RequireOrder(DateTime from, DateTime to, bool fromGiven, bool toGiven)
    {
        if (to.Date >= from.Date)
        {
            return;
        }

        var start = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (fromGiven ? " (--from)" : " (начало данных)");
        var end = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (toGiven ? " (--to)" : " (конец данных)");
        var fix = (fromGiven, toGiven) switch
        {
            (true, false) => "укажите --from не позже конца данных или задайте --to",
            (false, true) => "укажите --to не раньше начала данных или задайте --from",
            _ => "поменяйте даты местами",
        };
        throw new CliException(ExitCodes.BadInput, $"конец периода {end} раньше его начала {start}: {fix}.");
    }

    /// <summary>
    /// A moment: with an offset (<c>2024-11-20T12:00:00+05:00</c>, <c>…Z</c>) it is taken as is; without
    /// one it is local time of the school; a bare date means the end of that day in the school's zone.
    /// </summary>
    public static DateTimeOffset? Moment(string? text, string option, SchoolClock clock)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length > 10 && (text.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || text.LastIndexOfAny(new[] { '+', '-' }) > 10)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            return withOffset;
        }

        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return text.Length == 10 ? clock.EndOfDay(local) : clock.At(local.Date, local.TimeOfDay);
        }

        throw new CliException(ExitCodes.BadInput, $"{option}: «{text}» — не момент времени; ожидается, например, 2024-11-20T12:00:00+05:00 или 2024-11-20T12:00 (время школы).");
    }
}
