using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Sync;

namespace Eljur.Abstractions.Tests.Sync;

/// <summary>A mock vendor: returns the next scripted state on every fetch (the last one repeats).</summary>
public sealed class ScriptedConnector : IGradebookConnector
{
    private readonly Queue<Func<FetchRequest, GradebookSnapshot>> _script = new();
    private Func<FetchRequest, GradebookSnapshot>? _last;

    public string Id => "scripted";

    public IReadOnlyList<string> Capabilities { get; set; } = new[] { Capability.Lessons, Capability.Topics, Capability.Homework, Capability.Marks, Capability.Absences };

    public int Fetches { get; private set; }

    public ScriptedConnector Then(GradebookSnapshot snapshot) => Then(_ => snapshot);

    public ScriptedConnector Then(Func<FetchRequest, GradebookSnapshot> step)
    {
        _script.Enqueue(step);
        return this;
    }

    public Task<GradebookSnapshot> FetchAsync(FetchRequest request, IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Fetches++;
        if (_script.Count > 0)
        {
            _last = _script.Dequeue();
        }

        var snapshot = (_last ?? throw new InvalidOperationException("Nothing scripted."))(request);
        return Task.FromResult(snapshot with { Source = snapshot.Source with { From = request.From, To = request.To } });
    }
}

/// <summary>
/// Wraps a store and shows only <see cref="IGradebookStore"/>, every call passed on: an export through it
/// takes the general path (<see cref="IGradebookStore.ReadAsync"/>) even when the store could pass its rows
/// straight on. Test stores derive from it and change what they test.
/// </summary>
public class StateOnlyStore : IGradebookStore
{
    public StateOnlyStore(IGradebookStore inner) => Inner = inner;

    protected IGradebookStore Inner { get; }

    public virtual Task<IGradebookStoreSession> BeginSyncAsync(CancellationToken cancellationToken = default) => Inner.BeginSyncAsync(cancellationToken);

    public virtual Task<StoredState> ReadAsync(string schoolId, DateTime from, DateTime to, CancellationToken cancellationToken = default) =>
        Inner.ReadAsync(schoolId, from, to, cancellationToken);

    public Task<IReadOnlyList<string>> GetSchoolIdsAsync(CancellationToken cancellationToken = default) => Inner.GetSchoolIdsAsync(cancellationToken);

    public Task<IReadOnlyList<SyncRun>> GetRunsAsync(string? schoolId = null, CancellationToken cancellationToken = default) => Inner.GetRunsAsync(schoolId, cancellationToken);

    public Task<SyncRun> RecordFailedRunAsync(SyncRun run, CancellationToken cancellationToken = default) => Inner.RecordFailedRunAsync(run, cancellationToken);
}

/// <summary>Wraps a store and fails the N+1-th record write of a session, as a sync killed half-way.</summary>
public sealed class FaultyStore : StateOnlyStore
{
    public FaultyStore(IGradebookStore inner, int failAfterWrites)
        : base(inner)
    {
        FailAfterWrites = failAfterWrites;
    }

    public int FailAfterWrites { get; set; }

    public int Writes { get; private set; }

    public override async Task<IGradebookStoreSession> BeginSyncAsync(CancellationToken cancellationToken = default) =>
        new Session(this, await Inner.BeginSyncAsync(cancellationToken));

    private sealed class Session : IGradebookStoreSession
    {
        private readonly FaultyStore _owner;
        private readonly IGradebookStoreSession _inner;

        public Session(FaultyStore owner, IGradebookStoreSession inner)
        {
            _owner = owner;
            _inner = inner;
        }

        public Task<StoredState> LoadAsync(string schoolId, DateTime from, DateTime to, CancellationToken cancellationToken = default) => _inner.LoadAsync(schoolId, from, to, cancellationToken);

        public Task SaveReferenceAsync(string schoolId, string reference, CancellationToken cancellationToken = default) => _inner.SaveReferenceAsync(schoolId, reference, cancellationToken);

        public Task SaveLessonAsync(string schoolId, StoredLesson lesson, CancellationToken cancellationToken = default) { Tick(); return _inner.SaveLessonAsync(schoolId, lesson, cancellationToken); }

        public Task SaveMarkAsync(string schoolId, StoredMark mark, CancellationToken cancellationToken = default) { Tick(); return _inner.SaveMarkAsync(schoolId, mark, cancellationToken); }

        public Task SaveAbsenceAsync(string schoolId, StoredAbsence absence, CancellationToken cancellationToken = default) { Tick(); return _inner.SaveAbsenceAsync(schoolId, absence, cancellationToken); }

        public Task<SyncRun> CommitAsync(SyncRun run, CancellationToken cancellationToken = default) => _inner.CommitAsync(run, cancellationToken);

        public void Dispose() => _inner.Dispose();

        private void Tick()
        {
            if (_owner.Writes++ >= _owner.FailAfterWrites)
            {
                throw new System.IO.IOException($"Injected fault after {_owner.FailAfterWrites} records.");
            }
        }
    }
}

