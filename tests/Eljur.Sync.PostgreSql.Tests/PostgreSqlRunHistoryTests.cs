using System;
using System.Linq;
using System.Threading.Tasks;
using Eljur.Abstractions.Sync;
using Xunit.Abstractions;

namespace Eljur.Sync.PostgreSql.Tests;

/// <summary>The gateway's run history on PostgreSQL: one running run per school across nodes, documents, listings, abandonment.</summary>
public sealed class PostgreSqlRunHistoryTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 2, 30, 0, TimeSpan.Zero);
    private readonly StoreFixture _db;

    public PostgreSqlRunHistoryTests(ITestOutputHelper output) => _db = new StoreFixture(output);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task OnlyOneRunOfASchoolIsRunningAcrossNodesAndAFinishedOneLetsTheNextBegin()
    {
        if (_db.Server is null)
        {
            return;
        }

        var schema = _db.NewSchema();
        var nodes = Enumerable.Range(0, 6).Select(_ => new PostgreSqlRunHistoryStore(_db.Open(schema))).ToList();
        var begun = await Task.WhenAll(nodes.Select((h, i) => h.TryBeginAsync(Run("r" + i, "school46", "node" + i, T0))));

        Assert.Equal(1, begun.Count(b => b));
        var winner = Array.IndexOf(begun, true);
        Assert.True(await nodes[0].TryBeginAsync(Run("other", "school1", "node0", T0))); // another school is free
        await nodes[1].CompleteAsync(Run("r" + winner, "school46", "node1", T0) with { Status = GatewayRunStatus.Ok, EndedAt = T0.AddMinutes(3), SyncNew = 12, Errors = 2 }, null);
        Assert.True(await nodes[2].TryBeginAsync(Run("next", "school46", "node2", T0.AddHours(1))));

        var runs = await nodes[3].ListAsync("school46", 10);
        Assert.Equal(new[] { "next", "r" + winner }, runs.Select(r => r.Id));
        var done = runs[1];
        Assert.Equal((GatewayRunStatus.Ok, "node1", 12, 2, T0.AddMinutes(3)), (done.Status, done.Node, done.SyncNew, done.Errors, done.EndedAt!.Value));
        Assert.Equal(GatewayRunStatus.Running, runs[0].Status);
    }

    [Fact]
    public async Task DocumentsLatestRunsAndAbandonmentByNode()
    {
        if (_db.Server is null)
        {
            return;
        }

        var history = new PostgreSqlRunHistoryStore(_db.Open(_db.NewSchema()));
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await history.TryBeginAsync(Run("a" + i, "school-a", "n1", T0.AddDays(i))));
            await history.CompleteAsync(Run("a" + i, "school-a", "n1", T0.AddDays(i)) with { Status = GatewayRunStatus.Ok, EndedAt = T0.AddDays(i).AddMinutes(1) },
                new GatewayRunDocuments { ReportJson = "{\"run\":" + i + "}", Html = "<p>отчёт</p>" });
        }

        Assert.True(await history.TryBeginAsync(Run("b0", "school-b", "n1", T0)));
        Assert.True(await history.TryBeginAsync(Run("c0", "school-c", "n2", T0)));

        Assert.Equal("{\"run\":1}", await history.GetDocumentAsync("a1", GatewayRunDocuments.Json));
        Assert.Equal("<p>отчёт</p>", await history.GetDocumentAsync("a2", GatewayRunDocuments.HtmlKind));
        Assert.Null(await history.GetDocumentAsync("a2", GatewayRunDocuments.MarkdownKind));
        Assert.Equal(new[] { "a2", "a1", "b0", "c0" }, (await history.LatestAsync(2)).Select(r => r.Id));

        Assert.Equal(1, await history.AbandonAsync("n1", "прервано", T0.AddHours(5)));
        var b0 = await history.GetAsync("b0");
        Assert.Equal((GatewayRunStatus.Failed, "прервано", T0.AddHours(5)), (b0!.Status, b0.Message, b0.EndedAt!.Value));
        Assert.Equal(GatewayRunStatus.Running, (await history.GetAsync("c0"))!.Status);
        Assert.Null(await history.GetAsync("zz"));
        await Assert.ThrowsAsync<GradebookStoreException>(() => history.CompleteAsync(Run("zz", "school-a", "n1", T0), null));
    }

    private static GatewayRun Run(string id, string school, string node, DateTimeOffset at) =>
        new() { Id = id, SchoolId = school, Node = node, Trigger = "schedule", StartedAt = at };
}
