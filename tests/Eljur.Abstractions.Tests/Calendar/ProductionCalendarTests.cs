using System;
using System.Linq;
using Eljur.Abstractions.Calendar;

namespace Eljur.Abstractions.Tests.Calendar;

public sealed class ProductionCalendarTests
{
    private static DateTime D(int year, int month, int day) => new(year, month, day);

    private static CalendarYear Synthetic2031() => new(2031, new[]
    {
        new CalendarDay(D(2031, 1, 1), CalendarDayType.DayOff, true, "Новый год"), // Wednesday
        new CalendarDay(D(2031, 1, 2), CalendarDayType.DayOff, true, "Новый год"),
        new CalendarDay(D(2031, 1, 4), CalendarDayType.WorkingDay, false), // Saturday made working
        new CalendarDay(D(2031, 1, 11), CalendarDayType.DayOff, true, "Региональный праздник"), // Saturday holiday
        new CalendarDay(D(2031, 1, 18), CalendarDayType.DayOff, false), // Saturday off without h
    });

    [Fact]
    public void RussiaIsOneLazyInstanceCovering2018To2027()
    {
        Assert.Same(ProductionCalendar.Russia, ProductionCalendar.Russia);
        Assert.Equal(Enumerable.Range(2018, 10), ProductionCalendar.Russia.Years);
        Assert.True(ProductionCalendar.Russia.Covers(2018));
        Assert.True(ProductionCalendar.Russia.Covers(2026));
        Assert.True(ProductionCalendar.Russia.Covers(2027));
        Assert.False(ProductionCalendar.Russia.Covers(2017));
        Assert.False(ProductionCalendar.Russia.Covers(2028));
        Assert.False(ProductionCalendar.Russia.Covers(int.MinValue));
        Assert.False(ProductionCalendar.Russia.Covers(int.MaxValue));
    }

    [Fact]
    public void GetEntryGivesTheExplicitEntryOrNull()
    {
        var russia = ProductionCalendar.Russia;
        Assert.Equal(
            new CalendarDay(D(2024, 11, 4), CalendarDayType.DayOff, true, "День народного единства"),
            russia.GetEntry(new DateTime(2024, 11, 4, 12, 0, 0)));
        Assert.Equal(new CalendarDay(D(2024, 11, 2), CalendarDayType.ShortDay, false), russia.GetEntry(D(2024, 11, 2)));
        Assert.Equal(new CalendarDay(D(2024, 12, 28), CalendarDayType.WorkingDay, false), russia.GetEntry(D(2024, 12, 28)));
        Assert.Equal(new CalendarDay(D(2024, 12, 30), CalendarDayType.DayOff, false) { MovedFrom = D(2024, 12, 28) }, russia.GetEntry(D(2024, 12, 30)));
        Assert.Null(russia.GetEntry(D(2024, 11, 5)));
        Assert.Null(russia.GetEntry(D(2024, 11, 3))); // an ordinary Sunday
    }

    [Fact]
    public void CalendarDayKeepsOnlyTheDate()
    {
        Assert.Equal(D(2024, 11, 4), new CalendarDay(new DateTime(2024, 11, 4, 10, 30, 0), CalendarDayType.DayOff, true).Date);
    }

    [Fact]
    public void WithYearAddsASyntheticYearWithoutChangingTheOriginal()
    {
        var calendar = ProductionCalendar.Russia.WithYear(Synthetic2031());

        Assert.False(ProductionCalendar.Russia.Covers(2031));
        Assert.Equal(Enumerable.Range(2018, 10).Concat(new[] { 2031 }), calendar.Years);
        Assert.True(calendar.Covers(2031));
        Assert.False(calendar.Covers(2030));

        // 1-2 Jan off, 3 Jan Friday works.
        Assert.Equal(D(2031, 1, 3), calendar.AddWorkingDays(D(2030, 12, 31), 1, 5));
        Assert.Equal(D(2031, 1, 4), calendar.AddWorkingDays(D(2031, 1, 3), 1, 5)); // working Saturday
        Assert.Equal(D(2031, 1, 6), calendar.AddWorkingDays(D(2031, 1, 4), 1, 5));
        Assert.Equal(D(2031, 1, 13), calendar.AddWorkingDays(D(2031, 1, 10), 1, 6)); // Sat 11 Jan holiday
        Assert.Equal(D(2031, 1, 18), calendar.AddWorkingDays(D(2031, 1, 17), 1, 6)); // Sat 18 Jan t=1 without h works
        Assert.Equal(D(2031, 1, 20), calendar.AddWorkingDays(D(2031, 1, 17), 1, 5));
        Assert.Equal("Региональный праздник", calendar.GetEntry(D(2031, 1, 11))!.HolidayName);

        // The gap 2028-2030 is still an error.
        Assert.Equal(2028, Assert.Throws<CalendarYearMissingException>(() => calendar.AddWorkingDays(D(2027, 12, 30), 1, 5)).Year);
        Assert.Equal(2030, Assert.Throws<CalendarYearMissingException>(() => calendar.IsWorkingDay(D(2030, 6, 3), 5)).Year);
        Assert.Equal(2032, Assert.Throws<CalendarYearMissingException>(() => calendar.AddWorkingDays(D(2031, 12, 31), 1, 5)).Year);
    }

