using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Snapshots;
using Eljur.Abstractions.Sync;
using Eljur.Connectors.Testing;
using Eljur.Rules;
using Eljur.Sync.Sqlite;

namespace Eljur.Gateway.Tests;

/// <summary>The acceptance runs of issue 14: two schools behind vendor doubles, synced, checked and recorded.</summary>
public sealed class RunTests : IDisposable
{
    private readonly TwoSchools _schools = new();

    public void Dispose() => _schools.Dispose();

    [Fact]
    public async Task Run_now_checks_both_schools_and_each_report_equals_check_on_the_stores_snapshot()
    {
        await using var host = await GatewayHost.StartAsync(_schools.ConfigFile, o => { _schools.Configure(o); o.RunAtStart = true; });
        var client = await host.SignInAsync(TwoSchools.RegionLogin, TwoSchools.RegionPassword);

        foreach (var school in new[] { "alpha", "beta" })
        {
            var run = await host.WaitForRunAsync(client, school);
            Assert.Equal("ok", (string?)run["status"]);
            Assert.Equal("start", (string?)run["trigger"]);
            Assert.Equal("test-node", (string?)run["node"]);
            Assert.True((int)run["sync"]!["new"]! > 100, run.ToJsonString());

            var reportText = await host.GetStringAsync(client, $"/api/runs/{(string?)run["id"]}/report");
            var report = JsonNode.Parse(reportText)!;
            Assert.Equal("eljur.report/1", (string?)report["format"]);
            var errors = ((JsonArray)report["findings"]!).Count(f => (string?)f!["severity"] == "error" && (string?)f["certainty"] == "certain");
            Assert.Equal(errors, (int)run["findings"]!["error"]!);

            // `eljur check` on `eljur snapshot` from the same store, through the same library calls, as of the report's moment.
            var store = new SqliteGradebookStore(_schools.Database, createIfMissing: false);
            var snapshot = await GradebookSync.ExportAsync(store, school, TwoSchools.From, TwoSchools.To);
            var engine = new PolicyEngine(StandardRules.Catalog, ProductionCalendar.Russia, TimeProvider.System);
            var asOf = DateTimeOffset.Parse((string)report["asOf"]!, System.Globalization.CultureInfo.InvariantCulture);
            var expected = engine.Evaluate(snapshot, Presets.Load(TwoSchools.Policy), new EvaluationOptions { AsOf = asOf, From = TwoSchools.From, To = TwoSchools.To });
            var writer = new StringWriter();
            ReportJsonWriter.Write(expected, writer);
            Assert.Equal(writer.ToString(), reportText);

            // The snapshot route streams what `eljur snapshot` would write.
            var streamed = await host.GetStringAsync(client, $"/api/schools/{school}/snapshot?from=2024-09-02&to=2024-10-27");
            var file = new MemoryStream();
            SnapshotWriter.Write(snapshot, file, indented: false);
            Assert.Equal(Encoding.UTF8.GetString(file.ToArray()), streamed);
        }

        var schools = (JsonArray)await host.GetJsonAsync(client, "/api/schools");
        Assert.Equal(new[] { "alpha", "beta" }, schools.Select(s => (string)s!["id"]!).ToArray());
        Assert.All(schools, s => Assert.Equal("ok", (string?)s!["lastRun"]!["status"]));
    }

    [Fact]
    public async Task A_vendor_failing_with_500s_gives_sourceFailed_with_no_report_and_the_next_run_recovers()
    {
        await using var host = await GatewayHost.StartAsync(_schools.ConfigFile, _schools.Configure);
        var client = await host.SignInAsync(TwoSchools.RegionLogin, TwoSchools.RegionPassword);
        _schools.Beta.Faults.Always(null, new Fault(FaultKind.ServerError));

        var failedId = await host.StartRunAsync(client, "beta");
        var failed = await host.WaitForRunAsync(client, "beta", failedId);
        Assert.Equal("sourceFailed", (string?)failed["status"]);
        var message = (string)failed["message"]!;
        Assert.Matches("^[А-Яа-яЁё]", message);
        Assert.Contains("проверка не выполнялась", message, StringComparison.Ordinal);
        await host.GetStringAsync(client, $"/api/runs/{failedId}/report", HttpStatusCode.NotFound);

        _schools.Beta.Faults.Clear();
        var okId = await host.StartRunAsync(client, "beta");
        var ok = await host.WaitForRunAsync(client, "beta", okId);
        Assert.True((string?)ok["status"] == "ok", ok.ToJsonString());
        await host.GetStringAsync(client, $"/api/runs/{okId}/report");
    }

