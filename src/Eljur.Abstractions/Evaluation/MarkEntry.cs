using System;
using Eljur.Abstractions.Model;

namespace Eljur.Abstractions.Evaluation;

/// <summary>
/// What the deadline rules read of one mark — its date, kind, subject and entry times — stored
/// compactly, side by side with the other marks' (<see cref="MarkEntryList"/>), so that a pass over a
/// million marks reads 48 bytes of each instead of the whole <see cref="Mark"/> record. Entry times are
/// kept as instants (UTC ticks); the mark itself keeps the offsets it was written with.
/// </summary>
public readonly struct MarkEntry
{
    private const byte EnteredAtFlag = 1;
    private const byte EnteredAfterFlag = 2;
    private const byte RevisedFlag = 4;
    private const byte CancelledLessonFlag = 8;

    private readonly long _enteredAtUtcTicks;
    private readonly long _enteredAfterUtcTicks;
    private readonly string? _id;
    private readonly string? _subjectId;
    private readonly string? _studentId;
    private readonly int _day;
    private readonly byte _kind;
    private readonly byte _flags;

    internal MarkEntry(Mark mark, bool lessonCancelled)
    {
        _day = (int)(mark.Date.Ticks / TimeSpan.TicksPerDay);
        _kind = (uint)mark.Kind <= byte.MaxValue - 1 ? (byte)mark.Kind : byte.MaxValue; // an undefined kind stays undefined
        _id = mark.Id;
        _subjectId = mark.SubjectId;
        _studentId = mark.StudentId;
        byte flags = 0;
        if (mark.EnteredAt is { } at)
        {
            _enteredAtUtcTicks = at.UtcTicks;
            flags |= EnteredAtFlag;
        }

        if (mark.EnteredAfter is { } after)
        {
            _enteredAfterUtcTicks = after.UtcTicks;
            flags |= EnteredAfterFlag;
        }

        // Revisions are almost always the reader's empty array: test that without an interface call.
        var revisions = mark.Revisions;
        if (revisions is MarkRevision[] array ? array.Length > 0 : revisions.Count > 0)
        {
            flags |= RevisedFlag;
        }

        if (lessonCancelled)
        {
            flags |= CancelledLessonFlag;
        }

        _flags = flags;
    }

    /// <summary>The mark's date (<see cref="Mark.Date"/>).</summary>
    public DateTime Date => new(_day * TimeSpan.TicksPerDay);

    /// <summary>The mark's id (<see cref="Mark.Id"/>): a finding about the mark needs no other field of the record.</summary>
    public string Id => _id ?? "";

    /// <summary>The mark's student id (<see cref="Mark.StudentId"/>).</summary>
    public string StudentId => _studentId ?? "";

    /// <summary>The mark's subject id (<see cref="Mark.SubjectId"/>).</summary>
    public string SubjectId => _subjectId ?? "";

    /// <summary>The mark's kind.</summary>
    public MarkKind Kind => (MarkKind)(_kind == byte.MaxValue ? -1 : _kind);

    /// <summary>When the mark was entered or first observed, as an instant in UTC; null when unknown.</summary>
    public DateTimeOffset? EnteredAt => (_flags & EnteredAtFlag) != 0 ? new DateTimeOffset(_enteredAtUtcTicks, TimeSpan.Zero) : null;

    /// <summary>When the mark was last looked for and not seen, as an instant in UTC; null when its time is exact.</summary>
    public DateTimeOffset? EnteredAfter => (_flags & EnteredAfterFlag) != 0 ? new DateTimeOffset(_enteredAfterUtcTicks, TimeSpan.Zero) : null;

    /// <summary>Whether the mark has at least one revision.</summary>
    public bool IsRevised => (_flags & RevisedFlag) != 0;

    /// <summary>The date as whole days since 0001-01-01 (cheap to compare).</summary>
    internal int Day => _day;

    internal bool HasEnteredAt => (_flags & EnteredAtFlag) != 0;

    internal bool HasEnteredAfter => (_flags & EnteredAfterFlag) != 0;

    internal long EnteredAtUtcTicks => _enteredAtUtcTicks;

    internal long EnteredAfterUtcTicks => _enteredAfterUtcTicks;

    /// <summary>Whether the mark's lesson is in the snapshot and marked not held (such marks are out of scope).</summary>
    internal bool LessonCancelled => (_flags & CancelledLessonFlag) != 0;
}
