using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Policies;

namespace Eljur.Rules.Metrics;

/// <summary>Base of the parameterless metrics: declare the needs, count numerator and denominator.</summary>
internal abstract class MetricRule : Rule<NoParameters>
{
    public sealed override bool IsMetric => true;

    protected sealed override NoParameters Parse(RuleParameters parameters) => NoParameters.Parse(parameters);

    protected sealed override IEnumerable<CapabilityNeed> Needs(NoParameters parameters) => Needs();

    protected sealed override void Evaluate(RuleContext context, NoParameters parameters)
    {
        var (numerator, denominator) = Count(context.Data);
        context.SetMetric(numerator, denominator);
    }

    protected abstract IEnumerable<CapabilityNeed> Needs();

    protected abstract (long Numerator, long Denominator) Count(EvaluationData data);
}
