using Eljur.Abstractions.Model;
using static Eljur.Rules.Tests.Catalog.CatalogKit;

namespace Eljur.Rules.Tests.Catalog;

/// <summary>
/// <c>student-authorship</c> — Белогорская СШ, Инструкция, п. 4.2 (классный руководитель): «категорически
/// запрещается допускать учащихся к работе с электронным журналом (только просмотр)»; СШ № 32, п. 3.2.4.
/// </summary>
public class StudentAuthorshipRuleTests
{
    private static Snap Snap()
    {
        var snap = new Snap().Student("s1").Student("s2").Student("s3");
        snap.Accounts.Add(new Account { Id = "acc-s2", PersonId = "s2", Role = AccountRole.Student, Active = true });
        snap.Accounts.Add(new Account { Id = "acc-p1", PersonId = "p1", Role = AccountRole.Parent, StudentIds = new[] { "s1" }, Active = true });
        snap.Lessons.Add(Lesson("l1", "2024-10-01"));
        return snap;
    }

    [Fact]
    public void MarksRevisionsAndAbsencesEnteredByStudentsAreReported()
    {
        var snap = Snap();
        snap.Marks.Add(Mark("byStudentId", "s3", "2024-10-01") with { EnteredBy = "s1" });
        snap.Marks.Add(Mark("byStudentAccount", "s3", "2024-10-01") with { EnteredBy = "acc-s2" });
        snap.Marks.Add(Mark("byTeacher", "s3", "2024-10-01") with
        {
            EnteredBy = "t1",
            Revisions = new[]
            {
                new MarkRevision { At = L("2024-10-02 10:00"), By = "t1", From = "2", To = "3" },
                new MarkRevision { At = L("2024-10-02 11:00"), By = "s3", From = "3", To = "5" },
            },
        });
        snap.Absences.Add(new Absence { LessonId = "l1", StudentId = "s1", EnteredBy = "s2" });
        snap.Absences.Add(new Absence { LessonId = "l1", StudentId = "s2", EnteredBy = "t1" });
        snap.Marks.Add(Mark("byParent", "s1", "2024-10-01") with { EnteredBy = "acc-p1" });

        var report = Run(snap, "student-authorship");

        Assert.Equal(
            new[] { "mark certain mark:byStudentAccount", "mark certain mark:byStudentId", "revision certain revision:byTeacher#2", "absence certain absence:l1:s1" },
            Lines(report));
        Assert.Contains("(со своей учётной записи)", report.Findings[0].Message);
        Assert.DoesNotContain("acc-s2", report.Findings[0].Message);
    }

    [Fact]
    public void WithoutAuthorsTheRuleIsNotEvaluable()
    {
        var snap = Snap().Without(Capability.Authors);
        snap.Marks.Add(Mark("m1", "s3", "2024-10-01") with { EnteredBy = "s1" });

        var report = Run(snap, "student-authorship");

        Assert.Empty(report.Findings);
        Assert.Equal(new[] { "- [authors]" }, NotEvaluable(report));
    }

    [Fact]
    public void EachRecordKindNeedsItsCapability()
    {
        var snap = Snap().Without(Capability.Revisions, Capability.Absences);
        snap.Marks.Add(Mark("m1", "s3", "2024-10-01") with { EnteredBy = "s1", Revisions = new[] { new MarkRevision { At = L("2024-10-02 11:00"), By = "s3" } } });
        snap.Absences.Add(new Absence { LessonId = "l1", StudentId = "s1", EnteredBy = "s2" });

        var report = Run(snap, "student-authorship");

        Assert.Equal(new[] { "mark certain mark:m1" }, Lines(report));
        Assert.Equal(new[] { "revision [revisions]", "absence [absences]" }, NotEvaluable(report));
    }
}
