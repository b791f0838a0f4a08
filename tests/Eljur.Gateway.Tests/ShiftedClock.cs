using System;

namespace Eljur.Gateway.Tests;

/// <summary>Real time moved to a chosen moment (the mock vendors' school year): it advances, and its timers are real.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private readonly TimeSpan _shift;

    public ShiftedClock(DateTimeOffset startAt) => _shift = startAt - DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + _shift;
}
