namespace Eljur.Abstractions.Calendar;

/// <summary>
/// The kind of an explicit production-calendar entry: the <c>t</c> attribute of an xmlcalendar
/// <c>&lt;day&gt;</c> element.
/// </summary>
public enum CalendarDayType
{
    /// <summary>A day off (<c>t="1"</c>): a public holiday, a transferred day off or a non-working day by decree.</summary>
    DayOff = 1,

    /// <summary>A shortened pre-holiday working day (<c>t="2"</c>); a working day, also on a Saturday or Sunday.</summary>
    ShortDay = 2,

    /// <summary>A working day (<c>t="3"</c>), usually a Saturday or Sunday made working by a transfer.</summary>
    WorkingDay = 3,
}
