using System;

namespace Eljur.Abstractions.Model;

/// <summary>An academic period: a quarter, trimester, half-year or the whole year.</summary>
public sealed record Period : SnapshotRecord
{
    /// <summary>Period id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Display name, e.g. «1 четверть».</summary>
    public string Name { get; init; } = "";

    /// <summary>What kind of period this is.</summary>
    public PeriodKind Kind { get; init; }

    /// <summary>First day (inclusive).</summary>
    public DateTime Start { get; init; }

    /// <summary>Last day (inclusive).</summary>
    public DateTime End { get; init; }
}
