using System;
using System.Linq;
using System.Threading.Tasks;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Sync;
using Eljur.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Xunit.Abstractions;

namespace Eljur.Sync.PostgreSql.Tests;

/// <summary>What only the PostgreSQL store has: schema migrations, per-school advisory locks, bulk writes, options.</summary>
public sealed class PostgreSqlStoreTests : IDisposable
{
    private static readonly DateTimeOffset T1 = new(2024, 10, 7, 15, 0, 0, TimeSpan.Zero);
    private readonly StoreFixture _db;

    public PostgreSqlStoreTests(ITestOutputHelper output) => _db = new StoreFixture(output);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task AStoreIsMigratedOnceToTheCurrentVersionEvenByNodesStartingTogether()
    {
        if (_db.Server is not { } server)
        {
            return;
        }

        var schema = _db.NewSchema();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _db.Open(schema).MigrateAsync()));
        await _db.Open(schema).MigrateAsync();

        Assert.Equal(1L, TestPostgres.Scalar(server, $"SELECT count(*) FROM {schema}.schema_version WHERE component = 'store'"));
        Assert.Equal(PostgreSqlSchema.CurrentVersion, (int)TestPostgres.Scalar(server, $"SELECT max(version) FROM {schema}.schema_version")!);
        Assert.Equal("absences,lessons,marks,schema_version,schools,sync_runs", TestPostgres.Scalar(server,
            $"SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = '{schema}'"));
    }

    [Fact]
    public async Task AStoreOfANewerSchemaIsRefusedUntouchedNamingTheDatabaseWithoutThePassword()
    {
        if (_db.Server is not { } server)
        {
            return;
        }

        var schema = _db.NewSchema();
        await _db.Open(schema).MigrateAsync();
        TestPostgres.Scalar(server, $"INSERT INTO {schema}.schema_version (component, version) VALUES ('store', 99)");
        var before = Tables(server, schema);

        var error = await Assert.ThrowsAsync<GradebookStoreException>(() => _db.Open(schema).ReadAsync("school-1", T1.Date, T1.Date));

        Assert.Contains("99", error.Message);
        Assert.Contains(new NpgsqlConnectionStringBuilder(server).Database!, error.Message);
        Assert.Contains(schema, error.Message);
        Assert.DoesNotContain(new NpgsqlConnectionStringBuilder(server).Password!, error.Message);
        Assert.Equal(before, Tables(server, schema));
        Assert.Equal(2L, TestPostgres.Scalar(server, $"SELECT count(*) FROM {schema}.schema_version"));
    }

    [Fact]
    public async Task SchoolLocksLetDifferentSchoolsSyncAtOnceAndRefuseASecondSyncOfTheSameSchool()
    {
        if (_db.Server is null)
        {
            return;
        }

        var schema = _db.NewSchema();
        var node1 = _db.Open(schema);
        var node2 = _db.Open(schema);
        using (var a = await node1.ForSchool("school-a").BeginSyncAsync())
        using (var b = await node2.ForSchool("school-b").BeginSyncAsync())
        {
            var same = await Assert.ThrowsAsync<GradebookStoreLockedException>(() => node2.ForSchool("school-a").BeginSyncAsync());
            Assert.Contains("school-a", same.Message);
            await Assert.ThrowsAsync<GradebookStoreLockedException>(() => node2.BeginSyncAsync()); // the whole store waits for the schools
        }

        using (await node2.ForSchool("school-a").BeginSyncAsync())
        {
        }

        using (await node1.BeginSyncAsync())
        {
            await Assert.ThrowsAsync<GradebookStoreLockedException>(() => node2.ForSchool("school-c").BeginSyncAsync()); // and the schools for the whole store
        }
    }

    [Fact]
    public async Task ASyncWhoseConnectionDiesLeavesNoTraceAndReleasesItsLock()
    {
        if (_db.Server is not { } server)
        {
            return;
        }

        var schema = _db.NewSchema();
        var dying = _db.Open(schema).ForSchool("school-1");
        var session = await dying.BeginSyncAsync();
        await session.SaveMarkAsync("school-1", new StoredMark { Id = "m1", Date = T1.Date, Value = "5", Payload = "{}", FirstSeenAt = T1 });
        await session.LoadAsync("school-1", T1.Date, T1.Date); // flushes the write into the open transaction
        var key = AdvisoryLockKeys.School(schema, "school-1");
        var pid = TestPostgres.Scalar(server, $"SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND mode = 'ExclusiveLock' AND ((classid::bigint << 32) | objid::bigint) = {key}");
        Assert.NotNull(pid);

        // The node's process dies: the server ends its backend, rolls the transaction back and drops the lock.
        Assert.Equal(true, TestPostgres.Scalar(server, $"SELECT pg_terminate_backend({pid})"));
        var other = _db.Open(schema).ForSchool("school-1");
        IGradebookStoreSession? next = null;
        for (var attempt = 0; next is null; attempt++)
        {
            try
            {
                next = await other.BeginSyncAsync();
            }
            catch (GradebookStoreLockedException) when (attempt < 50)
            {
                await Task.Delay(100); // the backend may take a moment to exit
            }
        }

        next.Dispose();
        session.Dispose(); // the dead session's dispose does not throw
        Assert.Empty((await other.ReadAsync("school-1", T1.Date, T1.Date)).Marks);
    }

    [Fact]
    public async Task ManyRecordsAreCopiedInBulkAndEveryColumnRoundTrips()
    {
        if (_db.Server is null)
        {
            return;
        }

        var store = _db.Open(_db.NewSchema());
        var exact = new DateTimeOffset(2024, 10, 7, 10, 15, 30, 123, TimeSpan.FromHours(3)).AddTicks(4560); // microseconds survive
        var marks = Enumerable.Range(0, 500).Select(i => new StoredMark
        {
            Id = "m" + i, Date = new DateTime(2024, 10, 1).AddDays(i % 20), Value = (2 + i % 4).ToString(), Payload = "{\"id\":\"m" + i + "\",\"t\":\"«ё»\"}",
            Hash = long.MinValue + i, EnteredAt = i % 2 == 0 ? exact : null, EnteredAfter = i % 3 == 0 ? T1 : null,
            Revisions = i % 5 == 0 ? new[] { new MarkRevision { At = T1, After = exact, From = "3", To = "4" } } : Array.Empty<MarkRevision>(),
            FirstSeenAt = T1, DeletedAt = i % 7 == 0 ? T1 : null, DeletedAfter = i % 7 == 0 ? exact : null,
        }).ToList();
        int copies;
        using (var session = await store.BeginSyncAsync())
        {
            foreach (var mark in marks)
            {
                await session.SaveMarkAsync("school-1", mark);
            }

            await session.SaveMarkAsync("school-1", marks[3] with { Payload = "", Value = "5" }); // the same record again: one row, payload kept
            await session.CommitAsync(new SyncRun { SchoolId = "school-1", Connector = "x", StartedAt = T1, FinishedAt = T1, Succeeded = true });
            copies = ((PostgreSqlSyncSession)session).Copies;
        }

        Assert.Equal(1, copies);
        var stored = (await store.ReadAsync("school-1", new DateTime(2024, 9, 1), new DateTime(2024, 12, 31))).Marks.OrderBy(m => int.Parse(m.Id.Substring(1))).ToList();
        Assert.Equal(500, stored.Count);
        var expected = marks.Select((m, i) => i == 3 ? m with { Value = "5" } : m).ToList();
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(Line(expected[i]), Line(stored[i]));
        }

        using (var session = await store.BeginSyncAsync())
        {
            await session.SaveMarkAsync("school-1", marks[0] with { Value = "2" });
            await session.CommitAsync(new SyncRun { SchoolId = "school-1", Connector = "x", StartedAt = T1, FinishedAt = T1, Succeeded = true });
            Assert.Equal(0, ((PostgreSqlSyncSession)session).Copies); // a few records go in one batch, without COPY
        }
    }

    [Fact]
    public async Task AnUnreachableServerIsAClearErrorWithoutThePassword()
    {
        var options = new PostgreSqlStoreOptions { ConnectionString = "Host=127.0.0.1;Port=1;Database=region;Username=eljur;Password=s3cret-Pa55;Timeout=3" };
        using var store = new PostgreSqlGradebookStore(options);

        var error = await Assert.ThrowsAsync<GradebookStoreException>(() => store.GetSchoolIdsAsync());

        Assert.Contains("127.0.0.1:1/region", error.Message);
        Assert.DoesNotContain("s3cret-Pa55", error.Message);
    }

    [Theory]
    [InlineData("", "eljur", "ConnectionString")]
    [InlineData("Host=localhost;Database=x", "Eljur-1", "Schema")]
    [InlineData("Host=localhost;Database=x", "", "Schema")]
    public void BadOptionsAreRefusedNamingTheOption(string connectionString, string schema, string option)
    {
        var options = new PostgreSqlStoreOptions { ConnectionString = connectionString, Schema = schema };

        var error = Assert.Throws<ArgumentException>(() => new PostgreSqlGradebookStore(options));
        Assert.Contains("PostgreSqlStoreOptions." + option, error.Message);

        var services = new ServiceCollection();
        services.AddGradebook().AddPostgreSqlStore(o => { o.ConnectionString = connectionString; o.Schema = schema; });
        using var provider = services.BuildServiceProvider();
        var invalid = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value);
        Assert.Contains("PostgreSqlStoreOptions." + option, invalid.Message);
    }

    [Fact]
    public async Task TheStoreRegistersAsTheApplicationsGradebookStore()
    {
        if (_db.Server is not { } server)
        {
            return;
        }

        var schema = _db.NewSchema();
        var services = new ServiceCollection();
        services.AddGradebook().AddPostgreSqlStore(o => { o.ConnectionString = server; o.Schema = schema; });
        using var provider = services.BuildServiceProvider();

        var store = Assert.IsType<PostgreSqlGradebookStore>(provider.GetRequiredService<IGradebookStore>());
        Assert.Same(store, provider.GetRequiredService<PostgreSqlGradebookStore>());
        Assert.Equal(schema, store.Schema);
        Assert.Empty(await store.GetSchoolIdsAsync());
    }

    private static string Line(StoredMark m) =>
        $"{m.Id} {m.Date:yyyy-MM-dd} {m.Value} {m.Payload} {m.Hash} {m.EnteredAt?.UtcTicks} {m.EnteredAfter?.UtcTicks} {SyncRecordJson.Revisions(m.Revisions)} {m.FirstSeenAt.UtcTicks} {m.DeletedAt?.UtcTicks} {m.DeletedAfter?.UtcTicks}";

    private static string? Tables(string server, string schema) => (string?)TestPostgres.Scalar(server,
        $"SELECT string_agg(table_name || ':' || column_name || ':' || data_type, ',' ORDER BY table_name, column_name) FROM information_schema.columns WHERE table_schema = '{schema}'");
}
