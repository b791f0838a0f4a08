using Eljur.Abstractions.Model;
using static Eljur.Rules.Tests.Catalog.CatalogKit;

namespace Eljur.Rules.Tests.Catalog;

/// <summary>
/// <c>consent</c> — СШ № 32, п. 1.6: information is published «на основании согласия родителей»; п. 3.1.2: access to the
/// e-diary «при наличии письменного согласия на публикацию персональных данных».
/// </summary>
public class ConsentRuleTests
{
    private static Snap Snap()
    {
        var snap = new Snap().Student("yes", consent: true).Student("no", consent: false).Student("unknown", consent: null);
        snap.Accounts.Add(Account("s-yes", "yes", AccountRole.Student, true));
        snap.Accounts.Add(Account("s-no", "no", AccountRole.Student, true));
        snap.Accounts.Add(Account("s-unknown-off", "unknown", AccountRole.Student, false));
        snap.Accounts.Add(Account("p-mixed", "p1", AccountRole.Parent, true, "yes", "unknown"));
        snap.Accounts.Add(Account("p-yes", "p2", AccountRole.Parent, true, "yes"));
        snap.Accounts.Add(Account("p-no-off", "p3", AccountRole.Parent, false, "no"));
        snap.Accounts.Add(Account("t", "t1", AccountRole.Teacher, true));
        return snap;
    }

    private static Account Account(string id, string person, AccountRole role, bool active, params string[] children) =>
        new() { Id = id, PersonId = person, Role = role, Active = active, StudentIds = children };

    [Fact]
    public void ActiveAccountsOfStudentsWithoutConsentAreReported()
    {
        var report = Run(Snap(), "consent");

        Assert.Equal(new[] { "noConsent certain account:p-mixed", "noConsent certain account:s-no" }, Lines(report));
        Assert.Contains("Ученик unknown", report.Findings[0].Message);
        Assert.Contains("не оформлено", report.Findings[0].Message);
        Assert.Contains("не дано", report.Findings[1].Message);
    }

    [Fact]
    public void WithoutConsentsTheRuleIsNotEvaluable()
    {
        var report = Run(Snap().Without(Capability.Consents), "consent");
        Assert.Empty(report.Findings);
        Assert.Equal(new[] { "- [consents]" }, NotEvaluable(report));
    }
}
