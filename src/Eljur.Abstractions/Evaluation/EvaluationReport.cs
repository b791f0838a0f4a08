using System;
using System.Collections.Generic;
using System.Linq;

namespace Eljur.Abstractions.Evaluation;

/// <summary>The result of evaluating a policy on a snapshot (<c>eljur.report/1</c>).</summary>
public sealed record EvaluationReport
{
    /// <summary>The report format identifier.</summary>
    public const string FormatId = "eljur.report/1";

    /// <summary>Policy id.</summary>
    public string PolicyId { get; init; } = "";

    /// <summary>Policy title.</summary>
    public string PolicyTitle { get; init; } = "";

    /// <summary>The instant the evaluation is "as of", in the school's offset.</summary>
    public DateTimeOffset AsOf { get; init; }

    /// <summary>First date checked.</summary>
    public DateTime From { get; init; }

    /// <summary>Last date checked.</summary>
    public DateTime To { get; init; }

    /// <summary>School name, for display.</summary>
    public string SchoolName { get; init; } = "";

    /// <summary>School time zone id.</summary>
    public string TimeZone { get; init; } = "";

    /// <summary>Findings, sorted by rule, then entity id.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = Array.Empty<Finding>();

    /// <summary>Metrics, in policy order.</summary>
    public IReadOnlyList<MetricResult> Metrics { get; init; } = Array.Empty<MetricResult>();

    /// <summary>Rules and aspects that could not be evaluated.</summary>
    public IReadOnlyList<NotEvaluableEntry> NotEvaluable { get; init; } = Array.Empty<NotEvaluableEntry>();

    /// <summary>
    /// What the reader must know to trust the result, as Russian sentences (JSON <c>warnings</c>): a year
    /// the production calendar lacks, a deadline near the end of its data, a range without records, records a connector could not map.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();

    /// <summary>True when a finding has severity error or a metric failed: <c>eljur check</c> then exits with 1.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error) || Metrics.Any(m => m.Passed == false);
}
