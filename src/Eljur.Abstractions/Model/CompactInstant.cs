using System;

namespace Eljur.Abstractions.Model;

/// <summary>
/// How the records keep an optional instant in 10 bytes instead of a <see cref="Nullable{DateTimeOffset}"/>'s
/// 24: the clock ticks (as <see cref="DateTimeOffset.Ticks"/>) in a <see cref="long"/> and the offset in
/// minutes, shifted so that 0 means "no instant", in a <see cref="short"/>. A million marks carry two
/// each. Exact: the offset and every tick come back as they went in.
/// </summary>
internal static class CompactInstant
{
    private const int Shift = 1024; // offsets are within ±14 h (±840 min), so a stored code is never 0

    /// <summary>The instant, or null when <paramref name="code"/> is 0.</summary>
    public static DateTimeOffset? Get(long ticks, short code) =>
        code == 0 ? null : new DateTimeOffset(ticks, TimeSpan.FromMinutes(code - Shift));

    /// <summary>Splits an instant into its clock ticks and offset code (0 for none).</summary>
    public static short Set(DateTimeOffset? value, out long ticks)
    {
        if (value is not { } v)
        {
            ticks = 0;
            return 0;
        }

        ticks = v.Ticks;
        return (short)((int)v.Offset.TotalMinutes + Shift);
    }
}
