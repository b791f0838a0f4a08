namespace Eljur.Rules.Reports.Models;

/// <summary>A clause of the regulation as a notice quotes it.</summary>
public sealed record ClauseModel
{
    /// <summary>Clause number, e.g. «5.4», or «—».</summary>
    public string Clause { get; init; } = "";

    /// <summary>The requirement in Russian (the rule's title).</summary>
    public string Title { get; init; } = "";

    /// <summary>The clause's text as the policy quotes it, when it does.</summary>
    public string? Quote { get; init; }
}
