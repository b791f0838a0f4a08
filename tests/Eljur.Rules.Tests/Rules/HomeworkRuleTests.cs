using Eljur.Abstractions.Model;
using Eljur.Rules.Tests.TestData;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Rules;

public sealed class HomeworkRuleTests
{
    [Fact]
    public void OnlyGivenHomework_IsChecked()
    {
        var report = Check.Run(
            SnapshotBuilder.School()
                .Lesson("none", "2024-10-28")
                .Lesson("blank", "2024-10-28", l => l with { Homework = "  ", HomeworkEnteredAt = T("2024-11-01T10:00:00+05:00") })
                .Lesson("late", "2024-10-28", l => l with { Homework = "№ 125", HomeworkEnteredAt = T("2024-10-29T07:30:00+05:00") })
                .Lesson("ontime", "2024-10-28", l => l with { Homework = "№ 126", HomeworkEnteredAt = T("2024-10-28T21:00:00+05:00") })
                .Build(),
            "homework");

        Assert.Equal(
            new[] { "homework late certain lesson:late 2024-10-28T23:59:59.999+05:00 2024-10-29T07:30:00+05:00" },
            Check.Lines(report));
        Assert.Equal("Домашнее задание (9А, Алгебра, 28.10.2024): внесено 29.10.2024 07:30, срок — до 28.10.2024 23:59.", report.Findings[0].Message);
        Assert.Empty(report.NotEvaluable);
    }

    [Fact]
    public void CancelledLesson_IsExcluded_HeldNullCounts()
    {
        var report = Check.Run(
            SnapshotBuilder.School()
                .Lesson("cancelled", "2024-10-28", l => l with { Held = false, Homework = "№ 1", HomeworkEnteredAt = T("2024-10-30T00:00:00+05:00") })
                .Lesson("held-null", "2024-10-28", l => l with { Held = null, Homework = "№ 1", HomeworkEnteredAt = T("2024-10-30T00:00:00+05:00") })
                .Build(),
            "homework");

        Assert.Equal(
            new[] { "homework late certain lesson:held-null 2024-10-28T23:59:59.999+05:00 2024-10-30T00:00:00+05:00" },
            Check.Lines(report));
    }

    [Fact]
    public void WithoutHomeworkEntryTimes_TheRuleIsNotEvaluable()
    {
        var report = Check.Run(
            SnapshotBuilder.School().Without(Capability.HomeworkEntryTimes)
                .Lesson("late", "2024-10-28", l => l with { Homework = "№ 125", HomeworkEnteredAt = T("2024-10-30T00:00:00+05:00") })
                .Build(),
            "homework");

        Assert.Empty(report.Findings);
        var entry = Assert.Single(report.NotEvaluable);
        Assert.Equal("homework", entry.Rule);
        Assert.Null(entry.Aspect);
        Assert.Equal(new[] { "homeworkEntryTimes" }, entry.Missing);
    }

    [Fact]
    public void WorkingDaysAnchor_AppliesToHomework()
    {
        var report = Check.Run(
            SnapshotBuilder.School()
                .Lesson("l1", "2024-11-01", l => l with { Homework = "№ 1", HomeworkEnteredAt = T("2024-11-05T00:00:01+05:00") })
                .Build(),
            "homework",
            """{ "deadline": "workingDays(1)" }""");

        Assert.Equal(
            new[] { "homework late certain lesson:l1 2024-11-02T23:59:59.999+05:00 2024-11-05T00:00:01+05:00" },
            Check.Lines(report));
    }
}
