namespace Eljur.Abstractions.Time;

/// <summary>What a deadline is counted from.</summary>
public enum DeadlineAnchorKind
{
    /// <summary><c>sameDay</c>: the end of the lesson or mark date.</summary>
    SameDay,

    /// <summary><c>afterClassDay(h)</c>: the end of the class's last lesson that date plus h hours.</summary>
    AfterClassDay,

    /// <summary><c>afterLessonEnd(h)</c>: the end of the record's lesson plus h hours.</summary>
    AfterLessonEnd,

    /// <summary><c>workingDays(n)</c>: the end of the n-th working day strictly after the date.</summary>
    WorkingDays,

    /// <summary><c>calendarDays(n)</c>: the end of the date plus n days.</summary>
    CalendarDays,
}
