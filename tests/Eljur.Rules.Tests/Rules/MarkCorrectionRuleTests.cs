using System;
using System.Linq;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Rules.Tests.TestData;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Rules;

public sealed class MarkCorrectionRuleTests
{
    // The mark m1 («5», st1, Алгебра, 1 Oct 2024) was entered at 10:00 on 1 Oct; 14 × 24 h later is 10:00 on 15 Oct.
    private const string Entered = "2024-10-01T10:00:00+05:00";

    private static MarkRevision Rev(string at, string? by = "t1", string? after = null, string from = "5", string to = "4") =>
        new() { At = T(at), After = after is null ? null : T(after), By = by, From = from, To = to };

    private static EvaluationReport Run(string parameters, params MarkRevision[] revisions) => Run(parameters, null, revisions);

    private static EvaluationReport Run(string parameters, string? enteredAfter, params MarkRevision[] revisions) =>
        Check.Run(
            SnapshotBuilder.School()
                .Mark("m1", "2024-10-01", MarkKind.Current, m => m with
                {
                    EnteredAt = T(Entered),
                    EnteredAfter = enteredAfter is null ? null : T(enteredAfter),
                    Value = revisions.Length == 0 ? "5" : revisions[^1].To,
                    Revisions = revisions,
                })
                .Build(),
            "mark-correction",
            parameters);

    [Fact]
    public void WithinTheWindow_ExactlyFourteenTimesTwentyFourHours_Passes()
    {
        Assert.Empty(Run("""{ "windowDays": 14 }""", Rev("2024-10-15T10:00:00+05:00")).Findings);
        Assert.Empty(Run("""{ "windowDays": 14 }""", Rev("2024-10-15T05:00:00Z")).Findings);
    }

    [Fact]
    public void OneSecondPastTheWindow_IsLate()
    {
        var report = Run("""{ "windowDays": 14 }""", Rev("2024-10-15T10:00:01+05:00"));

        var f = Assert.Single(report.Findings);
        Assert.Equal("mark-correction", f.Rule);
        Assert.Equal("late", f.Aspect);
        Assert.Equal(Certainty.Certain, f.Certainty);
        Assert.Equal(new FindingEntity("revision", "m1#1"), f.Entity);
        Assert.Equal(new DateTimeOffset(2024, 10, 15, 10, 0, 0, Ekb), f.Deadline);
        Assert.Equal(T("2024-10-15T10:00:01+05:00"), f.Observed);
        Assert.Equal("mark-correction late certain revision:m1#1 2024-10-15T10:00:00+05:00 2024-10-15T10:00:01+05:00", Check.Line(f));
        Assert.Equal(
            "Исправление «5» → «4» (отметка «4», Иванов Иван, Алгебра, за 01.10.2024) сделано 15.10.2024 10:00:01, позже 14 календ. дн. после выставления (01.10.2024 10:00).",
            f.Message);
    }

    [Fact]
    public void WindowZero_AllowsNoDelayAtAll()
    {
        Assert.Empty(Run("""{ "windowDays": 0 }""", Rev(Entered)).Findings);
        Assert.Single(Run("""{ "windowDays": 0 }""", Rev("2024-10-01T10:00:01+05:00")).Findings);
    }

    [Fact]
    public void EachRevision_IsJudged_AndNumberedFromOne()
    {
        var report = Run(
            """{ "windowDays": 14 }""",
            Rev("2024-10-02T10:00:00+05:00", from: "5", to: "4"),
            Rev("2024-10-20T10:00:00+05:00", from: "4", to: "3"),
            Rev("2024-10-21T10:00:00+05:00", from: "3", to: "4"));

        Assert.Equal(
            new[]
            {
                "mark-correction late certain revision:m1#2 2024-10-15T10:00:00+05:00 2024-10-20T10:00:00+05:00",
                "mark-correction late certain revision:m1#3 2024-10-15T10:00:00+05:00 2024-10-21T10:00:00+05:00",
            },
            Check.Lines(report));
    }

