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
using Eljur.Connectors.Eljur.Tests.Mock;
using Newtonsoft.Json.Linq;
using Npgsql;

namespace Eljur.RegionBenchmark;

/// <summary>
/// A region's night on 1, 2 and 3 gateway nodes (separate <c>eljur serve</c> processes) sharing one PostgreSQL
/// database: N schools served by ЭлЖур doubles with a fixed latency per call, a per-node limit of syncs and a
/// cluster-wide per-connector limit. Prints the wall time of the night, the peak of syncs in flight at the
/// vendors (counted from their request logs) and the store's size per school.
/// </summary>
/// <remarks>
/// Usage: <c>dotnet run -c Release --project benchmarks/Eljur.RegionBenchmark -- CLI_DLL [schools] [nodes,…]</c>
/// with <c>ELJUR_TEST_POSTGRES</c> set (see <c>benchmarks/region.sh</c>, which does all of it).
/// </remarks>
public static class Program
{
    private const int PerNode = 2;
    private const int PerConnector = 6;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);
    private static readonly Regex TokenParameter = new("auth_token=([^&]+)", RegexOptions.CultureInvariant);

    public static async Task<int> Main(string[] args)
    {
        var server = Environment.GetEnvironmentVariable("ELJUR_TEST_POSTGRES");
        if (args.Length < 1 || string.IsNullOrEmpty(server))
        {
            Console.Error.WriteLine("usage: ELJUR_TEST_POSTGRES=… Eljur.RegionBenchmark path/to/eljur.dll [schools=24] [nodes=1,2,3]");
            return 2;
        }

        var cli = Path.GetFullPath(args[0]);
        var schools = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 24;
        var nodeCounts = (args.Length > 2 ? args[2] : "1,2,3").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList();
        Console.WriteLine($"{schools} schools, ЭлЖур double with {Latency.TotalMilliseconds} ms per call, {PerNode} syncs per node, {PerConnector} per connector across the cluster");
        Console.WriteLine("| nodes | night (wall) | syncs | peak in flight at the vendors | store per school |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var nodes in nodeCounts)
        {
            var (wall, syncs, peak, perSchool) = await NightAsync(server!, cli, schools, nodes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {nodes} | {wall.TotalSeconds:F1} s | {syncs} | {peak} | {perSchool / 1024.0:F0} KiB |"));
        }

        return 0;
    }

    private static async Task<(TimeSpan Wall, int Syncs, int Peak, long BytesPerSchool)> NightAsync(string server, string cli, int schoolCount, int nodeCount)
    {
        var name = "region_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync(server, $"CREATE DATABASE {name};");
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var dir = Directory.CreateTempSubdirectory("eljur-region-").FullName;
        var clock = Stopwatch.StartNew();
        var calls = new ConcurrentQueue<(string School, string Token, TimeSpan At)>();
        var vendors = new List<(string School, EljurMockServer Mock)>();
        var processes = new List<Process>();
        try
        {
            for (var i = 1; i <= schoolCount; i++)
            {
                var school = "school" + i.ToString("000", CultureInfo.InvariantCulture);
                var mock = new EljurMockServer { Latency = Latency };
                mock.OnRequest = c =>
                {
                    if (TokenParameter.Match(c.PathAndQuery) is { Success: true } m)
                    {
                        calls.Enqueue((school, m.Groups[1].Value, clock.Elapsed));
                    }
                };
                vendors.Add((school, mock));
            }

            var config = Path.Combine(dir, "region.json");
            File.WriteAllText(config, Config(database, vendors).ToString());

            // The other nodes first; the night starts when the last one starts with --run-now.
            for (var n = 2; n <= nodeCount; n++)
            {
                processes.Add(Serve(cli, config, "node" + n, runNow: false));
            }

            await WaitAsync(async () => nodeCount == 1 || await CountAsync(database, "SELECT count(*) FROM eljur.qrtz_scheduler_state") >= nodeCount - 1, TimeSpan.FromMinutes(2));
            clock.Restart();
            calls.Clear();
            processes.Add(Serve(cli, config, "node1", runNow: true));
            await WaitAsync(async () => await CountAsync(database, "SELECT count(DISTINCT school_id) FROM eljur.gateway_runs WHERE status = 'ok'") >= schoolCount, TimeSpan.FromMinutes(30));
            var wall = clock.Elapsed;
            var failed = await CountAsync(database, "SELECT count(*) FROM eljur.gateway_runs WHERE status <> 'ok'");
            if (failed > 0)
            {
                Console.Error.WriteLine($"{failed} runs did not end ok");
            }

            Console.Error.WriteLine("runs per node: " + await TextAsync(database, "SELECT string_agg(node || ' ' || n, ', ') FROM (SELECT node, count(*) AS n FROM eljur.gateway_runs GROUP BY node ORDER BY node) x"));
            var sessions = calls.GroupBy(c => (c.School, c.Token)).Select(g => (From: g.Min(c => c.At), To: g.Max(c => c.At))).ToList();
            var peak = sessions.Max(s => sessions.Count(o => o.From <= s.From && s.From <= o.To));
            var bytes = await CountAsync(database,
                "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'eljur' AND c.relkind = 'r' AND c.relname IN ('schools','sync_runs','lessons','marks','absences')");
            return (wall, sessions.Count, peak, bytes / schoolCount);
        }
        finally
        {
            foreach (var process in processes)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
                catch (InvalidOperationException)
                {
                }
            }

            vendors.ForEach(v => v.Mock.Dispose());
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE);");
            Directory.Delete(dir, recursive: true);
        }
    }

    private static Process Serve(string cli, string config, string node, bool runNow)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { cli, "serve", "--config", config, "--node", node, "--urls", "http://127.0.0.1:0" }.Concat(runNow ? new[] { "--run-now" } : Array.Empty<string>()))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line && (line.Contains("fail", StringComparison.OrdinalIgnoreCase) || line.Contains("error", StringComparison.OrdinalIgnoreCase)))
            {
                Console.Error.WriteLine($"[{node}] {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static JObject Config(string database, IEnumerable<(string School, EljurMockServer Mock)> vendors) => new()
    {
        ["format"] = "eljur.gateway/1",
        ["storage"] = new JObject { ["provider"] = "postgresql", ["connectionString"] = database },
        ["limits"] = new JObject { ["syncsInFlight"] = PerNode, ["perConnector"] = new JObject { ["eljur"] = PerConnector } },
        ["schools"] = new JArray(vendors.Select(v => new JObject
        {
            ["id"] = v.School,
            ["name"] = "Школа " + v.School,
            ["timeZone"] = "Europe/Moscow",
            ["connector"] = "eljur",
            ["options"] = new JObject
            {
                ["baseUrl"] = v.Mock.BaseUrl, ["vendor"] = MockSchool.Vendor, ["devKey"] = MockSchool.DevKey,
                ["login"] = MockSchool.TeacherLogin, ["password"] = MockSchool.TeacherPassword, ["timeZone"] = "Europe/Moscow",
            },
            ["policy"] = "lyceum68-ufa-2023",
            ["schedule"] = "0 0 3 1 1 ? 2099",
            ["range"] = new JObject { ["from"] = "2024-09-02", ["to"] = "2024-12-28" },
        })),
    };

    private static async Task WaitAsync(Func<Task<bool>> done, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!await done())
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"not done within {timeout}");
            }

            await Task.Delay(200);
        }
    }

    private static async Task<long> CountAsync(string database, string sql)
    {
        try
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, CultureInfo.InvariantCulture);
        }
        catch (PostgresException ex) when (ex.SqlState == "42P01")
        {
            return 0; // the tables are not migrated yet
        }
    }

    private static async Task<string?> TextAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() as string;
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
