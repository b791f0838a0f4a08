using System;

namespace Eljur.Abstractions.Model;

/// <summary>An absence or late arrival of a student at a lesson.</summary>
public sealed record Absence : SnapshotRecord
{
    // Instants kept compact (CompactInstant): the records are held by the million.
    private long _enteredAtTicks;
    private short _enteredAtOffset;
    private long _enteredAfterTicks;
    private short _enteredAfterOffset;

    /// <summary>Lesson id.</summary>
    public string LessonId { get; init; } = "";

    /// <summary>Student id.</summary>
    public string StudentId { get; init; } = "";

    /// <summary>Reason class.</summary>
    public AbsenceReason Reason { get; init; } = AbsenceReason.Unknown;

    /// <summary>True for a late arrival rather than an absence.</summary>
    public bool Late { get; init; }

    /// <summary>When entered (or first observed).</summary>
    public DateTimeOffset? EnteredAt { get => CompactInstant.Get(_enteredAtTicks, _enteredAtOffset); init => _enteredAtOffset = CompactInstant.Set(value, out _enteredAtTicks); }

    /// <summary>The last time it was looked for and not seen.</summary>
    public DateTimeOffset? EnteredAfter { get => CompactInstant.Get(_enteredAfterTicks, _enteredAfterOffset); init => _enteredAfterOffset = CompactInstant.Set(value, out _enteredAfterTicks); }

    /// <summary>Who entered it (staff or student id).</summary>
    public string? EnteredBy { get; init; }

    /// <summary>The entity id used in findings: <c>lessonId:studentId</c>.</summary>
    public string Key => LessonId + ":" + StudentId;
}
