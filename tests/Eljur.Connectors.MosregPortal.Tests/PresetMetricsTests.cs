using System;
using System.Linq;
using System.Threading.Tasks;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.Evaluation;
using Eljur.Rules;

namespace Eljur.Connectors.MosregPortal.Tests;

/// <summary>The mock school fetched and checked with the <c>mosreg-paperless-readiness</c> preset.</summary>
public sealed class PresetMetricsTests
{
    [Fact]
    public async Task The_readiness_preset_gives_the_metrics_the_mock_school_was_designed_for()
    {
        using var f = new MosregFixture();
        var snapshot = await f.FetchAsync();
        var engine = new PolicyEngine(StandardRules.Catalog, ProductionCalendar.Russia, TimeProvider.System);
        var report = engine.Evaluate(snapshot, Presets.Load("mosreg-paperless-readiness"), new EvaluationOptions { AsOf = new DateTimeOffset(2024, 10, 20, 12, 0, 0, TimeSpan.FromHours(3)) });
        var m = report.Metrics.ToDictionary(x => x.Metric);

        // 11А has no lessons.
        Assert.Equal((2L, 3L, false), (m["classes-with-schedule"].Numerator, m["classes-with-schedule"].Denominator, m["classes-with-schedule"].Passed));

        // 15 held lessons (#14 cancelled); #4, #10, #15 have neither topic nor homework.
        Assert.Equal((12L, 15L, false), (m["lessons-with-topic-or-homework"].Numerator, m["lessons-with-topic-or-homework"].Denominator, m["lessons-with-topic-or-homework"].Passed));

        // #4 and #10 have no mark, absence or «conducted» status.
        Assert.Equal((13L, 15L, false), (m["lessons-with-journal-entry"].Numerator, m["lessons-with-journal-entry"].Denominator, m["lessons-with-journal-entry"].Passed));

        // First entry within 24 h of the end of the lesson day: #1, #3, #5, #6, #9, #12, #13, #16.
        Assert.Equal((8L, 15L, true), (m["lessons-filled-within-24h"].Numerator, m["lessons-filled-within-24h"].Denominator, m["lessons-filled-within-24h"].Passed));

        // The API shows no accounts or logins: those two criteria are not evaluable, never passed.
        Assert.Equal(new[] { "accounts-activated", "unique-logins" }, report.NotEvaluable.Select(n => n.Rule).OrderBy(r => r, StringComparer.Ordinal));
        Assert.All(new[] { "accounts-activated", "unique-logins" }, id => Assert.True(!m.TryGetValue(id, out var r) || (r.Value is null && r.Passed is null), id + " has a value"));
        Assert.True(report.HasErrors);
    }
}
