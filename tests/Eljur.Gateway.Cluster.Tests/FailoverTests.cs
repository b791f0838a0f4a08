using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Sync;
using Eljur.Connectors.Eljur;
using Eljur.Connectors.Eljur.Tests.Mock;
using Eljur.Gateway.Runs;
using Eljur.Sync.PostgreSql;
using Eljur.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Npgsql;
using Quartz;
using Xunit.Abstractions;

namespace Eljur.Gateway.Cluster.Tests;

/// <summary>
/// Two gateway nodes on one PostgreSQL database share 20 schools served by slow ЭлЖур doubles; one node dies
/// in the middle of the night's runs. Nothing may be lost, nothing counted twice, no school synced by two
/// nodes at once, and no more syncs in flight against ЭлЖур than the cluster-wide limit.
/// </summary>
public sealed class FailoverTests : IDisposable
{
    private const int SchoolCount = 20;
    private const int PerConnectorLimit = 3;
    private static readonly TimeSpan Checkin = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DeadAfter = TimeSpan.FromSeconds(4);
    private static readonly Regex TokenParameter = new("auth_token=([^&]+)", RegexOptions.CultureInvariant);

    private readonly ITestOutputHelper _output;
    private readonly string _dir = Directory.CreateTempSubdirectory("eljur-cluster-").FullName;

