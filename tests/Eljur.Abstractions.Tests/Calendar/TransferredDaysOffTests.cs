using System;
using System.Linq;
using Eljur.Abstractions.Calendar;

namespace Eljur.Abstractions.Tests.Calendar;

/// <summary>
/// Days off moved onto weekdays (the xmlcalendar <c>f</c>) for 5- and 6-day weeks, as rules.md ("Time")
/// counts them: a 6-day school works on a weekday moved from a Saturday and rests on one moved from a Sunday.
/// </summary>
public sealed class TransferredDaysOffTests
{
    private static readonly ProductionCalendar Russia = ProductionCalendar.Russia;

    private static DateTime D(int year, int month, int day) => new(year, month, day);

    [Theory]
    [InlineData(2024, 4, 29, 4, 27)]
    [InlineData(2024, 4, 30, 11, 2)]
    [InlineData(2024, 5, 10, 1, 6)]
    [InlineData(2024, 12, 30, 12, 28)]
    [InlineData(2027, 2, 22, 2, 20)]
    [InlineData(2027, 5, 3, 5, 1)]
    [InlineData(2027, 6, 14, 6, 12)]
    [InlineData(2027, 11, 5, 1, 2)]
    public void MovedFromASaturdayIsOffForFiveDaysAndWorkingForSix(int year, int month, int day, int fromMonth, int fromDay)
    {
        var date = D(year, month, day);
        Assert.Equal(D(year, fromMonth, fromDay), Russia.GetEntry(date)!.MovedFrom);
        Assert.Equal(DayOfWeek.Saturday, D(year, fromMonth, fromDay).DayOfWeek);
        Assert.False(Russia.IsWorkingDay(date, 5));
        Assert.True(Russia.IsWorkingDay(date, 6));
    }

    [Theory]
    [InlineData(2024, 12, 31, 1, 7)]
    [InlineData(2027, 5, 10, 5, 9)]
    [InlineData(2027, 12, 31, 1, 3)]
    public void MovedFromASundayIsOffForBoth(int year, int month, int day, int fromMonth, int fromDay)
    {
        var date = D(year, month, day);
        Assert.Equal(D(year, fromMonth, fromDay), Russia.GetEntry(date)!.MovedFrom);
        Assert.Equal(DayOfWeek.Sunday, D(year, fromMonth, fromDay).DayOfWeek);
        Assert.False(Russia.IsWorkingDay(date, 5));
        Assert.False(Russia.IsWorkingDay(date, 6));
    }

    [Fact]
    public void Decree1187Of2027()
    {
        // 5-day week: 22 Feb, 5 Nov and 31 Dec off; Saturday 20 Feb a (shortened) working day.
        Assert.False(Russia.IsWorkingDay(D(2027, 2, 22), 5));
        Assert.False(Russia.IsWorkingDay(D(2027, 11, 5), 5));
        Assert.False(Russia.IsWorkingDay(D(2027, 12, 31), 5));
        Assert.True(Russia.IsWorkingDay(D(2027, 2, 20), 5));
        Assert.Equal(CalendarDayType.ShortDay, Russia.GetEntry(D(2027, 2, 20))!.Type);

        // 6-day week: of those only 31 Dec is off.
        Assert.True(Russia.IsWorkingDay(D(2027, 2, 22), 6));
        Assert.True(Russia.IsWorkingDay(D(2027, 11, 5), 6));
        Assert.True(Russia.IsWorkingDay(D(2027, 2, 20), 6));
        Assert.False(Russia.IsWorkingDay(D(2027, 12, 31), 6));

        // Holidays stay off for both; 2 and 3 January (the days moved) are holidays themselves.
        foreach (var holiday in new[] { D(2027, 1, 2), D(2027, 1, 3), D(2027, 2, 23), D(2027, 5, 1), D(2027, 5, 9), D(2027, 6, 12), D(2027, 11, 4) })
        {
            Assert.False(Russia.IsWorkingDay(holiday, 5));
            Assert.False(Russia.IsWorkingDay(holiday, 6));
        }
    }

    [Fact]
    public void The2027TotalsOfTheDecree()
    {
        // The decree's year for a 5-day week: 247 working days, 118 days off.
        var working = Enumerable.Range(0, 365).Count(i => Russia.IsWorkingDay(D(2027, 1, 1).AddDays(i), 5));
        Assert.Equal(247, working);
    }

    [Theory]
    [InlineData("2027-02-19", 1, 5, "2027-02-20")] // working Saturday 20 Feb
    [InlineData("2027-02-20", 1, 5, "2027-02-24")] // 21 Sun, 22 moved, 23 holiday
    [InlineData("2027-02-20", 1, 6, "2027-02-22")]
    [InlineData("2027-04-30", 1, 5, "2027-05-04")] // 1 May Sat holiday, 2 Sun, 3 moved from 1 May
    [InlineData("2027-04-30", 1, 6, "2027-05-03")]
    [InlineData("2027-05-08", 1, 5, "2027-05-11")] // 9 May Sun holiday, 10 moved from 9 May
    [InlineData("2027-05-08", 1, 6, "2027-05-11")]
    [InlineData("2027-06-11", 1, 6, "2027-06-14")] // 12 Jun Sat holiday, 13 Sun, 14 moved from a Saturday
    [InlineData("2027-06-11", 1, 5, "2027-06-15")]
    [InlineData("2027-11-03", 1, 6, "2027-11-05")]
    [InlineData("2027-11-03", 1, 5, "2027-11-08")]
    public void DeadlinesAround2027Holidays(string from, int count, int workWeek, string expected)
    {
        Assert.Equal(Parse(expected), Russia.AddWorkingDays(Parse(from), count, workWeek));
    }

    [Fact]
    public void TheYearEndOf2027NeedsTheNextYear()
    {
        // 31 Dec 2027 is off for both weeks (moved from Sunday 3 Jan), so a second working day after 29 Dec is in 2028.
        Assert.Equal(D(2027, 12, 30), Russia.AddWorkingDays(D(2027, 12, 29), 1, 6));
        Assert.Equal(2028, Assert.Throws<CalendarYearMissingException>(() => Russia.AddWorkingDays(D(2027, 12, 29), 2, 6)).Year);
    }

    private static DateTime Parse(string date) =>
        DateTime.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
