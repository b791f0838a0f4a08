using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Eljur.Abstractions.Calendar;

namespace Eljur.Abstractions.Tests.Calendar;

public sealed class RussiaMatchesXmlTests
{
    [Fact]
    public void TheRepositoryXmlFolderHoldsExactlyTheEmbeddedYears()
    {
        var files = Directory.GetFiles(CalendarTestData.Directory, "*.xml")
            .Select(f => int.Parse(Path.GetFileNameWithoutExtension(f), CultureInfo.InvariantCulture))
            .OrderBy(y => y);
        Assert.Equal(CalendarTestData.Years, files);
        Assert.Equal(CalendarTestData.Years, ProductionCalendar.Russia.Years);
    }

    [Theory]
    [MemberData(nameof(CalendarTestData.YearAndWorkWeekData), MemberType = typeof(CalendarTestData))]
    public void EveryDayMatchesTheXmlFile(int year, int workWeek)
    {
        var expected = CalendarTestData.ExpectedWorkingDays(year, workWeek);
        Assert.Equal(DateTime.IsLeapYear(year) ? 366 : 365, expected.Count);
        var mismatches = expected
            .Where(pair => ProductionCalendar.Russia.IsWorkingDay(pair.Key, workWeek) != pair.Value)
            .Select(pair => pair.Key.ToString("yyyy-MM-dd ddd", CultureInfo.InvariantCulture) + (pair.Value ? " should be working" : " should be off"))
            .ToList();
        Assert.Empty(mismatches);
    }

    [Theory]
    [MemberData(nameof(CalendarTestData.YearData), MemberType = typeof(CalendarTestData))]
    public void XmlCalendarReadsEachFileToTheSameCalendar(int year)
    {
        var read = XmlCalendar.ReadFile(CalendarTestData.PathOf(year));
        Assert.Equal(year, read.Year);
        var fromXml = ProductionCalendar.FromYears(new[] { read });
        Assert.Equal(new[] { year }, fromXml.Years);
        var russia = ProductionCalendar.Russia;
        for (var date = new DateTime(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            Assert.Equal(russia.IsWorkingDay(date, 5), fromXml.IsWorkingDay(date, 5));
            Assert.Equal(russia.IsWorkingDay(date, 6), fromXml.IsWorkingDay(date, 6));
            Assert.Equal(russia.GetEntry(date), fromXml.GetEntry(date));
        }
    }

    [Fact]
    public void WorkingDayTotalsOf2024()
    {
        // Official 2024 totals for a 5-day week: 248 working days, 118 days off.
        var working = Enumerable.Range(0, 366).Count(i => ProductionCalendar.Russia.IsWorkingDay(new DateTime(2024, 1, 1).AddDays(i), 5));
        Assert.Equal(248, working);
    }
}
