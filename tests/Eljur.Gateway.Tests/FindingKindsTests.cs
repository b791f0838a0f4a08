using System;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Sync;
using Eljur.Gateway.Runs;
using Eljur.Gateway.Web;

namespace Eljur.Gateway.Tests;

/// <summary>Notes (severity info) are shown for the record and never counted as breaches, on every page.</summary>
public sealed class FindingKindsTests
{
    private static readonly GatewayRun Run = new()
    {
        Id = "r1",
        SchoolId = "s",
        Status = GatewayRunStatus.Ok,
        StartedAt = new DateTimeOffset(2024, 11, 20, 7, 0, 0, TimeSpan.Zero),
        Errors = 4,
        Warnings = 2,
        Infos = 3,
        Possible = 1,
    };

    [Fact]
    public void A_runs_breaches_are_its_errors_and_warnings()
    {
        Assert.Equal(6, FindingKinds.Breaches(Run));
        Assert.Equal(6, OverviewPage.Row.Total(Run));
    }

    [Fact]
    public void A_run_counts_each_finding_once_and_a_note_never_as_a_breach()
    {
        Finding F(Severity severity, Certainty certainty) => new() { Rule = "r", Severity = severity, Certainty = certainty };
        var findings = new[]
        {
            F(Severity.Error, Certainty.Certain), F(Severity.Error, Certainty.Certain), F(Severity.Warning, Certainty.Certain),
            F(Severity.Error, Certainty.Possible), F(Severity.Warning, Certainty.Possible),
            F(Severity.Info, Certainty.Certain), F(Severity.Info, Certainty.Possible),
        };

        var run = FindingKinds.Counted(new GatewayRun { Id = "r2", FailedMetrics = 1 }, findings);

        Assert.Equal((2, 1, 2, 2), (run.Errors, run.Warnings, run.Possible, run.Infos));
        Assert.Equal(findings.Length, run.Errors + run.Warnings + run.Possible + run.Infos);
        Assert.Equal(("r2", 1), (run.Id, run.FailedMetrics));
        Assert.Equal(3, FindingKinds.Breaches(run));
    }

    [Fact]
    public void The_chart_counts_breaches_without_notes()
    {
        var svg = TrendChart.Render(new[] { Run }, "Europe/Moscow");
        Assert.Contains("нарушений 6, возможных 1", svg, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error", "certain", "certain", "точное")]
    [InlineData("warning", "possible", "possible", "возможное")]
    [InlineData("info", "certain", "info", "к сведению")]
    [InlineData("info", "possible", "info", "к сведению")]
    public void A_finding_has_one_kind_which_the_filter_matches(string severity, string certainty, string kind, string label)
    {
        var row = new FindingRow { Severity = severity, Certainty = certainty };
        Assert.Equal(kind, FindingKinds.Kind(row));
        Assert.Equal(label, Html.Kind(row));
        Assert.Equal(kind == "certain", FindingKinds.IsBreach(row));
        Assert.Equal(kind == "possible", FindingKinds.IsPossible(row));
        foreach (var filter in new[] { "certain", "possible", "info" })
        {
            Assert.Equal(filter == kind, new SchoolPage.Filters(null, null, null, filter).Match(row));
        }
    }
}
