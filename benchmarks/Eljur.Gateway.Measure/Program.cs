using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Sync;
using Eljur.Abstractions.Synthetic;
using Eljur.Gateway;
using Eljur.Sync.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

// 1. One run (sync into SQLite, check, record) of a generated 500-pupil school.
// 2. The overview page with 300 schools of history (30 runs each).
var folder = Directory.CreateTempSubdirectory("eljur-gateway-measure-").FullName;
var from = new DateTime(2024, 9, 2);
var to = new DateTime(2024, 11, 15);
var hash = GatewayPasswords.Hash("measure");
var snapshot = SyntheticSnapshotGenerator.Generate(new SyntheticSnapshotOptions { StudentsPerSchool = 500, From = from, To = to, Seed = 7 });
Console.WriteLine($"school: {snapshot.Students!.Count} pupils, {snapshot.Lessons!.Count} lessons, {snapshot.Marks!.Count} marks, {snapshot.Absences!.Count} absences");

string School(string id) =>
    $$"""{ "id": "{{id}}", "name": "Школа {{id}}", "timeZone": "Asia/Yekaterinburg", "connector": "source", "policy": "lyceum68-ufa-2023", "range": { "from": "2024-09-02", "to": "2024-11-15" } }""";

async Task<(WebApplication App, HttpClient Client)> Start(string config, int schools)
{
    var file = Path.Combine(folder, config);
    File.WriteAllText(file, $$"""
        { "format": "eljur.gateway/1", "storage": { "path": "gateway.db" },
          "users": [ { "login": "m", "passwordHash": "{{hash}}", "access": "region" } ],
          "schools": [ {{string.Join(",\n", Enumerable.Range(1, schools).Select(i => School("s" + i)))}} ] }
        """);
    var builder = WebApplication.CreateBuilder();
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Logging.ClearProviders();
    builder.Services.AddGradebookGateway(file, o =>
    {
        o.Node = "measure";
        o.RetryDelays.Clear();
        o.Connectors["source"] = (_, _) => new Source(snapshot);
        o.Time = new Shifted(new DateTimeOffset(2024, 11, 20, 7, 0, 0, TimeSpan.Zero));
    });
    var app = builder.Build();
    app.MapGradebookGateway();
    await app.StartAsync();
    var client = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = new Uri(app.Urls.First()) };
    (await client.PostAsJsonAsync("/api/session", new { login = "m", password = "measure" })).EnsureSuccessStatusCode();
    return (app, client);
}

{
    var (app, client) = await Start("one.json", 1);
    for (var i = 0; i < 2; i++)
    {
        var clock = Stopwatch.StartNew();
        var response = await client.PostAsync("/api/schools/s1/runs", null);
        response.EnsureSuccessStatusCode();
        string status;
        do
        {
            await Task.Delay(20);
            var runs = await client.GetStringAsync("/api/schools/s1/runs?limit=1");
            status = System.Text.Json.JsonDocument.Parse(runs).RootElement[0].GetProperty("status").GetString()!;
        }
        while (status == "running");
        Console.WriteLine($"run {i + 1} ({(i == 0 ? "first sync: every record new" : "second sync: nothing changed")}): {clock.Elapsed.TotalSeconds:0.00} s, status {status}");
    }

    await app.StopAsync();
}

{
    // 300 schools × 30 runs of history, written through the store the gateway reads.
    var history = new SqliteRunHistoryStore(Path.Combine(folder, "gateway.db"));
    var view = "{\"Findings\":[],\"Metrics\":[],\"Warnings\":[]}";
    var start = new DateTimeOffset(2024, 9, 2, 0, 0, 0, TimeSpan.Zero);
    var random = new Random(1);
    for (var s = 1; s <= 300; s++)
    {
        for (var r = 0; r < 30; r++)
        {
            var run = new GatewayRun { Id = $"h{s:000}-{r:00}", SchoolId = "s" + s, Node = "measure", Trigger = "schedule", StartedAt = start.AddDays(r) };
            await history.TryBeginAsync(run);
            await history.CompleteAsync(run with { EndedAt = run.StartedAt.AddMinutes(2), Status = r % 13 == 5 ? GatewayRunStatus.SourceFailed : GatewayRunStatus.Ok, Errors = random.Next(200), Possible = random.Next(50) },
                new GatewayRunDocuments { ReportJson = "{}", View = view });
        }
    }

    var (app, client) = await Start("many.json", 300);
    var times = new List<double>();
    for (var i = 0; i < 60; i++)
    {
        var clock = Stopwatch.StartNew();
        var html = await client.GetStringAsync("/");
        times.Add(clock.Elapsed.TotalMilliseconds);
        if (!html.Contains("Школа s300", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the overview lacks a school");
        }
    }

    times = times.Skip(10).OrderBy(t => t).ToList();
    Console.WriteLine($"overview with 300 schools × 30 runs: median {times[times.Count / 2]:0.0} ms, p95 {times[(int)(times.Count * 0.95)]:0.0} ms (50 requests after 10 warm-up)");
    await app.StopAsync();
}

try
{
    Directory.Delete(folder, recursive: true);
}
catch (IOException)
{
}

/// <summary>The generated school, served in process.</summary>
internal sealed class Source : IGradebookConnector
{
    private readonly GradebookSnapshot _snapshot;

    public Source(GradebookSnapshot snapshot) => _snapshot = snapshot;

    public string Id => "source";

    public IReadOnlyList<string> Capabilities => _snapshot.Source.Capabilities.ToList();

    public Task<GradebookSnapshot> FetchAsync(FetchRequest request, IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default) => Task.FromResult(_snapshot);
}

/// <summary>Real time moved into the generated school year.</summary>
internal sealed class Shifted : TimeProvider
{
    private readonly TimeSpan _shift;

    public Shifted(DateTimeOffset start) => _shift = start - DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + _shift;
}
