using Eljur.Abstractions.Model;
using static Eljur.Rules.Tests.Catalog.CatalogKit;

namespace Eljur.Rules.Tests.Catalog;

/// <summary>
/// The metrics of rules.md — Школьный портал МО, критерии перехода на безбумажный журнал («Online ведение журнала»,
/// «Степень наполненности расписания», «Количество активированных пользователей», «Количество уникальных входов»);
/// Лицей № 68, п. 3.4.6, 3.7.4 and Белогорская СШ, п. 3.5 («процент участия педагогов…, процент учащихся, не имеющих
/// оценок; процент учащихся, имеющих одну оценку; … запись домашнего задания, процент участия родителей и учащихся»).
/// </summary>
public class MetricTests
{
    private static void AssertRatio(Ratio expected, Eljur.Abstractions.Evaluation.EvaluationReport report)
    {
        var metric = Metric(report);
        Assert.Equal(expected.Numerator, metric.Numerator);
        Assert.Equal(expected.Denominator, metric.Denominator);
        Assert.Empty(report.NotEvaluable);
    }

    [Fact]
    public void LessonsFilledWithin24h()
    {
        var snap = new Snap();
        snap.Lessons.Add(Lesson("mark24h", "2025-03-03") with { End = H("09:45") });
        snap.Lessons.Add(Lesson("absence24h1s", "2025-03-03") with { End = H("09:45") });
        snap.Lessons.Add(Lesson("heldNoTimes", "2025-03-03") with { Held = true, HeldAt = L("2025-03-04 23:59") });
        snap.Lessons.Add(Lesson("comment", "2025-03-03") with { End = H("10:45"), Comment = "Урок проведён", CommentEnteredAt = L("2025-03-03 12:00") });
        snap.Lessons.Add(Lesson("blankComment", "2025-03-03") with { End = H("10:45"), Comment = " ", CommentEnteredAt = L("2025-03-03 12:00") });
        snap.Lessons.Add(Lesson("recent", "2025-03-05") with { End = H("09:45"), HeldAt = L("2025-03-05 09:00") });
        snap.Lessons.Add(Lesson("cancelled", "2025-03-03") with { Held = false, End = H("09:45") });
        snap.Student("s1");
        snap.Marks.Add(Mark("late", "s1", "2025-03-03") with { LessonId = "mark24h", EnteredAt = L("2025-03-05 09:00") });
        snap.Marks.Add(Mark("onTime", "s1", "2025-03-03") with { LessonId = "mark24h", EnteredAt = L("2025-03-04 09:45") });
        snap.Absences.Add(new Absence { LessonId = "absence24h1s", StudentId = "s1", EnteredAt = L("2025-03-04 09:45:01") });

        var report = Run(snap, "lessons-filled-within-24h", asOf: "2025-03-06T09:00:00+05:00");

        AssertRatio(new(3, 5), report);
        Assert.Equal(0.6, Metric(report).Value);
        Assert.Equal(new[] { "- [absenceEntryTimes]" }, NotEvaluable(Run(snap.Without(Capability.AbsenceEntryTimes), "lessons-filled-within-24h")));
    }

    [Fact]
    public void ClassesWithSchedule()
    {
        var snap = new Snap();
        snap.Classes.Add(new SchoolClass { Id = "c5", Name = "5Б", Grade = 5 });
        snap.Lessons.Add(Lesson("l1", "2024-10-01"));
        snap.Lessons.Add(Lesson("l2", "2024-10-01", classId: "c1") with { Held = false });
        snap.Lessons.Add(Lesson("l3", "2025-10-01", classId: "c5"));

        AssertRatio(new(1, 3), Run(snap, "classes-with-schedule"));
    }

    [Fact]
    public void AccountsActivatedAndUniqueLogins()
    {
        var snap = new Snap();
        snap.Accounts.Add(new Account { Id = "a1", Role = AccountRole.Teacher, ActivatedAt = L("2024-08-20 10:00") });
        snap.Accounts.Add(new Account { Id = "a2", Role = AccountRole.Parent, ActivatedAt = L("2024-09-20 10:00") });
        snap.Accounts.Add(new Account { Id = "a3", Role = AccountRole.Parent, ActivatedAt = L("2025-09-20 10:00") });
        snap.Accounts.Add(new Account { Id = "a4", Role = AccountRole.Student });
        snap.Accounts.Add(new Account { Id = "a5", Role = AccountRole.Student, CreatedAt = L("2025-09-01 10:00") });
        snap.Logins.Add(new Login { AccountId = "a1", At = L("2024-08-21 10:00") });
        snap.Logins.Add(new Login { AccountId = "a2", At = L("2024-10-01 10:00") });
        snap.Logins.Add(new Login { AccountId = "a4", At = L("2024-10-01 10:00") });

        AssertRatio(new(2, 4), Run(snap, "accounts-activated"));
        AssertRatio(new(1, 2), Run(snap, "unique-logins"));
        Assert.Equal(new[] { "- [logins]" }, NotEvaluable(Run(snap.Without(Capability.Logins), "unique-logins")));
    }

