using System;
using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;

namespace Eljur.Rules.Metrics;

/// <summary>Account helpers shared by the account metrics.</summary>
internal static class AccountScope
{
    /// <summary>Accounts that existed at as-of (created then or earlier, or of unknown creation).</summary>
    public static IEnumerable<Account> Existing(EvaluationData data)
    {
        foreach (var account in data.Snapshot.Accounts ?? Array.Empty<Account>())
        {
            if (account.CreatedAt is not { } created || created <= data.AsOf)
            {
                yield return account;
            }
        }
    }

    /// <summary>Whether the account was activated by as-of.</summary>
    public static bool IsActivated(EvaluationData data, Account account) => account.ActivatedAt is { } at && at <= data.AsOf;

    /// <summary>Ids of accounts with a login on a date of the range, not after as-of.</summary>
    public static HashSet<string> LoggedIn(EvaluationData data)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var login in data.Snapshot.Logins ?? Array.Empty<Login>())
        {
            if (login.At <= data.AsOf && data.InScope(data.Clock.LocalDate(login.At)))
            {
                ids.Add(login.AccountId);
            }
        }

        return ids;
    }
}
