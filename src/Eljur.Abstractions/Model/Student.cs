using System;

namespace Eljur.Abstractions.Model;

/// <summary>A student.</summary>
public sealed record Student : SnapshotRecord
{
    /// <summary>Student id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Full name (personal data: reports can pseudonymise it).</summary>
    public string Name { get; init; } = "";

    /// <summary>Current class id.</summary>
    public string ClassId { get; init; } = "";

    /// <summary>Date of enrolment, when known.</summary>
    public DateTime? EnrolledOn { get; init; }

    /// <summary>Date the student left; <see langword="null"/> while enrolled.</summary>
    public DateTime? LeftOn { get; init; }

    /// <summary>Consent to publish personal data in the e-diary: true, false or unknown (null).</summary>
    public bool? Consent { get; init; }
}
