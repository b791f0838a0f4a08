using System;
using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Policies;
using Eljur.Rules.Reports.Models;

namespace Eljur.Rules.Reports;

/// <summary>Turns an <see cref="EvaluationReport"/> into the <see cref="ComplianceReportModel"/> the templates print.</summary>
internal static class ComplianceModelBuilder
{
    public static ComplianceReportModel Build(EvaluationReport report, Policy? policy, StudentNamer namer, IRuleCatalog catalog, TrustedHtml css)
    {
        var uses = policy?.Uses ?? Array.Empty<RuleUse>();
        var rules = report.Findings
            .GroupBy(f => (f.Rule, f.Clause))
            .Select(g =>
            {
                var use = FindUse(uses, g.Key.Rule, g.Key.Clause);
                var findings = g.Select(f => Finding(f, namer)).ToList();
                return new RuleFindingsModel
                {
                    Rule = g.Key.Rule,
                    Title = Title(catalog, g.Key.Rule),
                    Clause = string.IsNullOrWhiteSpace(g.Key.Clause) ? "—" : g.Key.Clause!,
                    Quote = use?.Quote,
                    Note = use?.Note,
                    Count = findings.Count,
                    Certain = findings.Where(f => !f.IsPossible).ToList(),
                    Possible = findings.Where(f => f.IsPossible).ToList(),
                };
            })
            .ToList();

        var metrics = report.Metrics.Select(m => Metric(m, FindUse(uses, m.Metric, m.Clause), catalog)).ToList();
        var notEvaluable = report.NotEvaluable.Select(n => new NotEvaluableModel
        {
            Rule = n.Rule,
            Title = Title(catalog, n.Rule),
            Aspect = n.Aspect,
            AspectText = ReportText.Aspect(n.Aspect),
            Missing = n.Missing.ToList(),
            MissingText = n.Missing.Select(ReportText.CapabilityWords).ToList(),
        }).ToList();

        var errors = report.Findings.Count(f => f.Severity == Severity.Error);
        var failed = report.Metrics.Count(m => m.Passed == false);
        return new ComplianceReportModel
        {
            SchoolName = report.SchoolName,
            PolicyId = report.PolicyId,
            PolicyTitle = report.PolicyTitle,
            PolicyDocument = policy?.Document,
            Assumptions = policy?.Assumptions.ToList() ?? new List<string>(),
            From = RussianText.Date(report.From),
            To = RussianText.Date(report.To),
            AsOf = RussianText.Moment(report.AsOf),
            TimeZone = report.TimeZone,
            HasErrors = report.HasErrors,
            Verdict = Verdict(errors, failed, report.Findings.Count, report.NotEvaluable.Count),
            FindingCount = report.Findings.Count,
            CertainCount = report.Findings.Count(f => f.Certainty == Certainty.Certain),
            PossibleCount = report.Findings.Count(f => f.Certainty == Certainty.Possible),
            ErrorCount = errors,
            WarningCount = report.Findings.Count(f => f.Severity == Severity.Warning),
            InfoCount = report.Findings.Count(f => f.Severity == Severity.Info),
            MetricCount = report.Metrics.Count,
            FailedMetricCount = failed,
            NotEvaluableCount = report.NotEvaluable.Count,
            Anonymized = namer.Anonymize,
            Css = css,
            Rules = rules,
            Metrics = metrics,
            NotEvaluable = notEvaluable,
        };
    }

    private static string Verdict(int errors, int failedMetrics, int findings, int notEvaluable)
    {
        string verdict;
        if (errors > 0 || failedMetrics > 0)
        {
            var parts = new List<string>();
            if (errors > 0)
            {
                parts.Add($"нарушений: {errors}");
            }

            if (failedMetrics > 0)
            {
                parts.Add($"не выполнено нормативов: {failedMetrics}");
            }

            verdict = "Есть нарушения регламента (" + string.Join(", ", parts) + ").";
        }
        else if (findings > 0)
        {
            verdict = "Нарушений регламента не найдено; есть замечания.";
        }
        else
        {
            verdict = "Нарушений регламента не найдено.";
        }

        return notEvaluable > 0 ? verdict + " Часть требований проверить не удалось: не хватает данных." : verdict;
    }