    public FailoverTests(ITestOutputHelper output) => _output = output;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task ANodeKilledMidRunLosesNothingCountsNothingTwiceAndNoSchoolIsSyncedByTwoNodesAtOnce()
    {
        if (TestPostgres.FindOrExplain(_output) is not { } server)
        {
            return;
        }

        var database = TestPostgres.CreateDatabase(server, "cluster");
        var vendors = new List<(string School, EljurMockServer Mock)>();
        try
        {
            var clock = Stopwatch.StartNew();
            var calls = new ConcurrentQueue<VendorCall>();
            for (var i = 1; i <= SchoolCount; i++)
            {
                var school = "school" + i.ToString("00", CultureInfo.InvariantCulture);
                var mock = new EljurMockServer { Latency = TimeSpan.FromMilliseconds(150) };
                mock.OnRequest = c => calls.Enqueue(new VendorCall(school, TokenParameter.Match(c.PathAndQuery) is { Success: true } m ? m.Groups[1].Value : null, clock.Elapsed));
                vendors.Add((school, mock));
            }

            var db = new NpgsqlConnectionStringBuilder(database);
            using var proxyA = new TcpProxy(db.Host!, db.Port);
            using var proxyB = new TcpProxy(db.Host!, db.Port);
            var nodeA = await ClusterNode.StartAsync(WriteConfig("a.json", Via(database, proxyA.Port), vendors), "node-a", Checkin, DeadAfter);
            var nodeB = await ClusterNode.StartAsync(WriteConfig("b.json", Via(database, proxyB.Port), vendors), "node-b", Checkin, DeadAfter);

            // The night: every school is asked for once (accepted by node A, run by whichever node fires it).
            var coordinator = nodeA.Host.Services.GetRequiredService<RunCoordinator>();
            foreach (var (school, _) in vendors)
            {
                Assert.NotNull(await coordinator.RequestAsync(school, "manual", CancellationToken.None));
            }

            // Node A dies while it is in the middle of syncing some schools.
            var schedulerA = await nodeA.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var killed = await WaitForAsync(TimeSpan.FromSeconds(90), async () =>
            {
                var running = (await schedulerA.QueryFireInstances(new FireInstanceQuery { SchedulerInstanceId = "node-a" }, CancellationToken.None)).Items
                    .Where(f => f.JobKey is not null).Select(f => f.JobKey!.Name).ToList();
                // The schools it is in the middle of: signed in at their vendor. (Waiting for every running school to be
                // signed in could miss the moment on a loaded machine, as node A keeps starting schools until the end.)
                var midSync = running.Where(s => calls.Any(c => c.School == s && c.Token is not null)).ToList();
                return midSync.Count > 0 ? midSync : null;
            });
            var killedAt = clock.Elapsed;
            proxyA.Kill();
            nodeA.Abandon();
            _output.WriteLine($"node-a killed at {killedAt.TotalSeconds:F1} s while syncing {string.Join(", ", killed)}");

            var history = nodeB.Runtime.History.Value;
            var runs = await WaitForAsync(TimeSpan.FromSeconds(150), async () =>
            {
                var all = new Dictionary<string, IReadOnlyList<GatewayRun>>(StringComparer.Ordinal);
                foreach (var (school, _) in vendors)
                {
                    all[school] = await history.ListAsync(school, 10);
                }

                return all.Values.All(r => r.Any(x => x.Status == GatewayRunStatus.Ok) && r.All(x => x.Status != GatewayRunStatus.Running)) ? all : null;
            });
            var doneAt = clock.Elapsed;

            // Every school: exactly one ok run for the trigger; the dead node's attempts recorded as interrupted, never lost.
            foreach (var (school, schoolRuns) in runs)
            {
                Assert.Single(schoolRuns, r => r.Status == GatewayRunStatus.Ok && r.Trigger == "manual");
                foreach (var failed in schoolRuns.Where(r => r.Status != GatewayRunStatus.Ok))
                {
                    Assert.Equal((GatewayRunStatus.Failed, "node-a"), (failed.Status, failed.Node));
                    Assert.StartsWith("прервано", failed.Message, StringComparison.Ordinal);
                    Assert.NotNull(failed.EndedAt);
                }
            }

            foreach (var school in killed)
            {
                Assert.Contains(runs[school], r => r.Status == GatewayRunStatus.Failed && r.Node == "node-a" && r.Message!.Contains("node-b", StringComparison.Ordinal));
                Assert.Equal("node-b", runs[school].Single(r => r.Status == GatewayRunStatus.Ok).Node);
            }

            // From the vendors' request logs: one sync per sign-in token; a school's syncs never overlap, and no more
            // than the cluster-wide limit of syncs are in flight against ЭлЖур at any moment.
            var sessions = calls.Where(c => c.Token is not null).GroupBy(c => (c.School, c.Token))
                .Select(g => new Session(g.Key.School, g.Min(c => c.At), g.Max(c => c.At))).ToList();
            foreach (var school in sessions.GroupBy(s => s.School))
            {
                var ordered = school.OrderBy(s => s.From).ToList();
                for (var i = 1; i < ordered.Count; i++)
                {
                    Assert.True(ordered[i].From > ordered[i - 1].To, $"{school.Key} was synced twice at once: {ordered[i - 1]} and {ordered[i]}");
                }
            }

            var peak = sessions.Max(s => sessions.Count(o => o.From <= s.From && s.From <= o.To));
            Assert.InRange(peak, 2, PerConnectorLimit);
            var pickups = killed.Select(s => sessions.Where(x => x.School == s && x.From > killedAt).Min(x => x.From) - killedAt).ToList();
            _output.WriteLine($"kill → pickup by node-b: {string.Join(", ", pickups.Select(p => p.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s"))}; " +
                $"all {SchoolCount} schools ok {doneAt.TotalSeconds:F1} s after start; {sessions.Count} syncs; peak {peak} in flight (limit {PerConnectorLimit})");
            Assert.All(pickups, p => Assert.InRange(p, DeadAfter, TimeSpan.FromSeconds(60)));

            // Each school's store content equals one clean sync of the same vendor.
            var clean = await CleanSyncAsync(vendors[0].Mock);
            using var store = new PostgreSqlGradebookStore(new PostgreSqlStoreOptions { ConnectionString = database });
            foreach (var (school, _) in vendors)
            {
                var state = await store.ReadAsync(school, From, To);
                Assert.Equal(clean, Records(state));

                // A dead node may have committed its sync before it died (during the check): the repeat then changes nothing.
                Assert.False(state.Runs[0].Counts.IsEmpty);
                Assert.All(state.Runs.Skip(1), r => Assert.True(r.Counts.IsEmpty, $"{school}: a repeated sync changed the store"));
                Assert.True(state.Runs.Count == 1 || killed.Contains(school), $"{school} was synced {state.Runs.Count} times");
            }
        }
        finally
        {
            vendors.ForEach(v => v.Mock.Dispose());
            TestPostgres.DropDatabase(server, database);
        }
    }

    private static readonly DateTime From = new(2024, 9, 2);
    private static readonly DateTime To = new(2024, 9, 29);

    private static string Via(string database, int port) =>
        new NpgsqlConnectionStringBuilder(database) { Host = "127.0.0.1", Port = port, Timeout = 5, KeepAlive = 1 }.ConnectionString;

    private string WriteConfig(string name, string connectionString, IReadOnlyList<(string School, EljurMockServer Mock)> vendors)
    {
        var config = new JObject
        {
            ["format"] = "eljur.gateway/1",
            ["storage"] = new JObject { ["provider"] = "postgresql", ["connectionString"] = connectionString },
            ["limits"] = new JObject { ["syncsInFlight"] = 4, ["perConnector"] = new JObject { ["eljur"] = PerConnectorLimit } },
            ["schools"] = new JArray(vendors.Select(v => new JObject
            {
                ["id"] = v.School,
                ["name"] = "Школа " + v.School,
                ["timeZone"] = "Europe/Moscow",
                ["connector"] = "eljur",
                ["options"] = Options(v.Mock),
                ["policy"] = "lyceum68-ufa-2023",
                ["schedule"] = "0 0 3 1 1 ? 2099",
                ["range"] = new JObject { ["from"] = From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["to"] = To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            })),
        };
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, config.ToString());
        return path;
    }

    private static JObject Options(EljurMockServer mock) => new()
    {
        ["baseUrl"] = mock.BaseUrl,
        ["vendor"] = MockSchool.Vendor,
        ["devKey"] = MockSchool.DevKey,
        ["login"] = MockSchool.TeacherLogin,
        ["password"] = MockSchool.TeacherPassword,
        ["timeZone"] = "Europe/Moscow",
    };

    /// <summary>What one sync of a vendor stores, from a fresh in-memory store: every record's key, date, hash and deletion.</summary>
    private static async Task<string> CleanSyncAsync(EljurMockServer mock)
    {
        var services = new ServiceCollection();
        services.AddGradebook().AddEljur("clean", o =>
        {
            o.BaseUrl = mock.BaseUrl;
            o.Vendor = MockSchool.Vendor;
            o.DevKey = MockSchool.DevKey;
            o.Login = MockSchool.TeacherLogin;
            o.Password = MockSchool.TeacherPassword;
            o.TimeZone = "Europe/Moscow";
        });
        using var provider = services.BuildServiceProvider();
        var connector = provider.GetRequiredService<IGradebookConnectorFactory>().Create("clean");
        var store = new InMemoryGradebookStore();
        var run = await new GradebookSync(store, TimeProvider.System).SyncAsync(connector, new FetchRequest { From = From, To = To });
        return Records(await store.ReadAsync(run.SchoolId, From, To));
    }

    private static string Records(StoredState state) => string.Join("\n",
        state.Lessons.Select(l => $"lesson {l.Id} {l.Date:yyyy-MM-dd} {l.Hash} {l.IsDeleted}")
            .Concat(state.Marks.Select(m => $"mark {m.Id} {m.Date:yyyy-MM-dd} {m.Value} {m.Hash} {m.Revisions.Count} {m.IsDeleted}"))
            .Concat(state.Absences.Select(a => $"absence {a.Key} {a.Date:yyyy-MM-dd} {a.Hash} {a.IsDeleted}"))
            .OrderBy(x => x, StringComparer.Ordinal));

    private static async Task<T> WaitForAsync<T>(TimeSpan timeout, Func<Task<T?>> probe)
        where T : class
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(deadline.Elapsed < timeout, $"not reached within {timeout.TotalSeconds} s");
            await Task.Delay(100);
        }
    }

    private sealed record VendorCall(string School, string? Token, TimeSpan At);

    private sealed record Session(string School, TimeSpan From, TimeSpan To);
}
