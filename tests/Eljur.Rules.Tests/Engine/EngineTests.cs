using System;
using System.Linq;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;
using Eljur.Rules.Tests.TestData;
using Microsoft.Extensions.Time.Testing;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Engine;

public sealed class EngineTests
{
    [Fact]
    public void WithoutAsOf_TheTimeProvidersNowIsUsed_InTheSchoolsOffset()
    {
        var time = new FakeTimeProvider(T("2024-10-29T05:00:00Z"));
        var engine = Check.Engine(time);
        var snapshot = SnapshotBuilder.School()
            .Lesson("mon", "2024-10-28")
            .Lesson("tue", "2024-10-29")
            .Build();
        var policy = Check.Policy(Check.Use("lesson-topic"));

        var tuesday = engine.Evaluate(snapshot, policy);

        Assert.Equal(new DateTimeOffset(2024, 10, 29, 10, 0, 0, Ekb), tuesday.AsOf);
        Assert.Equal(Ekb, tuesday.AsOf.Offset);
        Assert.Equal(new[] { "mon" }, tuesday.Findings.Select(f => f.Entity.Id));

        time.Advance(TimeSpan.FromHours(14)); // 19:00Z = midnight in Yekaterinburg
        var wednesday = engine.Evaluate(snapshot, policy, new EvaluationOptions());

        Assert.Equal("2024-10-30T00:00:00+05:00", ReportJsonWriter.Timestamp(wednesday.AsOf));
        Assert.Equal(new[] { "mon", "tue" }, wednesday.Findings.Select(f => f.Entity.Id));
    }

    [Fact]
    public void WithoutFromAndTo_TheSnapshotsRangeIsUsed()
    {
        var snapshot = SnapshotBuilder.School().Range("2024-10-28", "2024-10-28")
            .Lesson("before", "2024-10-27")
            .Lesson("in", "2024-10-28")
            .Lesson("after", "2024-10-29")
            .Build();

        var report = Check.Run(snapshot, "lesson-topic");

        Assert.Equal(D("2024-10-28"), report.From);
        Assert.Equal(D("2024-10-28"), report.To);
        Assert.Equal(new[] { "in" }, report.Findings.Select(f => f.Entity.Id));
    }

    [Fact]
    public void ARangeEndingBeforeItStarts_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Check.Engine().Evaluate(
            SnapshotBuilder.School().Build(),
            Check.Policy(Check.Use("lesson-topic")),
            new EvaluationOptions { AsOf = T(Check.DefaultAsOf), From = D("2024-11-01"), To = D("2024-10-31") }));

        Assert.Contains("2024-10-31", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnErrorFinding_HasErrors()
    {
        var report = Check.Run(SnapshotBuilder.School().Lesson("l1", "2024-10-28").Build(), "lesson-topic");

        Assert.True(report.HasErrors);
    }

    [Fact]
    public void WarningsOnly_HaveNoErrors()
    {
        var report = Check.Run(
            SnapshotBuilder.School().Lesson("l1", "2024-10-28").Build(),
            Check.Policy(Check.Use("lesson-topic", severity: Severity.Warning), Check.Use("lessons-with-journal-entry")));

        Assert.Equal(Severity.Warning, Assert.Single(report.Findings).Severity);
        Assert.Null(report.Metrics[0].Passed);
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void AFailedMetric_HasErrors_APassedOneDoesNot()
    {
        var snapshot = SnapshotBuilder.School()
            .Lesson("l1", "2024-10-28", l => l with { Held = true })
            .Lesson("l2", "2024-10-28", l => l with { Held = null })
            .Build();

        var failed = Check.Run(snapshot, Check.Policy(Check.Use("lessons-with-journal-entry", threshold: 0.9)));
        var passed = Check.Run(snapshot, Check.Policy(Check.Use("lessons-with-journal-entry", threshold: 0.5)));

        Assert.Empty(failed.Findings);
        Assert.False(failed.Metrics[0].Passed);
        Assert.True(failed.HasErrors);
        Assert.True(passed.Metrics[0].Passed);
        Assert.False(passed.HasErrors);
    }

    [Fact]
    public void HasErrors_OnAReportBuiltByHand()
    {
        var error = new Finding { Rule = "r", Severity = Severity.Error };
        var info = new Finding { Rule = "r", Severity = Severity.Info };

        Assert.False(new EvaluationReport().HasErrors);
        Assert.True(new EvaluationReport { Findings = new[] { info, error } }.HasErrors);
        Assert.False(new EvaluationReport { Findings = new[] { info }, Metrics = new[] { new MetricResult { Passed = null }, new MetricResult { Passed = true } } }.HasErrors);
        Assert.True(new EvaluationReport { Metrics = new[] { new MetricResult { Passed = false } } }.HasErrors);
    }

    [Fact]
    public void ThePolicyCanBeEvaluatedTwice_WithTheSameResult()
    {
        var snapshot = SnapshotBuilder.School()
            .Mark("m1", "2024-10-28", MarkKind.Written, m => m with { EnteredAt = T("2024-11-05T09:12:00+05:00") })
            .Build();
        var policy = Check.Policy(Check.Use("written-mark-entry", """{ "bySubject": [ { "subjects": ["Алгебра"], "workingDays": 10 } ], "defaultWorkingDays": 5 }"""));

        var first = Check.Run(snapshot, policy);
        var second = Check.Run(snapshot, policy);

        Assert.Empty(first.Findings);
        Assert.Equal(Check.Lines(first), Check.Lines(second));
    }

    [Fact]
    public void AnUnknownRuleInAPolicyBuiltInCode_IsAPolicyException()
    {
        var policy = Check.Policy(Check.Use("lesson-topic"), Check.Use("lesson-topik") with { Path = "$.rules[1]" });

        var ex = Assert.Throws<PolicyException>(() => Check.Run(SnapshotBuilder.School().Build(), policy));

        Assert.Equal("$.rules[1].rule", ex.JsonPath);
        Assert.Contains("lesson-topik", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadParametersInAPolicyBuiltInCode_AreAPolicyException()
    {
        var ex = Assert.Throws<PolicyException>(() => Check.Run(SnapshotBuilder.School().Build(), "lesson-topic", """{ "deadline": "nextWeek" }"""));

        Assert.Equal("$.params.deadline", ex.JsonPath);
        Assert.Contains("nextWeek", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownTimeZone_IsAnErrorNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => Check.Run(SnapshotBuilder.School().InZone("Asia/Atlantis").Build(), "lesson-topic"));

        Assert.Contains("Asia/Atlantis", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancellation_IsHonouredBetweenRules()
    {
        using var cts = new System.Threading.CancellationTokenSource();
        cts.Cancel();

        Assert.Throws<OperationCanceledException>(() => Check.Engine().Evaluate(
            SnapshotBuilder.School().Build(),
            Check.Policy(Check.Use("lesson-topic")),
            new EvaluationOptions { AsOf = T(Check.DefaultAsOf) },
            cts.Token));
    }
}
