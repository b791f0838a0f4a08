using System.Linq;
using Eljur.Abstractions.Model;
using Eljur.Rules.Reports;
using Eljur.Rules.Reports.Models;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Reports;

public sealed class ActivityReportTests
{
    internal static GradebookSnapshot WithAccounts(params string[] capabilities) => ReportData.School() with
    {
        Source = ReportData.School().Source with { From = D("2024-09-01"), To = D("2024-11-15"), Capabilities = capabilities },
        Accounts = new[]
        {
            new Account { Id = "a1", PersonId = "st1", Role = AccountRole.Student, CreatedAt = T("2024-09-01T08:00:00+05:00"), ActivatedAt = T("2024-09-10T08:00:00+05:00"), Active = true },
            new Account { Id = "a2", PersonId = "st2", Role = AccountRole.Student, CreatedAt = T("2024-09-01T08:00:00+05:00"), ActivatedAt = T("2024-10-15T08:00:00+05:00"), Active = true },
            new Account { Id = "p1", PersonId = "par1", Role = AccountRole.Parent, StudentIds = new[] { "st1" }, CreatedAt = T("2024-10-05T08:00:00+05:00"), Active = true },
            new Account { Id = "t1", PersonId = "t1", Role = AccountRole.Teacher, ActivatedAt = T("2024-09-02T08:00:00+05:00"), Active = true },
            new Account { Id = "adm", PersonId = "d1", Role = AccountRole.Administration, CreatedAt = T("2024-11-02T08:00:00+05:00"), ActivatedAt = T("2024-11-02T09:00:00+05:00"), Active = true },
        },
        Logins = new[]
        {
            new Login { AccountId = "a1", At = T("2024-09-15T10:00:00+05:00") },
            new Login { AccountId = "a1", At = T("2024-10-01T10:00:00+05:00") },
            new Login { AccountId = "a1", At = T("2024-10-02T10:00:00+05:00") },
            new Login { AccountId = "a2", At = T("2024-10-20T10:00:00+05:00") },
            // 31.10 20:00 UTC is 01.11 01:00 at the school (UTC+5): a November login.
            new Login { AccountId = "t1", At = T("2024-10-31T20:00:00Z") },
            new Login { AccountId = "adm", At = T("2024-11-03T10:00:00+05:00") },
            // After the range.
            new Login { AccountId = "adm", At = T("2024-11-16T10:00:00+05:00") },
        },
    };

    private static string Row(ActivityRowModel r) => $"{r.Role} {r.Accounts}/{r.Activated} {r.ActiveUsers} {r.Logins}";

    [Fact]
    public void Accounts_activation_and_logins_are_counted_per_month_and_role_in_the_schools_time()
    {
        var model = ReportRenderer.ActivityModel(WithAccounts(Capability.Accounts, Capability.Logins));

        Assert.Equal(new[] { "2024-09", "2024-10", "2024-11" }, model.Months.Select(m => m.Month));
        Assert.Equal(new[] { "сентябрь 2024", "октябрь 2024", "ноябрь 2024" }, model.Months.Select(m => m.MonthText));
        Assert.Equal("01.11.2024 — 15.11.2024", model.Months[2].Dates);

        Assert.Equal(
            new[] { "student 2/1 1 1", "parent 0/0 0 0", "teacher 1/1 0 0", "administration 0/0 0 0" },
            model.Months[0].Roles.Select(Row));
        Assert.Equal(
            new[] { "student 2/2 2 3", "parent 1/0 0 0", "teacher 1/1 0 0", "administration 0/0 0 0" },
            model.Months[1].Roles.Select(Row));
        Assert.Equal(
            new[] { "student 2/2 0 0", "parent 1/0 0 0", "teacher 1/1 1 1", "administration 1/1 1 1" },
            model.Months[2].Roles.Select(Row));
        Assert.Equal("all 5/4 2 2", Row(model.Months[2].Total));
        Assert.Equal("50\u00a0%", model.Months[0].Roles[0].ActivatedShare);
        Assert.Equal("100\u00a0%", model.Months[1].Roles[0].ActiveShare);
        Assert.Equal("—", model.Months[0].Roles[1].ActivatedShare);
    }

    [Fact]
    public void A_range_inside_a_month_counts_only_its_days()
    {
        var model = ReportRenderer.ActivityModel(WithAccounts(Capability.Accounts, Capability.Logins), D("2024-10-02"), D("2024-10-19"));

        var october = Assert.Single(model.Months);
        Assert.Equal("02.10.2024 — 19.10.2024", october.Dates);
        Assert.Equal("student 2/2 1 1", Row(october.Roles[0])); // a1's login of 01.10 and a2's of 20.10 are outside
        Assert.Equal("parent 1/0 0 0", Row(october.Roles[1]));
    }

    [Fact]
    public void Missing_logins_are_said_and_shown_as_dashes()
    {
        var snapshot = WithAccounts(Capability.Accounts);

        var model = ReportRenderer.ActivityModel(snapshot);
        var html = ReportRenderer.RenderActivity(snapshot, ReportFormat.Html);

        Assert.False(model.HasLogins);
        Assert.Contains(model.Notes, n => n.Contains("входы пользователей (logins)"));
        Assert.Contains("нет входов пользователей", html);
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_is_an_error()
    {
        Assert.Throws<System.ArgumentException>(() => ReportRenderer.ActivityModel(WithAccounts(), D("2024-10-02"), D("2024-10-01")));
    }
}
