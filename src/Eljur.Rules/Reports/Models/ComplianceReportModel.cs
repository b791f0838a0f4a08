using System;
using System.Collections.Generic;

namespace Eljur.Rules.Reports.Models;

/// <summary>
/// What the compliance report templates see (<c>compliance.*.sbn</c>). In a template every member is in
/// snake_case: <see cref="SchoolName"/> is <c>school_name</c>. Texts are Russian and ready to print.
/// </summary>
public sealed record ComplianceReportModel
{
    /// <summary>The report's title.</summary>
    public string Title { get; init; } = "Отчёт о проверке электронного журнала";

    /// <summary>School name.</summary>
    public string SchoolName { get; init; } = "";

    /// <summary>Policy id.</summary>
    public string PolicyId { get; init; } = "";

    /// <summary>Policy title.</summary>
    public string PolicyTitle { get; init; } = "";

    /// <summary>The local act the policy encodes, when the policy says.</summary>
    public string? PolicyDocument { get; init; }

    /// <summary>What the policy assumes where the document is silent.</summary>
    public IReadOnlyList<string> Assumptions { get; init; } = Array.Empty<string>();

    /// <summary>First date checked, <c>dd.MM.yyyy</c>.</summary>
    public string From { get; init; } = "";

    /// <summary>Last date checked, <c>dd.MM.yyyy</c>.</summary>
    public string To { get; init; } = "";

    /// <summary>The as-of moment, <c>dd.MM.yyyy HH:mm</c> in the school's time.</summary>
    public string AsOf { get; init; } = "";

    /// <summary>The school's time zone id.</summary>
    public string TimeZone { get; init; } = "";

    /// <summary>True when there is an error finding or a failed metric.</summary>
    public bool HasErrors { get; init; }

    /// <summary>The verdict in one sentence.</summary>
    public string Verdict { get; init; } = "";

    /// <summary>
    /// What the reader must know to trust the result (the report's warnings): a calendar year missing,
    /// a range without records, records a connector could not map. Shown next to the verdict.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = System.Array.Empty<string>();

    /// <summary>Number of findings.</summary>
    public int FindingCount { get; init; }

    /// <summary>Number of certain findings.</summary>
    public int CertainCount { get; init; }

    /// <summary>Number of possible findings («возможно»).</summary>
    public int PossibleCount { get; init; }

    /// <summary>Number of findings of severity error.</summary>
    public int ErrorCount { get; init; }

    /// <summary>Number of findings of severity warning.</summary>
    public int WarningCount { get; init; }

    /// <summary>Number of findings of severity info.</summary>
    public int InfoCount { get; init; }

    /// <summary>Number of metrics.</summary>
    public int MetricCount { get; init; }

    /// <summary>Number of metrics that failed their threshold.</summary>
    public int FailedMetricCount { get; init; }

    /// <summary>Number of rules (or aspects) that could not be evaluated.</summary>
    public int NotEvaluableCount { get; init; }

    /// <summary>True when student names were replaced by pseudonyms.</summary>
    public bool Anonymized { get; init; }

    /// <summary>The report style sheet (HTML only; written unescaped).</summary>
    public TrustedHtml Css { get; init; } = new("");

    /// <summary>The verdict and who has the most breaches, in one or two sentences for the first page.</summary>
    public string Headline { get; init; } = "";

    /// <summary>The teachers with something to put right, most breaches first.</summary>
    public IReadOnlyList<ResponsibleSectionModel> Teachers { get; init; } = Array.Empty<ResponsibleSectionModel>();

    /// <summary>The administration's items, or null when it has none.</summary>
    public ResponsibleSectionModel? Administration { get; init; }

    /// <summary>The teachers, then the administration: every section of the teacher-by-teacher part.</summary>
    public IReadOnlyList<ResponsibleSectionModel> Sections { get; init; } = Array.Empty<ResponsibleSectionModel>();

    /// <summary>Proven breaches as cases (a late written work with nine pupils is one).</summary>
    public int BreachCases { get; init; }

    /// <summary>Possible breaches as cases.</summary>
    public int PossibleCases { get; init; }

