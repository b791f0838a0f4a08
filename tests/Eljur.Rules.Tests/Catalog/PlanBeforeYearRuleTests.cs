using Eljur.Abstractions.Model;
using static Eljur.Rules.Tests.Catalog.CatalogKit;

namespace Eljur.Rules.Tests.Catalog;

/// <summary>
/// <c>plan-before-year</c> — Белогорская СШ, Инструкция, п. 4.2 (учитель): «до начала учебного года создает
/// календарно-тематическое планирование и внедряет его в ЭЖ (количество часов в календарно-тематическом
/// планировании должно соответствовать учебному плану)». The year starts Mon 02.09.2024 (Q1).
/// </summary>
public class PlanBeforeYearRuleTests
{
    private static Snap Snap()
    {
        var snap = new Snap().Quarters();
        snap.Lessons.Add(Lesson("l1", "2024-09-03"));
        snap.Lessons.Add(Lesson("l2", "2024-09-04", subjectId: "rus"));
        snap.Lessons.Add(Lesson("l3", "2024-09-03", classId: "c1"));
        return snap;
    }

    private static Plan Plan(string classId, string subjectId, string enteredAt, decimal? planned = 136, decimal? curriculum = 136) =>
        new() { ClassId = classId, SubjectId = subjectId, EnteredAt = L(enteredAt), PlannedHours = planned, CurriculumHours = curriculum };

    [Fact]
    public void EachTaughtClassSubjectNeedsAPlanEnteredBeforeTheYearWithTheCurriculumHours()
    {
        var snap = Snap();
        snap.Plans.Add(Plan("c9", "alg", "2024-09-01 23:59:59"));
        snap.Plans.Add(Plan("c9", "rus", "2024-09-02 00:00", planned: 102));
        snap.Plans.Add(Plan("c1", "rus", "2024-08-01 10:00", planned: 1));

        var report = Run(snap, "plan-before-year");

        Assert.Equal(
            new[] { "missing certain plan:c1:alg", "hours certain plan:c9:rus", "late certain plan:c9:rus" },
            Lines(report));
        Assert.Equal(L("2024-09-01 23:59:59").AddTicks(9_999_999), report.Findings[2].Deadline);
        Assert.Contains("102", report.Findings[1].Message);
        Assert.Contains("136", report.Findings[1].Message);
    }

    [Fact]
    public void WithoutPeriodsLatenessIsNotEvaluable_TheRestIs()
    {
        var snap = Snap().Without(Capability.Periods);
        snap.Plans.Add(Plan("c9", "alg", "2024-10-01 10:00"));
        snap.Plans.Add(Plan("c9", "rus", "2024-10-01 10:00", planned: 100));

        var report = Run(snap, "plan-before-year");

        Assert.Equal(new[] { "missing certain plan:c1:alg", "hours certain plan:c9:rus" }, Lines(report));
        Assert.Equal(new[] { "late [periods]" }, NotEvaluable(report));
    }

    [Fact]
    public void UnknownHoursOrEntryTimesAreChargedToPlans()
    {
        var snap = Snap();
        snap.Plans.Add(Plan("c9", "alg", "2024-08-01 10:00", curriculum: null));
        snap.Plans.Add(Plan("c9", "rus", "2024-08-01 10:00") with { EnteredAt = null });
        snap.Plans.Add(Plan("c1", "alg", "2024-08-01 10:00"));

        var report = Run(snap, "plan-before-year");

        Assert.Empty(report.Findings);
        Assert.Equal(new[] { "hours [plans]", "late [plans]" }, NotEvaluable(report));
    }

    [Fact]
    public void WithoutPlansTheRuleIsNotEvaluable()
    {
        Assert.Equal(new[] { "- [plans]" }, NotEvaluable(Run(Snap().Without(Capability.Plans), "plan-before-year")));
    }
}
