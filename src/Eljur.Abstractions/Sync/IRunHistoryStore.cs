using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Eljur.Abstractions.Sync;

/// <summary>
/// The gateway's history of runs, kept next to the sync store (the same SQLite file or PostgreSQL
/// database). Implementations must make <see cref="TryBeginAsync"/> atomic: at most one running run
/// per school, across every node sharing the store.
/// </summary>
public interface IRunHistoryStore
{
    /// <summary>Records a run as running unless the school already has one running.</summary>
    /// <param name="run">The run (status <see cref="GatewayRunStatus.Running"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>False when another run of the school is running (nothing recorded).</returns>
    Task<bool> TryBeginAsync(GatewayRun run, CancellationToken cancellationToken = default);

    /// <summary>Records how a run ended, with its documents when it was checked; one transaction.</summary>
    /// <param name="run">The run with its end, status and counts.</param>
    /// <param name="documents">The report and its renderings, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task CompleteAsync(GatewayRun run, GatewayRunDocuments? documents, CancellationToken cancellationToken = default);

    /// <summary>One run, or null.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run or null.</returns>
    Task<GatewayRun?> GetAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>A school's runs, newest first.</summary>
    /// <param name="schoolId">The school.</param>
    /// <param name="limit">At most this many.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The runs.</returns>
    Task<IReadOnlyList<GatewayRun>> ListAsync(string schoolId, int limit, CancellationToken cancellationToken = default);

    /// <summary>The newest runs of every school, at most <paramref name="perSchool"/> each, newest first within a school.</summary>
    /// <param name="perSchool">How many per school.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The runs.</returns>
    Task<IReadOnlyList<GatewayRun>> LatestAsync(int perSchool, CancellationToken cancellationToken = default);

    /// <summary>A document of a run (<see cref="GatewayRunDocuments.Json"/>, …), or null when it has none.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="kind">The document kind.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The text or null.</returns>
    Task<string?> GetDocumentAsync(string runId, string kind, CancellationToken cancellationToken = default);

    /// <summary>Marks the running runs of a node (every node when null) as failed with a message: they were interrupted.</summary>
    /// <param name="node">The node, or null for all.</param>
    /// <param name="message">The message (Russian).</param>
    /// <param name="at">The end time to record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many runs were marked.</returns>
    Task<int> AbandonAsync(string? node, string message, DateTimeOffset at, CancellationToken cancellationToken = default);
}