    /// <summary>Metrics with a threshold (norms), in policy order.</summary>
    public IReadOnlyList<MetricModel> Norms { get; init; } = Array.Empty<MetricModel>();

    /// <summary>The norms that failed.</summary>
    public IReadOnlyList<MetricModel> FailedNorms { get; init; } = Array.Empty<MetricModel>();

    /// <summary>Metrics without a threshold, reported for information at the end.</summary>
    public IReadOnlyList<MetricModel> PlainMetrics { get; init; } = Array.Empty<MetricModel>();

    /// <summary>Rules with nothing to check yet (e.g. ГИА results before the exams): not missing data.</summary>
    public IReadOnlyList<NotEvaluableModel> NotYet { get; init; } = Array.Empty<NotEvaluableModel>();

    /// <summary>The school's UTC offset at the as-of moment, e.g. «+05:00».</summary>
    public string Offset { get; init; } = "";

    /// <summary>Findings grouped by rule use (rule and clause), in report order.</summary>
    public IReadOnlyList<RuleFindingsModel> Rules { get; init; } = Array.Empty<RuleFindingsModel>();

    /// <summary>Metrics, in policy order.</summary>
    public IReadOnlyList<MetricModel> Metrics { get; init; } = Array.Empty<MetricModel>();

    /// <summary>Rules and aspects that could not be evaluated, with the missing data.</summary>
    public IReadOnlyList<NotEvaluableModel> NotEvaluable { get; init; } = Array.Empty<NotEvaluableModel>();
}

/// <summary>The findings of one rule for one clause.</summary>
public sealed record RuleFindingsModel
{
    /// <summary>Rule id.</summary>
    public string Rule { get; init; } = "";

    /// <summary>Rule title in Russian.</summary>
    public string Title { get; init; } = "";

    /// <summary>Clause, or «—».</summary>
    public string Clause { get; init; } = "";

    /// <summary>The clause's text from the policy, when the policy quotes it.</summary>
    public string? Quote { get; init; }

    /// <summary>The policy's note on this use, when any.</summary>
    public string? Note { get; init; }

    /// <summary>Number of findings.</summary>
    public int Count { get; init; }

    /// <summary>Certain findings.</summary>
    public IReadOnlyList<FindingModel> Certain { get; init; } = Array.Empty<FindingModel>();

    /// <summary>Possible findings («возможно»): the data does not prove the breach.</summary>
    public IReadOnlyList<FindingModel> Possible { get; init; } = Array.Empty<FindingModel>();
}

/// <summary>One finding, ready to print.</summary>
public sealed record FindingModel
{
    /// <summary>Severity: <c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public string Severity { get; init; } = "";

    /// <summary>Severity in Russian.</summary>
    public string SeverityText { get; init; } = "";

    /// <summary>Certainty: <c>certain</c> or <c>possible</c>.</summary>
    public string Certainty { get; init; } = "";

    /// <summary>Certainty in Russian: «точно» or «возможно».</summary>
    public string CertaintyText { get; init; } = "";

    /// <summary>True for a possible finding.</summary>
    public bool IsPossible { get; init; }

    /// <summary>Aspect id, e.g. <c>late</c>.</summary>
    public string Aspect { get; init; } = "";

    /// <summary>Aspect in Russian.</summary>
    public string AspectText { get; init; } = "";

    /// <summary>Entity type, e.g. <c>mark</c>.</summary>
    public string EntityType { get; init; } = "";

    /// <summary>Entity type in Russian.</summary>
    public string EntityTypeText { get; init; } = "";

    /// <summary>Entity id (as in the JSON report).</summary>
    public string EntityId { get; init; } = "";

    /// <summary>The deadline, <c>dd.MM.yyyy HH:mm</c>, or null.</summary>
    public string? Deadline { get; init; }

    /// <summary>What was observed (the entry time), <c>dd.MM.yyyy HH:mm</c>, or null.</summary>
    public string? Observed { get; init; }

    /// <summary>Who must put it right: a staff member's name, or «администрация».</summary>
    public string Responsible { get; init; } = "";

