using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Rules.Tests.TestData;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Rules;

public sealed class MetricTests
{
    private static MetricResult Metric(GradebookSnapshot snapshot, string id, double? threshold = null, string asOf = Check.DefaultAsOf) =>
        Assert.Single(Check.Run(snapshot, Check.Policy(Check.Use(id, clause: "критерий", threshold: threshold)), asOf).Metrics);

    private static GradebookSnapshot Planning() => SnapshotBuilder.School()
        .Lesson("topic", "2024-10-28", l => l with { Topic = "Дроби" })
        .Lesson("homework", "2024-10-28", l => l with { Homework = "№ 1" })
        .Lesson("blank", "2024-10-28", l => l with { Topic = "   ", Homework = "" })
        .Lesson("cancelled", "2024-10-28", l => l with { Held = false, Topic = "Т" })
        .Lesson("cancelled-blank", "2024-10-28", l => l with { Held = false })
        .Build();

    [Fact]
    public void LessonsWithTopicOrHomework_CountsNonBlankTopicOrHomework_OverHeldLessons()
    {
        var m = Metric(Planning(), "lessons-with-topic-or-homework", 0.95);

        Assert.Equal("lessons-with-topic-or-homework", m.Metric);
        Assert.Equal("критерий", m.Clause);
        Assert.Equal(2, m.Numerator);
        Assert.Equal(3, m.Denominator);
        Assert.Equal(0.6667, m.Value);
        Assert.Equal(0.95, m.Threshold);
        Assert.False(m.Passed);
    }

    [Theory]
    [InlineData(0.6, true)]
    [InlineData(0.6667, false)] // the exact ratio 0.66666… is below 0.6667, whatever the rounded value shows
    [InlineData(0.95, false)]
    [InlineData(0.0, true)]
    public void Threshold_PassesOrFails(double threshold, bool passed)
    {
        Assert.Equal(passed, Metric(Planning(), "lessons-with-topic-or-homework", threshold).Passed);
    }

    [Fact]
    public void WithoutThreshold_TheMetricIsReportedOnly()
    {
        var m = Metric(Planning(), "lessons-with-topic-or-homework");

        Assert.Equal(0.6667, m.Value);
        Assert.Null(m.Threshold);
        Assert.Null(m.Passed);
    }

    [Fact]
    public void LessonsWithJournalEntry_CountsMarkAbsenceHeldTrueOrComment()
    {
        var snapshot = SnapshotBuilder.School()
            .Lesson("mark", "2024-10-28")
            .Lesson("absence", "2024-10-28")
            .Lesson("held-true", "2024-10-28", l => l with { Held = true })
            .Lesson("comment", "2024-10-28", l => l with { Comment = "Работа в парах" })
            .Lesson("nothing", "2024-10-28", l => l with { Held = null, Topic = "Тема не считается" })
            .Lesson("blank-comment", "2024-10-28", l => l with { Comment = "  " })
            .Lesson("cancelled", "2024-10-28", l => l with { Held = false, Comment = "Отменён" })
            .Lesson("future", "2024-11-05", l => l with { Held = true })
            .Mark("m1", "2024-10-28", MarkKind.Current, m => m with { LessonId = "mark" })
            .Mark("m2", "2024-10-28", MarkKind.Current, m => m with { LessonId = "cancelled" })
            .Absence("absence", "st1")
            .Build();

        var m = Metric(snapshot, "lessons-with-journal-entry", 0.9, asOf: "2024-11-01T12:00:00+05:00");

        Assert.Equal(4, m.Numerator);
        Assert.Equal(6, m.Denominator);
        Assert.Equal(0.6667, m.Value);
        Assert.False(m.Passed);
    }

    [Fact]
    public void TwelveOfThirteen_IsTheReportExample()
    {
        var builder = SnapshotBuilder.School();
        for (var i = 1; i <= 13; i++)
        {
            var held = i <= 12;
            builder.Lesson("l" + i, "2024-10-28", l => l with { Held = held ? true : null });
        }

        var m = Metric(builder.Build(), "lessons-with-journal-entry", 0.9);

        Assert.Equal(12, m.Numerator);
        Assert.Equal(13, m.Denominator);
        Assert.Equal(0.9231, m.Value);
        Assert.True(m.Passed);
    }

