using System;
using System.Collections.Generic;

namespace Eljur.Abstractions.Model;

/// <summary>
/// Records a source sent that its connector could not map (<c>source.unmapped</c>): how many, and some
/// of them as examples. A count above zero means the snapshot is incomplete.
/// </summary>
public sealed record UnmappedRecords : SnapshotRecord
{
    /// <summary>How many records were left out.</summary>
    public int Count { get; init; }

    /// <summary>Some of them, as examples.</summary>
    public IReadOnlyList<UnmappedRecord> Examples { get; init; } = Array.Empty<UnmappedRecord>();
}
