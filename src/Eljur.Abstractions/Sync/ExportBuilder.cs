using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;
using Eljur.Abstractions.Time;

namespace Eljur.Abstractions.Sync;

/// <summary>
/// Builds the snapshot of an export from a store's rows: each record once, from its payload and its
/// stored times in the school's time (<see cref="SyncPayloadReader"/>; Json.NET only for a payload of a
/// shape the fast reader does not know), then sorted by date and id. Fed either row by row by an
/// <see cref="IGradebookRowSource"/> or from a <see cref="StoredState"/>; both give the same snapshot.
/// </summary>
internal sealed class ExportBuilder : IGradebookRowSink
{
    private const int CancellationInterval = 1 << 14;

    private readonly string _schoolId;
    private readonly DateTime _from;
    private readonly DateTime _to;
    private readonly CancellationToken _cancellationToken;
    private readonly SyncPayloadReader _payloads = new();
    private readonly List<Dated<Lesson>> _lessons = new();
    private readonly List<Dated<Mark>> _marks = new();
    private readonly List<Dated<Absence>> _absences = new();
    private GradebookSnapshot? _reference;
    private SchoolClock? _clock;
    private SyncRun? _latest;
    private int _untilCancellationCheck = CancellationInterval;
    private byte[] _utf8 = new byte[1024];

