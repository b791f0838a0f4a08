using System;

namespace Eljur.Abstractions.Snapshots;

/// <summary>
/// <see cref="SnapshotText"/>'s parsing straight from UTF-8 bytes (the reader's buffer), so dates and
/// timestamps cost no string. The layouts and the answers are those of <see cref="SnapshotText"/>.
/// </summary>
internal static class SnapshotUtf8
{
    /// <summary>Parses <c>YYYY-MM-DD</c> exactly into a date of kind Unspecified.</summary>
    public static bool TryParseDate(ReadOnlySpan<byte> s, out DateTime value)
    {
        value = default;
        if (s.Length != 10 || !TryDate(s, out var y, out var m, out var d))
        {
            return false;
        }

        value = new DateTime(y, m, d, 0, 0, 0, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>Parses <c>HH:mm</c> or <c>HH:mm:ss</c> into a time of day.</summary>
    public static bool TryParseTime(ReadOnlySpan<byte> s, out TimeSpan value)
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

    /// <summary>Parses <c>YYYY-MM-DDTHH:mm[:ss[.f{1,7}]]</c> followed by <c>Z</c> or <c>±HH:mm</c>, keeping the offset.</summary>
    public static SnapshotText.StampResult TryParseTimestamp(ReadOnlySpan<byte> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 16 || s[10] != (byte)'T' || !TryDate(s, out var y, out var mo, out var d))
        {
            return SnapshotText.StampResult.Invalid;
        }

        if (!TryClock(s, 11, out var h, out var mi, out var sec, out var i))
        {
            return SnapshotText.StampResult.Invalid;
        }

        long fraction = 0;
        if (i < s.Length && s[i] == (byte)'.')
        {
            i++;
            var digits = 0;
            while (i < s.Length && IsDigit(s[i]))
            {
                if (++digits > 7)
                {
                    return SnapshotText.StampResult.Invalid;
                }

                fraction = (fraction * 10) + (s[i] - '0');
                i++;
            }

            if (digits == 0)
            {
                return SnapshotText.StampResult.Invalid;
            }

            for (; digits < 7; digits++)
            {
                fraction *= 10;
            }
        }

        if (i == s.Length)
        {
            return SnapshotText.StampResult.NoOffset;
        }

        int offsetMinutes;
        if (s[i] == (byte)'Z')
        {
            offsetMinutes = 0;
            i++;
        }
        else if (s[i] == (byte)'+' || s[i] == (byte)'-')
        {
            if (s.Length - i != 6 || s[i + 3] != (byte)':')
            {
                return SnapshotText.StampResult.Invalid;
            }

            var oh = Two(s, i + 1);
            var om = Two(s, i + 4);
            if (oh < 0 || om < 0 || om > 59 || (oh * 60) + om > 14 * 60)
            {
                return SnapshotText.StampResult.Invalid;
            }

            offsetMinutes = ((oh * 60) + om) * (s[i] == (byte)'-' ? -1 : 1);
            i += 6;
        }
        else
        {
            return SnapshotText.StampResult.Invalid;
        }

        if (i != s.Length)
        {
            return SnapshotText.StampResult.Invalid;
        }

        var ticks = DateTicks(y, mo, d) + (((h * 3600L) + (mi * 60L) + sec) * TimeSpan.TicksPerSecond) + fraction;
        var offsetTicks = offsetMinutes * TimeSpan.TicksPerMinute;
        var utc = ticks - offsetTicks;
        if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks)
        {
            return SnapshotText.StampResult.Invalid;
        }

        value = new DateTimeOffset(new DateTime(ticks, DateTimeKind.Unspecified), new TimeSpan(offsetTicks));
        return SnapshotText.StampResult.Ok;
    }

    private static long DateTicks(int y, int m, int d) => new DateTime(y, m, d, 0, 0, 0, DateTimeKind.Unspecified).Ticks;

    private static bool TryDate(ReadOnlySpan<byte> s, out int y, out int m, out int d)
    {
        m = d = 0;
        var hi = Two(s, 0);
        var lo = Two(s, 2);
        y = (hi * 100) + lo;
        if (hi < 0 || lo < 0 || y < 1 || s[4] != (byte)'-' || s[7] != (byte)'-')
        {
            return false;
        }

        m = Two(s, 5);
        d = Two(s, 8);
        return m >= 1 && m <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);
    }

    private static bool TryClock(ReadOnlySpan<byte> s, int i, out int h, out int m, out int sec, out int next)
    {
        m = sec = 0;
        next = i;
        if (s.Length < i + 5 || s[i + 2] != (byte)':')
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
        if (s.Length >= i + 8 && s[i + 5] == (byte)':')
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

    private static int Two(ReadOnlySpan<byte> s, int i)
    {
        var a = s[i];
        var b = s[i + 1];
        return IsDigit(a) && IsDigit(b) ? ((a - '0') * 10) + (b - '0') : -1;
    }

    private static bool IsDigit(byte c) => c >= (byte)'0' && c <= (byte)'9';
}