    [Fact]
    public void WithYearReplacesAnExistingYear()
    {
        var plain2024 = ProductionCalendar.Russia.WithYear(new CalendarYear(2024, Array.Empty<CalendarDay>()));
        Assert.True(plain2024.IsWorkingDay(D(2024, 11, 4), 5));
        Assert.False(plain2024.IsWorkingDay(D(2024, 11, 2), 5));
        Assert.Null(plain2024.GetEntry(D(2024, 11, 4)));
        Assert.Equal(D(2024, 11, 4), plain2024.AddWorkingDays(D(2024, 11, 1), 1, 5));
        Assert.Equal(ProductionCalendar.Russia.Years, plain2024.Years);
        Assert.False(ProductionCalendar.Russia.IsWorkingDay(D(2024, 11, 4), 5));
        Assert.False(plain2024.IsWorkingDay(D(2025, 1, 1), 5)); // other years untouched
    }

    [Fact]
    public void ASaturdayMarkedWorkingStaysWorkingForASixDayWeekEvenWithAHolidayMark()
    {
        // Not in the Russian data; a Saturday both working (t=2) and marked h is read as working in both weeks.
        var calendar = ProductionCalendar.FromYears(new[]
        {
            new CalendarYear(2031, new[] { new CalendarDay(D(2031, 1, 4), CalendarDayType.ShortDay, true, "?") }),
        });
        Assert.True(calendar.IsWorkingDay(D(2031, 1, 4), 5));
        Assert.True(calendar.IsWorkingDay(D(2031, 1, 4), 6));
    }

    [Fact]
    public void SundaysFollowTheFiveDayRuleInASixDayWeek()
    {
        var calendar = ProductionCalendar.FromYears(new[]
        {
            new CalendarYear(2031, new[] { new CalendarDay(D(2031, 1, 12), CalendarDayType.WorkingDay, false) }),
        });
        Assert.True(calendar.IsWorkingDay(D(2031, 1, 12), 6));
        Assert.True(calendar.IsWorkingDay(D(2031, 1, 12), 5));
        Assert.False(calendar.IsWorkingDay(D(2031, 1, 19), 6));
        Assert.True(calendar.IsWorkingDay(D(2031, 1, 18), 6));
        Assert.False(calendar.IsWorkingDay(D(2031, 1, 18), 5));
    }

    [Fact]
    public void AnEmptyCalendarCoversNothing()
    {
        var empty = ProductionCalendar.FromYears(Array.Empty<CalendarYear>());
        Assert.Empty(empty.Years);
        Assert.False(empty.Covers(2024));
        Assert.Equal(2024, Assert.Throws<CalendarYearMissingException>(() => empty.IsWorkingDay(D(2024, 1, 9), 5)).Year);
        Assert.Equal(D(2024, 1, 9), empty.AddWorkingDays(D(2024, 1, 9), 0, 5));
    }

    [Fact]
    public void InvalidYearsAreRejected()
    {
        var day = new CalendarDay(D(2031, 1, 1), CalendarDayType.DayOff, true);
        Assert.Throws<ArgumentNullException>(() => ProductionCalendar.FromYears(null!));
        Assert.Throws<ArgumentNullException>(() => ProductionCalendar.Russia.WithYear(null!));
        Assert.Contains("2031", Assert.Throws<ArgumentException>(() => ProductionCalendar.FromYears(new[]
        {
            new CalendarYear(2031, new[] { day }), new CalendarYear(2031, Array.Empty<CalendarDay>()),
        })).Message, StringComparison.Ordinal);
        Assert.Contains("2030-12-31", Assert.Throws<ArgumentException>(() => ProductionCalendar.Russia.WithYear(
            new CalendarYear(2031, new[] { new CalendarDay(D(2030, 12, 31), CalendarDayType.DayOff, false) }))).Message, StringComparison.Ordinal);
        Assert.Contains("more than once", Assert.Throws<ArgumentException>(() => ProductionCalendar.Russia.WithYear(
            new CalendarYear(2031, new[] { day, day with { Type = CalendarDayType.ShortDay } }))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ProductionCalendar.Russia.WithYear(
            new CalendarYear(2031, new[] { day with { Type = (CalendarDayType)7 } })));
        Assert.Throws<ArgumentException>(() => ProductionCalendar.Russia.WithYear(new CalendarYear(0, Array.Empty<CalendarDay>())));
        Assert.Throws<ArgumentException>(() => ProductionCalendar.Russia.WithYear(new CalendarYear(2031, null!)));
        Assert.Throws<ArgumentException>(() => ProductionCalendar.Russia.WithYear(new CalendarYear(2031, new CalendarDay[] { null! })));
    }

    [Fact]
    public void TheInterfaceIsImplemented()
    {
        IProductionCalendar calendar = ProductionCalendar.Russia;
        Assert.True(calendar.Covers(2024));
        Assert.True(calendar.IsWorkingDay(D(2024, 11, 2), 5));
        Assert.Equal(D(2024, 11, 2), calendar.AddWorkingDays(D(2024, 10, 28), 5, 5));
    }

    [Fact]
    public void LastSupportedYearDoesNotOverflow()
    {
        var calendar = ProductionCalendar.FromYears(new[] { new CalendarYear(9999, Array.Empty<CalendarDay>()) });
        Assert.Equal(D(9999, 12, 31), calendar.AddWorkingDays(D(9999, 12, 30), 1, 5)); // a Friday
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddWorkingDays(D(9999, 12, 31), 1, 5));
    }
}
