using System;
using System.Collections.Generic;
using System.Globalization;
using Eljur.Abstractions.Calendar;

namespace Eljur.Abstractions.Evaluation;

/// <summary>
/// What one evaluation learned about the production calendar: the years a deadline needed but the
/// data lacks, and the latest working-day deadline close to the end of the years it covers. The
/// engine turns them into the report's warnings (rules.md, "Time"; cli.md, <c>warnings</c>).
/// One instance per evaluation; rules run one after another, so it needs no lock.
/// </summary>
internal sealed class CalendarNotes
{
    /// <summary>How close to the end of the data a deadline makes the reader look ahead.</summary>
    public const int NearEndDays = 60;

    private readonly SortedSet<int> _missingYears = new();

    /// <summary>The years without data that a deadline fell into, ascending.</summary>
    public IReadOnlyCollection<int> MissingYears => _missingYears;

    /// <summary>The latest computed working-day deadline within <see cref="NearEndDays"/> days of the end of the data.</summary>
    public DateTime? NearEnd { get; private set; }

    /// <summary>The prefix of a <c>missing</c> entry for a year without calendar data: <c>calendar:2028</c>.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The entry.</returns>
    public static string MissingEntry(int year) => "calendar:" + year.ToString(CultureInfo.InvariantCulture);

    /// <summary>Notes a year a deadline needed but the calendar lacks.</summary>
    /// <param name="year">The year.</param>
    public void Missing(int year)
    {
        _missingYears.Add(year);
    }

    /// <summary>Notes a working-day deadline computed from the calendar.</summary>
    /// <param name="date">The deadline's date.</param>
    /// <param name="calendar">The calendar it came from.</param>
    public void Computed(DateTime date, IProductionCalendar calendar)
    {
        if (NearEnd is { } seen && date <= seen)
        {
            return;
        }

        var yearEnd = new DateTime(date.Year, 12, 31);
        if ((yearEnd - date.Date).TotalDays <= NearEndDays && date.Year < DateTime.MaxValue.Year && !calendar.Covers(date.Year + 1))
        {
            NearEnd = date.Date;
        }
    }

    /// <summary>The Russian warnings, in the order: missing years, then a deadline near the end of the data.</summary>
    /// <returns>The sentences.</returns>
    public IEnumerable<string> Warnings()
    {
        foreach (var year in _missingYears)
        {
            yield return string.Format(
                CultureInfo.InvariantCulture,
                "Нет данных производственного календаря за {0} год: сроки, которые приходятся на этот год, не вычислены, и записи с такими сроками не проверены (они перечислены среди непроверенных). "
                + "Добавьте календарь на {0} год файлом в формате xmlcalendar: --calendar ФАЙЛ или переменная окружения ELJUR_CALENDAR.",
                year);
        }

        if (NearEnd is { } near && !_missingYears.Contains(near.Year + 1))
        {
            yield return string.Format(
                CultureInfo.InvariantCulture,
                "Срок {0} отстоит меньше чем на {1} дней от конца данных производственного календаря ({2}): сроки, которые уйдут в {3} год, не будут вычислены, пока календарь на {3} год не добавлен (--calendar ФАЙЛ или ELJUR_CALENDAR).",
                RussianText.Date(near),
                NearEndDays,
                RussianText.Date(new DateTime(near.Year, 12, 31)),
                near.Year + 1);
        }
    }
}
