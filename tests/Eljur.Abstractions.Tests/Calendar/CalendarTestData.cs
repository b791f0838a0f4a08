using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Eljur.Abstractions.Tests.Calendar;

/// <summary>
/// Finds the xmlcalendar files (build/calendar/ru, copied next to the test assembly) and computes the expected working days straight from
/// them, with its own small parser and the rules of spec/rules.md ("Time"), independently of
/// the library.
/// </summary>
internal static class CalendarTestData
{
    public const int FirstYear = 2018;
    public const int LastYear = 2027;

    /// <summary>
    /// The folder holding 2018.xml … 2027.xml: the repository's <c>build/calendar/ru</c>, copied to the
    /// test output by the project file.
    /// </summary>
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Calendar", "ru");

    public static IEnumerable<int> Years => Enumerable.Range(FirstYear, LastYear - FirstYear + 1);

    public static TheoryData<int> YearData()
    {
        var data = new TheoryData<int>();
        foreach (var year in Years)
        {
            data.Add(year);
        }

        return data;
    }

    public static TheoryData<int, int> YearAndWorkWeekData()
    {
        var data = new TheoryData<int, int>();
        foreach (var year in Years)
        {
            data.Add(year, 5);
            data.Add(year, 6);
        }

        return data;
    }

    public static string PathOf(int year) => Path.Combine(Directory, year.ToString(CultureInfo.InvariantCulture) + ".xml");

    /// <summary>
    /// Expected working days of every date of <paramref name="year"/>, by the spec's words:
    /// Saturdays and Sundays are off unless marked working (t=3, or t=2 on a weekend); days with
    /// t=1 are off; weekdays are working unless t=1. For a 6-day week a Saturday is working
    /// unless the calendar marks it with h; a weekday with t=1 and f (the day off moved onto it)
    /// but no h works when f names a Saturday; Sundays follow the 5-day rule.
    /// </summary>
    public static Dictionary<DateTime, bool> ExpectedWorkingDays(int year, int workWeek)
    {
        var root = XDocument.Load(PathOf(year)).Root!;
        Assert.Equal(year.ToString(CultureInfo.InvariantCulture), root.Attribute("year")!.Value);
        var entries = new Dictionary<DateTime, (string T, bool H, DateTime? F)>();
        foreach (var day in root.Descendants("day"))
        {
            var date = DateTime.ParseExact(
                year.ToString(CultureInfo.InvariantCulture) + "." + day.Attribute("d")!.Value,
                "yyyy.MM.dd",
                CultureInfo.InvariantCulture);
            DateTime? from = day.Attribute("f") is { } f
                ? DateTime.ParseExact(year.ToString(CultureInfo.InvariantCulture) + "." + f.Value, "yyyy.MM.dd", CultureInfo.InvariantCulture)
                : null;
            entries.Add(date, (day.Attribute("t")!.Value, day.Attribute("h") is not null, from));
        }

        var result = new Dictionary<DateTime, bool>();
        for (var date = new DateTime(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            var has = entries.TryGetValue(date, out var entry);
            var saturday = date.DayOfWeek == DayOfWeek.Saturday;
            var weekend = saturday || date.DayOfWeek == DayOfWeek.Sunday;
            bool working;
            if (workWeek == 6 && saturday)
            {
                working = !(has && entry.H);
            }
            else if (weekend)
            {
                working = has && (entry.T == "3" || entry.T == "2");
            }
            else if (workWeek == 6 && has && entry.T == "1" && !entry.H && entry.F?.DayOfWeek == DayOfWeek.Saturday)
            {
                working = true;
            }
            else
            {
                working = !(has && entry.T == "1");
            }

            result.Add(date, working);
        }

        return result;
    }
}
