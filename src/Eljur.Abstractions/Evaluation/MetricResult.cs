namespace Eljur.Abstractions.Evaluation;

/// <summary>The value of one metric of a policy.</summary>
public sealed record MetricResult
{
    /// <summary>Metric id.</summary>
    public string Metric { get; init; } = "";

    /// <summary>Clause or criterion the metric measures.</summary>
    public string? Clause { get; init; }

    /// <summary>Numerator / denominator, rounded to 4 decimals; <see langword="null"/> when the denominator is zero.</summary>
    public double? Value { get; init; }

    /// <summary>Numerator.</summary>
    public long Numerator { get; init; }

    /// <summary>Denominator.</summary>
    public long Denominator { get; init; }

    /// <summary>Threshold, when the policy sets one.</summary>
    public double? Threshold { get; init; }

    /// <summary>Whether the value meets the threshold: above (or at most, for <see cref="ThresholdIsMaximum"/>); null without a threshold or a value.</summary>
    public bool? Passed { get; init; }

    /// <summary>True when the threshold is an upper bound rather than the usual lower bound.</summary>
    public bool ThresholdIsMaximum { get; init; }
}
