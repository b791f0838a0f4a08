using System;

namespace Eljur.Abstractions.Snapshots;

/// <summary>
/// The text forms of dates, times of day and timestamps in <c>eljur.snapshot/1</c>, parsed and
/// formatted by hand (invariant, exact layouts, no culture, no allocation when parsing).
/// </summary>
internal static class SnapshotText
{
    /// <summary>Outcome of <see cref="TryParseTimestamp"/>.</summary>
    internal enum StampResult
    {
        /// <summary>Parsed.</summary>
        Ok,

        /// <summary>A well-formed local date and time without an offset.</summary>
        NoOffset,

        /// <summary>Not a timestamp.</summary>
        Invalid,
    }

    /// <summary>Parses <c>YYYY-MM-DD</c> exactly into a date of kind Unspecified.</summary>
    public static bool TryParseDate(string s, out DateTime value)
    {
        value = default;
        if (s.Length != 10 || !TryDate(s, 0, out var y, out var m, out var d))
        {
            return false;
        }

        value = new DateTime(y, m, d, 0, 0, 0, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>Parses <c>HH:mm</c> or <c>HH:mm:ss</c> into a time of day.</summary>
    public static bool TryParseTime(string s, out TimeSpan value)
    {
        value = default;
        if (s.Length != 5 && s.Length != 8)
        {
            return false;
        }

        if (!TryClock(s, 0, out var h, out var mi, out var sec, out var next) || next != s.Length)
        {
            return false;
        }

        value = new TimeSpan(h, mi, sec);
        return true;
    }

    /// <summary>
    /// Parses <c>YYYY-MM-DDTHH:mm[:ss[.f{1,7}]]</c> followed by <c>Z</c> or <c>±HH:mm</c>, keeping the offset.
    /// </summary>
    public static StampResult TryParseTimestamp(string s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 16 || s[10] != 'T' || !TryDate(s, 0, out var y, out var mo, out var d))
        {
            return StampResult.Invalid;
        }

        if (!TryClock(s, 11, out var h, out var mi, out var sec, out var i))
        {
            return StampResult.Invalid;
        }

        long fraction = 0;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            var digits = 0;
            while (i < s.Length && IsDigit(s[i]))
            {
                if (++digits > 7)
                {
                    return StampResult.Invalid;
                }

                fraction = (fraction * 10) + (s[i] - '0');
                i++;
            }

            if (digits == 0)
            {
                return StampResult.Invalid;
            }

            for (; digits < 7; digits++)
            {
                fraction *= 10;
            }
        }

        if (i == s.Length)
        {
            return StampResult.NoOffset;
        }

        int offsetMinutes;
        if (s[i] == 'Z')
        {
            offsetMinutes = 0;
            i++;
        }
        else if (s[i] == '+' || s[i] == '-')
        {
            if (s.Length - i != 6 || s[i + 3] != ':')
            {
                return StampResult.Invalid;
            }

            var oh = Two(s, i + 1);
            var om = Two(s, i + 4);
            if (oh < 0 || om < 0 || om > 59 || (oh * 60) + om > 14 * 60)
            {
                return StampResult.Invalid;
            }

            offsetMinutes = ((oh * 60) + om) * (s[i] == '-' ? -1 : 1);
            i += 6;
        }
        else
        {
            return StampResult.Invalid;
        }

        if (i != s.Length)
        {
            return StampResult.Invalid;
        }

        var ticks = new DateTime(y, mo, d, h, mi, sec, DateTimeKind.Unspecified).Ticks + fraction;
        var offsetTicks = offsetMinutes * TimeSpan.TicksPerMinute;
        var utc = ticks - offsetTicks;
        if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks)
        {
            return StampResult.Invalid;
        }

