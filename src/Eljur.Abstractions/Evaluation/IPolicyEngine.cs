using System.Collections.Generic;
using System.Threading;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;

namespace Eljur.Abstractions.Evaluation;

/// <summary>Evaluates policies on snapshots.</summary>
public interface IPolicyEngine
{
    /// <summary>Validates a policy against the rule catalog and binds every use.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The bound rules, in policy order.</returns>
    /// <exception cref="PolicyException">A use names an unknown rule or has bad parameters.</exception>
    IReadOnlyList<BoundRule> Bind(Policy policy);

    /// <summary>Evaluates a policy on a snapshot.</summary>
    /// <param name="snapshot">The data.</param>
    /// <param name="policy">The regulation.</param>
    /// <param name="options">As-of moment and range; defaults to now and the snapshot's range.</param>
    /// <param name="cancellationToken">Cancels between rules.</param>
    /// <returns>Findings, metrics and what could not be evaluated.</returns>
    EvaluationReport Evaluate(GradebookSnapshot snapshot, Policy policy, EvaluationOptions? options = null, CancellationToken cancellationToken = default);
}
