using System;

namespace Eljur.Abstractions.Calendar;

/// <summary>
/// One explicit entry of a production calendar: a date whose status differs from, or is stated
/// on top of, the ordinary weekday rule (Monday to Friday working, Saturday and Sunday off).
/// </summary>
/// <param name="Date">The date; only its date part is kept.</param>
/// <param name="Type">Whether the day is off, a shortened working day or a working day.</param>
/// <param name="IsHoliday">
/// <see langword="true"/> when the calendar marks the day as a holiday (the xmlcalendar <c>h</c>
/// attribute). For a 6-day school week a Saturday so marked is a day off; other Saturdays work.
/// </param>
/// <param name="HolidayName">The holiday's title, e.g. «День народного единства», when known.</param>
public sealed record CalendarDay(DateTime Date, CalendarDayType Type, bool IsHoliday, string? HolidayName = null)
{
    /// <summary>The date (time of day dropped).</summary>
    public DateTime Date { get; init; } = Date.Date;

    /// <summary>
    /// For a day off moved here from another day (the xmlcalendar <c>f</c> attribute), that day, in the
    /// same year; otherwise <see langword="null"/>. It matters for a 6-day school week, whose only weekly
    /// day off is Sunday: a weekday off only because a day off was moved onto it from a Saturday stays a
    /// working day there, one moved from a Sunday is off.
    /// </summary>
    public DateTime? MovedFrom { get; init; }
}
