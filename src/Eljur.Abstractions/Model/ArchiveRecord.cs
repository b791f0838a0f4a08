using System;

namespace Eljur.Abstractions.Model;

/// <summary>An entry of the archive register.</summary>
public sealed record ArchiveRecord : SnapshotRecord
{
    /// <summary>Record id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Kind of document archived.</summary>
    public ArchiveDocumentType DocumentType { get; init; }

    /// <summary>School year label, e.g. <c>2023/2024</c>.</summary>
    public string SchoolYear { get; init; } = "";

    /// <summary>Class id; <see langword="null"/> for whole-school documents.</summary>
    public string? ClassId { get; init; }

    /// <summary>When it was archived.</summary>
    public DateTime ArchivedOn { get; init; }

    /// <summary>When it was destroyed, if it was.</summary>
    public DateTime? DestroyedOn { get; init; }
}
