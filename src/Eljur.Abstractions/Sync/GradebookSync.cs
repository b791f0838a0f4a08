using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;
using Eljur.Abstractions.Time;

namespace Eljur.Abstractions.Sync;

/// <summary>
/// Incremental sync: fetches the current state of a range from any connector, compares it with a
/// <see cref="IGradebookStore"/> and records what appeared, changed or disappeared with observed
/// bounds (see <em>Observed times</em> in <c>snapshot-format.md</c>), all in one store transaction.
/// </summary>
/// <remarks>
/// <para>Bounds: a record first seen by this sync gets <c>enteredAt</c> = the moment this sync's
/// fetch completed, and <c>enteredAfter</c> = the moment the previous successful sync covering the
/// record's date started its fetch (the record was not there at any moment of that fetch). A date
/// never covered by an earlier sync gets the start of the record's own date in the school's zone,
/// but never later than this sync's start.</para>
/// <para>Topics and homework: their bounds are set when they first appear on a lesson and kept when
/// the text is later edited (a correction does not make an entry late); when the text is removed
/// the bounds are cleared, so a later re-entry is observed afresh.</para>
/// <para>Marks: a changed value adds one revision <c>{at, after, from, to}</c> with the same bounds,
/// unless the source declares <c>revisions</c>, in which case the vendor's history is kept as given.
/// Exact vendor entry times (declared by <c>markEntryTimes</c>, … and non-null) are kept as given.</para>
/// <para>Deletions: a known record the source no longer shows within the synced range is kept and
/// marked deleted with the same kind of bounds; it is not exported. One that reappears is a new entry.</para>
/// </remarks>
public sealed class GradebookSync
{
    private readonly IGradebookStore _store;
    private readonly TimeProvider _time;

    /// <summary>Creates the engine.</summary>
    /// <param name="store">The store.</param>
    /// <param name="time">The clock that stamps observations.</param>
    public GradebookSync(IGradebookStore store, TimeProvider time)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>
    /// Runs one sync. Either every change is committed with the run, or nothing is (the failure is
    /// then logged as a failed run and rethrown).
    /// </summary>
    /// <param name="connector">The source.</param>
    /// <param name="request">The range to sync.</param>
    /// <param name="progress">Receives the connector's progress; may be null.</param>
    /// <param name="cancellationToken">Cancels the sync; nothing is committed.</param>
    /// <returns>The committed run with its counts.</returns>
    /// <exception cref="GradebookStoreLockedException">Another sync of the store is running.</exception>
    /// <exception cref="ArgumentException">The range is inverted, or the request filters classes.</exception>
    public async Task<SyncRun> SyncAsync(
        IGradebookConnector connector,
        FetchRequest request,
        IProgress<FetchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (connector is null)
        {
            throw new ArgumentNullException(nameof(connector));
        }

        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (request.Classes is { Count: > 0 })
        {
            throw new ArgumentException("A sync fetches every class: a class filter would make the other classes' records look deleted.", nameof(request));
        }

        if (request.To.Date < request.From.Date)
        {
            throw new ArgumentException($"The range ends ({request.To:yyyy-MM-dd}) before it starts ({request.From:yyyy-MM-dd}).", nameof(request));
        }

        var run = new SyncRun
        {
            Connector = connector.Id,
            From = request.From.Date,
            To = request.To.Date,
            StartedAt = _time.GetUtcNow(),
            Capabilities = connector.Capabilities,
        };

        // The lock is taken before the fetch, so two syncs never interleave their observations.
        using var session = await _store.BeginSyncAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var snapshot = await connector.FetchAsync(request, progress, cancellationToken).ConfigureAwait(false);
            run = run with
            {
                ObservedAt = _time.GetUtcNow(),
                SchoolId = snapshot.School.Id,
                Connector = string.IsNullOrEmpty(snapshot.Source.Connector) ? connector.Id : snapshot.Source.Connector,
                Instance = snapshot.Source.Instance,
                Capabilities = snapshot.Source.Capabilities,
            };
            var counts = await ApplyAsync(session, snapshot, run, cancellationToken).ConfigureAwait(false);
            run = run with { Counts = counts, Succeeded = true, FinishedAt = _time.GetUtcNow() };
            return await session.CommitAsync(run, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            session.Dispose();
            await RecordFailureAsync(run, ex).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Exports a snapshot of what the store holds for a range: records present at the last sync,
    /// with observed times, and the capabilities of the latest source plus <c>entryTimes</c> and
    /// <c>revisions</c>.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="schoolId">The school; null when the store holds exactly one.</param>
    /// <param name="from">First date (inclusive).</param>
    /// <param name="to">Last date (inclusive).</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="GradebookStoreException">The store is empty, holds several schools and none was named, or has no sync of the school.</exception>
    public static async Task<GradebookSnapshot> ExportAsync(
        IGradebookStore store,
        string? schoolId,
        DateTime from,
        DateTime to,
        CancellationToken cancellationToken = default)
    {
        if (store is null)
        {
            throw new ArgumentNullException(nameof(store));
        }

        if (schoolId is null)
        {
            var schools = await store.GetSchoolIdsAsync(cancellationToken).ConfigureAwait(false);
            schoolId = schools.Count switch
            {
                0 => throw new GradebookStoreException("The store holds no school yet: run a sync first."),
                1 => schools[0],
                _ => throw new GradebookStoreException("The store holds several schools (" + string.Join(", ", schools) + "): name one."),
            };
        }

        // A store that can pass its rows straight to the builder (payloads as UTF-8 bytes, no record
        // objects or payload strings in between) is read so; any other through ReadAsync. Same snapshot.
        if (store is IGradebookRowSource rows)
        {
            var builder = new ExportBuilder(schoolId, from, to, cancellationToken);
            await rows.ReadRowsAsync(schoolId, from.Date, to.Date, builder, cancellationToken).ConfigureAwait(false);
            return builder.Build();
        }

        var state = await store.ReadAsync(schoolId, from.Date, to.Date, cancellationToken).ConfigureAwait(false);
        return ExportBuilder.FromState(state, schoolId, from, to, cancellationToken);
    }

    /// <summary>The school record of the latest successful sync of a school, or null when there is none.</summary>
    /// <param name="store">The store.</param>
    /// <param name="schoolId">The school id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The school (id, name, time zone, work week) or null.</returns>
    public static async Task<School?> GetSchoolAsync(IGradebookStore store, string schoolId, CancellationToken cancellationToken = default)
    {
        if (store is null)
        {
            throw new ArgumentNullException(nameof(store));
        }

        var state = await store.ReadAsync(schoolId, DateTime.MaxValue.Date, DateTime.MaxValue.Date, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(state.Reference))
        {
            return null;
        }

        return SnapshotReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(state.Reference)), "store:" + schoolId, cancellationToken).School;
    }

