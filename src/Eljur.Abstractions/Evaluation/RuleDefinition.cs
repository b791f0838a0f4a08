using Eljur.Abstractions.Policies;

namespace Eljur.Abstractions.Evaluation;

/// <summary>
/// A rule or metric of the catalog: a stable id, a Russian title, and how to bind parameters.
/// Implement <see cref="Rule{TParameters}"/> rather than this class directly.
/// </summary>
public abstract class RuleDefinition
{
    /// <summary>Stable id, e.g. <c>lesson-topic</c>.</summary>
    public abstract string Id { get; }

    /// <summary>Short title in Russian, shown in reports.</summary>
    public abstract string Title { get; }

    /// <summary>True for a metric (a ratio with an optional threshold) rather than a rule producing findings.</summary>
    public virtual bool IsMetric => false;

    /// <summary>Validates parameters and returns the rule ready to evaluate.</summary>
    /// <param name="parameters">Parameters from the policy.</param>
    /// <returns>The bound rule.</returns>
    /// <exception cref="PolicyException">A parameter is missing, unknown or invalid.</exception>
    public abstract BoundRule Bind(RuleParameters parameters);
}
