using System;
using Eljur.Abstractions.Calendar;

namespace Eljur.Abstractions.Tests.Calendar;

/// <summary>AddWorkingDays on the embedded Russian calendar, with concrete dates from the data.</summary>
public sealed class DeadlineTests
{
    private static readonly ProductionCalendar Russia = ProductionCalendar.Russia;

    private static DateTime D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void SpecExample_Monday28OctoberPlusFiveIsWorkingSaturday2November2024()
    {
        Assert.Equal(D(2024, 11, 2), Russia.AddWorkingDays(D(2024, 10, 28), 5, 5));
        Assert.Equal(DayOfWeek.Saturday, D(2024, 11, 2).DayOfWeek);
    }

    [Theory]
    [InlineData("2024-11-01", 1, "2024-11-02")] // Sat 2 Nov 2024 is a shortened working day (t=2)
    [InlineData("2024-11-02", 1, "2024-11-05")] // Sun 3 Nov off, Mon 4 Nov holiday
    [InlineData("2024-12-27", 1, "2024-12-28")] // Sat 28 Dec 2024 is working (t=3)
    [InlineData("2024-12-28", 1, "2025-01-09")] // 29-31 Dec 2024 and 1-8 Jan 2025 off
    [InlineData("2024-12-28", 2, "2025-01-10")]
    [InlineData("2024-04-26", 1, "2024-04-27")] // Sat 27 Apr 2024 working (t=3)
    [InlineData("2024-04-27", 1, "2024-05-02")] // 28 Apr Sun, 29-30 Apr transferred, 1 May holiday
    [InlineData("2020-03-27", 1, "2020-05-12")] // the 2020 non-working weeks (h=9, 10, 11) and May holidays
    [InlineData("2021-10-29", 1, "2021-11-08")] // 30 Oct - 7 Nov 2021 non-working by decree
    [InlineData("2023-11-03", 1, "2023-11-07")] // Sat 4 Nov holiday, Mon 6 Nov transferred day off
    [InlineData("2024-11-05", 3, "2024-11-08")] // an ordinary week
    [InlineData("2024-11-08", 1, "2024-11-11")] // an ordinary weekend
    public void FiveDayWeek(string from, int count, string expected)
    {
        Assert.Equal(Parse(expected), Russia.AddWorkingDays(Parse(from), count, 5));
    }

    [Theory]
    [InlineData("2024-10-28", 5, "2024-11-02")]
    [InlineData("2024-11-02", 1, "2024-11-05")] // Sun 3 Nov, holiday Mon 4 Nov
    [InlineData("2024-11-08", 1, "2024-11-09")] // an ordinary Saturday works
    [InlineData("2024-11-09", 1, "2024-11-11")] // Sunday stays off
    [InlineData("2025-03-07", 1, "2025-03-10")] // Sat 8 Mar 2025 is a holiday (h=4), Sun 9 Mar off
    [InlineData("2023-11-03", 1, "2023-11-06")] // Sat 4 Nov 2023 holiday (h=8); Mon 6 Nov was off only for the 5-day week (f=11.04, a Saturday)
    [InlineData("2024-12-30", 1, "2025-01-09")] // 31 Dec 2024 off (moved from Sunday 7 Jan); Sat 4 Jan 2025 is a holiday (h=1)
    [InlineData("2020-04-29", 1, "2020-05-02")] // Sat 2 May 2020: t=1 without h, so it works in a 6-day week
    [InlineData("2020-05-02", 1, "2020-05-12")] // 4-5 May t=1, 6-8 May h=11, Sat 9 May h=6, 11 May t=1
    [InlineData("2020-04-03", 1, "2020-05-02")] // the April 2020 Saturdays are marked h=10, so they are off too
    [InlineData("2024-04-27", 1, "2024-04-29")] // 29-30 Apr 2024 were moved from Saturdays (27 Apr, 2 Nov): working
    [InlineData("2024-04-30", 1, "2024-05-02")] // 1 May holiday
    [InlineData("2024-05-08", 1, "2024-05-10")] // 9 May holiday, 10 May moved from Saturday 6 Jan: working
    [InlineData("2024-12-28", 1, "2024-12-30")] // 30 Dec 2024 moved from Saturday 28 Dec: working
    public void SixDayWeek(string from, int count, string expected)
    {
        Assert.Equal(Parse(expected), Russia.AddWorkingDays(Parse(from), count, 6));
    }

