using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Rules.Tests.TestData;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Rules;

public sealed class CurrentMarkEntryRuleTests
{
    [Fact]
    public void OnlyCurrentMarks_AreChecked()
    {
        var builder = SnapshotBuilder.School();
        foreach (var kind in new[] { MarkKind.Current, MarkKind.Written, MarkKind.Period, MarkKind.Year, MarkKind.Exam, MarkKind.Gia, MarkKind.Final })
        {
            builder.Mark("m-" + JsonNames.Of(kind), "2024-10-28", kind, m => m with { EnteredAt = T("2024-10-30T10:00:00+05:00") });
        }

        var report = Check.Run(builder.Build(), "current-mark-entry");

        var f = Assert.Single(report.Findings);
        Assert.Equal(new FindingEntity("mark", "m-current"), f.Entity);
        Assert.Equal("late", f.Aspect);
        Assert.Equal(EndOfDay("2024-10-28"), f.Deadline);
        Assert.Equal(T("2024-10-30T10:00:00+05:00"), f.Observed);
        Assert.Equal(
            "Текущая отметка «5», Иванов Иван, Алгебра, за 28.10.2024: внесено 30.10.2024 10:00, срок — до 28.10.2024 23:59.",
            f.Message);
    }

    [Fact]
    public void MarksOfCancelledLessons_AreExcluded_MarksOfHeldOrUnknownLessonsCount()
    {
        var report = Check.Run(
            SnapshotBuilder.School()
                .Lesson("cancelled", "2024-10-28", l => l with { Held = false })
                .Lesson("held-null", "2024-10-28")
                .Mark("m1", "2024-10-28", MarkKind.Current, m => m with { LessonId = "cancelled", EnteredAt = T("2024-10-30T10:00:00+05:00") })
                .Mark("m2", "2024-10-28", MarkKind.Current, m => m with { LessonId = "held-null", EnteredAt = T("2024-10-30T10:00:00+05:00") })
                .Mark("m3", "2024-10-28", MarkKind.Current, m => m with { LessonId = null, EnteredAt = T("2024-10-30T10:00:00+05:00") })
                .Build(),
            "current-mark-entry");

        Assert.Equal(new[] { "m2", "m3" }, System.Linq.Enumerable.Select(report.Findings, f => f.Entity.Id));
    }

    [Fact]
    public void MarksDatedAfterAsOf_GiveNoFinding()
    {
        var report = Check.Run(
            SnapshotBuilder.School()
                .Mark("m1", "2024-10-29", MarkKind.Current, m => m with { EnteredAt = T("2024-10-27T10:00:00+05:00") })
                .Mark("m2", "2024-10-28", MarkKind.Current, m => m with { EnteredAt = T("2024-10-29T10:00:00+05:00") })
                .Build(),
            "current-mark-entry",
            asOf: "2024-10-28T20:00:00+05:00");

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void WithoutMarkEntryTimes_NotEvaluable()
    {
        var report = Check.Run(
            SnapshotBuilder.School().Without(Capability.MarkEntryTimes)
                .Mark("m1", "2024-10-28", MarkKind.Current, m => m with { EnteredAt = T("2024-10-30T10:00:00+05:00") })
                .Build(),
            "current-mark-entry");

        Assert.Empty(report.Findings);
        Assert.Equal(new[] { "current-mark-entry - [markEntryTimes]" }, Check.NotEvaluable(report));
    }
}
