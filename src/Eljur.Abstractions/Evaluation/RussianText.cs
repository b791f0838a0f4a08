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

    /// <summary>
    /// The share <paramref name="numerator"/> of <paramref name="denominator"/> as a percentage, rounded once
    /// from the exact ratio (7 of 13 is <c>53,8 %</c>; a value already rounded to 4 decimals, 0.5385, would
    /// round again to 53,9 %). Halves round away from zero.
    /// </summary>
    /// <param name="numerator">Part.</param>
    /// <param name="denominator">Whole; must not be zero.</param>
    /// <returns>Text such as <c>53,8 %</c>.</returns>
    public static string Percent(long numerator, long denominator)
    {
        if (denominator == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), "A share of nothing has no percentage.");
        }

        // Tenths of a percent in exact decimal arithmetic: no binary fraction sits between the ratio and the rounding.
        var tenths = decimal.Round(numerator * 1000m / denominator, 0, MidpointRounding.AwayFromZero);
        return (tenths / 10m).ToString("0.#", Culture) + "\u00a0%";
    }

    /// <summary>
    /// The Russian word form that goes with a count: <c>1 урок</c>, <c>2 урока</c>, <c>5 уроков</c>,
    /// <c>11 уроков</c>, <c>21 урок</c>, <c>192 урока</c>.
    /// </summary>
    /// <param name="count">The count (its sign is ignored).</param>
    /// <param name="one">Form for 1, 21, 101… (<c>урок</c>).</param>
    /// <param name="few">Form for 2–4, 22–24… (<c>урока</c>).</param>
    /// <param name="many">Form for 0, 5–20, 25–30… (<c>уроков</c>).</param>
    /// <returns>One of the three forms.</returns>
    public static string Plural(long count, string one, string few, string many)
    {
        var n = Math.Abs(count % 100);
        if (n is >= 11 and <= 14)
        {
            return many;
        }

        return (n % 10) switch
        {
            1 => one,
            2 or 3 or 4 => few,
            _ => many,
        };
    }

    /// <summary>A count with its word in the right form: <c>192 урока</c>, <c>452 отметки</c>, <c>10 школ</c>.</summary>
    /// <param name="count">The count.</param>
    /// <param name="one">Form for 1 (<c>урок</c>).</param>
    /// <param name="few">Form for 2–4 (<c>урока</c>).</param>
    /// <param name="many">Form for 5–20 (<c>уроков</c>).</param>
    /// <returns>Text; thousands are not grouped, so numbers stay easy to copy.</returns>
    public static string Count(long count, string one, string few, string many) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + Plural(count, one, few, many);
}
