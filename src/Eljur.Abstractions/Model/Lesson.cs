using System;

namespace Eljur.Abstractions.Model;

/// <summary>A lesson of the timetable with what the teacher recorded for it.</summary>
public sealed record Lesson : SnapshotRecord
{
    // Instants kept compact (CompactInstant): the records are held by the million.
    private long _heldAtTicks;
    private short _heldAtOffset;
    private long _topicEnteredAtTicks;
    private short _topicEnteredAtOffset;
    private long _topicEnteredAfterTicks;
    private short _topicEnteredAfterOffset;
    private long _homeworkEnteredAtTicks;
    private short _homeworkEnteredAtOffset;
    private long _homeworkEnteredAfterTicks;
    private short _homeworkEnteredAfterOffset;
    private long _commentEnteredAtTicks;
    private short _commentEnteredAtOffset;

    /// <summary>Lesson id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Class id.</summary>
    public string ClassId { get; init; } = "";

    /// <summary>Subject id.</summary>
    public string SubjectId { get; init; } = "";

    /// <summary>Scheduled teacher's staff id.</summary>
    public string TeacherId { get; init; } = "";

    /// <summary>Staff id of the teacher who actually conducted the lesson, when a substitution.</summary>
    public string? SubstituteId { get; init; }

    /// <summary>Subgroup id when the class is split.</summary>
    public string? GroupId { get; init; }

    /// <summary>Date of the lesson (school-local).</summary>
    public DateTime Date { get; init; }

    /// <summary>Start time of day (capability <c>lessonTimes</c>).</summary>
    public TimeSpan? Start { get; init; }

    /// <summary>End time of day (capability <c>lessonTimes</c>).</summary>
    public TimeSpan? End { get; init; }

    /// <summary>Kind of lesson.</summary>
    public LessonKind Kind { get; init; }

    /// <summary>Explicit "lesson held" mark; <see langword="false"/> means cancelled and excluded from every rule.</summary>
    public bool? Held { get; init; }

    /// <summary>When <see cref="Held"/> was set.</summary>
    public DateTimeOffset? HeldAt { get => CompactInstant.Get(_heldAtTicks, _heldAtOffset); init => _heldAtOffset = CompactInstant.Set(value, out _heldAtTicks); }

    /// <summary>Topic of the lesson.</summary>
    public string? Topic { get; init; }

    /// <summary>When the topic was entered (or first observed).</summary>
    public DateTimeOffset? TopicEnteredAt { get => CompactInstant.Get(_topicEnteredAtTicks, _topicEnteredAtOffset); init => _topicEnteredAtOffset = CompactInstant.Set(value, out _topicEnteredAtTicks); }

    /// <summary>The last time the topic was looked for and not seen.</summary>
    public DateTimeOffset? TopicEnteredAfter { get => CompactInstant.Get(_topicEnteredAfterTicks, _topicEnteredAfterOffset); init => _topicEnteredAfterOffset = CompactInstant.Set(value, out _topicEnteredAfterTicks); }

    /// <summary>Homework given.</summary>
    public string? Homework { get; init; }

    /// <summary>When the homework was entered (or first observed).</summary>
    public DateTimeOffset? HomeworkEnteredAt { get => CompactInstant.Get(_homeworkEnteredAtTicks, _homeworkEnteredAtOffset); init => _homeworkEnteredAtOffset = CompactInstant.Set(value, out _homeworkEnteredAtTicks); }

    /// <summary>The last time the homework was looked for and not seen.</summary>
    public DateTimeOffset? HomeworkEnteredAfter { get => CompactInstant.Get(_homeworkEnteredAfterTicks, _homeworkEnteredAfterOffset); init => _homeworkEnteredAfterOffset = CompactInstant.Set(value, out _homeworkEnteredAfterTicks); }

    /// <summary>Teacher's comment on the lesson.</summary>
    public string? Comment { get; init; }

    /// <summary>When the comment was entered.</summary>
    public DateTimeOffset? CommentEnteredAt { get => CompactInstant.Get(_commentEnteredAtTicks, _commentEnteredAtOffset); init => _commentEnteredAtOffset = CompactInstant.Set(value, out _commentEnteredAtTicks); }

    /// <summary>True unless the lesson is explicitly marked as not held.</summary>
    public bool IsHeld => Held != false;
}