    [Fact]
    public void WindowNull_ForbidsEveryRevision()
    {
        var report = Run(
            """{ "windowDays": null }""",
            Rev("2024-10-01T10:00:00+05:00", by: "t1"),
            Rev("2024-10-01T10:05:00+05:00", by: "d1"));

        Assert.Equal(
            new[]
            {
                "mark-correction forbidden certain revision:m1#1 - 2024-10-01T10:00:00+05:00",
                "mark-correction forbidden certain revision:m1#2 - 2024-10-01T10:05:00+05:00",
            },
            Check.Lines(report));
        Assert.Equal(
            "Исправление «5» → «4» (отметка «4», Иванов Иван, Алгебра, за 01.10.2024) сделано 01.10.2024 10:00, а исправление отметок запрещено.",
            report.Findings[0].Message);
    }

    [Fact]
    public void WindowNull_WithOverrideRoles_AllowsOnlyThoseRoles()
    {
        var report = Run(
            """{ "windowDays": null, "overrideRoles": ["deputy"] }""",
            Rev("2024-10-02T10:00:00+05:00", by: "d1"),
            Rev("2024-10-03T10:00:00+05:00", by: "t1"),
            Rev("2024-10-04T10:00:00+05:00", by: null));

        Assert.Equal(
            new[]
            {
                "mark-correction forbidden certain revision:m1#2 - 2024-10-03T10:00:00+05:00",
                "mark-correction forbidden possible revision:m1#3 - 2024-10-04T10:00:00+05:00",
            },
            Check.Lines(report));
    }

