namespace Eljur.Rules.Reports.Models;

/// <summary>One case in a teacher's section: a single finding, or several that are one act (the late marks of one written work).</summary>
public sealed record CaseModel
{
    /// <summary>The record's date, <c>dd.MM.yyyy</c>, or «—».</summary>
    public string Date { get; init; } = "";

    /// <summary>Rule id (for templates and styles; not for reading).</summary>
    public string Rule { get; init; } = "";

    /// <summary>The requirement in Russian: the rule's title.</summary>
    public string RuleTitle { get; init; } = "";

    /// <summary>Clause, or «—».</summary>
    public string Clause { get; init; } = "";

    /// <summary>What is wrong, in Russian, naming no code: the group's summary or the finding's message.</summary>
    public string What { get; init; } = "";

    /// <summary>How many findings the case holds.</summary>
    public int Count { get; init; }

    /// <summary>The deadline, <c>dd.MM.yyyy HH:mm</c>, or null.</summary>
    public string? Deadline { get; init; }

    /// <summary>The last entry time, <c>dd.MM.yyyy HH:mm</c>, or null.</summary>
    public string? Observed { get; init; }

    /// <summary>True when the breach is possible, not proven.</summary>
    public bool IsPossible { get; init; }

    /// <summary>True for an informational finding (not a breach).</summary>
    public bool IsNote { get; init; }

    /// <summary>Severity: <c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public string Severity { get; init; } = "";

    /// <summary>Severity in Russian, or «возможно» for a possible breach.</summary>
    public string SeverityText { get; init; } = "";

    /// <summary>The record ids, for the technical column (first ones, then «и ещё N»).</summary>
    public string TechIds { get; init; } = "";
}
