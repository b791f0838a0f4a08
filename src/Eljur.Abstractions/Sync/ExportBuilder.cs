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

    public ExportBuilder(string schoolId, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        _schoolId = schoolId;
        _from = from.Date;
        _to = to.Date;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Builds the whole export from a state read by <see cref="IGradebookStore.ReadAsync"/>: each payload read as a row source's would be.</summary>
    public static GradebookSnapshot FromState(StoredState state, string schoolId, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var builder = new ExportBuilder(schoolId, from, to, cancellationToken);
        builder.Begin(state);
        foreach (var l in state.Lessons)
        {
            if (builder.Keeps(l.IsDeleted, l.Date))
            {
                builder._payloads.Load(l.Payload);
                builder.AddLesson(l.Date, l.TopicEnteredAt, l.TopicEnteredAfter, l.HomeworkEnteredAt, l.HomeworkEnteredAfter);
            }
        }

        foreach (var a in state.Absences)
        {
            if (builder.Keeps(a.IsDeleted, a.Date))
            {
                builder._payloads.Load(a.Payload);
                builder.AddAbsence(a.Date, a.EnteredAt, a.EnteredAfter);
            }
        }

        foreach (var m in state.Marks)
        {
            if (builder.Keeps(m.IsDeleted, m.Date))
            {
                builder._payloads.Load(m.Payload);
                builder.AddMark(m.Date, m.EnteredAt, m.EnteredAfter, m.Revisions);
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
        _payloads.Load(payload);
        AddLesson(date, topicEnteredAt, topicEnteredAfter, homeworkEnteredAt, homeworkEnteredAfter);
    }

    /// <inheritdoc/>
    public void Mark(DateTime date, ReadOnlySpan<byte> payload, DateTimeOffset? enteredAt, DateTimeOffset? enteredAfter, ReadOnlySpan<byte> revisions)
    {
        _payloads.Load(payload);
        AddMark(date, enteredAt, enteredAfter, revisions.IsEmpty ? Array.Empty<MarkRevision>() : SyncRecordJson.ReadRevisions(Encoding.UTF8.GetString(revisions.ToArray())));
    }

    /// <inheritdoc/>
    public void Absence(DateTime date, ReadOnlySpan<byte> payload, DateTimeOffset? enteredAt, DateTimeOffset? enteredAfter)
    {
        _payloads.Load(payload);
        AddAbsence(date, enteredAt, enteredAfter);
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

    /// <summary>The loaded payload the general way (Json.NET), for a shape the fast reader does not know.</summary>
    private T General<T>()
        where T : class => SyncRecordJson.Read<T>(_payloads.Text);

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

    // Each record from the payload loaded into the reader, with its stored times in the school's zone.
    private void AddLesson(DateTime date, DateTimeOffset? topicEnteredAt, DateTimeOffset? topicEnteredAfter, DateTimeOffset? homeworkEnteredAt, DateTimeOffset? homeworkEnteredAfter)
    {
        Tick();
        var (topicAt, topicAfter, homeworkAt, homeworkAfter) = (Local(topicEnteredAt), Local(topicEnteredAfter), Local(homeworkEnteredAt), Local(homeworkEnteredAfter));
        var lesson = _payloads.Lesson(topicAt, topicAfter, homeworkAt, homeworkAfter)
            ?? General<Lesson>() with
            {
                TopicEnteredAt = topicAt,
                TopicEnteredAfter = topicAfter,
                HomeworkEnteredAt = homeworkAt,
                HomeworkEnteredAfter = homeworkAfter,
            };
        _lessons.Add(new Dated<Lesson>(date, lesson));
    }

    private void AddAbsence(DateTime date, DateTimeOffset? enteredAt, DateTimeOffset? enteredAfter)
    {
        Tick();
        var (at, after) = (Local(enteredAt), Local(enteredAfter));
        var absence = _payloads.Absence(at, after) ?? General<Absence>() with { EnteredAt = at, EnteredAfter = after };
        _absences.Add(new Dated<Absence>(date, absence));
    }

    private void AddMark(DateTime date, DateTimeOffset? enteredAt, DateTimeOffset? enteredAfter, IReadOnlyList<MarkRevision> revisions)
    {
        Tick();
        var localRevisions = LocalRevisions(revisions);
        var (at, after) = (Local(enteredAt), Local(enteredAfter));
        var mark = _payloads.Mark(at, after, localRevisions)
            ?? General<Mark>() with { EnteredAt = at, EnteredAfter = after, Revisions = localRevisions };
        _marks.Add(new Dated<Mark>(date, mark));
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
