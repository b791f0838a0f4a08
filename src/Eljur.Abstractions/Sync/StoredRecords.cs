using System;
using System.Collections.Generic;
using Eljur.Abstractions.Model;

namespace Eljur.Abstractions.Sync;

/// <summary>
/// A lesson as the store keeps it: the vendor's record without observed times (<see cref="Payload"/>,
/// see <see cref="SyncRecordJson"/>) and the observed bounds of its topic and homework.
/// </summary>
public sealed record StoredLesson
{
    /// <summary>Lesson id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Lesson date (school-local).</summary>
    public DateTime Date { get; init; }

    /// <summary>
    /// The lesson as last seen, in <see cref="SyncRecordJson"/> form, observed times stripped. Empty in
    /// records a store's session loads for comparison ("not loaded"); saving a record with an empty
    /// payload keeps the stored one.
    /// </summary>
    public string Payload { get; init; } = "";

    /// <summary><see cref="SyncRecordJson.LessonHash"/> of the lesson as last seen.</summary>
    public long Hash { get; init; }

    /// <summary>When the current topic was first seen (or the vendor's exact time); null without a topic.</summary>
    public DateTimeOffset? TopicEnteredAt { get; init; }

    /// <summary>The last time the topic was looked for and not seen; null for exact vendor times.</summary>
    public DateTimeOffset? TopicEnteredAfter { get; init; }

    /// <summary>When the current homework was first seen (or the vendor's exact time); null without homework.</summary>
    public DateTimeOffset? HomeworkEnteredAt { get; init; }

    /// <summary>The last time the homework was looked for and not seen; null for exact vendor times.</summary>
    public DateTimeOffset? HomeworkEnteredAfter { get; init; }

    /// <summary>When the lesson itself was first seen.</summary>
    public DateTimeOffset FirstSeenAt { get; init; }

    /// <summary>When the lesson was first seen missing; null while present.</summary>
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>The last sync that still saw it started at this time.</summary>
    public DateTimeOffset? DeletedAfter { get; init; }

    /// <summary>True once the vendor no longer shows the lesson.</summary>
    public bool IsDeleted => DeletedAt is not null;
}

/// <summary>A mark as the store keeps it: the vendor's record, its observed entry bounds and value history.</summary>
public sealed record StoredMark
{
    /// <summary>Mark id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Mark date (school-local).</summary>
    public DateTime Date { get; init; }

    /// <summary>Current value.</summary>
    public string Value { get; init; } = "";

    /// <summary>The mark as last seen, in <see cref="SyncRecordJson"/> form, observed times and revisions stripped; empty when not loaded (see <see cref="StoredLesson.Payload"/>).</summary>
    public string Payload { get; init; } = "";

    /// <summary><see cref="SyncRecordJson.MarkHash"/> of the mark as last seen.</summary>
    public long Hash { get; init; }

    /// <summary>When first seen (or the vendor's exact time).</summary>
    public DateTimeOffset? EnteredAt { get; init; }

    /// <summary>The last time it was looked for and not seen; null for exact vendor times.</summary>
    public DateTimeOffset? EnteredAfter { get; init; }

    /// <summary>Value changes, oldest first: polled ones carry <see cref="MarkRevision.After"/>.</summary>
    public IReadOnlyList<MarkRevision> Revisions { get; init; } = Array.Empty<MarkRevision>();

    /// <summary>When the mark was first seen.</summary>
    public DateTimeOffset FirstSeenAt { get; init; }

    /// <summary>When the mark was first seen missing; null while present.</summary>
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>The last sync that still saw it started at this time.</summary>
    public DateTimeOffset? DeletedAfter { get; init; }

    /// <summary>True once the vendor no longer shows the mark.</summary>
    public bool IsDeleted => DeletedAt is not null;
}

/// <summary>An absence as the store keeps it.</summary>
public sealed record StoredAbsence
{
    /// <summary>Lesson id.</summary>
    public string LessonId { get; init; } = "";

    /// <summary>Student id.</summary>
    public string StudentId { get; init; } = "";

    /// <summary>The lesson's date (school-local).</summary>
    public DateTime Date { get; init; }

    /// <summary>The absence as last seen, in <see cref="SyncRecordJson"/> form, observed times stripped; empty when not loaded (see <see cref="StoredLesson.Payload"/>).</summary>
    public string Payload { get; init; } = "";

    /// <summary><see cref="SyncRecordJson.AbsenceHash"/> of the absence as last seen.</summary>
    public long Hash { get; init; }

    /// <summary>When first seen (or the vendor's exact time).</summary>
    public DateTimeOffset? EnteredAt { get; init; }

    /// <summary>The last time it was looked for and not seen; null for exact vendor times.</summary>
    public DateTimeOffset? EnteredAfter { get; init; }

    /// <summary>When the absence was first seen.</summary>
    public DateTimeOffset FirstSeenAt { get; init; }