    private static RuleUse? FindUse(IReadOnlyList<RuleUse> uses, string rule, string? clause) =>
        uses.FirstOrDefault(u => u.RuleId == rule && u.Clause == clause) ?? uses.FirstOrDefault(u => u.RuleId == rule);

    private static string Title(IRuleCatalog catalog, string id) => catalog.TryGet(id, out var rule) ? rule.Title : id;

    private static FindingModel Finding(Finding f, StudentNamer namer)
    {
        var possible = f.Certainty == Certainty.Possible;
        return new FindingModel
        {
            Severity = ReportJsonWriter.Name(f.Severity),
            SeverityText = ReportText.Severity(f.Severity),
            Certainty = possible ? "possible" : "certain",
            CertaintyText = possible ? "возможно" : "точно",
            IsPossible = possible,
            Aspect = f.Aspect,
            AspectText = ReportText.Aspect(f.Aspect),
            EntityType = f.Entity.Type,
            EntityTypeText = ReportText.EntityType(f.Entity.Type),
            EntityId = f.Entity.Id,
            Deadline = f.Deadline is { } d ? RussianText.Moment(d) : null,
            Observed = f.Observed is { } o ? RussianText.Moment(o) : null,
            Message = namer.Scrub(f.Message, f.Entity.Id),
        };
    }

    private static MetricModel Metric(MetricResult m, RuleUse? use, IRuleCatalog catalog)
    {
        var comparison = m.ThresholdIsMaximum ? "≤" : "≥";
        var (status, statusText) = m switch
        {
            { Value: null } => ("no-data", "нет данных: знаменатель равен нулю или данных нет"),
            { Passed: true } => ("passed", "норматив выполнен"),
            { Passed: false } => ("failed", "норматив не выполнен"),
            _ => ("reported", "без норматива"),
        };
        return new MetricModel
        {
            Metric = m.Metric,
            Title = Title(catalog, m.Metric),
            Clause = string.IsNullOrWhiteSpace(m.Clause) ? "—" : m.Clause!,
            Quote = use?.Quote,
            HasValue = m.Value.HasValue,
            Value = m.Value,
            ValueText = m.Value is not null ? RussianText.Percent(m.Numerator, m.Denominator) : "нет данных",
            Numerator = m.Numerator,
            Denominator = m.Denominator,
            HasThreshold = m.Threshold.HasValue,
            Threshold = m.Threshold,
            ThresholdText = m.Threshold is { } t ? comparison + " " + RussianText.Percent(t) : "",
            Passed = m.Passed,
            Status = status,
            StatusText = statusText,
            Chart = Chart(m, comparison),
        };
    }

    private static MetricChartModel Chart(MetricResult m, string comparison)
    {
        const double x0 = 10, width = 520;
        var value = Math.Max(0, Math.Min(1, m.Value ?? 0));
        var bar = width * value;
        string? thresholdX = null;
        var thresholdLabelX = 0.0;
        var anchor = "middle";
        if (m.Threshold is { } t)
        {
            var tx = x0 + width * Math.Max(0, Math.Min(1, t));
            thresholdX = ReportText.Coordinate(tx);
            (thresholdLabelX, anchor) = t > 0.85 ? (tx, "end") : t < 0.15 ? (tx, "start") : (tx, "middle");
        }

        var description = m.Value is not null
            ? $"{RussianText.Percent(m.Numerator, m.Denominator)} ({m.Numerator} из {m.Denominator})" + (m.Threshold is { } th ? $", норматив {comparison} {RussianText.Percent(th)}" : "")
            : "нет данных";
        return new MetricChartModel
        {
            BarWidth = ReportText.Coordinate(bar),
            ThresholdX = thresholdX,
            ThresholdLabelX = ReportText.Coordinate(thresholdLabelX),
            ThresholdLabelAnchor = anchor,
            Description = description,
        };
    }
}
