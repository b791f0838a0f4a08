using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;

namespace Eljur.Abstractions.Calendar;

/// <summary>
/// An immutable production calendar (производственный календарь) for working-day arithmetic.
/// </summary>
/// <remarks>
/// <para>The rules (spec, section "Time"): Monday to Friday are working days unless the calendar
/// marks them as days off (<see cref="CalendarDayType.DayOff"/>); Saturday and Sunday are days off
/// unless the calendar marks them as working (<see cref="CalendarDayType.WorkingDay"/> or
/// <see cref="CalendarDayType.ShortDay"/>). The calendar is published for the 5-day week; a 6-day
/// school week, whose only weekly day off is Sunday, differs in two ways: every Saturday is a working
/// day unless the calendar marks that Saturday as a holiday (<see cref="CalendarDay.IsHoliday"/>), and
/// a weekday that is off only because a day off was moved onto it (<see cref="CalendarDay.MovedFrom"/>)
/// stays a working day when it was moved from a Saturday and is off when moved from a Sunday.
/// A Saturday the calendar marks as working stays working; Sundays follow the 5-day rule in both.</para>
/// <para>The answers are precomputed per year, so <see cref="IsWorkingDay"/> is two array look-ups
/// and allocates nothing. Instances are thread-safe.</para>
/// </remarks>
public sealed class ProductionCalendar : IProductionCalendar
{
    /// <summary>Logical name of the embedded Russian calendar data.</summary>
    internal const string RussiaResourceName = "Eljur.Abstractions.Calendar.ru.txt";

    private const byte Working5 = 1;
    private const byte Working6 = 2;

