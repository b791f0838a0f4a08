using System;
using System.Collections.Generic;

namespace Eljur.Abstractions.Model;

/// <summary>A mark (отметка) with its revision history where known.</summary>
public sealed record Mark : SnapshotRecord
{
    // Instants kept compact (CompactInstant): the records are held by the million.
    private object? _weight; // boxed when present: most platforms have no weights
    private long _enteredAtTicks;
    private short _enteredAtOffset;
    private long _enteredAfterTicks;
    private short _enteredAfterOffset;

    /// <summary>Mark id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Student id.</summary>
    public string StudentId { get; init; } = "";

    /// <summary>Subject id.</summary>
    public string SubjectId { get; init; } = "";

    /// <summary>Lesson the mark belongs to, when any.</summary>
    public string? LessonId { get; init; }

    /// <summary>Date of the work or lesson the mark is for.</summary>
    public DateTime Date { get; init; }

    /// <summary>Kind of mark.</summary>
    public MarkKind Kind { get; init; }

    /// <summary>Period id, for <see cref="MarkKind.Period"/> marks.</summary>
    public string? PeriodId { get; init; }

    /// <summary>Value as shown: <c>5</c>, <c>зач</c>, <c>н/а</c>, <c>3/5</c>, …</summary>
    public string Value { get; init; } = "";

    /// <summary>Weight, when the platform uses weighted marks.</summary>
    public decimal? Weight { get => (decimal?)_weight; init => _weight = value; }

    /// <summary>When entered (or first observed).</summary>
    public DateTimeOffset? EnteredAt { get => CompactInstant.Get(_enteredAtTicks, _enteredAtOffset); init => _enteredAtOffset = CompactInstant.Set(value, out _enteredAtTicks); }

    /// <summary>The last time it was looked for and not seen.</summary>
    public DateTimeOffset? EnteredAfter { get => CompactInstant.Get(_enteredAfterTicks, _enteredAfterOffset); init => _enteredAfterOffset = CompactInstant.Set(value, out _enteredAfterTicks); }

    /// <summary>Who entered it: a staff id, or a student id (itself a violation).</summary>
    public string? EnteredBy { get; init; }

    /// <summary>Changes of the value, oldest first.</summary>
    public IReadOnlyList<MarkRevision> Revisions { get; init; } = Array.Empty<MarkRevision>();
}
