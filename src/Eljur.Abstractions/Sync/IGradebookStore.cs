using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Eljur.Abstractions.Sync;

/// <summary>
/// A local store of what incremental syncs observed: every lesson, mark and absence ever seen for a
/// school with the bounds of when it appeared, changed or disappeared, and the log of sync runs.
/// The store only keeps data; <see cref="GradebookSync"/> decides what changed.
/// </summary>
public interface IGradebookStore
{
    /// <summary>
    /// Starts a sync: takes the store's exclusive sync lock and opens a session whose writes become
    /// visible only on <see cref="IGradebookStoreSession.CommitAsync"/>. Disposing an uncommitted
    /// session discards every write and releases the lock.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session.</returns>
    /// <exception cref="GradebookStoreLockedException">Another sync of this store is running.</exception>
    Task<IGradebookStoreSession> BeginSyncAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the committed state of one school for a range (records dated in it, deleted ones included).</summary>
    /// <param name="schoolId">School id (<c>school.id</c> of the source).</param>
    /// <param name="from">First date (inclusive).</param>
    /// <param name="to">Last date (inclusive).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The state.</returns>
    Task<StoredState> ReadAsync(string schoolId, DateTime from, DateTime to, CancellationToken cancellationToken = default);

    /// <summary>The ids of the schools the store holds, sorted.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>School ids.</returns>
    Task<IReadOnlyList<string>> GetSchoolIdsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every recorded sync run, successful or not, oldest first.</summary>
    /// <param name="schoolId">Only this school's runs; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The runs.</returns>
    Task<IReadOnlyList<SyncRun>> GetRunsAsync(string? schoolId = null, CancellationToken cancellationToken = default);

    /// <summary>Records a failed run in the log, in its own small transaction (the failed sync's data is already discarded).</summary>
    /// <param name="run">The run, with <see cref="SyncRun.Succeeded"/> false.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run as stored, with its id.</returns>
    Task<SyncRun> RecordFailedRunAsync(SyncRun run, CancellationToken cancellationToken = default);
}

/// <summary>
/// One sync's transaction on a store. Reads see the committed state plus this session's own writes;
/// nothing is visible to others until <see cref="CommitAsync"/>. Dispose without commit rolls back.
/// </summary>
public interface IGradebookStoreSession : IDisposable
{
    /// <summary>
    /// Reads the state of one school for a range, as <see cref="IGradebookStore.ReadAsync"/> does, inside the
    /// transaction. A store may leave the records' payloads empty here (the engine compares hashes).
    /// </summary>
    /// <param name="schoolId">School id.</param>
    /// <param name="from">First date (inclusive).</param>
    /// <param name="to">Last date (inclusive).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The state.</returns>
    Task<StoredState> LoadAsync(string schoolId, DateTime from, DateTime to, CancellationToken cancellationToken = default);

    /// <summary>Replaces the school's reference data (school, periods, students, staff, … as a snapshot document without lessons, absences and marks).</summary>
    /// <param name="schoolId">School id.</param>
    /// <param name="reference">The document text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task SaveReferenceAsync(string schoolId, string reference, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces a lesson; an empty payload keeps the stored one.</summary>
    /// <param name="schoolId">School id.</param>
    /// <param name="lesson">The lesson.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task SaveLessonAsync(string schoolId, StoredLesson lesson, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces a mark with its revisions; an empty payload keeps the stored one.</summary>
    /// <param name="schoolId">School id.</param>
    /// <param name="mark">The mark.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task SaveMarkAsync(string schoolId, StoredMark mark, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces an absence; an empty payload keeps the stored one.</summary>
    /// <param name="schoolId">School id.</param>
    /// <param name="absence">The absence.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task SaveAbsenceAsync(string schoolId, StoredAbsence absence, CancellationToken cancellationToken = default);

    /// <summary>Records the (successful) run in the log and commits every write of the session atomically.</summary>
    /// <param name="run">The run.</param>
    /// <param name="cancellationToken">Cancels the call before the commit starts.</param>
    /// <returns>The run as stored, with its id.</returns>
    Task<SyncRun> CommitAsync(SyncRun run, CancellationToken cancellationToken = default);
}
