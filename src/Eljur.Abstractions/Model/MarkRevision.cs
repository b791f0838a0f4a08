using System;

namespace Eljur.Abstractions.Model;

/// <summary>One change of a mark's value.</summary>
public sealed record MarkRevision : SnapshotRecord
{
    /// <summary>When the change was made (or first observed).</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The last time the old value was still seen, for polled revisions.</summary>
    public DateTimeOffset? After { get; init; }

    /// <summary>Who made the change, when known.</summary>
    public string? By { get; init; }

    /// <summary>The value before.</summary>
    public string From { get; init; } = "";

    /// <summary>The value after.</summary>
    public string To { get; init; } = "";
}