    [Fact]
    public void SixDayWeekKeepsASaturdayTransferredWithoutHolidayMark()
    {
        var saturday = D(2020, 5, 2);
        Assert.Equal(CalendarDayType.DayOff, Russia.GetEntry(saturday)!.Type);
        Assert.False(Russia.GetEntry(saturday)!.IsHoliday);
        Assert.False(Russia.IsWorkingDay(saturday, 5));
        Assert.True(Russia.IsWorkingDay(saturday, 6));
        Assert.Equal(D(2020, 5, 12), Russia.AddWorkingDays(D(2020, 4, 29), 1, 5));
    }

    [Fact]
    public void SixDayWeekDropsASaturdayHoliday()
    {
        var saturday = D(2025, 3, 8);
        Assert.True(Russia.GetEntry(saturday)!.IsHoliday);
        Assert.Equal("Международный женский день", Russia.GetEntry(saturday)!.HolidayName);
        Assert.False(Russia.IsWorkingDay(saturday, 6));
        Assert.True(Russia.IsWorkingDay(D(2025, 3, 1), 6));
        Assert.False(Russia.IsWorkingDay(D(2025, 3, 1), 5));
    }

    [Fact]
    public void TimeOfDayAndKindAreIgnored()
    {
        var from = new DateTime(2024, 10, 28, 23, 59, 59, DateTimeKind.Utc);
        var result = Russia.AddWorkingDays(from, 5, 5);
        Assert.Equal(D(2024, 11, 2), result);
        Assert.Equal(TimeSpan.Zero, result.TimeOfDay);
        Assert.Equal(DateTimeKind.Utc, result.Kind);
        Assert.True(Russia.IsWorkingDay(new DateTime(2024, 11, 2, 23, 59, 59, DateTimeKind.Local), 5));
    }

    [Fact]
    public void ZeroCountReturnsTheDateEvenOnADayOff()
    {
        Assert.Equal(D(2024, 11, 4), Russia.AddWorkingDays(D(2024, 11, 4), 0, 5));
        Assert.Equal(D(2024, 11, 4), Russia.AddWorkingDays(new DateTime(2024, 11, 4, 15, 30, 0), 0, 6));
    }

    [Fact]
    public void NegativeCountIsRejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Russia.AddWorkingDays(D(2024, 11, 4), -1, 5));
        Assert.Equal("count", ex.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(7)]
    public void WorkWeekOtherThanFiveOrSixIsRejected(int workWeek)
    {
        Assert.Equal("workWeek", Assert.Throws<ArgumentOutOfRangeException>(() => Russia.IsWorkingDay(D(2024, 11, 4), workWeek)).ParamName);
        Assert.Equal("workWeek", Assert.Throws<ArgumentOutOfRangeException>(() => Russia.AddWorkingDays(D(2024, 11, 4), 1, workWeek)).ParamName);
        Assert.Equal("workWeek", Assert.Throws<ArgumentOutOfRangeException>(() => Russia.AddWorkingDays(D(2024, 11, 4), 0, workWeek)).ParamName);
    }

    [Fact]
    public void CrossingIntoAYearWithoutDataNamesThatYear()
    {
        // 31 Dec 2027 is a day off (t=1), so the next working day is in 2028, which has no data.
        var ex = Assert.Throws<CalendarYearMissingException>(() => Russia.AddWorkingDays(D(2027, 12, 30), 1, 5));
        Assert.Equal(2028, ex.Year);
        Assert.Contains("2028", ex.Message, StringComparison.Ordinal);
        Assert.Contains("WithYear", ex.Message, StringComparison.Ordinal);

        // Still inside 2027: fine; and the 2026 year-end now runs into 2027.
        Assert.Equal(D(2027, 12, 30), Russia.AddWorkingDays(D(2027, 12, 29), 1, 5));
        Assert.Equal(D(2027, 1, 11), Russia.AddWorkingDays(D(2026, 12, 30), 1, 5));
    }

    [Fact]
    public void DatesBeforeTheDataAreErrors()
    {
        Assert.Equal(2017, Assert.Throws<CalendarYearMissingException>(() => Russia.IsWorkingDay(D(2017, 12, 29), 5)).Year);
        Assert.Equal(2017, Assert.Throws<CalendarYearMissingException>(() => Russia.GetEntry(D(2017, 12, 29))).Year);

        // The starting date's own year is not read: only the days after it are.
        Assert.Equal(D(2018, 1, 9), Russia.AddWorkingDays(D(2017, 12, 31), 1, 5));
        Assert.Equal(2017, Assert.Throws<CalendarYearMissingException>(() => Russia.AddWorkingDays(D(2017, 12, 29), 1, 5)).Year);
    }

    private static DateTime Parse(string date) =>
        DateTime.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