    /// <summary>When the absence was first seen missing; null while present.</summary>
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>The last sync that still saw it started at this time.</summary>
    public DateTimeOffset? DeletedAfter { get; init; }

    /// <summary>True once the vendor no longer shows the absence.</summary>
    public bool IsDeleted => DeletedAt is not null;

    /// <summary><c>lessonId:studentId</c>.</summary>
    public string Key => LessonId + ":" + StudentId;
}

/// <summary>What a store holds for one school over a range.</summary>
public sealed record StoredState
{
    /// <summary>The school's reference data as a snapshot document without lessons, absences and marks; null before the first sync.</summary>
    public string? Reference { get; init; }

    /// <summary>The school's successful sync runs, oldest first.</summary>
    public IReadOnlyList<SyncRun> Runs { get; init; } = Array.Empty<SyncRun>();

    /// <summary>Lessons dated in the range, deleted ones included.</summary>
    public IReadOnlyList<StoredLesson> Lessons { get; init; } = Array.Empty<StoredLesson>();

    /// <summary>Marks dated in the range, deleted ones included.</summary>
    public IReadOnlyList<StoredMark> Marks { get; init; } = Array.Empty<StoredMark>();

    /// <summary>Absences whose lesson is dated in the range, deleted ones included.</summary>
    public IReadOnlyList<StoredAbsence> Absences { get; init; } = Array.Empty<StoredAbsence>();
}

/// <summary>One sync run in the store's log.</summary>
public sealed record SyncRun
{
    /// <summary>Id assigned by the store (increasing); 0 before it is stored.</summary>
    public long Id { get; init; }

    /// <summary>School id; empty when the run failed before the school was known.</summary>
    public string SchoolId { get; init; } = "";

    /// <summary>Connector id.</summary>
    public string Connector { get; init; } = "";

    /// <summary>Vendor or school identifier at the source, when known.</summary>
    public string? Instance { get; init; }

    /// <summary>First date synced (inclusive).</summary>
    public DateTime From { get; init; }

    /// <summary>Last date synced (inclusive).</summary>
    public DateTime To { get; init; }

    /// <summary>When the fetch started: the lower bound (<c>enteredAfter</c>) for what the next sync sees first.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When the fetch completed: the upper bound (<c>enteredAt</c>) for what this sync saw first; null when it never completed.</summary>
    public DateTimeOffset? ObservedAt { get; init; }

    /// <summary>When the run ended.</summary>
    public DateTimeOffset FinishedAt { get; init; }

    /// <summary>True when the run committed.</summary>
    public bool Succeeded { get; init; }

    /// <summary>The source's declared capabilities.</summary>
    public IReadOnlyList<string> Capabilities { get; init; } = Array.Empty<string>();

    /// <summary>What the run changed.</summary>
    public SyncCounts Counts { get; init; } = new();

    /// <summary>Why the run failed, with no secret in it.</summary>
    public string? Error { get; init; }
}

/// <summary>What one sync changed in the store.</summary>
public sealed record SyncCounts
{
    /// <summary>Lessons seen for the first time.</summary>
    public int LessonsAdded { get; init; }

    /// <summary>Lessons whose record changed (other than topic or homework appearing).</summary>
    public int LessonsChanged { get; init; }

    /// <summary>Lessons no longer shown.</summary>
    public int LessonsDeleted { get; init; }

    /// <summary>Topics seen for the first time (on new or known lessons).</summary>
    public int TopicsAdded { get; init; }

    /// <summary>Homework seen for the first time (on new or known lessons).</summary>
    public int HomeworkAdded { get; init; }

    /// <summary>Marks seen for the first time.</summary>
    public int MarksAdded { get; init; }

    /// <summary>Revisions recorded (value changes).</summary>
    public int MarksRevised { get; init; }

    /// <summary>Marks whose record changed in other fields than the value.</summary>
    public int MarksChanged { get; init; }

    /// <summary>Marks no longer shown.</summary>
    public int MarksDeleted { get; init; }

    /// <summary>Absences seen for the first time.</summary>
    public int AbsencesAdded { get; init; }

    /// <summary>Absences whose record changed.</summary>
    public int AbsencesChanged { get; init; }

    /// <summary>Absences no longer shown.</summary>
    public int AbsencesDeleted { get; init; }

    /// <summary>Records seen unchanged.</summary>
    public int Unchanged { get; init; }

    /// <summary>Records outside the requested range that the source returned and the sync ignored.</summary>
    public int OutOfRange { get; init; }

    /// <summary>True when the run wrote no record change.</summary>
    public bool IsEmpty =>
        LessonsAdded + LessonsChanged + LessonsDeleted + TopicsAdded + HomeworkAdded + MarksAdded + MarksRevised +
        MarksChanged + MarksDeleted + AbsencesAdded + AbsencesChanged + AbsencesDeleted == 0;
}
