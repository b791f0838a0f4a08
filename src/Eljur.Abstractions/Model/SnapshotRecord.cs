using System.Collections.Generic;

namespace Eljur.Abstractions.Model;

/// <summary>
/// Base of every record in a snapshot. Carries the properties a reader did not recognise so that
/// a snapshot written by a newer producer survives a round-trip through this version.
/// </summary>
public abstract record SnapshotRecord
{
    /// <summary>
    /// Unrecognised JSON properties of this record, by name, each as its raw JSON text.
    /// <see langword="null"/> when there were none.
    /// </summary>
    public IReadOnlyDictionary<string, string>? ExtensionData { get; init; }
}
