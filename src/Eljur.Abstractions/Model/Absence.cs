using System;

namespace Eljur.Abstractions.Model;

/// <summary>An absence or late arrival of a student at a lesson.</summary>
public sealed record Absence : SnapshotRecord
{
    /// <summary>Lesson id.</summary>
    public string LessonId { get; init; } = "";

    /// <summary>Student id.</summary>
    public string StudentId { get; init; } = "";

    /// <summary>Reason class.</summary>
    public AbsenceReason Reason { get; init; } = AbsenceReason.Unknown;

    /// <summary>True for a late arrival rather than an absence.</summary>
    public bool Late { get; init; }

    /// <summary>When entered (or first observed).</summary>
    public DateTimeOffset? EnteredAt { get; init; }

    /// <summary>The last time it was looked for and not seen.</summary>
    public DateTimeOffset? EnteredAfter { get; init; }

    /// <summary>Who entered it (staff or student id).</summary>
    public string? EnteredBy { get; init; }

    /// <summary>The entity id used in findings: <c>lessonId:studentId</c>.</summary>
    public string Key => LessonId + ":" + StudentId;
}
