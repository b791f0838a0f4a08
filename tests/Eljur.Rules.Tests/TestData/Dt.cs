using System;
using System.Globalization;

namespace Eljur.Rules.Tests.TestData;

/// <summary>Short, culture-independent date and time literals for tests.</summary>
public static class Dt
{
    /// <summary>Yekaterinburg's offset (UTC+5), the default school zone of the tests.</summary>
    public static readonly TimeSpan Ekb = TimeSpan.FromHours(5);

    /// <summary>An ISO-8601 timestamp with an offset or <c>Z</c>.</summary>
    public static DateTimeOffset T(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>A <c>YYYY-MM-DD</c> date.</summary>
    public static DateTime D(string date) =>
        DateTime.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None);

    /// <summary>An <c>HH:mm</c> time of day.</summary>
    public static TimeSpan H(string time) => TimeSpan.ParseExact(time, @"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>The last instant (one tick before midnight) of a date at the given offset.</summary>
    public static DateTimeOffset EndOfDay(string date, TimeSpan? offset = null) =>
        new DateTimeOffset(D(date).AddDays(1), offset ?? Ekb).AddTicks(-1);
}
