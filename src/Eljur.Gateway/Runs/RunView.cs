using System;
using System.Collections.Generic;

namespace Eljur.Gateway.Runs;

/// <summary>A run's findings as the pages show them (stored as the run's <c>view</c> document).</summary>
internal sealed class RunView
{
    public List<FindingRow> Findings { get; set; } = new();

    public List<MetricRow> Metrics { get; set; } = new();

    public List<string> Warnings { get; set; } = new();
}

/// <summary>One finding with the class and teacher it is attributed to.</summary>
internal sealed class FindingRow
{
    public string Rule { get; set; } = "";

    public string RuleTitle { get; set; } = "";

    public string? Clause { get; set; }

    public string Severity { get; set; } = "";

    public string Certainty { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    public DateTime? Date { get; set; }

    public string? ClassName { get; set; }

    public string? TeacherId { get; set; }

    public string? TeacherName { get; set; }

    public DateTimeOffset? Deadline { get; set; }

    public DateTimeOffset? Observed { get; set; }

    /// <summary>How late (observed − deadline) in hours, when both are known.</summary>
    public double? DelayHours { get; set; }

    public string Message { get; set; } = "";
}

/// <summary>One metric's result.</summary>
internal sealed class MetricRow
{
    public string Metric { get; set; } = "";

    public string Title { get; set; } = "";

    public double? Value { get; set; }

    public double? Threshold { get; set; }

    public bool? Passed { get; set; }
}
