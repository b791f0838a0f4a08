using System;
using System.IO;
using System.Linq;
using System.Text;
using Eljur.Abstractions.Calendar;

namespace Eljur.Abstractions.Tests.Calendar;

public sealed class XmlCalendarTests
{
    private const string Valid = """
        <?xml version="1.0" encoding="UTF-8"?>
        <calendar year="2031" lang="ru">
            <holidays>
                <holiday id="1" title=" Новогодние каникулы "/>
                <holiday id="2"/>
            </holidays>
            <days>
                <day d="01.02" t="1" h="1"/>
                <day d="01.01" t="1" h="1"/>
                <day d="01.04" t="3" f="01.06"/>
                <day d="01.06" t="1" f="01.04" unknown="x"/>
                <day d="02.22" t="2"/>
                <day d="02.23" t="1" h="2"/>
            </days>
        </calendar>
        """;

    private static CalendarYear Read(string xml, string? fileName = "test.xml") =>
        XmlCalendar.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), fileName);

    [Fact]
    public void ReadsDaysInDateOrderWithHolidayTitles()
    {
        var year = Read(Valid);
        Assert.Equal(2031, year.Year);
        Assert.Equal(
            new[]
            {
                new CalendarDay(new DateTime(2031, 1, 1), CalendarDayType.DayOff, true, "Новогодние каникулы"),
                new CalendarDay(new DateTime(2031, 1, 2), CalendarDayType.DayOff, true, "Новогодние каникулы"),
                new CalendarDay(new DateTime(2031, 1, 4), CalendarDayType.WorkingDay, false) { MovedFrom = new DateTime(2031, 1, 6) },
                new CalendarDay(new DateTime(2031, 1, 6), CalendarDayType.DayOff, false) { MovedFrom = new DateTime(2031, 1, 4) },
                new CalendarDay(new DateTime(2031, 2, 22), CalendarDayType.ShortDay, false),
                new CalendarDay(new DateTime(2031, 2, 23), CalendarDayType.DayOff, true),
            },
            year.Days);
    }

    [Fact]
    public void DoesNotCloseTheStream()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Valid));
        XmlCalendar.Read(stream);
        Assert.True(stream.CanRead);
    }

    [Fact]
    public void ReadFileOf2024HasTheKnownEntries()
    {
        var year = XmlCalendar.ReadFile(CalendarTestData.PathOf(2024));
        Assert.Equal(26, year.Days.Count);
        Assert.Equal(new CalendarDay(new DateTime(2024, 4, 27), CalendarDayType.WorkingDay, false), year.Days.Single(d => d.Date == new DateTime(2024, 4, 27)));
        Assert.Equal("День народного единства", year.Days.Single(d => d.Date == new DateTime(2024, 11, 4)).HolidayName);
    }

    [Theory]
    [InlineData("<calendar year=\"2031\"><days><day d=\"13.01\" t=\"1\"/></days></calendar>", "<day d=\"13.01\" t=\"1\">", "'d'")]
    [InlineData("<calendar year=\"2031\"><days><day d=\"02.29\" t=\"1\"/></days></calendar>", "<day d=\"02.29\" t=\"1\">", "'d'")]
    [InlineData("<calendar year=\"2031\"><days><day d=\"0101\" t=\"1\"/></days></calendar>", "<day d=\"0101\" t=\"1\">", "'d'")]
    [InlineData("<calendar year=\"2031\"><days><day t=\"1\"/></days></calendar>", "<day t=\"1\">", "'d'")]
    [InlineData("<calendar year=\"2031\"><days><day d=\"01.06\" t=\"1\" f=\"02.30\"/></days></calendar>", "<day d=\"01.06\" t=\"1\" f=\"02.30\">", "'f'")]
    [InlineData("<calendar year=\"2031\"><days><day d=\"01.01\" t=\"4\"/></days></calendar>", "<day d=\"01.01\" t=\"4\">", "'t'")]
    [InlineData("<calendar year=\"2031\"><days><day d=\"01.01\"/></days></calendar>", "<day d=\"01.01\">", "'t'")]
    [InlineData("<calendar year=\"2031\"><days><day d=\"01.01\" t=\"1\" h=\"9\"/></days></calendar>", "<day d=\"01.01\" t=\"1\" h=\"9\">", "'h'")]
    [InlineData("<calendar year=\"2031\"><days><day d=\"01.01\" t=\"1\"/><day d=\"01.01\" t=\"2\"/></days></calendar>", "<day d=\"01.01\" t=\"2\">", "more than once")]
    [InlineData("<calendar year=\"2031\"><holidays><holiday title=\"x\"/></holidays><days/></calendar>", "<holiday title=\"x\">", "'id'")]
    [InlineData("<calendar year=\"20x1\"><days/></calendar>", "<calendar year=\"20x1\">", "'year'")]
    [InlineData("<calendar><days/></calendar>", "<calendar>", "'year'")]
    [InlineData("<calendar year=\"2031\"/>", "<calendar year=\"2031\">", "<days>")]
    [InlineData("<kalender year=\"2031\"><days/></kalender>", "<kalender year=\"2031\">", "<calendar>")]
    public void BadContentNamesTheFileAndTheElement(string xml, string element, string problem)
    {
        var ex = Assert.Throws<CalendarDataException>(() => Read(xml, "bad-2031.xml"));
        Assert.Equal("bad-2031.xml", ex.FileName);
        Assert.Equal(element, ex.Element);
        Assert.Equal(1, ex.LineNumber);
        Assert.StartsWith("bad-2031.xml: line 1: " + element + ": ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedXmlIsCalendarDataException()
    {
        var ex = Assert.Throws<CalendarDataException>(() => Read("<calendar year=\"2031\">\n<days>\n</calendar>", "broken.xml"));
        Assert.Equal("broken.xml", ex.FileName);
        Assert.Equal(3, ex.LineNumber);
        Assert.IsType<System.Xml.XmlException>(ex.InnerException);
        Assert.StartsWith("broken.xml: line 3: not well-formed XML", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DtdsAreRefused()
    {
        const string xml = "<?xml version=\"1.0\"?><!DOCTYPE calendar [<!ENTITY x \"2031\">]><calendar year=\"&x;\"><days/></calendar>";
        Assert.Throws<CalendarDataException>(() => Read(xml));
    }

    [Fact]
    public void ReadFileNamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), "eljur-calendar-" + Guid.NewGuid().ToString("N") + ".xml");
        File.WriteAllText(path, "<calendar year=\"2031\">\n  <days>\n    <day d=\"01.32\" t=\"1\"/>\n  </days>\n</calendar>");
        try
        {
            var ex = Assert.Throws<CalendarDataException>(() => XmlCalendar.ReadFile(path));
            Assert.Equal(path, ex.FileName);
            Assert.Equal(3, ex.LineNumber);
            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
            Assert.Contains("<day d=\"01.32\" t=\"1\">", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WithoutAFileNameTheMessageStillSaysWhatAndWhere()
    {
        var ex = Assert.Throws<CalendarDataException>(() => Read("<calendar year=\"2031\"><days><day d=\"01.01\" t=\"x\"/></days></calendar>", null));
        Assert.Null(ex.FileName);
        Assert.Equal("production calendar data: line 1: <day d=\"01.01\" t=\"x\">: the 't' attribute must be 1, 2 or 3", ex.Message);
    }
}
