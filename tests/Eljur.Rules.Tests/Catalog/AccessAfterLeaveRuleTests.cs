using Eljur.Abstractions.Model;
using static Eljur.Rules.Tests.Catalog.CatalogKit;

namespace Eljur.Rules.Tests.Catalog;

/// <summary>
/// <c>access-after-leave</c> — СШ № 32, п. 3.1.1: «При прекращении действия трудового договора право доступа … прекращается»;
/// п. 3.1.2: «При переводе обучающегося в другую образовательную организацию, а также при окончании школы … доступ
/// к Электронному дневнику по выданному логину прекращается».
/// </summary>
public class AccessAfterLeaveRuleTests
{
    private const string AsOfDate = "2025-03-01T12:00:00+05:00";

    private static Snap Snap()
    {
        var snap = new Snap();
        snap.Staff.Add(new StaffMember { Id = "gone", Name = "Уволенный У. У.", Roles = new[] { StaffRole.Teacher }, EmployedUntil = D("2025-01-31") });
        snap.Student("left", leftOn: "2025-01-15").Student("sibling", leftOn: "2025-02-10").Student("stays");
        snap.Accounts.Add(Account("a-gone", "gone", AccountRole.Teacher, active: true));
        snap.Accounts.Add(Account("a-t1", "t1", AccountRole.Teacher, active: true));
        snap.Accounts.Add(Account("a-left", "left", AccountRole.Student, active: false));
        snap.Accounts.Add(Account("a-stays", "stays", AccountRole.Student, active: true));
        snap.Accounts.Add(Account("a-parent-all", "p1", AccountRole.Parent, active: true, "left", "sibling"));
        snap.Accounts.Add(Account("a-parent-one", "p2", AccountRole.Parent, active: true, "left", "stays"));
        return snap;
    }

    private static Account Account(string id, string person, AccountRole role, bool active, params string[] children) =>
        new() { Id = id, PersonId = person, Role = role, Active = active, StudentIds = children };

    [Fact]
    public void AccountsOfPeopleWhoLeftMustBeClosed()
    {
        var snap = Snap();
        snap.Logins.Add(new Login { AccountId = "a-left", At = L("2025-01-15 23:59:59") });
        snap.Logins.Add(new Login { AccountId = "a-left", At = L("2025-02-03 08:00") });
        snap.Logins.Add(new Login { AccountId = "a-left", At = L("2025-01-20 08:00") });
        snap.Logins.Add(new Login { AccountId = "a-stays", At = L("2025-02-03 08:00") });

        var report = Run(snap, "access-after-leave", asOf: AsOfDate);

        Assert.Equal(
            new[] { "active certain account:a-gone", "login certain account:a-left", "active certain account:a-parent-all" },
            Lines(report));
        var login = report.Findings[1];
        Assert.Equal(L("2025-01-20 08:00"), login.Observed);
        Assert.Contains("всего входов после этой даты: 2", login.Message);
    }

    [Fact]
    public void TheLeaveDayItselfStillCounts()
    {
        var report = Run(Snap(), "access-after-leave", asOf: "2025-01-31T23:00:00+05:00");
        Assert.DoesNotContain(report.Findings, f => f.Entity.Id == "a-gone");
    }

    [Fact]
    public void LastLoginAtIsEvidenceWhenTheLogHasNothing()
    {
        var snap = Snap();
        snap.Accounts[2] = snap.Accounts[2] with { LastLoginAt = L("2025-02-20 19:00") };

        Assert.Contains("login certain account:a-left", Lines(Run(snap, "access-after-leave", asOf: AsOfDate)));
    }

    [Fact]
    public void WithoutLoginsOnlyTheActiveFlagIsChecked()
    {
        var snap = Snap().Without(Capability.Logins);
        snap.Logins.Add(new Login { AccountId = "a-left", At = L("2025-02-03 08:00") });

        var report = Run(snap, "access-after-leave", asOf: AsOfDate);

        Assert.Equal(new[] { "active certain account:a-gone", "active certain account:a-parent-all" }, Lines(report));
        Assert.Equal(new[] { "login [logins]" }, NotEvaluable(report));
        Assert.Equal(new[] { "- [accounts]" }, NotEvaluable(Run(Snap().Without(Capability.Accounts), "access-after-leave", asOf: AsOfDate)));
    }

    [Fact]
    public void AParentWithAnUnknownChildIsNotJudged()
    {
        var snap = Snap();
        snap.Accounts[4] = snap.Accounts[4] with { StudentIds = new[] { "left", "nobody" } };

        Assert.DoesNotContain(Run(snap, "access-after-leave", asOf: AsOfDate).Findings, f => f.Entity.Id == "a-parent-all");
    }
}
