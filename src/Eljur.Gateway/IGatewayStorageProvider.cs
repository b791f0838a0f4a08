using Eljur.Abstractions.Sync;
using Quartz;

namespace Eljur.Gateway;

/// <summary>
/// A storage back end of the gateway, picked by <c>storage.provider</c>: where the sync store, the run
/// history and the scheduler's jobs live. SQLite is built in; others are added through
/// <see cref="GatewayOptions.StorageProviders"/>.
/// </summary>
public interface IGatewayStorageProvider
{
    /// <summary>The name <c>storage.provider</c> uses.</summary>
    string Name { get; }

    /// <summary>How many syncs the store takes at once (SQLite: one writer at a time).</summary>
    int MaxConcurrentSyncs { get; }

    /// <summary>Checks the settings; returns a Russian message naming what is missing, or null.</summary>
    /// <param name="settings">The settings.</param>
    /// <returns>The problem or null.</returns>
    string? Validate(GatewayStorageSettings settings);

    /// <summary>Opens the sync store.</summary>
    /// <param name="settings">The settings.</param>
    /// <returns>The store.</returns>
    IGradebookStore OpenSyncStore(GatewayStorageSettings settings);

    /// <summary>Opens the run history.</summary>
    /// <param name="settings">The settings.</param>
    /// <returns>The history.</returns>
    IRunHistoryStore OpenRunHistory(GatewayStorageSettings settings);

    /// <summary>
    /// The store one school's sync goes through: by default the store itself (whose sync lock covers the
    /// whole store); a store with per-school locks returns a view locking only that school, so schools sync
    /// in parallel on every node.
    /// </summary>
    /// <param name="store">The store <see cref="OpenSyncStore"/> returned.</param>
    /// <param name="schoolId">The school about to be synced.</param>
    /// <returns>The store to sync through.</returns>
    IGradebookStore SyncStoreFor(IGradebookStore store, string schoolId) => store;

    /// <summary>
    /// True when the scheduler's job store is shared by several nodes (Quartz clustering): jobs of a dead
    /// node are recovered by another, and per-connector limits count across the cluster.
    /// </summary>
    bool Clustered => false;

    /// <summary>Chooses the scheduler's job store (in memory for one node, a shared database for a cluster).</summary>
    /// <param name="quartz">The scheduler's builder.</param>
    /// <param name="settings">The settings.</param>
    void ConfigureJobStore(IQuartzBuilder quartz, GatewayStorageSettings settings);
}
