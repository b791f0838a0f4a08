using System;
using System.Collections.Generic;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;
using Eljur.Rules;

namespace Eljur.Benchmarks;

/// <summary>The SDK's engine as the benchmarks call it.</summary>
public static class EljurEngine
{
    private static readonly PolicyEngine Engine = new(StandardRules.Catalog, ProductionCalendar.Russia, TimeProvider.System);

    /// <summary>The moment a generated snapshot is checked as of: when it was fetched (after its last day).</summary>
    public static DateTimeOffset AsOf(GradebookSnapshot snapshot) => snapshot.Source.FetchedAt;

    public static EvaluationReport Evaluate(GradebookSnapshot snapshot, Policy policy) =>
        Engine.Evaluate(snapshot, policy, new EvaluationOptions { AsOf = AsOf(snapshot) });

    /// <summary>The three rules of the side-by-side, with the lyceum preset's parameters; findings counted per rule.</summary>
    public static Dictionary<string, int> ThreeRules(GradebookSnapshot snapshot)
    {
        var report = Evaluate(snapshot, LyceumPolicy.ThreeRules);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            [RulesEngineThreeRules.CurrentMarkEntry] = 0, [RulesEngineThreeRules.WrittenMarkEntry] = 0, [RulesEngineThreeRules.MarkCorrection] = 0,
        };
        foreach (var finding in report.Findings)
        {
            counts[finding.Rule]++;
        }

        return counts;
    }
}