/// <summary>Builds small school states.</summary>
public static class SyncData
{
    public const string Zone = "Asia/Yekaterinburg"; // +05:00

    public static readonly DateTime From = new(2024, 9, 1);
    public static readonly DateTime To = new(2025, 5, 31);

    public static FetchRequest Range => new() { From = From, To = To };

    public static Lesson Lesson(string id, DateTime date, string? topic = null, string? homework = null, string subject = "math") => new()
    {
        Id = id, ClassId = "c9a", SubjectId = subject, TeacherId = "t1", Date = date, Kind = LessonKind.Regular, Topic = topic, Homework = homework,
    };

    public static Mark Mark(string id, DateTime date, string value, string? lessonId = null, MarkKind kind = MarkKind.Current, string subject = "math") => new()
    {
        Id = id, StudentId = "s1", SubjectId = subject, LessonId = lessonId, Date = date, Kind = kind, Value = value,
    };

    public static Absence Absence(string lessonId, string studentId = "s2") => new() { LessonId = lessonId, StudentId = studentId, Reason = AbsenceReason.Unknown };

    public static GradebookSnapshot School(IEnumerable<Lesson>? lessons = null, IEnumerable<Mark>? marks = null, IEnumerable<Absence>? absences = null, params string[] extraCapabilities) => new()
    {
        Source = new SnapshotSource
        {
            Connector = "scripted",
            Instance = "school-1",
            FetchedAt = new DateTimeOffset(2024, 10, 1, 0, 0, 0, TimeSpan.Zero),
            Capabilities = new[] { Capability.Lessons, Capability.Topics, Capability.Homework, Capability.Marks, Capability.Absences, Capability.Periods }.Concat(extraCapabilities).ToList(),
        },
        School = new School { Id = "school-1", Name = "Лицей № 1", TimeZone = Zone, WorkWeek = 5 },
        Periods = new[]
        {
            new Period { Id = "q1", Name = "1 четверть", Kind = PeriodKind.Quarter, Start = new DateTime(2024, 9, 2), End = new DateTime(2024, 10, 25) },
            new Period { Id = "q2", Name = "2 четверть", Kind = PeriodKind.Quarter, Start = new DateTime(2024, 11, 5), End = new DateTime(2024, 12, 28) },
        },
        Subjects = new[] { new Subject { Id = "math", Name = "Математика" }, new Subject { Id = "rus", Name = "Русский язык" } },
        Staff = new[] { new StaffMember { Id = "t1", Name = "Иванова Анна Петровна", Roles = new[] { StaffRole.Teacher } } },
        Classes = new[] { new SchoolClass { Id = "c9a", Name = "9А", Grade = 9, HomeroomTeacherId = "t1" } },
        Students = new[]
        {
            new Student { Id = "s1", Name = "Петров Пётр", ClassId = "c9a", EnrolledOn = new DateTime(2024, 9, 1) },
            new Student { Id = "s2", Name = "Сидорова Мария", ClassId = "c9a", EnrolledOn = new DateTime(2024, 9, 1) },
        },
        Lessons = (lessons ?? Array.Empty<Lesson>()).ToList(),
        Marks = (marks ?? Array.Empty<Mark>()).ToList(),
        Absences = (absences ?? Array.Empty<Absence>()).ToList(),
    };

    /// <summary>A comparable dump of everything a store holds for the school (runs excluded).</summary>
    public static async Task<string> DumpAsync(IGradebookStore store, string schoolId = "school-1")
    {
        var state = await store.ReadAsync(schoolId, new DateTime(2000, 1, 1), new DateTime(2100, 1, 1));
        var lines = new List<string> { "reference " + state.Reference };
        lines.AddRange(state.Lessons.OrderBy(l => l.Id, StringComparer.Ordinal).Select(l => $"lesson {l.Id} {l.Date:yyyy-MM-dd} {l.Payload} {l.Hash} {l.TopicEnteredAt:o} {l.TopicEnteredAfter:o} {l.HomeworkEnteredAt:o} {l.HomeworkEnteredAfter:o} {l.FirstSeenAt:o} {l.DeletedAt:o} {l.DeletedAfter:o}"));
        lines.AddRange(state.Marks.OrderBy(m => m.Id, StringComparer.Ordinal).Select(m => $"mark {m.Id} {m.Date:yyyy-MM-dd} {m.Value} {m.Payload} {m.Hash} {m.EnteredAt:o} {m.EnteredAfter:o} {SyncRecordJson.Revisions(m.Revisions)} {m.FirstSeenAt:o} {m.DeletedAt:o} {m.DeletedAfter:o}"));
        lines.AddRange(state.Absences.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"absence {a.Key} {a.Date:yyyy-MM-dd} {a.Payload} {a.Hash} {a.EnteredAt:o} {a.EnteredAfter:o} {a.FirstSeenAt:o} {a.DeletedAt:o} {a.DeletedAfter:o}"));
        lines.Add("successful runs " + state.Runs.Count);
        return string.Join("\n", lines);
    }
}
