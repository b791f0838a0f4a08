using System;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Rules.Tests.TestData;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Engine;

/// <summary>Deadline anchors, computed through the rules that use them, at the instant level.</summary>
public sealed class DeadlineTests
{
    private const string WrittenParams = """
        { "bySubject": [ { "subjects": ["Русский язык", "Литература"], "workingDays": 10 } ], "defaultWorkingDays": 5 }
        """;

    private static EvaluationReport Written(string markDate, string enteredAt, string subjectId = "alg", SnapshotBuilder? school = null, string parameters = WrittenParams) =>
        Check.Run(
            (school ?? SnapshotBuilder.School())
                .Mark("m1", markDate, MarkKind.Written, m => m with { SubjectId = subjectId, EnteredAt = T(enteredAt) })
                .Build(),
            "written-mark-entry",
            parameters);

    [Fact]
    public void SpecExample_TestOnMonday28October_IsDueAtTheEndOfWorkingSaturday2November()
    {
        Assert.Empty(Written("2024-10-28", "2024-11-02T23:59:59+05:00").Findings);

        var late = Written("2024-10-28", "2024-11-03T00:00:00+05:00");

        var f = Assert.Single(late.Findings);
        Assert.Equal("written-mark-entry", f.Rule);
        Assert.Equal("late", f.Aspect);
        Assert.Equal(Certainty.Certain, f.Certainty);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal("1.1", f.Clause);
        Assert.Equal(new FindingEntity("mark", "m1"), f.Entity);
        Assert.Equal(new DateTimeOffset(2024, 11, 2, 23, 59, 59, Ekb).AddTicks(9_999_999), f.Deadline);
        Assert.Equal(Ekb, f.Deadline!.Value.Offset);
        Assert.Equal(T("2024-11-03T00:00:00+05:00"), f.Observed);
        Assert.Equal("2024-11-02T23:59:59.999+05:00", ReportJsonWriter.Timestamp(f.Deadline.Value));
        Assert.Equal("2024-11-03T00:00:00+05:00", ReportJsonWriter.Timestamp(f.Observed!.Value));
        Assert.Contains("5 раб. дн.", f.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Русский язык")]
    [InlineData("русский язык")]
    [InlineData("РУССКИЙ ЯЗЫК")]
    [InlineData("Русский  язык")] // spacing is normalised too
    [InlineData("литература")]
    [InlineData("ЛИТЕРАТУРА")]
    public void RussianAndLiterature_HaveTenWorkingDays_MatchedCaseInsensitively(string subjectName)
    {
        var school = () => SnapshotBuilder.School().Subject("x", subjectName);

        // 28 Oct + 10 working days: 29, 30, 31 Oct, 1, 2 (Sat) Nov, 5, 6, 7, 8, 11 Nov.
        Assert.Empty(Written("2024-10-28", "2024-11-11T23:59:59+05:00", "x", school()).Findings);
        var late = Written("2024-10-28", "2024-11-12T00:00:00+05:00", "x", school());

        Assert.Equal(
            new[] { "written-mark-entry late certain mark:m1 2024-11-11T23:59:59.999+05:00 2024-11-12T00:00:00+05:00" },
            Check.Lines(late));
        Assert.Contains("10 раб. дн.", late.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherSubjects_UseTheDefault()
    {
        var report = Written("2024-10-28", "2024-11-05T09:00:00+05:00", "alg");

        Assert.Equal(
            new[] { "written-mark-entry late certain mark:m1 2024-11-02T23:59:59.999+05:00 2024-11-05T09:00:00+05:00" },
            Check.Lines(report));
    }

    [Fact]
    public void RussianMarkEnteredAfterFiveButWithinTenWorkingDays_Passes()
    {
        Assert.Empty(Written("2024-10-28", "2024-11-05T09:00:00+05:00", "rus").Findings);
        Assert.Empty(Written("2024-10-28", "2024-11-05T09:00:00+05:00", "lit").Findings);
    }

    [Theory]
    // Thu 31 Oct + 3: Fri 1 Nov, Sat 2 Nov (working), then Sun 3 off and Mon 4 Nov a holiday, so Tue 5 Nov.
    [InlineData("2024-10-31", 3, 5, "2024-11-05")]
    // Fri 1 Nov + 2 across the holiday.
    [InlineData("2024-11-01", 2, 5, "2024-11-05")]
    // Sat 28 Dec 2024 is a working Saturday (t=3).
    [InlineData("2024-12-27", 1, 5, "2024-12-28")]
    // Year boundary: 28 Dec (1); 29 Dec Sun, 30-31 Dec off (t=1), 1-8 Jan 2025 holidays; 9 (2), 10 (3), 13 (4), 14 Jan (5).
    [InlineData("2024-12-27", 5, 5, "2025-01-14")]
    // The same in a 6-day week: Mon 30 Dec works (its day off was moved from Saturday 28 Dec), Tue 31 Dec is off
    // (moved from Sunday 7 Jan), Sat 4 Jan 2025 is a holiday (h=1), Sat 11 Jan works: 28, 30 Dec, 9, 10, 11 Jan.
    [InlineData("2024-12-27", 5, 6, "2025-01-11")]
    // An ordinary week: Wed 9 Oct + 3 is Mon 14 Oct in a 5-day week, Sat 12 Oct in a 6-day week.
    [InlineData("2024-10-09", 3, 5, "2024-10-14")]
    [InlineData("2024-10-09", 3, 6, "2024-10-12")]
    // Fri 7 Mar 2025 + 1 in a 6-day week: Sat 8 Mar is a holiday (h=4), Sun off, so Mon 10 Mar.
    [InlineData("2025-03-07", 1, 6, "2025-03-10")]
    // Fri 28 Feb 2025 + 1 in a 6-day week: an ordinary Saturday.
    [InlineData("2025-02-28", 1, 6, "2025-03-01")]
    public void WorkingDays_FollowTheProductionCalendar(string markDate, int days, int workWeek, string dueDate)
    {
        var parameters = $$"""{ "defaultWorkingDays": {{days}} }""";
        var school = () => SnapshotBuilder.School().WorkWeek(workWeek);

        Assert.Empty(Written(markDate, dueDate + "T23:59:59+05:00", school: school(), parameters: parameters).Findings);

        var enteredLate = D(dueDate).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T00:00:00+05:00";
        var late = Written(markDate, enteredLate, school: school(), parameters: parameters);
        var f = Assert.Single(late.Findings);
        Assert.Equal(EndOfDay(dueDate), f.Deadline);
        Assert.Equal(dueDate + "T23:59:59.999+05:00", ReportJsonWriter.Timestamp(f.Deadline!.Value));
        Assert.Equal(Certainty.Certain, f.Certainty);
    }

    [Fact]
    public void ZeroWorkingDays_IsTheEndOfTheMarkDateItself()
    {
        var report = Written("2024-11-02", "2024-11-03T00:00:00+05:00", parameters: """{ "defaultWorkingDays": 0 }""");

        Assert.Equal(EndOfDay("2024-11-02"), Assert.Single(report.Findings).Deadline);
    }

    [Fact]
    public void SchoolVacations_DoNotChangeWorkingDays()
    {
        // Autumn vacation 28 Oct - 4 Nov does not move the deadline: the snapshot's holidays are ignored.
        var snapshot = SnapshotBuilder.School()
            .Mark("m1", "2024-10-28", MarkKind.Written, m => m with { EnteredAt = T("2024-11-03T00:00:00+05:00") })
            .Build() with
        {
            Holidays = new[] { new Vacation { Start = D("2024-10-28"), End = D("2024-11-04"), Name = "Осенние каникулы" } },
        };

        Assert.Equal(EndOfDay("2024-11-02"), Assert.Single(Check.Run(snapshot, "written-mark-entry", """{ "defaultWorkingDays": 5 }""").Findings).Deadline);
    }

    [Theory]
    [InlineData("2024-10-28T18:59:59Z", false)] // 23:59:59 +05:00 on the mark date
    [InlineData("2024-10-28T18:59:59.999Z", false)]
    [InlineData("2024-10-28T19:00:00Z", true)] // 00:00:00 +05:00 next day
    [InlineData("2024-10-28T23:59:59+05:00", false)]
    [InlineData("2024-10-29T00:00:00+05:00", true)]
    public void SameDay_UtcTimestampsAreJudgedInTheSchoolsZone(string enteredAt, bool late)
    {
        var report = Check.Run(
            SnapshotBuilder.School()
                .Mark("m1", "2024-10-28", MarkKind.Current, m => m with { EnteredAt = T(enteredAt) })
                .Build(),
            "current-mark-entry",
            """{ "deadline": "sameDay" }""");

        if (!late)
        {
            Assert.Empty(report.Findings);
            return;
        }

        var f = Assert.Single(report.Findings);
        Assert.Equal("2024-10-28T23:59:59.999+05:00", ReportJsonWriter.Timestamp(f.Deadline!.Value));

        // The observed time is shown in the school's offset, whatever offset the source used.
        Assert.Equal("2024-10-29T00:00:00+05:00", ReportJsonWriter.Timestamp(f.Observed!.Value));
        Assert.Equal(T(enteredAt), f.Observed);
    }

    [Fact]
    public void TheSameUtcInstant_IsOnTimeInMoscowAndLateInYekaterinburg()
    {
        // 2024-10-28T20:30:00Z is 23:30 on the 28th in Moscow (+03) and 01:30 on the 29th in Yekaterinburg (+05).
        GradebookSnapshot In(string zone) => SnapshotBuilder.School().InZone(zone)
            .Mark("m1", "2024-10-28", MarkKind.Current, m => m with { EnteredAt = T("2024-10-28T20:30:00Z") })
            .Build();

        var moscow = Check.Run(In("Europe/Moscow"), "current-mark-entry", """{ "deadline": "sameDay" }""", "2024-11-01T12:00:00+03:00");
        var yekaterinburg = Check.Run(In("Asia/Yekaterinburg"), "current-mark-entry", """{ "deadline": "sameDay" }""", "2024-11-01T12:00:00+05:00");

        Assert.Empty(moscow.Findings);
        Assert.Equal(
            new[] { "current-mark-entry late certain mark:m1 2024-10-28T23:59:59.999+05:00 2024-10-29T01:30:00+05:00" },
            Check.Lines(yekaterinburg));
    }

    [Fact]
    public void MoscowDeadlines_CarryTheMoscowOffset()
    {
        var report = Check.Run(
            SnapshotBuilder.School().InZone("Europe/Moscow")
                .Mark("m1", "2024-10-28", MarkKind.Current, m => m with { EnteredAt = T("2024-10-28T21:00:00Z") })
                .Build(),
            "current-mark-entry");

        Assert.Equal(
            new[] { "current-mark-entry late certain mark:m1 2024-10-28T23:59:59.999+03:00 2024-10-29T00:00:00+03:00" },
            Check.Lines(report));
        Assert.Equal("2025-06-01T10:00:00+03:00", ReportJsonWriter.Timestamp(report.AsOf));
    }

    [Fact]
    public void CalendarDays_CountHolidaysAndWeekends()
    {
        // 28 Oct + 7 calendar days = Mon 4 Nov, a public holiday, still counted.
        GradebookSnapshot Entered(string at) => SnapshotBuilder.School()
            .Mark("m1", "2024-10-28", MarkKind.Current, m => m with { EnteredAt = T(at) })
            .Build();

        Assert.Empty(Check.Run(Entered("2024-11-04T23:59:59+05:00"), "current-mark-entry", """{ "deadline": "calendarDays(7)" }""").Findings);
        Assert.Equal(
            new[] { "current-mark-entry late certain mark:m1 2024-11-04T23:59:59.999+05:00 2024-11-05T00:00:00+05:00" },
            Check.Lines(Check.Run(Entered("2024-11-05T00:00:00+05:00"), "current-mark-entry", """{ "deadline": "calendarDays(7)" }""")));
    }

    [Fact]
    public void CalendarDays_CrossTheYearEnd()
    {
        var report = Check.Run(
            SnapshotBuilder.School()
                .Mark("m1", "2024-12-30", MarkKind.Current, m => m with { EnteredAt = T("2025-01-03T00:00:00+05:00") })
                .Build(),
            "current-mark-entry",
            """{ "deadline": "calendarDays(3)" }""");

        Assert.Equal(EndOfDay("2025-01-02"), Assert.Single(report.Findings).Deadline);
    }

    [Theory]
    [InlineData("2024-10-28T11:45:00+05:00", false)]
    [InlineData("2024-10-28T06:45:00Z", false)]
    [InlineData("2024-10-28T11:45:01+05:00", true)]
    public void AfterLessonEnd_IsTheLessonsEndPlusHours(string enteredAt, bool late)
    {
        var report = Check.Run(
            SnapshotBuilder.School()
                .Lesson("l1", "2024-10-28", l => l with { Start = H("09:00"), End = H("09:45") })
                .Absence("l1", "st1", a => a with { EnteredAt = T(enteredAt) })
                .Build(),
            "absence-entry",
            """{ "deadline": "afterLessonEnd(2)" }""");

        if (late)
        {
            Assert.Equal(
                new[] { "absence-entry late certain absence:l1:st1 2024-10-28T11:45:00+05:00 2024-10-28T11:45:01+05:00" },
                Check.Lines(report));
            Assert.Equal(new DateTimeOffset(2024, 10, 28, 11, 45, 0, Ekb), report.Findings[0].Deadline);
        }
        else
        {
            Assert.Empty(report.Findings);
        }

        Assert.Empty(report.NotEvaluable);
    }

    [Fact]
    public void AfterLessonEnd_TakesFractionalHours()
    {
        var report = Check.Run(
            SnapshotBuilder.School()
                .Lesson("l1", "2024-10-28", l => l with { Start = H("09:00"), End = H("09:45"), Topic = "Дроби", TopicEnteredAt = T("2024-10-28T10:16:00+05:00") })
                .Build(),
            "lesson-topic",
            """{ "deadline": "afterLessonEnd(0.5)" }""");

        Assert.Equal(
            new[] { "lesson-topic late certain lesson:l1 2024-10-28T10:15:00+05:00 2024-10-28T10:16:00+05:00" },
            Check.Lines(report));
    }

    private static SnapshotBuilder SchoolDay() => SnapshotBuilder.School()
        .Class("9b", "9Б", 9)
        .Lesson("l1", "2024-10-28", l => l with { Start = H("08:30"), End = H("09:15"), Topic = "Дроби", TopicEnteredAt = T("2024-10-28T15:20:00+05:00") })
        .Lesson("l2", "2024-10-28", l => l with { Start = H("13:35"), End = H("14:20"), Topic = "Корни", TopicEnteredAt = T("2024-10-28T15:20:01+05:00") })
        .Lesson("l3", "2024-10-28", l => l with { Start = H("10:20"), End = H("11:05"), Topic = "Степени", TopicEnteredAt = T("2024-10-28T12:00:00+05:00") })

        // Another class ends later, and a cancelled lesson of 9А would end later still: neither moves 9А's deadline.
        .Lesson("other", "2024-10-28", l => l with { ClassId = "9b", Start = H("15:00"), End = H("15:45"), Topic = "Т", TopicEnteredAt = T("2024-10-28T16:00:00+05:00") })
        .Lesson("cancelled", "2024-10-28", l => l with { Held = false, Start = H("16:00"), End = H("16:45") });

    [Fact]
    public void AfterClassDay_IsTheEndOfTheClassesLastHeldLessonThatDatePlusHours()
    {
        var report = Check.Run(SchoolDay().Build(), "lesson-topic", """{ "deadline": "afterClassDay(1)" }""");

        // 9А's last held lesson ends at 14:20, so every 9А lesson of the day is due at 15:20; 9Б's at 16:45.
        Assert.Equal(
            new[] { "lesson-topic late certain lesson:l2 2024-10-28T15:20:00+05:00 2024-10-28T15:20:01+05:00" },
            Check.Lines(report));
        Assert.Empty(report.NotEvaluable);
    }

    [Fact]
    public void AfterClassDay_ForAMarkWithoutALesson_UsesTheStudentsClass()
    {
        var report = Check.Run(
            SchoolDay()
                .Mark("m1", "2024-10-28", MarkKind.Current, m => m with { EnteredAt = T("2024-10-28T15:20:00+05:00") })
                .Mark("m2", "2024-10-28", MarkKind.Current, m => m with { EnteredAt = T("2024-10-28T15:21:00+05:00") })
                .Build(),
            "current-mark-entry",
            """{ "deadline": "afterClassDay(1)" }""");

        Assert.Equal(
            new[] { "current-mark-entry late certain mark:m2 2024-10-28T15:20:00+05:00 2024-10-28T15:21:00+05:00" },
            Check.Lines(report));
    }

    [Theory]
    [InlineData("lesson-topic", "afterClassDay(1)")]
    [InlineData("lesson-topic", "afterLessonEnd(1)")]
    [InlineData("homework", "afterClassDay(1)")]
    [InlineData("absence-entry", "afterClassDay(1)")]
    [InlineData("current-mark-entry", "afterLessonEnd(2)")]
    public void LessonAnchors_WithoutLessonTimes_AreNotEvaluable(string rule, string anchor)
    {
        var snapshot = SchoolDay().Without(Capability.LessonTimes)
            .Absence("l1", "st1", a => a with { EnteredAt = T("2024-10-29T00:00:00+05:00") })
            .Mark("m1", "2024-10-28", MarkKind.Current, m => m with { LessonId = "l1", EnteredAt = T("2024-10-29T00:00:00+05:00") })
            .Build();

        var report = Check.Run(snapshot, rule, $$"""{ "deadline": "{{anchor}}" }""");

        Assert.Empty(report.Findings);
        var entry = Assert.Single(report.NotEvaluable);
        Assert.Equal(rule, entry.Rule);
        Assert.Null(entry.Aspect);
        Assert.Equal(new[] { Capability.LessonTimes }, entry.Missing);
    }

    [Fact]
    public void AfterLessonEnd_ForARecordWhoseLessonHasNoEnd_ChargesLessonTimesToTheAspect()
    {
        // lessonTimes is declared, but one lesson lacks its end: that record cannot be judged; the others are.
        var report = Check.Run(
            SnapshotBuilder.School()
                .Lesson("l1", "2024-10-28", l => l with { Start = H("09:00"), End = H("09:45") })
                .Lesson("l2", "2024-10-28")
                .Absence("l1", "st1", a => a with { EnteredAt = T("2024-10-28T12:00:00+05:00") })
                .Absence("l2", "st1", a => a with { EnteredAt = T("2024-10-29T12:00:00+05:00") })
                .Build(),
            "absence-entry",
            """{ "deadline": "afterLessonEnd(1)" }""");

        Assert.Equal(
            new[] { "absence-entry late certain absence:l1:st1 2024-10-28T10:45:00+05:00 2024-10-28T12:00:00+05:00" },
            Check.Lines(report));
        Assert.Equal(new[] { "absence-entry late [lessonTimes]" }, Check.NotEvaluable(report));
    }
}
