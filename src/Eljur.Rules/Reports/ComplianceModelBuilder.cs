using System;
using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Policies;
using Eljur.Abstractions.Model;
using Eljur.Rules.Reports.Grouping;
using Eljur.Rules.Reports.Models;

namespace Eljur.Rules.Reports;

/// <summary>Turns an <see cref="EvaluationReport"/> into the <see cref="ComplianceReportModel"/> the templates print.</summary>
internal static class ComplianceModelBuilder
{
    public static ComplianceReportModel Build(EvaluationReport report, Policy? policy, StudentNamer namer, IRuleCatalog catalog, TrustedHtml css, GradebookSnapshot? snapshot = null)
    {
        var uses = policy?.Uses ?? Array.Empty<RuleUse>();
        var groups = FindingGrouper.Group(report.Findings, snapshot);
        var (teachers, administration) = ResponsibleSections.Build(groups, namer, catalog, (rule, clause) => FindUse(uses, rule, clause)?.Quote);
        var rules = report.Findings
            .GroupBy(f => (f.Rule, f.Clause))
            .Select(g =>
            {
                var use = FindUse(uses, g.Key.Rule, g.Key.Clause);
                var findings = g.OrderBy(f => f.Deadline ?? f.Observed ?? DateTimeOffset.MaxValue).Select(f => Finding(f, namer)).ToList();
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
        var notEvaluableAll = report.NotEvaluable.Select(n => new NotEvaluableModel
        {
            Rule = n.Rule,
            Title = Title(catalog, n.Rule),
            Aspect = n.Aspect,
            AspectText = ReportText.Aspect(n.Aspect),
            Missing = n.Missing.ToList(),
            MissingText = n.Missing.Select(ReportText.CapabilityWords).ToList(),
        }).ToList();
        var notYet = notEvaluableAll.Where(n => NothingToCheckYet(n, report)).ToList();
        var notEvaluable = notEvaluableAll.Except(notYet).ToList();

        var errors = report.Findings.Count(f => f.Severity == Severity.Error);
        var failed = report.Metrics.Count(m => m.Passed == false);
        var breachCases = teachers.Sum(t => t.Breaches) + (administration?.Breaches ?? 0);
        var possibleCases = teachers.Sum(t => t.Possible) + (administration?.Possible ?? 0);
        var failedNorms = metrics.Where(m => m.Status == "failed").ToList();
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
            Verdict = Verdict(errors, failed, report.Findings.Count, notEvaluable.Count),
            Warnings = report.Warnings,
            Headline = Headline(teachers, administration, failedNorms.Count, metrics.Count(m => m.HasThreshold)),
            Teachers = teachers,
            Administration = administration,
            Sections = administration is null ? teachers : teachers.Append(administration).ToList(),
            BreachCases = breachCases,
            PossibleCases = possibleCases,
            Norms = metrics.Where(m => m.HasThreshold).ToList(),
            FailedNorms = failedNorms,
            PlainMetrics = metrics.Where(m => !m.HasThreshold).ToList(),
            NotYet = notYet,
            Offset = report.AsOf.ToString("zzz", System.Globalization.CultureInfo.InvariantCulture),
            FindingCount = report.Findings.Count,
            CertainCount = report.Findings.Count(f => f.Certainty == Certainty.Certain),
            PossibleCount = report.Findings.Count(f => f.Certainty == Certainty.Possible),
            ErrorCount = errors,
            WarningCount = report.Findings.Count(f => f.Severity == Severity.Warning),
            InfoCount = report.Findings.Count(f => f.Severity == Severity.Info),
            MetricCount = report.Metrics.Count,
            FailedMetricCount = failed,
            NotEvaluableCount = notEvaluable.Count,
            Anonymized = namer.Anonymize,
            Css = css,
            Rules = rules,
            Metrics = metrics,
            NotEvaluable = notEvaluable,
        };
    }

    /// <summary>
    /// ГИА results (and the final marks after them) cannot exist before the exams, which start in late May and end
    /// with the autumn retakes: a check whose range ends between October and 19 May has nothing of them to check.
    /// </summary>
    private static bool NothingToCheckYet(NotEvaluableModel n, EvaluationReport report)
    {
        if (n.Rule is not ("gia-entry" or "final-after-gia") || !n.Missing.Contains(Abstractions.Model.Capability.GiaResults))
        {
            return false;
        }

        var end = report.To < report.AsOf.Date ? report.To : report.AsOf.Date;
        return end.Month >= 10 || end.Month < 5 || (end.Month == 5 && end.Day < 20);
    }

    private static string Headline(List<ResponsibleSectionModel> teachers, ResponsibleSectionModel? administration, int failedNorms, int norms)
    {
        var breaching = teachers.Where(t => t.Breaches > 0).ToList();
        var cases = breaching.Sum(t => t.Breaches) + (administration?.Breaches ?? 0);
        var possible = teachers.Sum(t => t.Possible) + (administration?.Possible ?? 0);
        var normsText = failedNorms > 0
            ? $" Не выполнено нормативов: {failedNorms} из {norms}."
            : norms > 0 ? " Нормативы выполнены." : "";
        if (cases == 0)
        {
            var maybe = possible > 0 ? $" Есть возможные нарушения ({possible}) — их нужно проверить вручную." : "";
            return (failedNorms > 0 ? "Нарушений сроков и правил ведения журнала не найдено." : "Нарушений регламента не найдено.") + maybe + normsText;
        }

        var who = new List<string>();
        if (breaching.Count > 0)
        {
            who.Add($"у {breaching.Count} {RussianText.Plural(breaching.Count, "учителя", "учителей", "учителей")}");
        }

        if (administration is { Breaches: > 0 })
        {
            who.Add("у администрации");
        }

        var top = breaching.Take(3).Select(t => $"{t.Name} ({t.Breaches})");
        var most = breaching.Count > 0 ? $" Больше всего: {string.Join(", ", top)}." : "";
        return $"Регламент нарушен: {cases} {RussianText.Plural(cases, "случай", "случая", "случаев")} {string.Join(" и ", who)}.{most}{normsText}";
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
            Responsible = f.Responsible?.Name ?? "администрация",
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
            Clause = MetricClause(m.Clause),
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

    /// <summary>A clause number as it is («3.5»); a criterion's name in the document's own words, quoted («Online ведение журнала»).</summary>
    private static string MetricClause(string? clause) =>
        string.IsNullOrWhiteSpace(clause) ? "—" : char.IsDigit(clause![0]) ? clause : "«" + clause + "»";

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