    private static readonly Lazy<ProductionCalendar> LazyRussia =
        new(LoadRussia, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly YearTable[] _sorted;
    private readonly YearTable?[] _byYear;
    private readonly int _firstYear;
    private readonly ReadOnlyCollection<int> _years;

    private ProductionCalendar(YearTable[] sorted)
    {
        _sorted = sorted;
        var years = new int[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            years[i] = sorted[i].Year;
        }

        _years = Array.AsReadOnly(years);
        if (sorted.Length == 0)
        {
            _byYear = Array.Empty<YearTable?>();
            return;
        }

        _firstYear = sorted[0].Year;
        _byYear = new YearTable?[sorted[sorted.Length - 1].Year - _firstYear + 1];
        foreach (var table in sorted)
        {
            _byYear[table.Year - _firstYear] = table;
        }
    }

    /// <summary>
    /// The Russian federal production calendar for 2018–2027, from the data embedded in this
    /// assembly (generated from the xmlcalendar files). Loaded on first use.
    /// </summary>
    public static ProductionCalendar Russia => LazyRussia.Value;

    /// <summary>The years with data, ascending.</summary>
    public IReadOnlyList<int> Years => _years;

    /// <summary>Builds a calendar from explicit years.</summary>
    /// <param name="years">The years; each year at most once.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="years"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">
    /// A year is given twice, is outside 1–9999, or has a day dated in another year, a day given
    /// twice, or an undefined <see cref="CalendarDayType"/>.
    /// </exception>
    public static ProductionCalendar FromYears(IEnumerable<CalendarYear> years)
    {
        if (years is null)
        {
            throw new ArgumentNullException(nameof(years));
        }

        var tables = new List<YearTable>();
        foreach (var year in years)
        {
            tables.Add(YearTable.Compile(year, nameof(years)));
        }

        tables.Sort(static (a, b) => a.Year.CompareTo(b.Year));
        for (var i = 1; i < tables.Count; i++)
        {
            if (tables[i].Year == tables[i - 1].Year)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "The year {0} is given more than once.", tables[i].Year),
                    nameof(years));
            }
        }

        return new ProductionCalendar(tables.ToArray());
    }

    /// <summary>
    /// Returns a new calendar with <paramref name="year"/> added, or replacing the data this
    /// calendar has for that year. This is how an integrator supplies another year or a regional calendar.
    /// This instance is not changed.
    /// </summary>
    /// <param name="year">The year's explicit entries.</param>
    /// <returns>The new calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="year"/> is null.</exception>
    /// <exception cref="ArgumentException">The year's data is invalid (see <see cref="FromYears"/>).</exception>
    public ProductionCalendar WithYear(CalendarYear year)
    {
        var added = YearTable.Compile(year, nameof(year));
        var tables = new List<YearTable>(_sorted.Length + 1);
        foreach (var table in _sorted)
        {
            if (table.Year != added.Year)
            {
                tables.Add(table);
            }
        }

        tables.Add(added);
        tables.Sort(static (a, b) => a.Year.CompareTo(b.Year));
        return new ProductionCalendar(tables.ToArray());
    }

    /// <inheritdoc/>
    public bool Covers(int year)
    {
        var index = year - _firstYear;
        return (uint)index < (uint)_byYear.Length && _byYear[index] is not null;
    }

    /// <inheritdoc/>
    public bool IsWorkingDay(DateTime date, int workWeek)
    {
        var mask = MaskFor(workWeek);
        return (TableFor(date.Year).Flags[date.DayOfYear - 1] & mask) != 0;
    }

    /// <inheritdoc/>
    public DateTime AddWorkingDays(DateTime date, int count, int workWeek)
    {
        var mask = MaskFor(workWeek);
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The number of working days must not be negative.");
        }

        var day = date.Date;
        if (count == 0)
        {
            return day;
        }

        var year = day.Year;
        var index = day.DayOfYear - 1;
        var length = DaysIn(year);
        byte[]? flags = null;
        var remaining = count;
        while (true)
        {
            index++;
            if (index == length)
            {
                if (year == DateTime.MaxValue.Year)
                {
                    throw new ArgumentOutOfRangeException(nameof(count), count, "The result would be after DateTime.MaxValue.");
                }

                year++;
                index = 0;
                length = DaysIn(year);
                flags = null;
            }

            // The year of the starting date itself is not needed: only days after it are read.
            flags ??= TableFor(year).Flags;
            if ((flags[index] & mask) != 0 && --remaining == 0)
            {
                return DateTime.SpecifyKind(new DateTime(year, 1, 1).AddDays(index), date.Kind);
            }
        }
    }

    /// <summary>
    /// The explicit calendar entry for <paramref name="date"/> (a holiday, a transferred day, a
    /// shortened day), or <see langword="null"/> when the date follows the weekday rule.
    /// </summary>
    /// <param name="date">The date; the time of day is ignored.</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    /// <exception cref="CalendarYearMissingException">The calendar has no data for the year of <paramref name="date"/>.</exception>
    public CalendarDay? GetEntry(DateTime date) => TableFor(date.Year).Entries[date.DayOfYear - 1];

    private static byte MaskFor(int workWeek) => workWeek switch
    {
        5 => Working5,
        6 => Working6,
        _ => throw new ArgumentOutOfRangeException(nameof(workWeek), workWeek, "The work week must be 5 or 6 days."),
    };

    private static int DaysIn(int year) => DateTime.IsLeapYear(year) ? 366 : 365;

    private YearTable TableFor(int year)
    {
        var index = year - _firstYear;
        if ((uint)index < (uint)_byYear.Length)
        {
            var table = _byYear[index];
            if (table is not null)
            {
                return table;
            }
        }

        throw new CalendarYearMissingException(year);
    }

    private static ProductionCalendar LoadRussia()
    {
        using var stream = typeof(ProductionCalendar).Assembly.GetManifestResourceStream(RussiaResourceName)
            ?? throw new InvalidOperationException("The embedded resource " + RussiaResourceName + " is missing.");
        using var reader = new StreamReader(stream, new UTF8Encoding(false, true));
        return FromYears(CompactCalendar.Read(reader, RussiaResourceName));
    }

    /// <summary>One year, precomputed: working-day flags and explicit entries by day of year.</summary>
    private sealed class YearTable
    {
        private YearTable(int year, byte[] flags, CalendarDay?[] entries)
        {
            Year = year;
            Flags = flags;
            Entries = entries;
        }

        public int Year { get; }

        /// <summary>Per day of year (0-based): <see cref="Working5"/> | <see cref="Working6"/>.</summary>
        public byte[] Flags { get; }

        public CalendarDay?[] Entries { get; }

        public static YearTable Compile(CalendarYear? source, string paramName)
        {
            if (source is null)
            {
                throw new ArgumentNullException(paramName);
            }

            var year = source.Year;
            if (year < 1 || year > 9999)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "The year {0} is outside 1-9999.", year), paramName);
            }

            if (source.Days is null)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "The days of {0} are null.", year), paramName);
            }

            var length = DaysIn(year);
            var entries = new CalendarDay?[length];
            foreach (var day in source.Days)
            {
                if (day is null)
                {
                    throw new ArgumentException(
                        string.Format(CultureInfo.InvariantCulture, "A day of {0} is null.", year), paramName);
                }

                var date = day.Date.Date;
                if (date.Year != year)
                {
                    throw new ArgumentException(
                        string.Format(CultureInfo.InvariantCulture, "The day {0:yyyy-MM-dd} is not in {1}.", date, year),
                        paramName);
                }

                if (day.Type is not (CalendarDayType.DayOff or CalendarDayType.ShortDay or CalendarDayType.WorkingDay))
                {
                    throw new ArgumentException(
                        string.Format(CultureInfo.InvariantCulture, "The day {0:yyyy-MM-dd} has an undefined type {1}.", date, (int)day.Type),
                        paramName);
                }

                ref var slot = ref entries[date.DayOfYear - 1];
                if (slot is not null)
                {
                    throw new ArgumentException(
                        string.Format(CultureInfo.InvariantCulture, "The day {0:yyyy-MM-dd} is given more than once.", date),
                        paramName);
                }

                slot = day;
            }

            var flags = new byte[length];
            var dayOfWeek = (int)new DateTime(year, 1, 1).DayOfWeek;
            for (var i = 0; i < length; i++)
            {
                var entry = entries[i];
                var weekend = dayOfWeek is (int)DayOfWeek.Saturday or (int)DayOfWeek.Sunday;
                var working5 = entry is null ? !weekend : entry.Type != CalendarDayType.DayOff;
                var working6 = dayOfWeek switch
                {
                    (int)DayOfWeek.Saturday => working5 || entry is null || !entry.IsHoliday,
                    (int)DayOfWeek.Sunday => working5,
                    _ => working5 || MovedFromSaturday(entry!),
                };
                flags[i] = (byte)((working5 ? Working5 : 0) | (working6 ? Working6 : 0));
                dayOfWeek = (dayOfWeek + 1) % 7;
            }

            return new YearTable(year, flags, entries);
        }

        /// <summary>
        /// A weekday off only because a day off was moved onto it from a Saturday: a 6-day week works
        /// on Saturdays, so nothing was moved for it (a holiday on that day stays off).
        /// </summary>
        private static bool MovedFromSaturday(CalendarDay entry) =>
            !entry.IsHoliday && entry.MovedFrom is { } from && from.DayOfWeek == DayOfWeek.Saturday;
    }
}
