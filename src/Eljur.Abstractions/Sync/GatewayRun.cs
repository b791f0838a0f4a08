using System;

namespace Eljur.Abstractions.Sync;

/// <summary>
/// One run of the gateway for one school (<c>gateway.md</c>, <em>A run</em>): sync, check, record.
/// Kept by an <see cref="IRunHistoryStore"/>.
/// </summary>
public sealed record GatewayRun
{
    /// <summary>The run's id (opaque, unique).</summary>
    public string Id { get; init; } = "";

    /// <summary>The school's id in the gateway's configuration.</summary>
    public string SchoolId { get; init; } = "";

    /// <summary>The node that ran it.</summary>
    public string Node { get; init; } = "";

    /// <summary>What started it: <c>schedule</c>, <c>manual</c> or <c>start</c>.</summary>
    public string Trigger { get; init; } = "";

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When it ended; null while it runs.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>One of <see cref="GatewayRunStatus"/>.</summary>
    public string Status { get; init; } = GatewayRunStatus.Running;

    /// <summary>Why it did not end <c>ok</c> (Russian), or null.</summary>
    public string? Message { get; init; }

    /// <summary>Records the sync saw for the first time.</summary>
    public int SyncNew { get; init; }

    /// <summary>Records the sync saw changed.</summary>
    public int SyncChanged { get; init; }

    /// <summary>Records the sync saw disappear.</summary>
    public int SyncDeleted { get; init; }

    /// <summary>Records the sync saw unchanged.</summary>
    public int SyncUnchanged { get; init; }

    /// <summary>Certain findings of severity error.</summary>
    public int Errors { get; init; }

    /// <summary>Certain findings of severity warning.</summary>
    public int Warnings { get; init; }

    /// <summary>Notes: findings of severity info, whatever their certainty (never counted as breaches).</summary>
    public int Infos { get; init; }

    /// <summary>Possible breaches: findings of severity error or warning whose certainty is only possible. With <see cref="Errors"/>, <see cref="Warnings"/> and <see cref="Infos"/> every finding is counted once.</summary>
    public int Possible { get; init; }

    /// <summary>Metrics below (or above) their threshold.</summary>
    public int FailedMetrics { get; init; }

    /// <summary>Rules and metrics the data could not evaluate.</summary>
    public int NotEvaluable { get; init; }
}
