using Eljur.Abstractions.Model;
using static Eljur.Rules.Tests.Catalog.CatalogKit;

namespace Eljur.Rules.Tests.Catalog;

/// <summary>
/// <c>period-marks</c> — Лицей № 68, п. 3.6.5: «выставляют оценки промежуточной … аттестации учащихся по каждому
/// предмету каждому ученику … каждого учебного периода»; exempt grade 1 (безотметочное обучение).
/// </summary>
public class PeriodMarksRuleTests
{
    // Q1 runs 02.09–27.10.2024 (27.10 is a Sunday); the range covers only Q1.
    private static Snap Q1()
    {
        var snap = new Snap { To = D("2024-10-31") }.Quarters();
        snap.Student("s1").Student("s3", classId: "c1");
        snap.Lessons.Add(Lesson("l1", "2024-09-10"));
        snap.Lessons.Add(Lesson("l2", "2024-10-01", subjectId: "rus"));
        snap.Lessons.Add(Lesson("l3", "2024-09-10", classId: "c1"));
        return snap;
    }

    private static Mark PeriodMark(string id, string student, string subject, string enteredAt, string? enteredAfter = null) =>
        Mark(id, student, "2024-10-27", MarkKind.Period, subject) with
        {
            PeriodId = "q1",
            EnteredAt = L(enteredAt),
            EnteredAfter = enteredAfter is null ? null : L(enteredAfter),
        };

    [Fact]
    public void EverySubjectWithAHeldLessonNeedsAPeriodMark()
    {
        var snap = Q1();
        snap.Marks.Add(PeriodMark("m1", "s1", "alg", "2024-10-27 20:00"));

        var report = Run(snap, "period-marks");

        Assert.Equal(new[] { "missing certain periodMark:s1:rus:q1" }, Lines(report));
        var finding = report.Findings[0];
        Assert.Equal(L("2024-10-27 23:59:59").AddTicks(9_999_999), finding.Deadline);
        Assert.Null(finding.Observed);
        Assert.Contains("Русский язык", finding.Message);
    }

    [Fact]
    public void GradeOneIsExemptByDefaultButNotWhenTheListIsEmpty()
    {
        var snap = Q1();
        snap.Marks.Add(PeriodMark("m1", "s1", "alg", "2024-10-27 20:00"));
        snap.Marks.Add(PeriodMark("m2", "s1", "rus", "2024-10-27 20:00"));

        Assert.Empty(Lines(Run(snap, "period-marks")));
        Assert.Equal(new[] { "missing certain periodMark:s3:alg:q1" }, Lines(Run(snap, "period-marks", """{"exemptGrades": []}""")));
    }

    [Fact]
    public void AStudentWhoJoinedOrLeftMidPeriodIsNotRequired()
    {
        var snap = Q1();
        snap.Student("joined", enrolledOn: "2024-10-01").Student("left", leftOn: "2024-10-15");
        snap.Student("onFirstDay", enrolledOn: "2024-09-02").Student("onLastDay", leftOn: "2024-10-27");
        snap.Marks.Add(PeriodMark("m1", "s1", "alg", "2024-10-27 20:00"));
        snap.Marks.Add(PeriodMark("m2", "s1", "rus", "2024-10-27 20:00"));

        var lines = Lines(Run(snap, "period-marks"));

        Assert.Equal(
            new[]
            {
                "missing certain periodMark:onFirstDay:alg:q1",
                "missing certain periodMark:onFirstDay:rus:q1",
                "missing certain periodMark:onLastDay:alg:q1",
                "missing certain periodMark:onLastDay:rus:q1",
            },
            lines);
    }

    [Fact]
    public void ASubjectWhoseOnlyLessonWasCancelledNeedsNoMark()
    {
        var snap = Q1();
        snap.Lessons[1] = snap.Lessons[1] with { Held = false };
        snap.Marks.Add(PeriodMark("m1", "s1", "alg", "2024-10-27 20:00"));

        Assert.Empty(Lines(Run(snap, "period-marks")));
    }

    [Fact]
    public void AMarkEnteredAfterTheLastDayIsLate_CertainOrPossibleByObservation()
    {
        var snap = Q1();
        snap.Marks.Add(PeriodMark("m1", "s1", "alg", "2024-10-28 00:00"));
        snap.Marks.Add(PeriodMark("m2", "s1", "rus", "2024-10-28 09:00", enteredAfter: "2024-10-27 21:00"));
        snap.Marks.Add(PeriodMark("m3", "s3", "alg", "2024-11-20 09:00"));

        var report = Run(snap, "period-marks");

        Assert.Equal(new[] { "late certain periodMark:s1:alg:q1", "late possible periodMark:s1:rus:q1" }, Lines(report));
        Assert.Equal(L("2024-10-28 00:00"), report.Findings[0].Observed);
    }

