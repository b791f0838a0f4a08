using System.Linq;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Rules.Tests.TestData;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Engine;

/// <summary>A rule whose data rests on a capability the source did not declare is not evaluable; it does not pass.</summary>
public sealed class CapabilityTests
{
    private static readonly Abstractions.Policies.Policy AllRules = Check.Policy(
        Check.Use("lesson-topic"),
        Check.Use("homework"),
        Check.Use("absence-entry"),
        Check.Use("current-mark-entry"),
        Check.Use("written-mark-entry", """{ "defaultWorkingDays": 5 }"""),
        Check.Use("mark-correction", """{ "windowDays": 14 }"""),
        Check.Use("lessons-with-topic-or-homework", threshold: 0.95),
        Check.Use("lessons-with-journal-entry", threshold: 0.9));

    /// <summary>One late record for each rule.</summary>
    private static SnapshotBuilder LateEverything() => SnapshotBuilder.School()
        .Lesson("l1", "2024-10-28", l => l with
        {
            Topic = "Дроби",
            TopicEnteredAt = T("2024-10-29T10:00:00+05:00"),
            Homework = "№ 1",
            HomeworkEnteredAt = T("2024-10-29T10:00:00+05:00"),
        })
        .Absence("l1", "st1", a => a with { EnteredAt = T("2024-10-29T10:00:00+05:00") })
        .Mark("m-current", "2024-10-28", MarkKind.Current, m => m with
        {
            LessonId = "l1",
            EnteredAt = T("2024-10-29T10:00:00+05:00"),
            Value = "4",
            Revisions = new[] { new MarkRevision { At = T("2024-11-20T10:00:00+05:00"), By = "t1", From = "5", To = "4" } },
        })
        .Mark("m-written", "2024-10-28", MarkKind.Written, m => m with { EnteredAt = T("2024-11-05T10:00:00+05:00") });

    private static readonly string[] AllLate =
    {
        "absence-entry late certain absence:l1:st1 2024-10-28T23:59:59.999+05:00 2024-10-29T10:00:00+05:00",
        "current-mark-entry late certain mark:m-current 2024-10-28T23:59:59.999+05:00 2024-10-29T10:00:00+05:00",
        "homework late certain lesson:l1 2024-10-28T23:59:59.999+05:00 2024-10-29T10:00:00+05:00",
        "lesson-topic late certain lesson:l1 2024-10-28T23:59:59.999+05:00 2024-10-29T10:00:00+05:00",
        "mark-correction late certain revision:m-current#1 2024-11-12T10:00:00+05:00 2024-11-20T10:00:00+05:00",
        "written-mark-entry late certain mark:m-written 2024-11-02T23:59:59.999+05:00 2024-11-05T10:00:00+05:00",
    };

    [Fact]
    public void TheFourEntryTimeParts_EnableEveryRule()
    {
        var report = Check.Run(LateEverything().Build(), AllRules);

        Assert.Equal(AllLate, Check.Lines(report));
        Assert.Empty(report.NotEvaluable);
        Assert.All(report.Metrics, m => Assert.Equal(1.0, m.Value));
    }

    [Fact]
    public void TheEntryTimesShorthand_CountsAsAllFour()
    {
        var snapshot = LateEverything()
            .Capabilities(Capability.Lessons, Capability.Topics, Capability.Homework, Capability.Marks, Capability.Absences, Capability.Revisions, Capability.EntryTimes)
            .Build();

        var report = Check.Run(snapshot, AllRules);

        Assert.Equal(AllLate, Check.Lines(report));
        Assert.Empty(report.NotEvaluable);
    }

    [Fact]
    public void CapabilitySet_ExpandsTheShorthand_AndInfersIt()
    {
        var shorthand = new CapabilitySet(new[] { "entryTimes" });
        Assert.True(shorthand.Has("markEntryTimes"));
        Assert.True(shorthand.Has("absenceEntryTimes"));
        Assert.True(shorthand.Has("topicEntryTimes"));
        Assert.True(shorthand.Has("homeworkEntryTimes"));

        var parts = new CapabilitySet(new[] { "markEntryTimes", "absenceEntryTimes", "topicEntryTimes", "homeworkEntryTimes" });
        Assert.True(parts.Has("entryTimes"));

        var three = new CapabilitySet(new[] { "markEntryTimes", "absenceEntryTimes", "topicEntryTimes" });
        Assert.False(three.Has("entryTimes"));
        Assert.Equal(new[] { "homeworkEntryTimes" }, three.Missing(new[] { "markEntryTimes", "homeworkEntryTimes" }));
    }

