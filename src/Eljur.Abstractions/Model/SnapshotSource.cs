using System;
using System.Collections.Generic;

namespace Eljur.Abstractions.Model;

/// <summary>Where a snapshot came from and what its source could actually provide.</summary>
public sealed record SnapshotSource : SnapshotRecord
{
    /// <summary>Connector id: <c>eljur</c>, <c>mosreg</c>, <c>asiou</c>, <c>file</c>, <c>demo</c> or a third party's id.</summary>
    public string Connector { get; init; } = "file";

    /// <summary>Vendor or school identifier at the source, when known.</summary>
    public string? Instance { get; init; }

    /// <summary>When the snapshot was produced.</summary>
    public DateTimeOffset FetchedAt { get; init; }

    /// <summary>First date the snapshot covers (inclusive, school-local).</summary>
    public DateTime From { get; init; }

    /// <summary>Last date the snapshot covers (inclusive, school-local).</summary>
    public DateTime To { get; init; }

    /// <summary>Capability names (see <see cref="Capability"/>) the source could provide.</summary>
    public IReadOnlyList<string> Capabilities { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Records the source sent that the connector could not map; null (or a zero count) when nothing
    /// was left out.
    /// </summary>
    public UnmappedRecords? Unmapped { get; init; }
}
