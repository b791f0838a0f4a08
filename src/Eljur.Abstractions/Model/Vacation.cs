using System;

namespace Eljur.Abstractions.Model;

/// <summary>
/// A school vacation (каникулы), JSON array <c>holidays</c>. Vacations are not federal days off:
/// working-day arithmetic ignores them.
/// </summary>
public sealed record Vacation : SnapshotRecord
{
    /// <summary>First day (inclusive).</summary>
    public DateTime Start { get; init; }

    /// <summary>Last day (inclusive).</summary>
    public DateTime End { get; init; }

    /// <summary>Display name.</summary>
    public string Name { get; init; } = "";
}
