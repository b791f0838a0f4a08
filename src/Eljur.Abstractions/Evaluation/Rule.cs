using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Policies;

namespace Eljur.Abstractions.Evaluation;

/// <summary>
/// Base class of a rule with typed parameters: parse them once, declare the capabilities they need,
/// evaluate against a <see cref="RuleContext"/>. Each rule of the catalog is one such class.
/// </summary>
/// <typeparam name="TParameters">The rule's parsed parameters.</typeparam>
public abstract class Rule<TParameters> : RuleDefinition
    where TParameters : class
{
    /// <inheritdoc />
    public sealed override BoundRule Bind(RuleParameters parameters)
    {
        var parsed = Parse(parameters);
        parameters.EnsureAllRead();
        return new BoundRule(this, Needs(parsed).ToList(), context => Evaluate(context, parsed));
    }

    /// <summary>Reads and validates the parameters (throw via <see cref="RuleParameters"/> getters).</summary>
    /// <param name="parameters">Raw parameters.</param>
    /// <returns>Parsed parameters.</returns>
    protected abstract TParameters Parse(RuleParameters parameters);

    /// <summary>Capabilities the rule needs with these parameters: one entry with a null aspect for the whole rule, more per aspect.</summary>
    /// <param name="parameters">Parsed parameters.</param>
    /// <returns>The needs.</returns>
    protected abstract IEnumerable<CapabilityNeed> Needs(TParameters parameters);

    /// <summary>Evaluates the rule, reporting findings or the metric through the context.</summary>
    /// <param name="context">The evaluation context.</param>
    /// <param name="parameters">Parsed parameters.</param>
    protected abstract void Evaluate(RuleContext context, TParameters parameters);
}
