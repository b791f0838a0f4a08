namespace Eljur.Abstractions.Policies;

/// <summary>One use of a rule or metric in a policy: which rule, with what parameters, enforcing which clause.</summary>
public sealed record RuleUse
{
    /// <summary>Rule or metric id from the catalog.</summary>
    public string RuleId { get; init; } = "";

    /// <summary>Clause of the local act (e.g. <c>5.4</c>) or the criterion's name.</summary>
    public string? Clause { get; init; }

    /// <summary>The clause's text, quoted in reports.</summary>
    public string? Quote { get; init; }

    /// <summary>Severity override for the rule's error-level findings; null keeps the rule's defaults.</summary>
    public Evaluation.Severity? Severity { get; init; }

    /// <summary>Metric threshold; null reports the metric without passing or failing it.</summary>
    public double? Threshold { get; init; }

    /// <summary>True when <see cref="Threshold"/> is an upper bound (the value must not exceed it).</summary>
    public bool ThresholdIsMaximum { get; init; }

    /// <summary>Free-text note shown in reports (e.g. an assumption this use makes).</summary>
    public string? Note { get; init; }

    /// <summary>The rule's parameters.</summary>
    public RuleParameters Parameters { get; init; } = RuleParameters.Empty();

    /// <summary>JSON path of this use in its policy file, for messages.</summary>
    public string Path { get; init; } = "$";
}
