using System;
using System.Collections.Generic;

namespace Eljur.Abstractions.Model;

/// <summary>A user account of the e-journal.</summary>
public sealed record Account : SnapshotRecord
{
    /// <summary>Account id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The person: a student or staff id, or for parents the parent's own id.</summary>
    public string PersonId { get; init; } = "";

    /// <summary>Role of the account.</summary>
    public AccountRole Role { get; init; }

    /// <summary>For parents: their children's student ids.</summary>
    public IReadOnlyList<string> StudentIds { get; init; } = Array.Empty<string>();

    /// <summary>When the account was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When it was activated; <see langword="null"/> if never.</summary>
    public DateTimeOffset? ActivatedAt { get; init; }

    /// <summary>Whether the account is currently active.</summary>
    public bool Active { get; init; }

    /// <summary>Last login, when known.</summary>
    public DateTimeOffset? LastLoginAt { get; init; }
}
