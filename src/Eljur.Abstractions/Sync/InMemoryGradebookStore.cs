using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Eljur.Abstractions.Sync;

/// <summary>
/// A store kept in memory, for tests and short-lived tools. A session works on a copy of the data
/// that replaces the committed state on commit; one session at a time.
/// </summary>
public sealed class InMemoryGradebookStore : IGradebookStore
{
    private readonly object _gate = new();
    private Data _committed = new();
    private bool _locked;
    private long _nextRunId = 1;

    /// <inheritdoc/>
    public Task<IGradebookStoreSession> BeginSyncAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_locked)
            {
                throw new GradebookStoreLockedException("The in-memory store is already being synced.");
            }

            _locked = true;
            return Task.FromResult<IGradebookStoreSession>(new Session(this, _committed.Copy()));
        }
    }

    /// <inheritdoc/>
    public Task<StoredState> ReadAsync(string schoolId, DateTime from, DateTime to, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_committed.State(schoolId, from, to));
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>> GetSchoolIdsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<string>>(_committed.Schools.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList());
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<SyncRun>> GetRunsAsync(string? schoolId = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<SyncRun>>(_committed.Runs.Where(r => schoolId is null || r.SchoolId == schoolId).ToList());
        }
    }

    /// <inheritdoc/>
    public Task<SyncRun> RecordFailedRunAsync(SyncRun run, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var stored = (run ?? throw new ArgumentNullException(nameof(run))) with { Id = _nextRunId++, Succeeded = false };
            _committed.Runs.Add(stored);
            return Task.FromResult(stored);
        }
    }

    /// <summary>One school's records.</summary>
    private sealed class SchoolData
    {
        public string? Reference;
        public Dictionary<string, StoredLesson> Lessons = new(StringComparer.Ordinal);
        public Dictionary<string, StoredMark> Marks = new(StringComparer.Ordinal);
        public Dictionary<string, StoredAbsence> Absences = new(StringComparer.Ordinal);

        public SchoolData Copy() => new()
        {
            Reference = Reference,
            Lessons = new Dictionary<string, StoredLesson>(Lessons, StringComparer.Ordinal),
            Marks = new Dictionary<string, StoredMark>(Marks, StringComparer.Ordinal),
            Absences = new Dictionary<string, StoredAbsence>(Absences, StringComparer.Ordinal),
        };
    }

    /// <summary>Everything the store holds; records are immutable, so copies share them.</summary>
    private sealed class Data
    {
        public Dictionary<string, SchoolData> Schools = new(StringComparer.Ordinal);
        public List<SyncRun> Runs = new();

        public Data Copy() => new()
        {
            Schools = Schools.ToDictionary(p => p.Key, p => p.Value.Copy(), StringComparer.Ordinal),
            Runs = new List<SyncRun>(Runs),
        };

        public SchoolData School(string id)
        {
            if (!Schools.TryGetValue(id, out var school))
            {
                Schools[id] = school = new SchoolData();
            }

            return school;
        }

        public StoredState State(string schoolId, DateTime from, DateTime to)
        {
            from = from.Date;
            to = to.Date;
            var runs = Runs.Where(r => r.Succeeded && r.SchoolId == schoolId).ToList();
            if (!Schools.TryGetValue(schoolId, out var school))
            {
                return new StoredState { Runs = runs };
            }

            return new StoredState
            {
                Reference = school.Reference,
                Runs = runs,
                Lessons = school.Lessons.Values.Where(l => l.Date >= from && l.Date <= to).ToList(),
                Marks = school.Marks.Values.Where(m => m.Date >= from && m.Date <= to).ToList(),
                Absences = school.Absences.Values.Where(a => a.Date >= from && a.Date <= to).ToList(),
            };
        }
    }

    private sealed class Session : IGradebookStoreSession
    {
        private readonly InMemoryGradebookStore _store;
        private readonly Data _data;
        private bool _done;

        public Session(InMemoryGradebookStore store, Data data)
        {
            _store = store;
            _data = data;
        }

        public Task<StoredState> LoadAsync(string schoolId, DateTime from, DateTime to, CancellationToken cancellationToken = default)
        {
            Check();
            return Task.FromResult(_data.State(schoolId, from, to));
        }

        public Task SaveReferenceAsync(string schoolId, string reference, CancellationToken cancellationToken = default)
        {
            Check();
            _data.School(schoolId).Reference = reference;
            return Task.CompletedTask;
        }

        public Task SaveLessonAsync(string schoolId, StoredLesson lesson, CancellationToken cancellationToken = default)
        {
            Check();
            var lessons = _data.School(schoolId).Lessons;
            lessons[lesson.Id] = lesson.Payload.Length == 0 && lessons.TryGetValue(lesson.Id, out var old) ? lesson with { Payload = old.Payload } : lesson;
            return Task.CompletedTask;
        }

        public Task SaveMarkAsync(string schoolId, StoredMark mark, CancellationToken cancellationToken = default)
        {
            Check();
            var marks = _data.School(schoolId).Marks;
            marks[mark.Id] = mark.Payload.Length == 0 && marks.TryGetValue(mark.Id, out var old) ? mark with { Payload = old.Payload } : mark;
            return Task.CompletedTask;
        }

        public Task SaveAbsenceAsync(string schoolId, StoredAbsence absence, CancellationToken cancellationToken = default)
        {
            Check();
            var absences = _data.School(schoolId).Absences;
            absences[absence.Key] = absence.Payload.Length == 0 && absences.TryGetValue(absence.Key, out var old) ? absence with { Payload = old.Payload } : absence;
            return Task.CompletedTask;
        }

        public Task<SyncRun> CommitAsync(SyncRun run, CancellationToken cancellationToken = default)
        {
            Check();
            cancellationToken.ThrowIfCancellationRequested();
            lock (_store._gate)
            {
                var stored = run with { Id = _store._nextRunId++ };
                _data.School(run.SchoolId);
                _data.Runs.Add(stored);
                _data.Runs.AddRange(_store._committed.Runs.Where(r => !r.Succeeded && !_data.Runs.Contains(r)));
                _data.Runs.Sort((a, b) => a.Id.CompareTo(b.Id));
                _store._committed = _data;
                _done = true;
                _store._locked = false;
                return Task.FromResult(stored);
            }
        }

        public void Dispose()
        {
            if (_done)
            {
                return;
            }

            _done = true;
            lock (_store._gate)
            {
                _store._locked = false;
            }
        }

        private void Check()
        {
            if (_done)
            {
                throw new ObjectDisposedException(nameof(IGradebookStoreSession), "The sync session has ended.");
            }
        }
    }
}
