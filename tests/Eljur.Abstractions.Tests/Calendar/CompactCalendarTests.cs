using System;
using System.IO;
using System.Text;
using Eljur.Abstractions.Calendar;

namespace Eljur.Abstractions.Tests.Calendar;

public sealed class CompactCalendarTests
{
    private static System.Collections.Generic.List<CalendarYear> Read(string text) =>
        CompactCalendar.Read(new StringReader(text), "test.txt");

    [Fact]
    public void ReadsYearsDaysAndTitles()
    {
        var years = Read("# comment\n\n@1 Новый год\n@2 Другой\n2031 0101:1h1 0102:1h 0104:3 0222:2 0223:1h2\n2032 0101:1\n");
        Assert.Equal(2, years.Count);
        Assert.Equal(2031, years[0].Year);
        Assert.Equal(
            new[]
            {
                new CalendarDay(new DateTime(2031, 1, 1), CalendarDayType.DayOff, true, "Новый год"),
                new CalendarDay(new DateTime(2031, 1, 2), CalendarDayType.DayOff, true),
                new CalendarDay(new DateTime(2031, 1, 4), CalendarDayType.WorkingDay, false),
                new CalendarDay(new DateTime(2031, 2, 22), CalendarDayType.ShortDay, false),
                new CalendarDay(new DateTime(2031, 2, 23), CalendarDayType.DayOff, true, "Другой"),
            },
            years[0].Days);
        Assert.Equal(new[] { new CalendarDay(new DateTime(2032, 1, 1), CalendarDayType.DayOff, false) }, years[1].Days);
    }

    [Fact]
    public void ReadsTheDayADayOffWasMovedFrom()
    {
        var years = Read("@1 Праздник\n2031 0106:1f0104 0110:1h1f0111 0111:3\n");
        Assert.Equal(
            new[]
            {
                new CalendarDay(new DateTime(2031, 1, 6), CalendarDayType.DayOff, false) { MovedFrom = new DateTime(2031, 1, 4) },
                new CalendarDay(new DateTime(2031, 1, 10), CalendarDayType.DayOff, true, "Праздник") { MovedFrom = new DateTime(2031, 1, 11) },
                new CalendarDay(new DateTime(2031, 1, 11), CalendarDayType.WorkingDay, false),
            },
            years[0].Days);
    }

    [Theory]
    [InlineData("2031 0101:1f", "0101:1f")]
    [InlineData("2031 0101:1f0230", "0101:1f0230")]
    [InlineData("2031 0101:1f01011", "0101:1f01011")]
    [InlineData("2031 f0101", "f0101")]
    [InlineData("2031 1301:1", "1301:1")]
    [InlineData("2031 0229:1", "0229:1")]
    [InlineData("2031 0101:4", "0101:4")]
    [InlineData("2031 0101-1", "0101-1")]
    [InlineData("2031 0101:1x", "0101:1x")]
    [InlineData("2031 0101:1h3", "0101:1h3")]
    [InlineData("2031 0101:1 0101:2", "0101:2")]
    [InlineData("31 0101:1", "31")]
    [InlineData("2031 0101:1\n2031 0102:1", "2031")]
    [InlineData("@0 zero", "@0 zero")]
    [InlineData("@1", "@1")]
    public void BadLinesNameTheSourceAndToken(string text, string element)
    {
        var ex = Assert.Throws<CalendarDataException>(() => Read(text));
        Assert.Equal("test.txt", ex.FileName);
        Assert.Equal(element, ex.Element);
        Assert.NotNull(ex.LineNumber);
    }

    [Fact]
    public void TheEmbeddedResourceIsThereAndDocumented()
    {
        using var stream = typeof(ProductionCalendar).Assembly.GetManifestResourceStream(ProductionCalendar.RussiaResourceName);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream!, Encoding.UTF8);
        var text = reader.ReadToEnd();
        Assert.StartsWith("# Russian production calendar", text, StringComparison.Ordinal);
        Assert.Contains("\n2024 0101:1h", text, StringComparison.Ordinal);
        Assert.Contains(" 1231:1f0103", text, StringComparison.Ordinal); // 2027: moved from Sunday 3 January
        Assert.True(text.Length < 8 * 1024, "The embedded data should stay compact.");
    }
}
