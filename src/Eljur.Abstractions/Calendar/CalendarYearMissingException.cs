using System;
using System.Globalization;

namespace Eljur.Abstractions.Calendar;

/// <summary>
/// Thrown when working days are asked for a year the production calendar has no data for.
/// The calendar never guesses: supply the year with <see cref="ProductionCalendar.WithYear"/>.
/// </summary>
public sealed class CalendarYearMissingException : Exception
{
    /// <summary>Creates the exception for <paramref name="year"/>.</summary>
    /// <param name="year">The year without data.</param>
    public CalendarYearMissingException(int year)
        : base(string.Format(
            CultureInfo.InvariantCulture,
            "The production calendar has no data for {0}; supply it with ProductionCalendar.WithYear(...).",
            year))
    {
        Year = year;
    }

    /// <summary>The year without data.</summary>
    public int Year { get; }
}
