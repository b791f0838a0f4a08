using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;

namespace Eljur.Rules.Metrics;

/// <summary><c>accounts-activated</c>: accounts with <c>activatedAt</c> / accounts (both as of the as-of moment).</summary>
internal sealed class AccountsActivatedMetric : MetricRule
{
    public override string Id => "accounts-activated";

    public override string Title => "Доля активированных учётных записей";

    protected override IEnumerable<CapabilityNeed> Needs()
    {
        yield return new CapabilityNeed(null, Capability.Accounts);
    }

    protected override (long Numerator, long Denominator) Count(EvaluationData data)
    {
        long activated = 0, all = 0;
        foreach (var account in AccountScope.Existing(data))
        {
            all++;
            if (AccountScope.IsActivated(data, account))
            {
                activated++;
            }
        }

        return (activated, all);
    }
}
