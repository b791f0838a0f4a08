using System;

namespace Eljur.Abstractions.Calendar;

/// <summary>
/// Working-day arithmetic over a production calendar. Dates are plain dates: the time of day and
/// <see cref="DateTime.Kind"/> are ignored. A date in a year without data is an error
/// (<see cref="CalendarYearMissingException"/>), never a guess.
/// </summary>
public interface IProductionCalendar
{
    /// <summary>Whether the calendar has data for <paramref name="year"/>.</summary>
    /// <param name="year">The calendar year.</param>
    /// <returns><see langword="true"/> when dates in that year can be evaluated.</returns>
    bool Covers(int year);

    /// <summary>Whether <paramref name="date"/> is a working day for a school with the given work week.</summary>
    /// <param name="date">The date; the time of day is ignored.</param>
    /// <param name="workWeek">5 or 6: working days per week of the school.</param>
    /// <returns><see langword="true"/> for a working day (shortened pre-holiday days included).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workWeek"/> is neither 5 nor 6.</exception>
    /// <exception cref="CalendarYearMissingException">The calendar has no data for the year of <paramref name="date"/>.</exception>
    bool IsWorkingDay(DateTime date, int workWeek);

    /// <summary>
    /// The <paramref name="count"/>-th working day strictly after <paramref name="date"/>: with
    /// <paramref name="count"/> 1 the first working day after it, whatever <paramref name="date"/> itself is.
    /// </summary>
    /// <param name="date">The starting date; the time of day is ignored.</param>
    /// <param name="count">How many working days to move; 0 returns the date part of <paramref name="date"/>.</param>
    /// <param name="workWeek">5 or 6: working days per week of the school.</param>
    /// <returns>The resulting date at midnight, with the <see cref="DateTime.Kind"/> of <paramref name="date"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="count"/> is negative, or <paramref name="workWeek"/> is neither 5 nor 6.
    /// </exception>
    /// <exception cref="CalendarYearMissingException">The walk reaches a year the calendar has no data for.</exception>
    DateTime AddWorkingDays(DateTime date, int count, int workWeek);
}
