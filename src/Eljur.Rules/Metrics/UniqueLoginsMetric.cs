using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;

namespace Eljur.Rules.Metrics;

/// <summary><c>unique-logins</c>: activated accounts with a login in range / activated accounts.</summary>
internal sealed class UniqueLoginsMetric : MetricRule
{
    public override string Id => "unique-logins";

    public override string Title => "Доля активированных пользователей, входивших в систему";

    protected override IEnumerable<CapabilityNeed> Needs()
    {
        yield return new CapabilityNeed(null, Capability.Accounts, Capability.Logins);
    }

    protected override (long Numerator, long Denominator) Count(EvaluationData data)
    {
        var loggedIn = AccountScope.LoggedIn(data);
        long active = 0, activated = 0;
        foreach (var account in AccountScope.Existing(data))
        {
            if (!AccountScope.IsActivated(data, account))
            {
                continue;
            }

            activated++;
            if (loggedIn.Contains(account.Id))
            {
                active++;
            }
        }

        return (active, activated);
    }
}
