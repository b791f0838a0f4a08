using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;

namespace Eljur.Rules.Metrics;

/// <summary>
/// <c>parent-participation</c>, <c>student-participation</c>: accounts of that role with a login in range /
/// accounts of that role.
/// </summary>
internal sealed class RoleParticipationMetric : MetricRule
{
    private readonly AccountRole _role;

    private RoleParticipationMetric(string id, string title, AccountRole role)
    {
        Id = id;
        Title = title;
        _role = role;
    }

    public static RoleParticipationMetric Parents { get; } = new("parent-participation", "Доля родителей, работающих с электронным дневником", AccountRole.Parent);

    public static RoleParticipationMetric Students { get; } = new("student-participation", "Доля учащихся, работающих с электронным дневником", AccountRole.Student);

    public override string Id { get; }

    public override string Title { get; }

    protected override IEnumerable<CapabilityNeed> Needs()
    {
        yield return new CapabilityNeed(null, Capability.Accounts, Capability.Logins);
    }

    protected override (long Numerator, long Denominator) Count(EvaluationData data)
    {
        var loggedIn = AccountScope.LoggedIn(data);
        long active = 0, all = 0;
        foreach (var account in AccountScope.Existing(data))
        {
            if (account.Role != _role)
            {
                continue;
            }

            all++;
            if (loggedIn.Contains(account.Id))
            {
                active++;
            }
        }

        return (active, all);
    }
}
