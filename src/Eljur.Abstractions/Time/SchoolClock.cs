using System;
using System.Threading;
using Eljur.Abstractions.Calendar;

namespace Eljur.Abstractions.Time;

/// <summary>
/// Local time of one school: its time zone, its school week (5 or 6 days) and the production
/// calendar. Turns school-local dates into instants and back; every deadline is computed here.
/// </summary>
public sealed class SchoolClock
{
    // Years whose ends of day are tabled on first use; other years are computed on each call.
    private const int FirstTabledYear = 1900;
    private const int LastTabledYear = 2199;

    // Recent UTC days with one offset all day (see ToSchoolTime).
    private const int OffsetSlots = 64;
    private static readonly long MaxUtcDay = DateTime.MaxValue.Ticks / TimeSpan.TicksPerDay;

    private readonly DateTimeOffset[]?[] _endOfDay = new DateTimeOffset[]?[LastTabledYear - FirstTabledYear + 1];
    private readonly DayOffset?[] _dayOffsets = new DayOffset?[OffsetSlots];

    /// <summary>Creates a clock.</summary>
    /// <param name="zone">The school's time zone.</param>
    /// <param name="workWeek">5 or 6 working days a week.</param>
    /// <param name="calendar">The production calendar.</param>
    public SchoolClock(TimeZoneInfo zone, int workWeek, IProductionCalendar calendar)
    {
        if (workWeek is not (5 or 6))
        {
            throw new ArgumentOutOfRangeException(nameof(workWeek), workWeek, "A school week has 5 or 6 working days.");
        }

        Zone = zone ?? throw new ArgumentNullException(nameof(zone));
        WorkWeek = workWeek;
        Calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
    }

    /// <summary>The school's time zone.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>Working days a week: 5 or 6.</summary>
    public int WorkWeek { get; }

    /// <summary>The production calendar used for working days.</summary>
    public IProductionCalendar Calendar { get; }

    /// <summary>The instant a school-local date and time of day denote, with the school's offset.</summary>
    /// <param name="date">School-local date.</param>
    /// <param name="timeOfDay">Time of day; may exceed 24 h to roll into following days.</param>
    /// <returns>The instant.</returns>
    public DateTimeOffset At(DateTime date, TimeSpan timeOfDay)
    {
        var local = DateTime.SpecifyKind(date.Date, DateTimeKind.Unspecified).Add(timeOfDay);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>Midnight at the start of a school-local date.</summary>
    /// <param name="date">School-local date.</param>
    /// <returns>The instant.</returns>
    public DateTimeOffset StartOfDay(DateTime date) => At(date, TimeSpan.Zero);

    /// <summary>The last instant of a school-local date: an entry at 23:59:59 meets it, 00:00:00 next day does not.</summary>
    /// <param name="date">School-local date.</param>
    /// <returns>The instant one tick before the next day's midnight, in the school's offset.</returns>
    /// <remarks>
    /// Deadline rules ask this for every record, so the answers are computed a year at a time and kept:
    /// after the first call for a year, a call is two array reads. Safe to call from several threads.
    /// </remarks>
    public DateTimeOffset EndOfDay(DateTime date)
    {
        var year = date.Year;
        if (year < FirstTabledYear || year > LastTabledYear)
        {
            return ComputeEndOfDay(date);
        }

        var table = Volatile.Read(ref _endOfDay[year - FirstTabledYear]) ?? TableYear(year);
        return table[date.DayOfYear - 1];
    }

    /// <summary>The same instant expressed with the school's offset.</summary>
    /// <param name="instant">Any instant.</param>
    /// <returns>The instant in school time.</returns>
    /// <remarks>
    /// Findings convert two instants each; the offset of a UTC day is kept (in a small table of recent
    /// days) when the zone has the same offset at the day's first and last tick, so most conversions
    /// skip the time-zone rules. A day with a transition is converted exactly on every call.
    /// </remarks>
    public DateTimeOffset ToSchoolTime(DateTimeOffset instant)
    {
        var utcTicks = instant.UtcTicks;
        var day = utcTicks / TimeSpan.TicksPerDay;
        var slot = (int)(day & (OffsetSlots - 1));
        var known = Volatile.Read(ref _dayOffsets[slot]);
        if (known is null || known.Day != day)
        {
            var start = new DateTime(day * TimeSpan.TicksPerDay, DateTimeKind.Utc);
            var offset = Zone.GetUtcOffset(start);
            if (day >= MaxUtcDay || Zone.GetUtcOffset(start.AddTicks(TimeSpan.TicksPerDay - 1)) != offset)
            {
                return TimeZoneInfo.ConvertTime(instant, Zone);
            }

            known = new DayOffset(day, offset);
            Volatile.Write(ref _dayOffsets[slot], known);
        }

        return instant.ToOffset(known.Offset);
    }

    /// <summary>The school-local date of an instant.</summary>
    /// <param name="instant">Any instant.</param>
    /// <returns>The local date.</returns>
    public DateTime LocalDate(DateTimeOffset instant) => ToSchoolTime(instant).Date;

    private DateTimeOffset ComputeEndOfDay(DateTime date) => ToSchoolTime(StartOfDay(date.Date.AddDays(1)).AddTicks(-1));

    private DateTimeOffset[] TableYear(int year)
    {
        var first = new DateTime(year, 1, 1);
        var table = new DateTimeOffset[DateTime.IsLeapYear(year) ? 366 : 365];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = ComputeEndOfDay(first.AddDays(i));
        }

        // Two threads may both compute a year; they compute the same values, and either array is fine.
        Volatile.Write(ref _endOfDay[year - FirstTabledYear], table);
        return table;
    }

    /// <summary>The <paramref name="count"/>-th working day strictly after <paramref name="date"/> for this school's week.</summary>
    /// <param name="date">Start date.</param>
    /// <param name="count">Working days to add.</param>
    /// <returns>The date.</returns>
    public DateTime AddWorkingDays(DateTime date, int count) => Calendar.AddWorkingDays(date.Date, count, WorkWeek);

    private sealed class DayOffset
    {
        public DayOffset(long day, TimeSpan offset)
        {
            Day = day;
            Offset = offset;
        }

        public long Day { get; }

        public TimeSpan Offset { get; }
    }
}