    public ExportBuilder(string schoolId, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        _schoolId = schoolId;
        _from = from.Date;
        _to = to.Date;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Builds the whole export from a state read by <see cref="IGradebookStore.ReadAsync"/>: each payload as UTF-8, as a row source would pass it.</summary>
    public static GradebookSnapshot FromState(StoredState state, string schoolId, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var builder = new ExportBuilder(schoolId, from, to, cancellationToken);
        builder.Begin(state);
        foreach (var l in state.Lessons)
        {
            if (builder.Keeps(l.IsDeleted, l.Date))
            {
                builder.Lesson(l.Date, builder.Utf8(l.Payload), l.TopicEnteredAt, l.TopicEnteredAfter, l.HomeworkEnteredAt, l.HomeworkEnteredAfter);
            }
        }

        foreach (var a in state.Absences)
        {
            if (builder.Keeps(a.IsDeleted, a.Date))
            {
                builder.Absence(a.Date, builder.Utf8(a.Payload), a.EnteredAt, a.EnteredAfter);
            }
        }

        foreach (var m in state.Marks)
        {
            if (builder.Keeps(m.IsDeleted, m.Date))
            {
                builder.Mark(m.Date, builder.Utf8(m.Payload), m.EnteredAt, m.EnteredAfter, m.Revisions);
            }
        }

        return builder.Build();
    }

    /// <inheritdoc/>
    public void Begin(StoredState header)
    {
        if (string.IsNullOrEmpty(header.Reference) || header.Runs.Count == 0)
        {
            throw new GradebookStoreException($"The store has no successful sync of school \"{_schoolId}\".");
        }

        _reference = SnapshotReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(header.Reference!)), "store:" + _schoolId, _cancellationToken);
        _clock = new SchoolClock(SchoolTimeZone.Resolve(_reference.School.TimeZone), _reference.School.WorkWeek is 6 ? 6 : 5, ProductionCalendar.Russia);
        _latest = header.Runs[header.Runs.Count - 1];
    }

    /// <inheritdoc/>
    public void Lesson(DateTime date, ReadOnlySpan<byte> payload, DateTimeOffset? topicEnteredAt, DateTimeOffset? topicEnteredAfter, DateTimeOffset? homeworkEnteredAt, DateTimeOffset? homeworkEnteredAfter)
    {
        Tick();
        var (topicAt, topicAfter, homeworkAt, homeworkAfter) = (Local(topicEnteredAt), Local(topicEnteredAfter), Local(homeworkEnteredAt), Local(homeworkEnteredAfter));
        var lesson = _payloads.Lesson(payload, topicAt, topicAfter, homeworkAt, homeworkAfter)
            ?? General<Lesson>(Encoding.UTF8.GetString(payload.ToArray())) with
            {
                TopicEnteredAt = topicAt,
                TopicEnteredAfter = topicAfter,
                HomeworkEnteredAt = homeworkAt,
                HomeworkEnteredAfter = homeworkAfter,
            };
        _lessons.Add(new Dated<Lesson>(date, lesson));
    }

    /// <inheritdoc/>
    public void Mark(DateTime date, ReadOnlySpan<byte> payload, DateTimeOffset? enteredAt, DateTimeOffset? enteredAfter, ReadOnlySpan<byte> revisions) =>
        Mark(date, payload, enteredAt, enteredAfter, revisions.IsEmpty ? Array.Empty<MarkRevision>() : SyncRecordJson.ReadRevisions(Encoding.UTF8.GetString(revisions.ToArray())));

    /// <inheritdoc/>
    public void Absence(DateTime date, ReadOnlySpan<byte> payload, DateTimeOffset? enteredAt, DateTimeOffset? enteredAfter)
    {
        Tick();
        var (at, after) = (Local(enteredAt), Local(enteredAfter));
        var absence = _payloads.Absence(payload, at, after)
            ?? General<Absence>(Encoding.UTF8.GetString(payload.ToArray())) with { EnteredAt = at, EnteredAfter = after };
        _absences.Add(new Dated<Absence>(date, absence));
    }

    /// <summary>The snapshot: the reference with the latest run's source, and the records in the order of date and id.</summary>
    public GradebookSnapshot Build()
    {
        if (_reference is null || _latest is null)
        {
            throw new InvalidOperationException("The store never passed the school's reference (IGradebookRowSink.Begin).");
        }

        _cancellationToken.ThrowIfCancellationRequested();
        var capabilities = new CapabilitySet(_latest.Capabilities.Concat(new[] { Capability.EntryTimes, Capability.Revisions })).Names;
        return _reference with
        {
            Source = _reference.Source with
            {
                Connector = _latest.Connector,
                Instance = _latest.Instance,
                FetchedAt = Local(_latest.ObservedAt ?? _latest.FinishedAt)!.Value,
                From = _from,
                To = _to,
                Capabilities = capabilities,
            },
            Lessons = Sorted(_lessons, static (a, b) => string.CompareOrdinal(a.Id, b.Id)),
            Absences = Sorted(_absences, static (a, b) => string.CompareOrdinal(a.LessonId, b.LessonId) is var c && c != 0 ? c : string.CompareOrdinal(a.StudentId, b.StudentId)),
            Marks = Sorted(_marks, static (a, b) => string.CompareOrdinal(a.Id, b.Id)),
        };
    }

    private static T General<T>(string payload)
        where T : class => SyncRecordJson.Read<T>(payload);

    /// <summary>The records in the order of their stored date, then of <paramref name="sameDay"/> (keys are unique: the sort needs no stability).</summary>
    private static List<T> Sorted<T>(List<Dated<T>> records, Comparison<T> sameDay)
    {
        records.Sort((a, b) => a.Day != b.Day ? a.Day.CompareTo(b.Day) : sameDay(a.Record, b.Record));
        var list = new List<T>(records.Count);
        foreach (var r in records)
        {
            list.Add(r.Record);
        }

        return list;
    }

    private bool Keeps(bool deleted, DateTime date) => !deleted && date >= _from && date <= _to;

    private void Mark(DateTime date, ReadOnlySpan<byte> payload, DateTimeOffset? enteredAt, DateTimeOffset? enteredAfter, IReadOnlyList<MarkRevision> revisions)
    {
        Tick();
        var localRevisions = LocalRevisions(revisions);
        var (at, after) = (Local(enteredAt), Local(enteredAfter));
        var mark = _payloads.Mark(payload, at, after, localRevisions)
            ?? General<Mark>(Encoding.UTF8.GetString(payload.ToArray())) with { EnteredAt = at, EnteredAfter = after, Revisions = localRevisions };
        _marks.Add(new Dated<Mark>(date, mark));
    }

    /// <summary>A stored payload's UTF-8 bytes, in a buffer reused from record to record.</summary>
    private ReadOnlySpan<byte> Utf8(string payload)
    {
        var max = Encoding.UTF8.GetMaxByteCount(payload.Length);
        if (_utf8.Length < max)
        {
            _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        }

        return new ReadOnlySpan<byte>(_utf8, 0, Encoding.UTF8.GetBytes(payload, 0, payload.Length, _utf8, 0));
    }

    private IReadOnlyList<MarkRevision> LocalRevisions(IReadOnlyList<MarkRevision> revisions) =>
        revisions.Count == 0
            ? Array.Empty<MarkRevision>()
            : revisions.Select(r => r with { At = Local(r.At)!.Value, After = Local(r.After) }).ToList();

    private DateTimeOffset? Local(DateTimeOffset? t) => t is { } v ? Clock.ToSchoolTime(v) : null;

    private SchoolClock Clock => _clock!;

    /// <summary>At the start of every row: the reference must have come first; cancellation is checked now and then.</summary>
    private void Tick()
    {
        if (_reference is null)
        {
            throw new InvalidOperationException("The store passed rows without the school's reference first.");
        }

        if (--_untilCancellationCheck == 0)
        {
            _untilCancellationCheck = CancellationInterval;
            _cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>A record with its stored date, as a whole day number for the sort.</summary>
    private readonly struct Dated<T>
    {
        public Dated(DateTime date, T record)
        {
            Day = (int)(date.Ticks / TimeSpan.TicksPerDay);
            Record = record;
        }

        public int Day { get; }

        public T Record { get; }
    }
}
