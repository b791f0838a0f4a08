using System;

namespace Eljur.Abstractions.Evaluation;

/// <summary>What to evaluate: the moment and the date range.</summary>
public sealed record EvaluationOptions
{
    /// <summary>The moment the check is "as of"; null means now (from the <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>First date to check; null means the snapshot's <c>source.from</c>.</summary>
    public DateTime? From { get; init; }

    /// <summary>Last date to check; null means the snapshot's <c>source.to</c>.</summary>
    public DateTime? To { get; init; }
}
