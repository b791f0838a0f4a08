using System.Collections.Generic;

namespace Eljur.Abstractions.Calendar;

/// <summary>
/// The explicit entries of one year of a production calendar, e.g. read by
/// <see cref="XmlCalendar.Read"/> or built by an integrator for <see cref="ProductionCalendar.WithYear"/>.
/// Days that are not listed follow the weekday rule (Monday to Friday working, Saturday and Sunday off).
/// </summary>
/// <param name="Year">The calendar year (1 to 9999).</param>
/// <param name="Days">The explicit entries, each dated in <paramref name="Year"/>, at most one per date, in any order.</param>
public sealed record CalendarYear(int Year, IReadOnlyList<CalendarDay> Days);