    private static async Task<SyncCounts> ApplyAsync(IGradebookStoreSession session, GradebookSnapshot snapshot, SyncRun run, CancellationToken cancellationToken)
    {
        var schoolId = snapshot.School.Id;
        var state = await session.LoadAsync(schoolId, run.From, run.To, cancellationToken).ConfigureAwait(false);
        var observer = new Observer(snapshot, run, state.Runs);
        var counts = new Counter();

        var reference = ReferenceText(snapshot);
        if (!string.Equals(reference, state.Reference, StringComparison.Ordinal))
        {
            await session.SaveReferenceAsync(schoolId, reference, cancellationToken).ConfigureAwait(false);
        }

        // Lessons first: absences take their date from them.
        var lessonDates = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var stored in state.Lessons)
        {
            lessonDates[stored.Id] = stored.Date;
        }

        if (snapshot.Lessons is { } lessons)
        {
            var known = state.Lessons.ToDictionary(l => l.Id, StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var lesson in lessons)
            {
                lessonDates[lesson.Id] = lesson.Date.Date;
                if (!observer.InRange(lesson.Date))
                {
                    counts.OutOfRange++;
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                seen.Add(lesson.Id);
                known.TryGetValue(lesson.Id, out var old);
                var updated = observer.Lesson(lesson, old, counts);
                if (updated is not null)
                {
                    await session.SaveLessonAsync(schoolId, updated, cancellationToken).ConfigureAwait(false);
                }
            }

            foreach (var old in state.Lessons.Where(l => !l.IsDeleted && !seen.Contains(l.Id)))
            {
                counts.LessonsDeleted++;
                await session.SaveLessonAsync(schoolId, old with { DeletedAt = run.ObservedAt, DeletedAfter = observer.After(old.Date) }, cancellationToken).ConfigureAwait(false);
            }
        }

        if (snapshot.Marks is { } marks)
        {
            var known = state.Marks.ToDictionary(m => m.Id, StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var mark in marks)
            {
                if (!observer.InRange(mark.Date))
                {
                    counts.OutOfRange++;
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                seen.Add(mark.Id);
                known.TryGetValue(mark.Id, out var old);
                var updated = observer.Mark(mark, old, counts);
                if (updated is not null)
                {
                    await session.SaveMarkAsync(schoolId, updated, cancellationToken).ConfigureAwait(false);
                }
            }

            foreach (var old in state.Marks.Where(m => !m.IsDeleted && !seen.Contains(m.Id)))
            {
                counts.MarksDeleted++;
                await session.SaveMarkAsync(schoolId, old with { DeletedAt = run.ObservedAt, DeletedAfter = observer.After(old.Date) }, cancellationToken).ConfigureAwait(false);
            }
        }

        if (snapshot.Absences is { } absences)
        {
            var known = state.Absences.ToDictionary(a => a.Key, StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var absence in absences)
            {
                var date = lessonDates.TryGetValue(absence.LessonId, out var d) ? d : run.From;
                if (!observer.InRange(date))
                {
                    counts.OutOfRange++;
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                seen.Add(absence.Key);
                known.TryGetValue(absence.Key, out var old);
                var updated = observer.Absence(absence, date, old, counts);
                if (updated is not null)
                {
                    await session.SaveAbsenceAsync(schoolId, updated, cancellationToken).ConfigureAwait(false);
                }
            }

            foreach (var old in state.Absences.Where(a => !a.IsDeleted && !seen.Contains(a.Key)))
            {
                counts.AbsencesDeleted++;
                await session.SaveAbsenceAsync(schoolId, old with { DeletedAt = run.ObservedAt, DeletedAfter = observer.After(old.Date) }, cancellationToken).ConfigureAwait(false);
            }
        }

        return counts.ToCounts();
    }

    /// <summary>The snapshot without lessons, absences and marks, and without the per-fetch source fields.</summary>
    private static string ReferenceText(GradebookSnapshot snapshot)
    {
        var reference = snapshot with
        {
            Source = snapshot.Source with { FetchedAt = default, From = default, To = default },
            Lessons = null,
            Absences = null,
            Marks = null,
        };
        using var buffer = new MemoryStream();
        SnapshotWriter.Write(reference, buffer, indented: false);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private async Task RecordFailureAsync(SyncRun run, Exception ex)
    {
        var message = ex is OperationCanceledException ? "cancelled" : ex.GetType().Name + ": " + ex.Message;
        try
        {
            await _store.RecordFailedRunAsync(run with { Succeeded = false, FinishedAt = _time.GetUtcNow(), Error = message, Counts = new SyncCounts() }, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The original failure matters more than a failure to log it.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Best effort: the sync itself already failed and is rethrown.
        }
    }

    /// <summary>Decides the observed bounds of one sync.</summary>
    private sealed class Observer
    {
        private readonly SyncRun _run;
        private readonly DateTimeOffset _now;
        private readonly IReadOnlyList<SyncRun> _previous;
        private readonly TimeZoneInfo _zone;
        private readonly CapabilitySet _capabilities;
        private readonly Dictionary<DateTime, DateTimeOffset> _afterByDate = new();

        public Observer(GradebookSnapshot snapshot, SyncRun run, IReadOnlyList<SyncRun> previous)
        {
            _run = run;
            _now = run.ObservedAt ?? run.StartedAt;
            _previous = previous.Where(r => r.Succeeded).OrderBy(r => r.StartedAt).ToList();
            _zone = SchoolTimeZone.Resolve(snapshot.School.TimeZone);
            _capabilities = new CapabilitySet(snapshot.Source.Capabilities);
        }

        public bool InRange(DateTime date) => date.Date >= _run.From && date.Date <= _run.To;

        /// <summary>
        /// The lower bound for something first seen now on a record of <paramref name="date"/>: the start of
        /// the latest earlier successful sync that covered the date, else the start of the date (never after this sync's start).
        /// </summary>
        public DateTimeOffset After(DateTime date)
        {
            date = date.Date;
            if (_afterByDate.TryGetValue(date, out var cached))
            {
                return cached;
            }

            DateTimeOffset? after = null;
            for (var i = _previous.Count - 1; i >= 0; i--)
            {
                var run = _previous[i];
                if (run.From <= date && date <= run.To)
                {
                    after = run.StartedAt;
                    break;
                }
            }

            if (after is null)
            {
                var local = DateTime.SpecifyKind(date, DateTimeKind.Unspecified);
                var startOfDay = new DateTimeOffset(local, _zone.GetUtcOffset(local));
                after = startOfDay < _run.StartedAt ? startOfDay : _run.StartedAt;
            }

            _afterByDate[date] = after.Value;
            return after.Value;
        }

        public StoredLesson? Lesson(Lesson lesson, StoredLesson? old, Counter counts)
        {
            var hash = SyncRecordJson.LessonHash(lesson);
            var isNew = old is null || old.IsDeleted;
            var (topicAt, topicAfter) = Part(
                lesson.Topic, lesson.TopicEnteredAt, lesson.TopicEnteredAfter, Capability.TopicEntryTimes,
                isNew ? null : old!.TopicEnteredAt, isNew ? null : old!.TopicEnteredAfter, lesson.Date, out var topicAdded);
            var (homeworkAt, homeworkAfter) = Part(
                lesson.Homework, lesson.HomeworkEnteredAt, lesson.HomeworkEnteredAfter, Capability.HomeworkEntryTimes,
                isNew ? null : old!.HomeworkEnteredAt, isNew ? null : old!.HomeworkEnteredAfter, lesson.Date, out var homeworkAdded);
            if (topicAdded)
            {
                counts.TopicsAdded++;
            }

            if (homeworkAdded)
            {
                counts.HomeworkAdded++;
            }

            if (isNew)
            {
                counts.LessonsAdded++;
                return new StoredLesson
                {
                    Id = lesson.Id,
                    Date = lesson.Date.Date,
                    Payload = SyncRecordJson.Lesson(lesson),
                    Hash = hash,
                    TopicEnteredAt = topicAt,
                    TopicEnteredAfter = topicAfter,
                    HomeworkEnteredAt = homeworkAt,
                    HomeworkEnteredAfter = homeworkAfter,
                    FirstSeenAt = _now,
                };
            }

            var payloadChanged = hash != old!.Hash;
            if (!payloadChanged && topicAt == old.TopicEnteredAt && topicAfter == old.TopicEnteredAfter
                && homeworkAt == old.HomeworkEnteredAt && homeworkAfter == old.HomeworkEnteredAfter && lesson.Date.Date == old.Date)
            {
                counts.Unchanged++;
                return null;
            }

            if (payloadChanged && !topicAdded && !homeworkAdded)
            {
                counts.LessonsChanged++;
            }

            return old with
            {
                Date = lesson.Date.Date,
                Payload = payloadChanged ? SyncRecordJson.Lesson(lesson) : old.Payload,
                Hash = hash,
                TopicEnteredAt = topicAt,
                TopicEnteredAfter = topicAfter,
                HomeworkEnteredAt = homeworkAt,
                HomeworkEnteredAfter = homeworkAfter,
            };
        }

        public StoredMark? Mark(Mark mark, StoredMark? old, Counter counts)
        {
            var hash = SyncRecordJson.MarkHash(mark);
            var (at, after) = Entry(mark.EnteredAt, mark.EnteredAfter, Capability.MarkEntryTimes, old is { IsDeleted: false } ? old : null, o => (o.EnteredAt, o.EnteredAfter), mark.Date);
            var vendorRevisions = _capabilities.Has(Capability.Revisions);
            if (old is null || old.IsDeleted)
            {
                counts.MarksAdded++;
                return new StoredMark
                {
                    Id = mark.Id,
                    Date = mark.Date.Date,
                    Value = mark.Value,
                    Payload = SyncRecordJson.Mark(mark),
                    Hash = hash,
                    EnteredAt = at,
                    EnteredAfter = after,
                    Revisions = vendorRevisions ? mark.Revisions : Array.Empty<MarkRevision>(),
                    FirstSeenAt = _now,
                };
            }

            var revisions = old.Revisions;
            var valueChanged = !string.Equals(mark.Value, old.Value, StringComparison.Ordinal);
            if (vendorRevisions)
            {
                if (!SameRevisions(mark.Revisions, old.Revisions))
                {
                    revisions = mark.Revisions;
                    counts.MarksRevised++;
                }
            }
            else if (valueChanged)
            {
                revisions = old.Revisions.Concat(new[]
                {
                    new MarkRevision { At = _now, After = After(mark.Date), From = old.Value, To = mark.Value },
                }).ToList();
                counts.MarksRevised++;
            }

            var payloadChanged = hash != old.Hash;
            if (!payloadChanged && ReferenceEquals(revisions, old.Revisions) && at == old.EnteredAt && after == old.EnteredAfter && mark.Date.Date == old.Date)
            {
                counts.Unchanged++;
                return null;
            }

            if (payloadChanged && !valueChanged)
            {
                counts.MarksChanged++;
            }

            return old with
            {
                Date = mark.Date.Date,
                Value = mark.Value,
                Payload = payloadChanged ? SyncRecordJson.Mark(mark) : old.Payload,
                Hash = hash,
                EnteredAt = at,
                EnteredAfter = after,
                Revisions = revisions,
            };
        }

        public StoredAbsence? Absence(Absence absence, DateTime date, StoredAbsence? old, Counter counts)
        {
            var hash = SyncRecordJson.AbsenceHash(absence);
            var (at, after) = Entry(absence.EnteredAt, absence.EnteredAfter, Capability.AbsenceEntryTimes, old is { IsDeleted: false } ? old : null, o => (o.EnteredAt, o.EnteredAfter), date);
            if (old is null || old.IsDeleted)
            {
                counts.AbsencesAdded++;
                return new StoredAbsence
                {
                    LessonId = absence.LessonId,
                    StudentId = absence.StudentId,
                    Date = date.Date,
                    Payload = SyncRecordJson.Absence(absence),
                    Hash = hash,
                    EnteredAt = at,
                    EnteredAfter = after,
                    FirstSeenAt = _now,
                };
            }

            var payloadChanged = hash != old.Hash;
            if (!payloadChanged && at == old.EnteredAt && after == old.EnteredAfter && date.Date == old.Date)
            {
                counts.Unchanged++;
                return null;
            }

            counts.AbsencesChanged++;
            return old with { Date = date.Date, Payload = payloadChanged ? SyncRecordJson.Absence(absence) : old.Payload, Hash = hash, EnteredAt = at, EnteredAfter = after };
        }

        private static bool SameRevisions(IReadOnlyList<MarkRevision> a, IReadOnlyList<MarkRevision> b) =>
            a.Count == b.Count && SyncRecordJson.Revisions(a) == SyncRecordJson.Revisions(b);

        /// <summary>Bounds of a whole record: the vendor's exact time when declared and given, else kept or observed now.</summary>
        private (DateTimeOffset? At, DateTimeOffset? After) Entry<T>(
            DateTimeOffset? vendorAt, DateTimeOffset? vendorAfter, string capability, T? old, Func<T, (DateTimeOffset?, DateTimeOffset?)> oldBounds, DateTime date)
            where T : class
        {
            if (vendorAt is not null && _capabilities.Has(capability))
            {
                return (vendorAt, vendorAfter);
            }

            if (old is not null)
            {
                var (at, after) = oldBounds(old);
                if (at is not null)
                {
                    return (at, after);
                }
            }

            return (_now, After(date));
        }

        /// <summary>Bounds of a topic or homework: set on first appearance, kept while present, cleared when removed.</summary>
        private (DateTimeOffset? At, DateTimeOffset? After) Part(
            string? text, DateTimeOffset? vendorAt, DateTimeOffset? vendorAfter, string capability,
            DateTimeOffset? oldAt, DateTimeOffset? oldAfter, DateTime date, out bool added)
        {
            added = false;
            if (string.IsNullOrWhiteSpace(text))
            {
                return (null, null);
            }

            if (vendorAt is not null && _capabilities.Has(capability))
            {
                added = oldAt is null;
                return (vendorAt, vendorAfter);
            }

            if (oldAt is not null)
            {
                return (oldAt, oldAfter);
            }

            added = true;
            return (_now, After(date));
        }
    }

    /// <summary>Mutable counts of one sync.</summary>
    private sealed class Counter
    {
        public int LessonsAdded;
        public int LessonsChanged;
        public int LessonsDeleted;
        public int TopicsAdded;
        public int HomeworkAdded;
        public int MarksAdded;
        public int MarksRevised;
        public int MarksChanged;
        public int MarksDeleted;
        public int AbsencesAdded;
        public int AbsencesChanged;
        public int AbsencesDeleted;
        public int Unchanged;
        public int OutOfRange;

        public SyncCounts ToCounts() => new()
        {
            LessonsAdded = LessonsAdded,
            LessonsChanged = LessonsChanged,
            LessonsDeleted = LessonsDeleted,
            TopicsAdded = TopicsAdded,
            HomeworkAdded = HomeworkAdded,
            MarksAdded = MarksAdded,
            MarksRevised = MarksRevised,
            MarksChanged = MarksChanged,
            MarksDeleted = MarksDeleted,
            AbsencesAdded = AbsencesAdded,
            AbsencesChanged = AbsencesChanged,
            AbsencesDeleted = AbsencesDeleted,
            Unchanged = Unchanged,
            OutOfRange = OutOfRange,
        };
    }
}
