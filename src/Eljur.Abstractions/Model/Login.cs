using System;

namespace Eljur.Abstractions.Model;

/// <summary>A login into an account.</summary>
public sealed record Login : SnapshotRecord
{
    /// <summary>Account id.</summary>
    public string AccountId { get; init; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset At { get; init; }
}
