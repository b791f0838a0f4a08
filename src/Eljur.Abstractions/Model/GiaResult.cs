using System;

namespace Eljur.Abstractions.Model;

/// <summary>A state final attestation (ГИА) result.</summary>
public sealed record GiaResult : SnapshotRecord
{
    /// <summary>Student id.</summary>
    public string StudentId { get; init; } = "";

    /// <summary>Subject id.</summary>
    public string SubjectId { get; init; } = "";

    /// <summary>Result as shown.</summary>
    public string Value { get; init; } = "";

    /// <summary>Date the result was officially announced.</summary>
    public DateTime AnnouncedOn { get; init; }

    /// <summary>When it was entered into the journal.</summary>
    public DateTimeOffset? EnteredAt { get; init; }
}
