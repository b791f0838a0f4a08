using System;
using System.Collections.Generic;

namespace Eljur.Abstractions.Evaluation;

/// <summary>A rule with validated parameters, ready to evaluate.</summary>
public sealed class BoundRule
{
    private readonly Action<RuleContext> _evaluate;

    /// <summary>Creates a bound rule.</summary>
    /// <param name="definition">The rule.</param>
    /// <param name="needs">Capabilities needed, for the rule and per aspect.</param>
    /// <param name="evaluate">The evaluation.</param>
    public BoundRule(RuleDefinition definition, IReadOnlyList<CapabilityNeed> needs, Action<RuleContext> evaluate)
    {
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        Needs = needs ?? throw new ArgumentNullException(nameof(needs));
        _evaluate = evaluate ?? throw new ArgumentNullException(nameof(evaluate));
    }

    /// <summary>The rule.</summary>
    public RuleDefinition Definition { get; }

    /// <summary>Capabilities needed.</summary>
    public IReadOnlyList<CapabilityNeed> Needs { get; }

    /// <summary>Evaluates the rule.</summary>
    /// <param name="context">The context.</param>
    public void Evaluate(RuleContext context) => _evaluate(context);
}