    [Fact]
    public void OverrideRoleDeputy_AllowsADeputysLateRevision_NotATeachers()
    {
        var report = Run(
            """{ "windowDays": 14, "overrideRoles": ["deputy"] }""",
            Rev("2024-10-20T10:00:00+05:00", by: "d1"),
            Rev("2024-10-21T10:00:00+05:00", by: "t1"),
            Rev("2024-10-22T10:00:00+05:00", by: "stranger"));

        Assert.Equal(
            new[]
            {
                "mark-correction late certain revision:m1#2 2024-10-15T10:00:00+05:00 2024-10-21T10:00:00+05:00",
                "mark-correction late certain revision:m1#3 2024-10-15T10:00:00+05:00 2024-10-22T10:00:00+05:00",
            },
            Check.Lines(report));
        Assert.EndsWith("; исправил не тот, кто вправе это делать (заместитель директора).", report.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownAuthor_WithOverrideRoles_IsPossible()
    {
        var report = Run("""{ "windowDays": 14, "overrideRoles": ["deputy", "director"] }""", Rev("2024-10-20T10:00:00+05:00", by: null));

        var f = Assert.Single(report.Findings);
        Assert.Equal(Certainty.Possible, f.Certainty);
        Assert.Equal("late", f.Aspect);
        Assert.EndsWith("; автор исправления неизвестен, а исправлять вправе только: заместитель директора, директор.", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownAuthor_WithoutOverrideRoles_IsCertain()
    {
        var f = Assert.Single(Run("""{ "windowDays": 14 }""", Rev("2024-10-20T10:00:00+05:00", by: null)).Findings);

        Assert.Equal(Certainty.Certain, f.Certainty);
    }

    [Fact]
    public void PolledRevisionStraddlingTheWindow_IsPossible()
    {
        // Revision seen at 12:00 on 15 Oct, absent at 08:00: it may have been made before 10:00.
        var report = Run("""{ "windowDays": 14 }""", Rev("2024-10-15T12:00:00+05:00", after: "2024-10-15T08:00:00+05:00"));

        var f = Assert.Single(report.Findings);
        Assert.Equal("mark-correction late possible revision:m1#1 2024-10-15T10:00:00+05:00 2024-10-15T12:00:00+05:00", Check.Line(f));
        Assert.EndsWith("Время исправления известно только по опросу — нарушение возможно.", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PolledRevisionFirstMissedAfterTheWindow_IsCertain()
    {
        var report = Run("""{ "windowDays": 14 }""", Rev("2024-10-16T12:00:00+05:00", after: "2024-10-15T10:00:01+05:00"));

        Assert.Equal(Certainty.Certain, Assert.Single(report.Findings).Certainty);
    }

    [Fact]
    public void PolledRevisionMissedExactlyAtTheWindowsEnd_IsCertain()
    {
        // «certain when enteredAfter ≥ deadline»: not seen at 10:00:00 on 15 Oct, so made after it.
        var report = Run("""{ "windowDays": 14 }""", Rev("2024-10-16T12:00:00+05:00", after: "2024-10-15T10:00:00+05:00"));

        Assert.Equal(Certainty.Certain, Assert.Single(report.Findings).Certainty);
    }

    [Fact]
    public void PolledRevisionSeenWithinTheWindow_Passes()
    {
        Assert.Empty(Run("""{ "windowDays": 14 }""", Rev("2024-10-15T10:00:00+05:00", after: "2024-10-14T10:00:00+05:00")).Findings);
    }

    [Fact]
    public void PolledFirstEntry_WidensTheElapsedTime_ToPossible()
    {
        // The mark may have been entered as early as 00:00 on 1 Oct; a revision at 09:00 on 15 Oct may then be 14 d 9 h later.
        var report = Run("""{ "windowDays": 14 }""", "2024-10-01T00:00:00+05:00", Rev("2024-10-15T09:00:00+05:00"));

        Assert.Equal("mark-correction late possible revision:m1#1 2024-10-15T10:00:00+05:00 2024-10-15T09:00:00+05:00", Check.Line(Assert.Single(report.Findings)));
    }

    [Fact]
    public void MarksWithoutRevisions_AndMarksOfCancelledLessons_GiveNothing()
    {
        var report = Check.Run(
            SnapshotBuilder.School()
                .Lesson("cancelled", "2024-10-01", l => l with { Held = false })
                .Mark("m1", "2024-10-01", MarkKind.Current, m => m with { EnteredAt = T(Entered) })
                .Mark("m2", "2024-10-01", MarkKind.Current, m => m with { LessonId = "cancelled", EnteredAt = T(Entered), Revisions = new[] { Rev("2024-11-01T10:00:00+05:00") } })
                .Build(),
            "mark-correction",
            """{ "windowDays": 14 }""");

        Assert.Empty(report.Findings);
        Assert.Empty(report.NotEvaluable);
    }

    [Fact]
    public void ARevisedMarkWithoutAnEntryTime_IsChargedToMarkEntryTimes()
    {
        var report = Check.Run(
            SnapshotBuilder.School()
                .Mark("m1", "2024-10-01", MarkKind.Current, m => m with { Revisions = new[] { Rev("2024-11-01T10:00:00+05:00") } })
                .Build(),
            "mark-correction",
            """{ "windowDays": 14 }""");

        Assert.Empty(report.Findings);
        Assert.Equal(new[] { "mark-correction - [markEntryTimes]" }, Check.NotEvaluable(report));
    }

    [Fact]
    public void WithoutRevisions_NotEvaluable()
    {
        var report = Check.Run(
            SnapshotBuilder.School().Without(Capability.Revisions)
                .Mark("m1", "2024-10-01", MarkKind.Current, m => m with { EnteredAt = T(Entered), Revisions = new[] { Rev("2024-11-01T10:00:00+05:00") } })
                .Build(),
            "mark-correction",
            """{ "windowDays": 14 }""");

        Assert.Empty(report.Findings);
        Assert.Equal(new[] { "mark-correction - [revisions]" }, Check.NotEvaluable(report));
    }

    [Fact]
    public void WithOverrideRoles_MissingAuthors_GivePossibleFindings_AndListTheOverrideCheck()
    {
        // rules.md: «authors for overrides»; «Unknown author with an override role defined: possible».
        var snapshot = SnapshotBuilder.School().Without(Capability.Authors)
            .Mark("m1", "2024-10-01", MarkKind.Current, m => m with { EnteredAt = T(Entered), Revisions = new[] { Rev("2024-11-01T10:00:00+05:00", by: null) } })
            .Build();

        var withOverride = Check.Run(snapshot, "mark-correction", """{ "windowDays": 14, "overrideRoles": ["deputy"] }""");
        var finding = Assert.Single(withOverride.Findings);
        Assert.Equal(Certainty.Possible, finding.Certainty);
        Assert.Equal(new[] { "mark-correction override [authors]" }, Check.NotEvaluable(withOverride));

        // Without override roles the author does not matter.
        var without = Check.Run(snapshot, "mark-correction", """{ "windowDays": 14 }""");
        Assert.Single(without.Findings);
        Assert.Empty(without.NotEvaluable);
    }
}
