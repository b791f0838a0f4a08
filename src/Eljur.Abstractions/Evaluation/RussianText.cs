using System;
using System.Globalization;

namespace Eljur.Abstractions.Evaluation;

/// <summary>Formatting helpers for the Russian text of findings and reports.</summary>
public static class RussianText
{
    /// <summary>The Russian culture used for numbers and names.</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>A date as <c>28.10.2024</c>.</summary>
    /// <param name="date">Date.</param>
    /// <returns>Text.</returns>
    public static string Date(DateTime date)
    {
        // Formatted by hand: findings format a date or two each, and a report has tens of thousands.
        var c = new char[10];
        WriteDate(c, date);
        return new string(c);
    }

    /// <summary>A moment as <c>02.11.2024 23:59</c> (seconds shown when not zero), in the offset it carries.</summary>
    /// <param name="moment">Moment, already in the school's offset.</param>
    /// <returns>Text.</returns>
    public static string Moment(DateTimeOffset moment)
    {
        var t = moment.DateTime;
        var seconds = !(t.Second == 0 || (t.Second == 59 && t.Minute == 59 && t.Hour == 23));
        var c = new char[seconds ? 19 : 16];
        WriteDate(c, t);
        c[10] = ' ';
        Two(c, 11, t.Hour);
        c[13] = ':';
        Two(c, 14, t.Minute);
        if (seconds)
        {
            c[16] = ':';
            Two(c, 17, t.Second);
        }

        return new string(c);
    }

    /// <summary>dd.MM.yyyy into the first ten characters.</summary>
    private static void WriteDate(char[] c, DateTime date)
    {
        Two(c, 0, date.Day);
        c[2] = '.';
        Two(c, 3, date.Month);
        c[5] = '.';
        var year = date.Year;
        Two(c, 6, year / 100);
        Two(c, 8, year % 100);
    }

    private static void Two(char[] c, int at, int value)
    {
        c[at] = (char)('0' + (value / 10));
        c[at + 1] = (char)('0' + (value % 10));
    }

    /// <summary>A ratio as a percentage, e.g. <c>92,3 %</c>.</summary>
    /// <param name="value">Ratio 0..1.</param>
    /// <returns>Text.</returns>
    public static string Percent(double value) => (value * 100).ToString("0.#", Culture) + "\u00a0%";

    /// <summary>The Russian form of a noun after a number: <c>Plural(1, "отметка", "отметки", "отметок")</c> is «отметка», 3 → «отметки», 11 → «отметок».</summary>
    /// <param name="count">The number.</param>
    /// <param name="one">Form after 1, 21, 31, …</param>
    /// <param name="few">Form after 2–4, 22–24, …</param>
    /// <param name="many">Form after 0, 5–20, 25–30, …</param>
    /// <returns>The form.</returns>
    public static string Plural(long count, string one, string few, string many)
    {
        var n = Math.Abs(count);
        var tens = n % 100;
        var units = n % 10;
        return tens is >= 11 and <= 14 ? many : units == 1 ? one : units is >= 2 and <= 4 ? few : many;
    }
}
