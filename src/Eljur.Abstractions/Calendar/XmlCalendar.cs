using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Eljur.Abstractions.Calendar;

/// <summary>
/// Reads one year of a production calendar in the xmlcalendar format
/// (<c>&lt;calendar year="2024"&gt;&lt;holidays&gt;&lt;holiday id="1" title="…"/&gt;…&lt;/holidays&gt;&lt;days&gt;&lt;day d="MM.DD" t="1|2|3" h="id"? f="MM.DD"?/&gt;…&lt;/days&gt;&lt;/calendar&gt;</c>).
/// </summary>
/// <remarks>
/// <c>t</c>: 1 day off, 2 shortened pre-holiday working day, 3 working day; <c>h</c> marks a
/// holiday and refers to a <c>&lt;holiday id&gt;</c>, whose title becomes
/// <see cref="CalendarDay.HolidayName"/>. The <c>f</c> attribute (the day of the same year a day
/// off was moved from, <c>MM.DD</c>) becomes <see cref="CalendarDay.MovedFrom"/>; it decides the
/// day for a 6-day school week. Unknown elements and attributes are ignored. DTDs are refused.
/// </remarks>
public static class XmlCalendar
{
    /// <summary>Reads a calendar year from <paramref name="stream"/>. The stream is not closed.</summary>
    /// <param name="stream">The XML.</param>
    /// <param name="fileName">The file name, for error messages.</param>
    /// <returns>The year with its explicit entries, ordered by date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="CalendarDataException">The content is not a valid xmlcalendar year.</exception>
    public static CalendarYear Read(Stream stream, string? fileName = null)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        XDocument document;
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                CloseInput = false,
            };
            using var reader = XmlReader.Create(stream, settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw new CalendarDataException("not well-formed XML: " + ex.Message, fileName, null, ex.LineNumber > 0 ? ex.LineNumber : null, ex);
        }

        var root = document.Root!;
        if (root.Name.LocalName != "calendar")
        {
            throw Error("the root element must be <calendar>", fileName, root);
        }

        var yearText = (string?)root.Attribute("year");
        if (yearText is null)
        {
            throw Error("the 'year' attribute is missing", fileName, root);
        }

        if (!int.TryParse(yearText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1 || year > 9999)
        {
            throw Error("the 'year' attribute is not a year from 1 to 9999", fileName, root);
        }

        var titles = ReadHolidays(root, fileName);
        var daysElement = root.Element("days") ?? throw Error("the <days> element is missing", fileName, root);
        var days = new List<CalendarDay>();
        var seen = new HashSet<DateTime>();
        foreach (var element in daysElement.Elements("day"))
        {
            var day = ReadDay(element, year, titles, fileName);
            if (!seen.Add(day.Date))
            {
                throw Error("the date is given more than once", fileName, element);
            }

            days.Add(day);
        }

        days.Sort(static (a, b) => a.Date.CompareTo(b.Date));
        return new CalendarYear(year, days.AsReadOnly());
    }

    /// <summary>Reads a calendar year from the file at <paramref name="path"/>.</summary>
    /// <param name="path">Path of the XML file.</param>
    /// <returns>The year with its explicit entries, ordered by date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="CalendarDataException">The content is not a valid xmlcalendar year.</exception>
    public static CalendarYear ReadFile(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    private static Dictionary<string, string?> ReadHolidays(XElement root, string? fileName)
    {
        var titles = new Dictionary<string, string?>(StringComparer.Ordinal);
        var holidays = root.Element("holidays");
        if (holidays is null)
        {
            return titles;
        }

        foreach (var holiday in holidays.Elements("holiday"))
        {
            var id = ((string?)holiday.Attribute("id"))?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                throw Error("the 'id' attribute is missing or empty", fileName, holiday);
            }

            if (titles.ContainsKey(id!))
            {
                throw Error("the holiday id is defined more than once", fileName, holiday);
            }

            var title = ((string?)holiday.Attribute("title"))?.Trim();
            titles.Add(id!, string.IsNullOrEmpty(title) ? null : title);
        }

        return titles;
    }

    private static CalendarDay ReadDay(XElement element, int year, Dictionary<string, string?> titles, string? fileName)
    {
        var d = ((string?)element.Attribute("d"))?.Trim();
        if (d is null)
        {
            throw Error("the 'd' attribute is missing", fileName, element);
        }

        if (!TryParseDate(d, year, out var date))
        {
            throw Error(
                string.Format(CultureInfo.InvariantCulture, "the 'd' attribute is not a date MM.DD in {0}", year),
                fileName,
                element);
        }

        DateTime? movedFrom = null;
        var f = ((string?)element.Attribute("f"))?.Trim();
        if (f is not null)
        {
            if (!TryParseDate(f, year, out var from))
            {
                throw Error(
                    string.Format(CultureInfo.InvariantCulture, "the 'f' attribute is not a date MM.DD in {0}", year),
                    fileName,
                    element);
            }

            movedFrom = from;
        }

        var type = ((string?)element.Attribute("t"))?.Trim() switch
        {
            "1" => CalendarDayType.DayOff,
            "2" => CalendarDayType.ShortDay,
            "3" => CalendarDayType.WorkingDay,
            null => throw Error("the 't' attribute is missing", fileName, element),
            _ => throw Error("the 't' attribute must be 1, 2 or 3", fileName, element),
        };

        var h = ((string?)element.Attribute("h"))?.Trim();
        if (h is null)
        {
            return new CalendarDay(date, type, false) { MovedFrom = movedFrom };
        }

        if (!titles.TryGetValue(h, out var title))
        {
            throw Error("the 'h' attribute refers to a holiday id that <holidays> does not define", fileName, element);
        }

        return new CalendarDay(date, type, true, title) { MovedFrom = movedFrom };
    }

    private static bool TryParseDate(string text, int year, out DateTime date)
    {
        date = default;
        var parts = text.Split('.');
        if (parts.Length != 2
            || parts[0].Length is < 1 or > 2 || parts[1].Length is < 1 or > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var dayOfMonth)
            || month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateTime(year, month, dayOfMonth);
        return true;
    }

    private static CalendarDataException Error(string problem, string? fileName, XElement element)
    {
        var info = (IXmlLineInfo)element;
        return new CalendarDataException(problem, fileName, Describe(element), info.HasLineInfo() ? info.LineNumber : null);
    }

    private static string Describe(XElement element)
    {
        var sb = new StringBuilder();
        sb.Append('<').Append(element.Name.LocalName);
        foreach (var attribute in element.Attributes())
        {
            sb.Append(' ').Append(attribute.Name.LocalName).Append("=\"").Append(attribute.Value).Append('"');
        }

        return sb.Append('>').ToString();
    }
}