    /// <summary>The explanation in Russian (student names replaced by pseudonyms when anonymizing).</summary>
    public string Message { get; init; } = "";
}

/// <summary>One metric with its chart geometry.</summary>
public sealed record MetricModel
{
    /// <summary>Metric id.</summary>
    public string Metric { get; init; } = "";

    /// <summary>Metric title in Russian.</summary>
    public string Title { get; init; } = "";

    /// <summary>Clause or criterion, or «—».</summary>
    public string Clause { get; init; } = "";

    /// <summary>The clause's text from the policy, when quoted.</summary>
    public string? Quote { get; init; }

    /// <summary>True when there is a value (the denominator is not zero).</summary>
    public bool HasValue { get; init; }

    /// <summary>The value 0..1, or null.</summary>
    public double? Value { get; init; }

    /// <summary>The value as «92,3 %», or «нет данных».</summary>
    public string ValueText { get; init; } = "";

    /// <summary>Numerator.</summary>
    public long Numerator { get; init; }

    /// <summary>Denominator.</summary>
    public long Denominator { get; init; }

    /// <summary>True when the policy sets a threshold.</summary>
    public bool HasThreshold { get; init; }

    /// <summary>The threshold 0..1, or null.</summary>
    public double? Threshold { get; init; }

    /// <summary>The threshold as «≥ 95 %», or empty.</summary>
    public string ThresholdText { get; init; } = "";

    /// <summary>Whether the threshold is met; null without a threshold or a value.</summary>
    public bool? Passed { get; init; }

    /// <summary><c>passed</c>, <c>failed</c>, <c>reported</c> (no threshold) or <c>no-data</c>.</summary>
    public string Status { get; init; } = "";

    /// <summary>The status in Russian.</summary>
    public string StatusText { get; init; } = "";

    /// <summary>The bar chart against the threshold.</summary>
    public MetricChartModel Chart { get; init; } = new();
}

/// <summary>Geometry of a metric's inline SVG chart (numbers already formatted for SVG, invariant culture).</summary>
public sealed record MetricChartModel
{
    /// <summary>SVG width.</summary>
    public int Width { get; init; } = 640;

    /// <summary>SVG height.</summary>
    public int Height { get; init; } = 70;

    /// <summary>Left edge of the 0–100 % track.</summary>
    public string TrackX { get; init; } = "10";

    /// <summary>Width of the track (100 %).</summary>
    public string TrackWidth { get; init; } = "520";

    /// <summary>Right edge of the track.</summary>
    public string TrackEnd { get; init; } = "530";

    /// <summary>Width of the value bar.</summary>
    public string BarWidth { get; init; } = "0";

    /// <summary>X of the value label, right of the track (so that it never meets the threshold line).</summary>
    public string ValueLabelX { get; init; } = "542";

    /// <summary>X of the threshold line, or null without a threshold.</summary>
    public string? ThresholdX { get; init; }

    /// <summary>X of the threshold label.</summary>
    public string ThresholdLabelX { get; init; } = "0";

    /// <summary>Text anchor of the threshold label.</summary>
    public string ThresholdLabelAnchor { get; init; } = "middle";

    /// <summary>A text alternative for the chart.</summary>
    public string Description { get; init; } = "";
}

/// <summary>A rule (or aspect) that could not be evaluated.</summary>
public sealed record NotEvaluableModel
{
    /// <summary>Rule or metric id.</summary>
    public string Rule { get; init; } = "";

    /// <summary>Rule or metric title in Russian.</summary>
    public string Title { get; init; } = "";

    /// <summary>Aspect id, or null for the whole rule.</summary>
    public string? Aspect { get; init; }

    /// <summary>Aspect in Russian, or empty for the whole rule.</summary>
    public string AspectText { get; init; } = "";

    /// <summary>Missing capability names, as in the JSON report.</summary>
    public IReadOnlyList<string> Missing { get; init; } = Array.Empty<string>();

    /// <summary>The missing data in Russian words.</summary>
    public IReadOnlyList<string> MissingText { get; init; } = Array.Empty<string>();
}
