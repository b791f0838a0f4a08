using System;

namespace Eljur.Abstractions.Model;

/// <summary>An entry of the school's own operations log (backups, archiving, exports, printing).</summary>
public sealed record Operation : SnapshotRecord
{
    /// <summary>What was done.</summary>
    public OperationKind Kind { get; init; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>Number of media the result was written to.</summary>
    public int? Copies { get; init; }

    /// <summary>What it covered, e.g. <c>journal</c>, <c>finalMarks</c>, <c>summarySheet</c>.</summary>
    public string? Scope { get; init; }
}
