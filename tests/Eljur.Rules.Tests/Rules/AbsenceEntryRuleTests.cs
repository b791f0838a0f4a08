using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Rules.Tests.TestData;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Rules;

public sealed class AbsenceEntryRuleTests
{
    [Fact]
    public void LateAbsence_IsIdentifiedAsLessonIdColonStudentId()
    {
        var report = Check.Run(
            SnapshotBuilder.School()
                .Student("st2")
                .Lesson("l1", "2024-10-28")
                .Absence("l1", "st1", a => a with { EnteredAt = T("2024-10-29T09:00:00+05:00") })
                .Absence("l1", "st2", a => a with { EnteredAt = T("2024-10-28T15:00:00+05:00") })
                .Build(),
            "absence-entry");

        var f = Assert.Single(report.Findings);
        Assert.Equal(new FindingEntity("absence", "l1:st1"), f.Entity);
        Assert.Equal("late", f.Aspect);
        Assert.Equal(Certainty.Certain, f.Certainty);
        Assert.Equal(EndOfDay("2024-10-28"), f.Deadline);
        Assert.Equal(T("2024-10-29T09:00:00+05:00"), f.Observed);
        Assert.StartsWith("Пропуск (ученик: Иванов Иван; 9А, Алгебра, 28.10.2024)", f.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void ALateArrival_IsDescribedAsSuch()
    {
        var report = Check.Run(
            SnapshotBuilder.School()
                .Lesson("l1", "2024-10-28")
                .Absence("l1", "st1", a => a with { Late = true, EnteredAt = T("2024-10-29T09:00:00+05:00") })
                .Build(),
            "absence-entry");

        Assert.StartsWith("Опоздание (ученик: Иванов Иван;", Assert.Single(report.Findings).Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void AbsencesOfCancelledLessons_OrLessonsAfterAsOf_OrUnknownLessons_AreIgnored()
    {
        var report = Check.Run(
            SnapshotBuilder.School()
                .Lesson("cancelled", "2024-10-28", l => l with { Held = false })
                .Lesson("future", "2024-11-05")
                .Lesson("held-null", "2024-10-28", l => l with { Held = null })
                .Absence("cancelled", "st1", a => a with { EnteredAt = T("2024-11-01T00:00:00+05:00") })
                .Absence("future", "st1", a => a with { EnteredAt = T("2024-11-06T00:00:00+05:00") })
                .Absence("nowhere", "st1", a => a with { EnteredAt = T("2024-11-06T00:00:00+05:00") })
                .Absence("held-null", "st1", a => a with { EnteredAt = T("2024-11-01T00:00:00+05:00") })
                .Build(),
            "absence-entry",
            asOf: "2024-11-02T12:00:00+05:00");

        Assert.Equal(
            new[] { "absence-entry late certain absence:held-null:st1 2024-10-28T23:59:59.999+05:00 2024-11-01T00:00:00+05:00" },
            Check.Lines(report));
    }

    [Fact]
    public void TheDeadlineIsThatOfTheLesson()
    {
        // The absence's date is its lesson's date; calendarDays(1) runs from there.
        var report = Check.Run(
            SnapshotBuilder.School()
                .Lesson("l1", "2024-10-28")
                .Absence("l1", "st1", a => a with { EnteredAt = T("2024-10-30T00:00:00+05:00") })
                .Build(),
            "absence-entry",
            """{ "deadline": "calendarDays(1)" }""");

        Assert.Equal(EndOfDay("2024-10-29"), Assert.Single(report.Findings).Deadline);
    }

    [Fact]
    public void WithoutAbsenceEntryTimesOrLessons_NotEvaluable()
    {
        var snapshot = SnapshotBuilder.School()
            .Lesson("l1", "2024-10-28")
            .Absence("l1", "st1", a => a with { EnteredAt = T("2024-10-29T09:00:00+05:00") });

        Assert.Equal(
            new[] { "absence-entry - [absenceEntryTimes]" },
            Check.NotEvaluable(Check.Run(snapshot.Without(Capability.AbsenceEntryTimes).Build(), "absence-entry")));
        Assert.Equal(
            new[] { "absence-entry - [absences,absenceEntryTimes,lessons]" },
            Check.NotEvaluable(Check.Run(snapshot.Capabilities().Build(), "absence-entry")));
    }
}
