using System;
using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.TestData;

/// <summary>Runs the standard engine on a snapshot and formats findings compactly for exact assertions.</summary>
public static class Check
{
    /// <summary>The as-of moment used unless a test gives one: well after every record of the tests.</summary>
    public const string DefaultAsOf = "2025-06-01T12:00:00+05:00";

    /// <summary>An engine over the standard catalog and the Russian calendar.</summary>
    public static PolicyEngine Engine(TimeProvider? time = null) =>
        new(StandardRules.Catalog, ProductionCalendar.Russia, time ?? TimeProvider.System);

    /// <summary>One rule use.</summary>
    public static RuleUse Use(string ruleId, string parameters = "{}", string? clause = null, double? threshold = null, Severity? severity = null) =>
        new() { RuleId = ruleId, Clause = clause, Parameters = RuleParameters.Parse(parameters), Threshold = threshold, Severity = severity };

    /// <summary>A policy of these uses.</summary>
    public static Policy Policy(params RuleUse[] uses) => new() { Id = "test-policy", Title = "Тестовое положение", Uses = uses };

    /// <summary>Evaluates one rule.</summary>
    public static EvaluationReport Run(GradebookSnapshot snapshot, string ruleId, string parameters = "{}", string asOf = DefaultAsOf) =>
        Run(snapshot, Policy(Use(ruleId, parameters, "1.1")), asOf);

    /// <summary>Evaluates a policy.</summary>
    public static EvaluationReport Run(GradebookSnapshot snapshot, Policy policy, string asOf = DefaultAsOf) =>
        Engine().Evaluate(snapshot, policy, new EvaluationOptions { AsOf = T(asOf) });

    /// <summary>
    /// A finding as one line: <c>rule aspect certainty type:id deadline observed</c>, the times as in
    /// the JSON report and <c>-</c> when absent.
    /// </summary>
    public static string Line(Finding f) =>
        $"{f.Rule} {f.Aspect} {(f.Certainty == Certainty.Certain ? "certain" : "possible")} {f.Entity.Type}:{f.Entity.Id} " +
        $"{(f.Deadline is { } d ? ReportJsonWriter.Timestamp(d) : "-")} {(f.Observed is { } o ? ReportJsonWriter.Timestamp(o) : "-")}";

    /// <summary>Every finding of the report as <see cref="Line"/>.</summary>
    public static IReadOnlyList<string> Lines(EvaluationReport report) => report.Findings.Select(Line).ToList();

    /// <summary>A not-evaluable entry as one line: <c>rule aspect [missing,…]</c>, aspect <c>-</c> when null.</summary>
    public static string Line(NotEvaluableEntry n) => $"{n.Rule} {n.Aspect ?? "-"} [{string.Join(",", n.Missing)}]";

    /// <summary>Every not-evaluable entry as <see cref="Line(NotEvaluableEntry)"/>.</summary>
    public static IReadOnlyList<string> NotEvaluable(EvaluationReport report) => report.NotEvaluable.Select(Line).ToList();
}
