using System;
using System.Collections.Generic;
using System.Linq;

namespace Eljur.Abstractions.Model;

/// <summary>
/// Records a source sent that its connector could not map (<c>source.unmapped</c>): how many, and the
/// first <see cref="MaxExamples"/> of them as examples. A count above zero means the snapshot is
/// incomplete, and a check over it warns so.
/// </summary>
public sealed record UnmappedRecords : SnapshotRecord
{
    /// <summary>The most examples a snapshot keeps.</summary>
    public const int MaxExamples = 20;

    /// <summary>How many records were left out.</summary>
    public int Count { get; init; }

    /// <summary>Some of them (at most <see cref="MaxExamples"/>).</summary>
    public IReadOnlyList<UnmappedRecord> Examples { get; init; } = Array.Empty<UnmappedRecord>();

    /// <summary>
    /// Counts <paramref name="records"/> and keeps at most <see cref="MaxExamples"/> examples, taken in
    /// turn from each kind (so every kind is named) in the order of kind and vendor id. Null when
    /// there are none.
    /// </summary>
    /// <param name="records">Every record left out.</param>
    /// <returns>The summary, or null.</returns>
    public static UnmappedRecords? From(IEnumerable<UnmappedRecord> records)
    {
        if (records is null)
        {
            throw new ArgumentNullException(nameof(records));
        }

        var byKind = records
            .Distinct()
            .GroupBy(r => r.Kind, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(r => r.VendorId, StringComparer.Ordinal).ThenBy(r => r.Reason, StringComparer.Ordinal).ToList())
            .ToList();
        var count = byKind.Sum(g => g.Count);
        if (count == 0)
        {
            return null;
        }

        var examples = new List<UnmappedRecord>();
        for (var i = 0; examples.Count < MaxExamples && byKind.Any(g => g.Count > i); i++)
        {
            foreach (var kind in byKind.Where(g => g.Count > i))
            {
                if (examples.Count == MaxExamples)
                {
                    break;
                }

                examples.Add(kind[i]);
            }
        }

        return new UnmappedRecords
        {
            Count = count,
            Examples = examples.OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.VendorId, StringComparer.Ordinal).ToList(),
        };
    }
}
