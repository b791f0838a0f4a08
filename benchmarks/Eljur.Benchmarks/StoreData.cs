using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;
using Eljur.Abstractions.Sync;
using Eljur.Abstractions.Synthetic;
using Eljur.Sync.Sqlite;

namespace Eljur.Benchmarks;

/// <summary>
/// A school-year in the SQLite store, for the store-load benchmark: three generated schools of 500 pupils
/// (about 300,000 marks) synced once into a store file next to the other data sets (kept between runs),
/// and the same year as compact snapshot JSON, exported from the store, for the side-by-side read.
/// </summary>
internal static class StoreData
{
    public static readonly DateTime From = new(2024, 9, 1);

    public static readonly DateTime To = new(2025, 5, 31);

    private static string Stem => Path.Combine(BenchmarkData.Root, "store-3x500-seed" + BenchmarkData.Seed.ToString(CultureInfo.InvariantCulture) + "-gen" + SyntheticSnapshotGenerator.Version.ToString(CultureInfo.InvariantCulture));

    /// <summary>The store file, created on first use.</summary>
    public static string StorePath
    {
        get
        {
            var path = Stem + ".db";
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(BenchmarkData.Root);
                Console.WriteLine("// Syncing a 3-school year into " + path + " …");
                var snapshot = SyntheticSnapshotGenerator.Generate(BenchmarkData.OptionsFor(100_000) with { Schools = 3, From = From, To = To });
                var temp = path + ".tmp";
                File.Delete(temp);
                var store = new SqliteGradebookStore(temp);
                var time = new FixedTime(snapshot.Source.FetchedAt.AddDays(1));
                new GradebookSync(store, time).SyncAsync(new OneSnapshot(snapshot), new FetchRequest { From = From, To = To }).GetAwaiter().GetResult();
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                File.Move(temp, path);
            }

            return path;
        }
    }

    /// <summary>The exported year as compact snapshot JSON (what `eljur sync export` writes), created on first use.</summary>
    public static byte[] ExportedJson()
    {
        var path = Stem + ".export.json";
        if (!File.Exists(path))
        {
            SnapshotWriter.WriteFile(Export(), path, indented: false);
        }

        return File.ReadAllBytes(path);
    }

    /// <summary>Loads the year from the store into the model (what <c>eljur sync export</c> and the gateway do).</summary>
    public static GradebookSnapshot Export() =>
        GradebookSync.ExportAsync(new SqliteGradebookStore(StorePath, createIfMissing: false), null, From, To).GetAwaiter().GetResult();

    /// <summary>The same export through <see cref="IGradebookStore.ReadAsync"/> (record objects and payload strings first), as any store without <see cref="IGradebookRowSource"/> is read.</summary>
    public static GradebookSnapshot ExportThroughState() =>
        GradebookSync.ExportAsync(new StateOnly(new SqliteGradebookStore(StorePath, createIfMissing: false)), null, From, To).GetAwaiter().GetResult();

    /// <summary>The store's rows of the year, as the export reads them (no model built).</summary>
    public static StoredState ReadState()
    {
        var store = new SqliteGradebookStore(StorePath, createIfMissing: false);
        var school = store.GetSchoolIdsAsync().GetAwaiter().GetResult()[0];
        return store.ReadAsync(school, From, To).GetAwaiter().GetResult();
    }

    private sealed class StateOnly : IGradebookStore
    {
        private readonly IGradebookStore _inner;

        public StateOnly(IGradebookStore inner) => _inner = inner;

        public Task<IGradebookStoreSession> BeginSyncAsync(CancellationToken cancellationToken = default) => _inner.BeginSyncAsync(cancellationToken);

        public Task<StoredState> ReadAsync(string schoolId, DateTime from, DateTime to, CancellationToken cancellationToken = default) => _inner.ReadAsync(schoolId, from, to, cancellationToken);

        public Task<IReadOnlyList<string>> GetSchoolIdsAsync(CancellationToken cancellationToken = default) => _inner.GetSchoolIdsAsync(cancellationToken);

        public Task<IReadOnlyList<SyncRun>> GetRunsAsync(string? schoolId = null, CancellationToken cancellationToken = default) => _inner.GetRunsAsync(schoolId, cancellationToken);

        public Task<SyncRun> RecordFailedRunAsync(SyncRun run, CancellationToken cancellationToken = default) => _inner.RecordFailedRunAsync(run, cancellationToken);
    }

    private sealed class FixedTime : TimeProvider
    {
        private readonly DateTimeOffset _now;

        public FixedTime(DateTimeOffset now) => _now = now;

        public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();
    }

    private sealed class OneSnapshot : IGradebookConnector
    {
        private readonly GradebookSnapshot _snapshot;

        public OneSnapshot(GradebookSnapshot snapshot) => _snapshot = snapshot;

        public string Id => "synthetic";

        public IReadOnlyList<string> Capabilities => _snapshot.Source.Capabilities;

        public Task<GradebookSnapshot> FetchAsync(FetchRequest request, IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(_snapshot);
    }
}
