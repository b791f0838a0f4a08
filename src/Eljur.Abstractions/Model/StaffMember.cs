using System;
using System.Collections.Generic;

namespace Eljur.Abstractions.Model;

/// <summary>A member of staff.</summary>
public sealed record StaffMember : SnapshotRecord
{
    /// <summary>Staff id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Full name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Roles held.</summary>
    public IReadOnlyList<StaffRole> Roles { get; init; } = Array.Empty<StaffRole>();

    /// <summary>Last day of employment; <see langword="null"/> while employed.</summary>
    public DateTime? EmployedUntil { get; init; }
}
