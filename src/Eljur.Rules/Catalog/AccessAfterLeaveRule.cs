using System;
using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;

namespace Eljur.Rules.Catalog;

/// <summary>
/// <c>access-after-leave</c>: accounts of staff past <c>employedUntil</c>, of students past <c>leftOn</c>, and of
/// parents whose children have all left, are not <c>active</c> (<c>active</c>) and show no login after the
/// leave date (<c>login</c>). "Past" means after the end of that day in the school's zone.
/// </summary>
internal sealed class AccessAfterLeaveRule : Rule<NoParameters>
{
    public override string Id => "access-after-leave";

    public override string Title => "Доступ закрыт после увольнения или выбытия";

    protected override NoParameters Parse(RuleParameters parameters) => NoParameters.Parse(parameters);

    protected override IEnumerable<CapabilityNeed> Needs(NoParameters p)
    {
        yield return new CapabilityNeed(null, Capability.Accounts);
        yield return new CapabilityNeed("login", Capability.Logins);
    }

    protected override void Evaluate(RuleContext context, NoParameters p)
    {
        var data = context.Data;
        var accounts = data.Snapshot.Accounts ?? Array.Empty<Account>();
        var leaves = new Dictionary<string, (DateTime Date, string Who)>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            if (LeaveOf(data, account) is { } leave && context.Clock.EndOfDay(leave.Date) < context.AsOf)
            {
                leaves[account.Id] = leave;
            }
        }

        if (leaves.Count == 0)
        {
            return;
        }

        // The first login after the leave date and how many there were, per account: one pass over the logins.
        var after = new Dictionary<string, (DateTimeOffset First, int Count)>(StringComparer.Ordinal);
        if (context.CanEvaluate("login"))
        {
            foreach (var login in data.Snapshot.Logins ?? Array.Empty<Login>())
            {
                if (leaves.TryGetValue(login.AccountId, out var leave) && login.At > context.Clock.EndOfDay(leave.Date) && login.At <= context.AsOf)
                {
                    after[login.AccountId] = after.TryGetValue(login.AccountId, out var seen)
                        ? (login.At < seen.First ? login.At : seen.First, seen.Count + 1)
                        : (login.At, 1);
                }
            }
        }

        foreach (var account in accounts)
        {
            if (!leaves.TryGetValue(account.Id, out var leave))
            {
                continue;
            }

            var left = context.Clock.EndOfDay(leave.Date);
            if (account.Active)
            {
                context.Report("active", Entities.Of(account), $"Учётная запись не закрыта: {leave.Who}.", deadline: left);
            }

            if (after.TryGetValue(account.Id, out var logins))
            {
                var first = context.Clock.ToSchoolTime(logins.First);
                context.Report("login", Entities.Of(account), $"Вход в учётную запись после {RussianText.Date(leave.Date)} ({leave.Who}): {RussianText.Moment(first)}, всего входов после этой даты: {logins.Count}.", deadline: left, observed: first);
            }
            else if (context.CanEvaluate("login") && account.LastLoginAt is { } last && last > left && last <= context.AsOf)
            {
                // The account's own last-login time is evidence too, when the login log missed it.
                var seen = context.Clock.ToSchoolTime(last);
                context.Report("login", Entities.Of(account), $"Вход в учётную запись после {RussianText.Date(leave.Date)} ({leave.Who}): последний вход {RussianText.Moment(seen)}.", deadline: left, observed: seen);
            }
        }
    }

    // The day after which the account must be closed, or null while the person stays. A parent's children must all
    // be known and all have left; the latest departure counts.
    private static (DateTime Date, string Who)? LeaveOf(EvaluationData data, Account account)
    {
        switch (account.Role)
        {
            case AccountRole.Student:
                return data.FindStudent(account.PersonId) is { LeftOn: { } leftOn } student
                    ? (leftOn.Date, $"ученик: {student.Name}, выбыл {RussianText.Date(leftOn)}")
                    : null;
            case AccountRole.Parent:
                if (account.StudentIds.Count == 0)
                {
                    return null;
                }

                var latest = DateTime.MinValue;
                foreach (var id in account.StudentIds)
                {
                    if (data.FindStudent(id)?.LeftOn is not { } childLeft)
                    {
                        return null;
                    }

                    if (childLeft.Date > latest)
                    {
                        latest = childLeft.Date;
                    }
                }

                return (latest, $"родитель; все дети выбыли, последний — {RussianText.Date(latest)}");
            default:
                return data.FindStaff(account.PersonId) is { EmployedUntil: { } until } staff
                    ? (until.Date, $"сотрудник: {staff.Name}, работал до {RussianText.Date(until)}")
                    : null;
        }
    }
}
