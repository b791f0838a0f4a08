using System;
using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;

namespace Eljur.Rules.Catalog;

/// <summary>
/// <c>consent</c>: no student without <c>consent: true</c> (false or unknown) has an active student account
/// or an active parent account linked to them. One finding per offending account (aspect <c>noConsent</c>,
/// entity the account): each is an access to close, and a parent account names every child concerned.
/// </summary>
internal sealed class ConsentRule : Rule<NoParameters>
{
    public override string Id => "consent";

    public override string Title => "Доступ к дневнику только при согласии на обработку персональных данных";

    protected override NoParameters Parse(RuleParameters parameters) => NoParameters.Parse(parameters);

    protected override IEnumerable<CapabilityNeed> Needs(NoParameters p)
    {
        yield return new CapabilityNeed(null, Capability.Accounts, Capability.Consents);
    }

    protected override void Evaluate(RuleContext context, NoParameters p)
    {
        var data = context.Data;
        foreach (var account in data.Snapshot.Accounts ?? Array.Empty<Account>())
        {
            if (!account.Active)
            {
                continue;
            }

            if (account.Role == AccountRole.Student)
            {
                if (data.FindStudent(account.PersonId) is { } student && student.Consent != true)
                {
                    context.Report("noConsent", Entities.Of(account), $"Учётная запись ученика активна (ученик: {student.Name}), а {ConsentText(student)}.");
                }
            }
            else if (account.Role == AccountRole.Parent)
            {
                var without = new List<string>();
                foreach (var id in account.StudentIds)
                {
                    if (data.FindStudent(id) is { } child && child.Consent != true)
                    {
                        without.Add($"{child.Name} — {ConsentText(child)}");
                    }
                }

                if (without.Count > 0)
                {
                    context.Report("noConsent", Entities.Of(account), $"Учётная запись родителя активна, хотя у детей нет согласия: {string.Join("; ", without)}.");
                }
            }
        }
    }

    private static string ConsentText(Student student) =>
        student.Consent == false ? "согласие на обработку персональных данных не дано" : "согласие на обработку персональных данных не оформлено";
}
