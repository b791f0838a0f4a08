namespace Eljur.Abstractions.Model;

/// <summary>
/// One record a source sent that its connector could not map into the snapshot (it is counted in
/// <see cref="UnmappedRecords"/> instead of being dropped in silence).
/// </summary>
public sealed record UnmappedRecord : SnapshotRecord
{
    /// <summary>What the record was, e.g. <c>finalMark</c>, <c>mark</c>, <c>lesson</c>, <c>absence</c>.</summary>
    public string Kind { get; init; } = "";

    /// <summary>The record's id at the vendor, or a description of where it was when it has none.</summary>
    public string VendorId { get; init; } = "";

    /// <summary>Why it could not be mapped, in Russian.</summary>
    public string Reason { get; init; } = "";
}
