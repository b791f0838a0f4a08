namespace Eljur.Rules.Reports.Models;

/// <summary>How many cases of one rule a person has.</summary>
public sealed record RuleCountModel
{
    /// <summary>Rule id.</summary>
    public string Rule { get; init; } = "";

    /// <summary>Short Russian name of the requirement, e.g. «письменные работы».</summary>
    public string Name { get; init; } = "";

    /// <summary>Cases.</summary>
    public int Count { get; init; }
}
