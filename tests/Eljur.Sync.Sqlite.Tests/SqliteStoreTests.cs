using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Eljur.Abstractions.Sync;
using Eljur.Abstractions.Tests.Sync;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Eljur.Sync.Sqlite.Tests;

public sealed class SqliteGradebookSyncTests : GradebookSyncContractTests, IDisposable
{
    private readonly TempDir _dir = new();
    private int _n;

    protected override IGradebookStore CreateStore() => new SqliteGradebookStore(_dir.File($"store{_n++}.db"));

    public void Dispose() => _dir.Dispose();
}

public sealed class SqliteStoreTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ANewStoreIsMigratedToTheCurrentVersionOnceAndReopens()
    {
        var path = _dir.File("s.db");
        _ = new SqliteGradebookStore(path);
        _ = new SqliteGradebookStore(path);

        Assert.Equal(new long[] { 1 }, Query(path, "SELECT version FROM schema_version ORDER BY version"));
        Assert.Equal(SqliteSchema.CurrentVersion, new SqliteGradebookStore(path).SchemaVersion);
        var tables = QueryText(path, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        Assert.Equal(new[] { "absences", "lessons", "marks", "schema_version", "schools", "sqlite_sequence", "sync_runs" }, tables);
    }

    [Fact]
    public void AStoreOfANewerSchemaIsRefusedNamingTheFile()
    {
        var path = _dir.File("s.db");
        _ = new SqliteGradebookStore(path);
        Execute(path, "INSERT INTO schema_version (version, applied_at) VALUES (99, 'later')");

        var error = Assert.Throws<GradebookStoreException>(() => new SqliteGradebookStore(path));

        Assert.Contains("99", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void AFileThatIsNotAStoreIsAClearError()
    {
        var path = _dir.File("notes.db");
        File.WriteAllText(path, "это не база данных, а просто текст, достаточно длинный для заголовка SQLite");

        var error = Assert.Throws<GradebookStoreException>(() => new SqliteGradebookStore(path));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void AMissingStoreIsAnErrorWhenNotCreating()
    {
        var error = Assert.Throws<GradebookStoreException>(() => new SqliteGradebookStore(_dir.File("none.db"), createIfMissing: false));
        Assert.Contains("none.db", error.Message);
        Assert.False(File.Exists(_dir.File("none.db")));
    }

    [Fact]
    public async Task TwoStoreObjectsOnOneFileCannotSyncAtOnceAndTheLockIsReleasedAfterwards()
    {
        var path = _dir.File("s.db");
        var first = new SqliteGradebookStore(path);
        var second = new SqliteGradebookStore(path);

        using (var session = await first.BeginSyncAsync())
        {
            var error = await Assert.ThrowsAsync<GradebookStoreLockedException>(() => second.BeginSyncAsync());
            Assert.Contains(path, error.Message);
        }

        using (await second.BeginSyncAsync())
        {
        }
    }

    [Fact]
    public async Task ARolledBackSessionLeavesNoTraceAndACommittedOneIsVisibleToAnotherConnection()
    {
        var path = _dir.File("s.db");
        var store = new SqliteGradebookStore(path);
        var mark = new StoredMark { Id = "m1", Date = new DateTime(2024, 10, 7), Value = "5", Payload = "{}", FirstSeenAt = DateTimeOffset.UnixEpoch };
        using (var session = await store.BeginSyncAsync())
        {
            await session.SaveMarkAsync("school-1", mark);
        }

        Assert.Empty(Query(path, "SELECT 1 FROM marks"));

        using (var session = await store.BeginSyncAsync())
        {
            await session.SaveMarkAsync("school-1", mark with { Revisions = new[] { new Abstractions.Model.MarkRevision { At = DateTimeOffset.UnixEpoch, From = "4", To = "5" } } });
            await session.CommitAsync(new SyncRun { SchoolId = "school-1", Connector = "x", Succeeded = true });
        }

        var state = await new SqliteGradebookStore(path).ReadAsync("school-1", new DateTime(2024, 1, 1), new DateTime(2024, 12, 31));
        var stored = Assert.Single(state.Marks);
        Assert.Equal("5", stored.Value);
        Assert.Equal("4", Assert.Single(stored.Revisions).From);
        Assert.Single(state.Runs);
        Assert.Equal(new[] { "school-1" }, await store.GetSchoolIdsAsync());
    }

    [Fact]
    public async Task SeveralSchoolsShareOneFileWithoutMixing()
    {
        var store = new SqliteGradebookStore(_dir.File("region.db"));
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 10, 7, 15, 0, 0, TimeSpan.Zero));
        var schoolA = SyncData.School(marks: new[] { SyncData.Mark("m1", new DateTime(2024, 10, 7), "5") });
        var schoolB = schoolA with { School = schoolA.School with { Id = "school-2" }, Marks = new[] { SyncData.Mark("m1", new DateTime(2024, 10, 7), "2"), SyncData.Mark("m2", new DateTime(2024, 10, 7), "3") } };
        var sync = new GradebookSync(store, time);

        await sync.SyncAsync(new ScriptedConnector().Then(schoolA), SyncData.Range);
        await sync.SyncAsync(new ScriptedConnector().Then(schoolB), SyncData.Range);
        await sync.SyncAsync(new ScriptedConnector().Then(schoolA), SyncData.Range);

        Assert.Equal(new[] { "school-1", "school-2" }, await store.GetSchoolIdsAsync());
        Assert.Equal("5", Assert.Single((await GradebookSync.ExportAsync(store, "school-1", SyncData.From, SyncData.To)).Marks!).Value);
        Assert.Equal(2, (await GradebookSync.ExportAsync(store, "school-2", SyncData.From, SyncData.To)).Marks!.Count);
        await Assert.ThrowsAsync<GradebookStoreException>(() => GradebookSync.ExportAsync(store, null, SyncData.From, SyncData.To));
        Assert.Equal(2, (await store.GetRunsAsync("school-1")).Count);
    }

    private static List<long> Query(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<long>();
        while (reader.Read())
        {
            values.Add(reader.GetInt64(0));
        }

        return values;
    }

    private static List<string> QueryText(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