    [Theory]
    [InlineData(1, 3, 0.3333)]
    [InlineData(2, 3, 0.6667)]
    [InlineData(1, 8, 0.125)]
    [InlineData(1, 7, 0.1429)]
    [InlineData(3, 3, 1.0)]
    [InlineData(0, 3, 0.0)]
    public void Value_IsRoundedToFourDecimals(int numerator, int denominator, double expected)
    {
        var builder = SnapshotBuilder.School();
        for (var i = 1; i <= denominator; i++)
        {
            var filled = i <= numerator;
            builder.Lesson("l" + i, "2024-10-28", l => l with { Topic = filled ? "Тема" : null });
        }

        var m = Metric(builder.Build(), "lessons-with-topic-or-homework");

        Assert.Equal(expected, m.Value);
        Assert.Equal(numerator, m.Numerator);
        Assert.Equal(denominator, m.Denominator);
    }

    [Fact]
    public void ThresholdEqualToTheExactValue_Passes()
    {
        var builder = SnapshotBuilder.School();
        for (var i = 1; i <= 10; i++)
        {
            var held = i <= 9;
            builder.Lesson("l" + i, "2024-10-28", l => l with { Held = held ? true : null });
        }

        var m = Metric(builder.Build(), "lessons-with-journal-entry", 0.9);

        Assert.Equal(0.9, m.Value);
        Assert.True(m.Passed);
    }

    [Fact]
    public void ZeroDenominator_GivesNoValue_AndNeitherPassesNorFails()
    {
        var snapshot = SnapshotBuilder.School()
            .Lesson("cancelled", "2024-10-28", l => l with { Held = false })
            .Lesson("future", "2024-12-01", l => l with { Held = true })
            .Build();

        var report = Check.Run(snapshot, Check.Policy(Check.Use("lessons-with-journal-entry", threshold: 0.9)), "2024-11-01T00:00:00+05:00");

        var m = Assert.Single(report.Metrics);
        Assert.Null(m.Value);
        Assert.Equal(0, m.Numerator);
        Assert.Equal(0, m.Denominator);
        Assert.Null(m.Passed);
        Assert.Empty(report.NotEvaluable);
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void LessonsAfterAsOf_AndOutsideTheRange_AreNotCounted()
    {
        var snapshot = SnapshotBuilder.School()
            .Lesson("before-range", "2024-10-01")
            .Lesson("in", "2024-10-28", l => l with { Topic = "Т" })
            .Lesson("in-blank", "2024-10-29")
            .Lesson("after-asof", "2024-10-30")
            .Build();

        var report = Check.Engine().Evaluate(
            snapshot,
            Check.Policy(Check.Use("lessons-with-topic-or-homework")),
            new EvaluationOptions { AsOf = T("2024-10-29T08:00:00+05:00"), From = D("2024-10-15"), To = D("2024-12-31") });

        var m = Assert.Single(report.Metrics);
        Assert.Equal(1, m.Numerator);
        Assert.Equal(2, m.Denominator);
        Assert.Equal(0.5, m.Value);
    }

    [Fact]
    public void MetricsKeepPolicyOrder_AndThresholdIsMaximum()
    {
        var policy = Check.Policy(
            Check.Use("lessons-with-journal-entry", threshold: 0.5),
            Check.Use("lessons-with-topic-or-homework", threshold: 0.5) with { ThresholdIsMaximum = true });

        var report = Check.Run(Planning(), policy);

        Assert.Equal(new[] { "lessons-with-journal-entry", "lessons-with-topic-or-homework" }, System.Linq.Enumerable.Select(report.Metrics, m => m.Metric));
        Assert.Equal(0.0, report.Metrics[0].Value);
        Assert.False(report.Metrics[0].Passed);
        Assert.True(report.Metrics[1].ThresholdIsMaximum);
        Assert.False(report.Metrics[1].Passed); // 0.6667 exceeds the maximum 0.5
    }
}