    [Fact]
    public void WithoutAnyEntryTimes_EveryDeadlineRuleIsNotEvaluable_ButMissingTopicsAreStillFound()
    {
        var snapshot = LateEverything()
            .Without(Capability.MarkEntryTimes, Capability.AbsenceEntryTimes, Capability.TopicEntryTimes, Capability.HomeworkEntryTimes)
            .Lesson("blank", "2024-10-28")
            .Build();

        var report = Check.Run(snapshot, AllRules);

        Assert.Equal(new[] { "lesson-topic missing certain lesson:blank 2024-10-28T23:59:59.999+05:00 -" }, Check.Lines(report));
        Assert.Equal(
            new[]
            {
                "lesson-topic late [topicEntryTimes]",
                "homework - [homeworkEntryTimes]",
                "absence-entry - [absenceEntryTimes]",
                "current-mark-entry - [markEntryTimes]",
                "written-mark-entry - [markEntryTimes]",
                "mark-correction - [markEntryTimes]",
            },
            Check.NotEvaluable(report));

        // The metrics need no entry times.
        Assert.Equal(new double?[] { 0.5, 0.5 }, report.Metrics.Select(m => m.Value));
    }

    [Fact]
    public void AMetricWithoutItsCapability_IsNotEvaluable_WithANullValue()
    {
        var report = Check.Run(
            LateEverything().Capabilities(Capability.Marks, Capability.Absences).Build(),
            Check.Policy(Check.Use("lessons-with-journal-entry", clause: "Ведение журнала", threshold: 0.9)));

        var metric = Assert.Single(report.Metrics);
        Assert.Equal("lessons-with-journal-entry", metric.Metric);
        Assert.Equal("Ведение журнала", metric.Clause);
        Assert.Null(metric.Value);
        Assert.Null(metric.Passed);
        Assert.Equal(0.9, metric.Threshold);
        Assert.Equal(0, metric.Numerator);
        Assert.Equal(0, metric.Denominator);

        var entry = Assert.Single(report.NotEvaluable);
        Assert.Equal("lessons-with-journal-entry", entry.Rule);
        Assert.Null(entry.Aspect);
        Assert.Equal(new[] { "lessons" }, entry.Missing);

        // Not evaluable is not a failure.
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void LessonsWithTopicOrHomework_NeedsLessonsAndEitherTopicsOrHomework()
    {
        var policy = Check.Policy(Check.Use("lessons-with-topic-or-homework"));

        var neither = Check.Run(LateEverything().Capabilities(Capability.Lessons).Build(), policy);
        Assert.Equal(new[] { "lessons-with-topic-or-homework - [topics,homework]" }, Check.NotEvaluable(neither));
        Assert.Null(neither.Metrics[0].Value);

        var noLessons = Check.Run(LateEverything().Capabilities(Capability.Topics).Build(), policy);
        Assert.Equal(new[] { "lessons-with-topic-or-homework - [lessons]" }, Check.NotEvaluable(noLessons));

        var homeworkOnly = Check.Run(LateEverything().Capabilities(Capability.Lessons, Capability.Homework).Build(), policy);
        Assert.Empty(homeworkOnly.NotEvaluable);
        Assert.Equal(1.0, homeworkOnly.Metrics[0].Value);
    }

    [Fact]
    public void NoCapabilities_ListsEveryRuleWithAllItsMissingCapabilities()
    {
        var report = Check.Run(LateEverything().Capabilities().Build(), AllRules);

        Assert.Empty(report.Findings);
        Assert.Equal(
            new[]
            {
                "lesson-topic - [lessons,topics]",
                "homework - [lessons,homework,homeworkEntryTimes]",
                "absence-entry - [absences,absenceEntryTimes,lessons]",
                "current-mark-entry - [marks,markEntryTimes]",
                "written-mark-entry - [marks,markEntryTimes]",
                "mark-correction - [marks,revisions,markEntryTimes]",
                "lessons-with-topic-or-homework - [lessons,topics,homework]",
                "lessons-with-journal-entry - [lessons]",
            },
            Check.NotEvaluable(report));
        Assert.Equal(2, report.Metrics.Count);
        Assert.All(report.Metrics, m => Assert.Null(m.Value));
    }

    [Fact]
    public void TwoUsesOfOneRule_KeepTheirOwnNotEvaluableEntries()
    {
        // The second use lacks lessonTimes for the whole rule; that must not erase the first use's entry.
        var snapshot = SnapshotBuilder.School().Without(Capability.TopicEntryTimes, Capability.LessonTimes)
            .Lesson("blank", "2024-10-28")
            .Build();
        var policy = Check.Policy(
            Check.Use("lesson-topic", clause: "5.1"),
            Check.Use("lesson-topic", """{ "deadline": "afterClassDay(1)" }""", "4.2"));

        var report = Check.Run(snapshot, policy);

        Assert.Equal(new[] { "lesson-topic late [topicEntryTimes]", "lesson-topic - [lessonTimes]" }, Check.NotEvaluable(report));
        Assert.Equal(new[] { "5.1" }, report.Findings.Select(f => f.Clause));
    }
}