    [Fact]
    public void StudentsWithoutMarksAndWithOneMark()
    {
        var snap = new Snap().Student("s1").Student("s2").Student("gone", leftOn: "2024-08-31").Student("little", classId: "c1");
        snap.Lessons.Add(Lesson("l1", "2024-10-01"));
        snap.Lessons.Add(Lesson("l2", "2024-10-02", subjectId: "rus"));
        snap.Lessons.Add(Lesson("cancelled", "2024-10-03", subjectId: "rus") with { Held = false });
        snap.Marks.Add(Mark("a1", "s1", "2024-10-01"));
        snap.Marks.Add(Mark("a2", "s1", "2024-10-08", MarkKind.Written));
        snap.Marks.Add(Mark("r1", "s1", "2024-10-02", MarkKind.Written, "rus"));
        snap.Marks.Add(Mark("p1", "s2", "2024-10-27", MarkKind.Period));
        snap.Marks.Add(Mark("c1", "s2", "2024-10-03", subjectId: "rus") with { LessonId = "cancelled" });
        snap.Marks.Add(Mark("r2", "s2", "2024-10-02", subjectId: "rus"));

        // Pairs: s1-alg (2 marks), s1-rus (1), s2-alg (0), s2-rus (1).
        AssertRatio(new(1, 4), Run(snap, "students-without-marks"));
        AssertRatio(new(2, 4), Run(snap, "students-with-one-mark"));
    }

    [Fact]
    public void HomeworkRecorded()
    {
        var snap = new Snap();
        snap.Lessons.Add(Lesson("l1", "2024-10-01") with { Homework = "№ 5" });
        snap.Lessons.Add(Lesson("l2", "2024-10-02") with { Homework = "  " });
        snap.Lessons.Add(Lesson("l3", "2024-10-03") with { Homework = "Параграф 4" });

        AssertRatio(new(2, 3), Run(snap, "homework-recorded"));
        Assert.Equal(new[] { "- [homework]" }, NotEvaluable(Run(snap.Without(Capability.Homework), "homework-recorded")));
    }

    [Fact]
    public void TeacherParticipation_ASubstitutesTopicCreditsTheSubstitute()
    {
        var snap = new Snap();
        snap.Lessons.Add(Lesson("l1", "2024-10-01", teacherId: "t1") with { Topic = "Дроби" });
        snap.Lessons.Add(Lesson("l2", "2024-10-01", teacherId: "t2"));
        snap.Lessons.Add(Lesson("l3", "2024-10-02", teacherId: "t2") with { SubstituteId = "d1", Topic = "Проценты" });

        AssertRatio(new(2, 3), Run(snap, "teacher-participation"));
    }

    [Fact]
    public void ParentAndStudentParticipation()
    {
        var snap = new Snap();
        snap.Accounts.Add(new Account { Id = "p1", Role = AccountRole.Parent });
        snap.Accounts.Add(new Account { Id = "p2", Role = AccountRole.Parent });
        snap.Accounts.Add(new Account { Id = "p3", Role = AccountRole.Parent });
        snap.Accounts.Add(new Account { Id = "s1", Role = AccountRole.Student });
        snap.Logins.Add(new Login { AccountId = "p1", At = L("2024-10-01 10:00") });
        snap.Logins.Add(new Login { AccountId = "p1", At = L("2024-10-02 10:00") });
        snap.Logins.Add(new Login { AccountId = "p2", At = L("2024-12-01 10:00") });
        snap.Logins.Add(new Login { AccountId = "s1", At = L("2024-08-31 23:59") });

        AssertRatio(new(2, 3), Run(snap, "parent-participation"));
        AssertRatio(new(0, 1), Run(snap, "student-participation"));
    }

    [Fact]
    public void AZeroDenominatorGivesNoValue()
    {
        var metric = Metric(Run(new Snap(), "homework-recorded"));
        Assert.Null(metric.Value);
        Assert.Equal(0, metric.Denominator);
    }

    internal sealed record Ratio(long Numerator, long Denominator);
}
