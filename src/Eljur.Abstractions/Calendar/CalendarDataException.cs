using System;
using System.Globalization;
using System.Text;

namespace Eljur.Abstractions.Calendar;

/// <summary>
/// Bad production-calendar data: XML that is not well formed, a missing or invalid attribute,
/// a date outside the year, a duplicate date, or a reference to an undefined holiday.
/// The message names the file (when known), the line and the offending element.
/// </summary>
public sealed class CalendarDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What is wrong, in plain words.</param>
    /// <param name="fileName">The file (or other source) the data came from, when known.</param>
    /// <param name="element">The offending element, e.g. <c>&lt;day d="13.01" t="1"&gt;</c>, when known.</param>
    /// <param name="lineNumber">1-based line, when known.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public CalendarDataException(
        string problem,
        string? fileName = null,
        string? element = null,
        int? lineNumber = null,
        Exception? inner = null)
        : base(Compose(problem, fileName, element, lineNumber), inner)
    {
        Problem = problem;
        FileName = fileName;
        Element = element;
        LineNumber = lineNumber;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    /// <summary>The file (or other source) the data came from, when known.</summary>
    public string? FileName { get; }

    /// <summary>The offending element, when known.</summary>
    public string? Element { get; }

    /// <summary>1-based line, when known.</summary>
    public int? LineNumber { get; }

    private static string Compose(string problem, string? file, string? element, int? line)
    {
        var sb = new StringBuilder();
        sb.Append(string.IsNullOrEmpty(file) ? "production calendar data" : file).Append(": ");
        if (line is not null)
        {
            sb.Append("line ").Append(line.Value.ToString(CultureInfo.InvariantCulture)).Append(": ");
        }

        if (!string.IsNullOrEmpty(element))
        {
            sb.Append(element).Append(": ");
        }

        sb.Append(problem);
        return sb.ToString();
    }
}