        value = new DateTimeOffset(new DateTime(ticks, DateTimeKind.Unspecified), new TimeSpan(offsetTicks));
        return StampResult.Ok;
    }

    /// <summary>Formats the date part as <c>yyyy-MM-dd</c>.</summary>
    public static string FormatDate(DateTime value)
    {
        var c = new char[10];
        PutDate(c, 0, value);
        return new string(c);
    }

    /// <summary>Formats a time of day as <c>HH:mm</c>, or <c>HH:mm:ss</c> when the seconds are not zero.</summary>
    /// <returns><see langword="null"/> when the value is not a whole-second time of day.</returns>
    public static string? FormatTime(TimeSpan value)
    {
        if (value.Ticks < 0 || value.Ticks >= TimeSpan.TicksPerDay || value.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            return null;
        }

        var c = new char[value.Seconds != 0 ? 8 : 5];
        PutTwo(c, 0, value.Hours);
        c[2] = ':';
        PutTwo(c, 3, value.Minutes);
        if (c.Length == 8)
        {
            c[5] = ':';
            PutTwo(c, 6, value.Seconds);
        }

        return new string(c);
    }

    /// <summary>
    /// Formats <c>yyyy-MM-ddTHH:mm:ss</c>, then <c>.fffffff</c> without trailing zeros when there is a
    /// fraction, then <c>Z</c> for a zero offset or <c>±HH:mm</c>.
    /// </summary>
    public static string FormatTimestamp(DateTimeOffset value)
    {
        var c = new char[TimestampLength];
        return new string(c, 0, PutTimestamp(c, value));
    }

    /// <summary>The longest text <see cref="PutTimestamp"/> writes.</summary>
    internal const int TimestampLength = 34;

    /// <summary>Writes <see cref="FormatTimestamp"/>'s text into <paramref name="c"/> (at least <see cref="TimestampLength"/> long) and returns its length.</summary>
    internal static int PutTimestamp(char[] c, DateTimeOffset value)
    {
        var local = value.DateTime;
        PutDate(c, 0, local);
        c[10] = 'T';
        PutTwo(c, 11, local.Hour);
        c[13] = ':';
        PutTwo(c, 14, local.Minute);
        c[16] = ':';
        PutTwo(c, 17, local.Second);
        var n = 19;
        var fraction = (int)(local.Ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            c[n++] = '.';
            var digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            for (var k = digits - 1; k >= 0; k--)
            {
                c[n + k] = (char)('0' + (fraction % 10));
                fraction /= 10;
            }

            n += digits;
        }

        var offset = (int)(value.Offset.Ticks / TimeSpan.TicksPerMinute);
        if (offset == 0)
        {
            c[n++] = 'Z';
        }
        else
        {
            c[n++] = offset < 0 ? '-' : '+';
            offset = Math.Abs(offset);
            PutTwo(c, n, offset / 60);
            c[n + 2] = ':';
            PutTwo(c, n + 3, offset % 60);
            n += 5;
        }

        return n;
    }

    private static bool TryDate(string s, int i, out int y, out int m, out int d)
    {
        m = d = 0;
        var hi = Two(s, i);
        var lo = Two(s, i + 2);
        y = (hi * 100) + lo;
        if (hi < 0 || lo < 0 || y < 1 || s[i + 4] != '-' || s[i + 7] != '-')
        {
            return false;
        }

        m = Two(s, i + 5);
        d = Two(s, i + 8);
        return m >= 1 && m <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);
    }

    private static bool TryClock(string s, int i, out int h, out int m, out int sec, out int next)
    {
        m = sec = 0;
        next = i;
        if (s.Length < i + 5 || s[i + 2] != ':')
        {
            h = -1;
            return false;
        }

        h = Two(s, i);
        m = Two(s, i + 3);
        if (h < 0 || h > 23 || m < 0 || m > 59)
        {
            return false;
        }

        next = i + 5;
        if (s.Length >= i + 8 && s[i + 5] == ':')
        {
            sec = Two(s, i + 6);
            if (sec < 0 || sec > 59)
            {
                return false;
            }

            next = i + 8;
        }

        return true;
    }

    private static int Two(string s, int i)
    {
        var a = s[i];
        var b = s[i + 1];
        return IsDigit(a) && IsDigit(b) ? ((a - '0') * 10) + (b - '0') : -1;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static void PutDate(char[] c, int i, DateTime value)
    {
        PutTwo(c, i, value.Year / 100);
        PutTwo(c, i + 2, value.Year % 100);
        c[i + 4] = '-';
        PutTwo(c, i + 5, value.Month);
        c[i + 7] = '-';
        PutTwo(c, i + 8, value.Day);
    }

    private static void PutTwo(char[] c, int i, int v)
    {
        c[i] = (char)('0' + (v / 10));
        c[i + 1] = (char)('0' + (v % 10));
    }
}
