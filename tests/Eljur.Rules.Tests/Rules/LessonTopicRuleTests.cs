using System.Linq;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Rules.Tests.TestData;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Rules;

public sealed class LessonTopicRuleTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \t\n ")]
    public void BlankTopic_IsMissing_WithTheDeadlineAndNoObservedTime(string? topic)
    {
        var report = Check.Run(
            SnapshotBuilder.School().Lesson("l1", "2024-10-28", l => l with { Topic = topic }).Build(),
            "lesson-topic");

        var f = Assert.Single(report.Findings);
        Assert.Equal("lesson-topic", f.Rule);
        Assert.Equal("missing", f.Aspect);
        Assert.Equal(Certainty.Certain, f.Certainty);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal(new FindingEntity("lesson", "l1"), f.Entity);
        Assert.Equal(EndOfDay("2024-10-28"), f.Deadline);
        Assert.Null(f.Observed);
        Assert.Equal("Не записана тема урока (9А, Алгебра, 28.10.2024); срок — до 28.10.2024 23:59.", f.Message);
    }

    [Fact]
    public void TopicEnteredLate_IsLate_AndOnTimeIsNothing()
    {
        var report = Check.Run(
            SnapshotBuilder.School()
                .Lesson("late", "2024-10-28", l => l with { Topic = "Дроби", TopicEnteredAt = T("2024-10-29T08:00:00+05:00") })
                .Lesson("ontime", "2024-10-28", l => l with { Topic = "Корни", TopicEnteredAt = T("2024-10-28T23:59:59+05:00") })
                .Build(),
            "lesson-topic");

        Assert.Equal(
            new[] { "lesson-topic late certain lesson:late 2024-10-28T23:59:59.999+05:00 2024-10-29T08:00:00+05:00" },
            Check.Lines(report));
        Assert.Equal("Тема урока (9А, Алгебра, 28.10.2024): внесено 29.10.2024 08:00, срок — до 28.10.2024 23:59.", report.Findings[0].Message);
    }

    [Fact]
    public void CancelledLessons_AreExcluded_HeldNullAndTrueCount()
    {
        var report = Check.Run(
            SnapshotBuilder.School()
                .Lesson("cancelled", "2024-10-28", l => l with { Held = false })
                .Lesson("cancelled-late", "2024-10-28", l => l with { Held = false, Topic = "Т", TopicEnteredAt = T("2024-11-01T10:00:00+05:00") })
                .Lesson("held-null", "2024-10-28", l => l with { Held = null })
                .Lesson("held-true", "2024-10-28", l => l with { Held = true })
                .Build(),
            "lesson-topic");

        Assert.Equal(
            new[]
            {
                "lesson-topic missing certain lesson:held-null 2024-10-28T23:59:59.999+05:00 -",
                "lesson-topic missing certain lesson:held-true 2024-10-28T23:59:59.999+05:00 -",
            },
            Check.Lines(report));
    }

    [Fact]
    public void LessonsAfterAsOf_OrWhoseDeadlineHasNotPassed_GiveNoFinding()
    {
        var snapshot = SnapshotBuilder.School()
            .Lesson("yesterday", "2024-10-27")
            .Lesson("today", "2024-10-28")
            .Lesson("tomorrow", "2024-10-29")
            .Lesson("today-late-topic", "2024-10-28", l => l with { Topic = "Т", TopicEnteredAt = T("2024-10-28T12:00:00+05:00") })
            .Build();

        var noon = Check.Run(snapshot, "lesson-topic", asOf: "2024-10-28T12:00:00+05:00");
        Assert.Equal(new[] { "lesson-topic missing certain lesson:yesterday 2024-10-27T23:59:59.999+05:00 -" }, Check.Lines(noon));

        // At the deadline itself it has not passed yet.
        var deadline = Check.Run(snapshot, "lesson-topic", asOf: "2024-10-28T23:59:59.9999999+05:00");
        Assert.Equal(new[] { "lesson-topic missing certain lesson:yesterday 2024-10-27T23:59:59.999+05:00 -" }, Check.Lines(deadline));

        var midnight = Check.Run(snapshot, "lesson-topic", asOf: "2024-10-29T00:00:00+05:00");
        Assert.Equal(
            new[]
            {
                "lesson-topic missing certain lesson:today 2024-10-28T23:59:59.999+05:00 -",
                "lesson-topic missing certain lesson:yesterday 2024-10-27T23:59:59.999+05:00 -",
            },
            Check.Lines(midnight));
    }

    [Fact]
    public void AsOf_IsTakenInTheSchoolsZone()
    {
        // 2024-10-28T19:00:00Z is midnight in Yekaterinburg: the 28th's deadline has passed.
        var snapshot = SnapshotBuilder.School().Lesson("l1", "2024-10-28").Build();

        Assert.Empty(Check.Run(snapshot, "lesson-topic", asOf: "2024-10-28T18:59:59Z").Findings);
        Assert.Single(Check.Run(snapshot, "lesson-topic", asOf: "2024-10-28T19:00:00Z").Findings);
    }

    [Fact]
    public void LessonsOutsideTheRange_AreNotChecked()
    {
        var snapshot = SnapshotBuilder.School()
            .Lesson("before", "2024-10-27")
            .Lesson("first", "2024-10-28")
            .Lesson("last", "2024-10-31")
            .Lesson("after", "2024-11-01")
            .Build();

        var report = Check.Engine().Evaluate(
            snapshot,
            Check.Policy(Check.Use("lesson-topic")),
            new EvaluationOptions { AsOf = T("2024-12-01T00:00:00+05:00"), From = D("2024-10-28"), To = D("2024-10-31") });

        Assert.Equal(new[] { "first", "last" }, report.Findings.Select(f => f.Entity.Id));
        Assert.Equal(D("2024-10-28"), report.From);
        Assert.Equal(D("2024-10-31"), report.To);
    }

    [Fact]
    public void WithoutTopicEntryTimes_MissingIsStillReported_AndLateIsNotEvaluable()
    {
        var report = Check.Run(
            SnapshotBuilder.School().Without(Capability.TopicEntryTimes)
                .Lesson("blank", "2024-10-28")
                .Lesson("late", "2024-10-28", l => l with { Topic = "Дроби", TopicEnteredAt = T("2024-10-30T00:00:00+05:00") })
                .Build(),
            "lesson-topic");

        Assert.Equal(new[] { "lesson-topic missing certain lesson:blank 2024-10-28T23:59:59.999+05:00 -" }, Check.Lines(report));
        var entry = Assert.Single(report.NotEvaluable);
        Assert.Equal("lesson-topic", entry.Rule);
        Assert.Equal("late", entry.Aspect);
        Assert.Equal(new[] { "topicEntryTimes" }, entry.Missing);
    }

    [Fact]
    public void WithoutTopics_TheWholeRuleIsNotEvaluable()
    {
        var report = Check.Run(
            SnapshotBuilder.School().Without(Capability.Topics, Capability.TopicEntryTimes).Lesson("blank", "2024-10-28").Build(),
            "lesson-topic");

        Assert.Empty(report.Findings);
        Assert.Equal(new[] { "lesson-topic - [topics]" }, Check.NotEvaluable(report));
    }

    [Fact]
    public void ATopicWithoutAnEntryTime_IsChargedToTopicEntryTimes()
    {
        var report = Check.Run(
            SnapshotBuilder.School().Lesson("l1", "2024-10-28", l => l with { Topic = "Дроби" }).Build(),
            "lesson-topic");

        Assert.Empty(report.Findings);
        Assert.Equal(new[] { "lesson-topic late [topicEntryTimes]" }, Check.NotEvaluable(report));
    }

    [Fact]
    public void PolledTopic_FirstSeenLate_IsPossible()
    {
        var report = Check.Run(
            SnapshotBuilder.School()
                .Lesson("l1", "2024-10-28", l => l with
                {
                    Topic = "Дроби",
                    TopicEnteredAfter = T("2024-10-28T00:00:00+05:00"),
                    TopicEnteredAt = T("2024-10-29T06:00:00+05:00"),
                })
                .Build(),
            "lesson-topic");

        Assert.Equal(new[] { "lesson-topic late possible lesson:l1 2024-10-28T23:59:59.999+05:00 2024-10-29T06:00:00+05:00" }, Check.Lines(report));
    }

    [Fact]
    public void PolicySeverity_OverridesTheDefault()
    {
        var report = Check.Run(
            SnapshotBuilder.School().Lesson("l1", "2024-10-28").Build(),
            Check.Policy(Check.Use("lesson-topic", clause: "5.1", severity: Severity.Warning)));

        var f = Assert.Single(report.Findings);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Equal("5.1", f.Clause);
        Assert.False(report.HasErrors);
    }
}
