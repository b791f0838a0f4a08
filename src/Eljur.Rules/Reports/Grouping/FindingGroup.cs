using System;
using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;

namespace Eljur.Rules.Reports.Grouping;

/// <summary>
/// Findings that are one case for the person who must put them right: the late marks of one written work, the
/// late absences of one lesson, the missing period marks of one class and subject — or a single finding. Made by
/// <see cref="FindingGrouper"/>; every finding of a report is in exactly one group.
/// </summary>
public sealed record FindingGroup
{
    /// <summary>Rule id.</summary>
    public string Rule { get; init; } = "";

    /// <summary>Clause of the rule use.</summary>
    public string? Clause { get; init; }

    /// <summary>Aspect, e.g. <c>late</c>.</summary>
    public string Aspect { get; init; } = "";

    /// <summary>Certainty shared by the findings.</summary>
    public Certainty Certainty { get; init; }

    /// <summary>The most severe severity among the findings.</summary>
    public Severity Severity { get; init; }

    /// <summary>Who must put it right; null for the administration.</summary>
    public ResponsibleStaff? Responsible { get; init; }

    /// <summary>The date of the record (lesson, work, end of period), for ordering; null when none is known.</summary>
    public DateTime? Date { get; init; }

    /// <summary>The shared deadline, when any.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>The latest observed time among the findings (the last entry), when any.</summary>
    public DateTimeOffset? Observed { get; init; }

    /// <summary>The worst delay among the findings: observed minus deadline, when both are known.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>
    /// The case in Russian with no student named, e.g. «Письменная работа 28.10.2024, 9А, Математика — 9 отметок
    /// внесены 05.11.2024, срок 02.11.2024»; null for a single finding, whose own message says it.
    /// </summary>
    public string? Summary { get; init; }

    /// <summary>The findings, in report order.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = Array.Empty<Finding>();
}