    [Fact]
    public async Task A_failed_run_is_retried_twice_with_back_off_and_then_waits_for_its_schedule()
    {
        await using var host = await GatewayHost.StartAsync(_schools.ConfigFile, o =>
        {
            _schools.Configure(o);
            o.RetryDelays.Add(TimeSpan.FromMilliseconds(300));
            o.RetryDelays.Add(TimeSpan.FromMilliseconds(600));
        });
        var client = await host.SignInAsync(TwoSchools.RegionLogin, TwoSchools.RegionPassword);
        _schools.Beta.Faults.Always(null, new Fault(FaultKind.ServerError));
        await host.StartRunAsync(client, "beta");

        var until = DateTime.UtcNow.AddSeconds(60);
        JsonArray runs;
        do
        {
            await Task.Delay(200);
            runs = (JsonArray)await host.GetJsonAsync(client, "/api/schools/beta/runs");
        }
        while ((runs.Count < 3 || runs.Any(r => (string?)r!["status"] == "running")) && DateTime.UtcNow < until);

        await Task.Delay(2000);
        runs = (JsonArray)await host.GetJsonAsync(client, "/api/schools/beta/runs");
        Assert.Equal(3, runs.Count);
        Assert.All(runs, r => Assert.Equal("sourceFailed", (string?)r!["status"]));
        Assert.All(runs, r => Assert.Equal("manual", (string?)r!["trigger"]));
    }

    [Fact]
    public async Task A_second_trigger_while_a_run_is_running_gets_409()
    {
        await using var host = await GatewayHost.StartAsync(_schools.ConfigFile, _schools.Configure);
        var client = await host.SignInAsync(TwoSchools.RegionLogin, TwoSchools.RegionPassword);
        _schools.Alpha.Latency = TimeSpan.FromMilliseconds(300);

        var first = await host.StartRunAsync(client, "alpha");
        var second = await client.PostAsync("/api/schools/alpha/runs", null);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("уже идёт", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        _schools.Alpha.Latency = TimeSpan.Zero;
        var run = await host.WaitForRunAsync(client, "alpha", first);
        Assert.Equal("ok", (string?)run["status"]);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/schools/alpha/runs", null)).StatusCode);
    }

    [Fact]
    public async Task A_restart_keeps_the_history_and_a_run_interrupted_by_the_stop_leaves_the_store_as_before()
    {
        string okId;
        await using (var host = await GatewayHost.StartAsync(_schools.ConfigFile, _schools.Configure))
        {
            var client = await host.SignInAsync(TwoSchools.RegionLogin, TwoSchools.RegionPassword);
            okId = await host.StartRunAsync(client, "alpha");
            Assert.Equal("ok", (string?)(await host.WaitForRunAsync(client, "alpha", okId))["status"]);
        }

        var before = await StoreState();
        string interruptedId;
        await using (var host = await GatewayHost.StartAsync(_schools.ConfigFile, _schools.Configure))
        {
            var client = await host.SignInAsync(TwoSchools.RegionLogin, TwoSchools.RegionPassword);
            _schools.Alpha.Latency = TimeSpan.FromMilliseconds(400);
            interruptedId = await host.StartRunAsync(client, "alpha");
            var until = DateTime.UtcNow.AddSeconds(30);
            while (_schools.Alpha.Calls.Count < 3 && DateTime.UtcNow < until)
            {
                await Task.Delay(50);
            }

            Assert.True(_schools.Alpha.Calls.Count >= 3, "the vendor was never called");
        }

        _schools.Alpha.Latency = TimeSpan.Zero;
        Assert.Equal(before, await StoreState());

        await using (var host = await GatewayHost.StartAsync(_schools.ConfigFile, _schools.Configure))
        {
            var client = await host.SignInAsync(TwoSchools.RegionLogin, TwoSchools.RegionPassword);
            var runs = (JsonArray)await host.GetJsonAsync(client, "/api/schools/alpha/runs");
            Assert.Equal(new[] { interruptedId, okId }, runs.Select(r => (string)r!["id"]!).ToArray());
            Assert.Equal("failed", (string?)runs[0]!["status"]);
            Assert.StartsWith("прервано", (string?)runs[0]!["message"], StringComparison.Ordinal);
            Assert.Equal("ok", (string?)runs[1]!["status"]);
            await host.GetStringAsync(client, $"/api/runs/{okId}/report");
        }
    }

    private async Task<string> StoreState()
    {
        var store = new SqliteGradebookStore(_schools.Database, createIfMissing: false);
        var runs = await store.GetRunsAsync("alpha");
        var snapshot = await GradebookSync.ExportAsync(store, "alpha", TwoSchools.From, TwoSchools.To);
        var file = new MemoryStream();
        SnapshotWriter.Write(snapshot, file, indented: false);
        return runs.Count + "|" + string.Join(",", runs.Select(r => r.Succeeded)) + "|" + Encoding.UTF8.GetString(file.ToArray());
    }
}
