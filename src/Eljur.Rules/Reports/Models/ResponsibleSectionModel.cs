using System;
using System.Collections.Generic;

namespace Eljur.Rules.Reports.Models;

/// <summary>What one teacher (or the administration) must put right: a row of the first page's table and a section of the report.</summary>
public sealed record ResponsibleSectionModel
{
    /// <summary>Staff id, or null for the administration.</summary>
    public string? Id { get; init; }

    /// <summary>Full name, or «Администрация школы».</summary>
    public string Name { get; init; } = "";

    /// <summary>True for the administration's items.</summary>
    public bool IsAdministration { get; init; }

    /// <summary>An HTML anchor for the section.</summary>
    public string Anchor { get; init; } = "";

    /// <summary>Proven breaches (cases).</summary>
    public int Breaches { get; init; }

    /// <summary>Possible breaches (cases), counted apart.</summary>
    public int Possible { get; init; }

    /// <summary>Informational items (cases).</summary>
    public int Notes { get; init; }

    /// <summary>Findings in all the cases (a late written work with nine pupils counts nine).</summary>
    public int FindingCount { get; init; }

    /// <summary>Breaches per rule, most first.</summary>
    public IReadOnlyList<RuleCountModel> ByRule { get; init; } = Array.Empty<RuleCountModel>();

    /// <summary>Breaches per rule as one line, e.g. «письменные работы — 2; темы уроков — 1».</summary>
    public string ByRuleText { get; init; } = "";

    /// <summary>The worst delay, e.g. «8 дней», or «—».</summary>
    public string WorstDelay { get; init; } = "";

    /// <summary>The clauses of the regulation this person breached, with their text when the policy quotes it.</summary>
    public IReadOnlyList<ClauseModel> Clauses { get; init; } = Array.Empty<ClauseModel>();

    /// <summary>The cases, by date.</summary>
    public IReadOnlyList<CaseModel> Cases { get; init; } = Array.Empty<CaseModel>();
}
