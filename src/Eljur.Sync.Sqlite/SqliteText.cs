using System;
using System.Globalization;
using System.Text;

namespace Eljur.Sync.Sqlite;

/// <summary>Dates as the store keeps them: <c>yyyy-MM-dd</c> text, parsed by hand on the load path, and the filter of a school's date range.</summary>
internal static class SqliteText
{
    /// <summary>
    /// The condition of a school's rows dated within a range (<c>$school</c>, <c>$from</c>, <c>$to</c>).
    /// A long range (a term, a year) reads most of the school's rows: walking the table in key order
    /// beats one index look-up per row (×3 on a year of marks), so "+date" keeps the planner off the date
    /// index; a short range (a sync of the last weeks) still uses it.
    /// </summary>
    public static string InRange(DateTime from, DateTime to) =>
        "school_id = $school AND " + ((to - from).TotalDays > 45 ? "+date" : "date") + " BETWEEN $from AND $to";

    /// <summary>The stored text of a date.</summary>
    public static string Date(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A stored date from its text.</summary>
    public static DateTime ParseDate(string text)
    {
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && TryDate(Digits(text[0], text[1], text[2], text[3]), Digits(text[5], text[6]), Digits(text[8], text[9]), out var date))
        {
            return date;
        }

        return DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>A stored date from its UTF-8 text.</summary>
    public static DateTime ParseDate(ReadOnlySpan<byte> text)
    {
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && TryDate(Digits((char)text[0], (char)text[1], (char)text[2], (char)text[3]), Digits((char)text[5], (char)text[6]), Digits((char)text[8], (char)text[9]), out var date))
        {
            return date;
        }

        return ParseDate(Encoding.UTF8.GetString(text.ToArray()));
    }

    private static bool TryDate(int y, int m, int d, out DateTime date)
    {
        date = default;
        if (y <= 0 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new DateTime(y, m, d);
        return true;
    }

    private static int Digits(char a, char b, char c, char d) =>
        Digits(a, b) is var high && Digits(c, d) is var low && high >= 0 && low >= 0 ? (high * 100) + low : -1;

    private static int Digits(char a, char b) =>
        a is >= '0' and <= '9' && b is >= '0' and <= '9' ? ((a - '0') * 10) + (b - '0') : -1;
}