    [Fact]
    public void GraceDaysMoveTheDeadline()
    {
        var snap = Q1();
        snap.Marks.Add(PeriodMark("m1", "s1", "alg", "2024-10-29 23:59:59"));
        snap.Marks.Add(PeriodMark("m2", "s1", "rus", "2024-10-30 00:00"));

        Assert.Equal(new[] { "late certain periodMark:s1:rus:q1" }, Lines(Run(snap, "period-marks", """{"graceDays": 2}""")));
    }

    [Fact]
    public void NothingIsDueBeforeThePeriodsLastDayHasEnded()
    {
        var snap = Q1();

        Assert.Empty(Lines(Run(snap, "period-marks", asOf: "2024-10-27T23:59:00+05:00")));
        Assert.Equal(2, Lines(Run(snap, "period-marks", asOf: "2024-10-28T00:00:01+05:00")).Count);
    }

    [Fact]
    public void APeriodIsJudgedInTheRangeThatContainsItsEnd()
    {
        var snap = Q1();
        snap.From = D("2024-11-01");
        snap.To = D("2024-11-30");

        Assert.Empty(Lines(Run(snap, "period-marks")));
    }

    [Fact]
    public void AMarkWithoutPeriodIdCountsForThePeriodContainingItsDate()
    {
        var snap = Q1();
        snap.Marks.Add(PeriodMark("m1", "s1", "alg", "2024-10-27 20:00") with { PeriodId = null });
        snap.Marks.Add(Mark("m2", "s1", "2024-10-25", MarkKind.Current, "rus") with { EnteredAt = L("2024-10-25 12:00") });

        Assert.Equal(new[] { "missing certain periodMark:s1:rus:q1" }, Lines(Run(snap, "period-marks")));
    }

    [Fact]
    public void WithoutPeriodsTheRuleIsNotEvaluable_WithoutEntryTimesOnlyLateIs()
    {
        var snap = Q1();
        snap.Marks.Add(PeriodMark("m1", "s1", "alg", "2024-10-28 09:00"));

        var noPeriods = Run(snap.Without(Capability.Periods), "period-marks");
        Assert.Empty(noPeriods.Findings);
        Assert.Equal(new[] { "- [periods]" }, NotEvaluable(noPeriods));

        var snap2 = Q1();
        snap2.Marks.Add(PeriodMark("m1", "s1", "alg", "2024-10-28 09:00"));
        var noTimes = Run(snap2.Without(Capability.MarkEntryTimes), "period-marks");
        Assert.Equal(new[] { "missing certain periodMark:s1:rus:q1" }, Lines(noTimes));
        Assert.Equal(new[] { "late [markEntryTimes]" }, NotEvaluable(noTimes));
    }

    [Fact]
    public void BadParametersNameTheirPath()
    {
        var error = BindError("period-marks", """{"exemptGrades": ["1"]}""");
        Assert.Contains("exemptGrades", error.Message);
        Assert.Contains("whole number", error.Message);
        Assert.Contains("graceDays", BindError("period-marks", """{"graceDays": -1}""").Message);
    }

    [Fact]
    public void LinearInTheData_ManyStudentsAndMarks()
    {
        var snap = new Snap { To = D("2024-10-31") }.Quarters();
        for (var i = 0; i < 3000; i++)
        {
            snap.Student("s" + i);
            snap.Marks.Add(PeriodMark("m" + i, "s" + i, "alg", "2024-10-27 20:00"));
            for (var k = 0; k < 10; k++)
            {
                snap.Marks.Add(Mark($"c{i}-{k}", "s" + i, "2024-10-01") with { EnteredAt = L("2024-10-01 12:00") });
            }
        }

        snap.Lessons.Add(Lesson("l1", "2024-09-10"));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var report = Run(snap, "period-marks");
        Assert.Empty(report.Findings);
        Assert.True(watch.ElapsedMilliseconds < 5000, $"took {watch.ElapsedMilliseconds} ms");
        Assert.DoesNotContain(report.NotEvaluable, n => n.Rule == "period-marks");
    }
}
