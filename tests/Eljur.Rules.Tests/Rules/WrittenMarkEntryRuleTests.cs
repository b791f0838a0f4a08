using System.Linq;
using Eljur.Abstractions.Model;
using Eljur.Rules.Tests.TestData;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Rules;

/// <summary>The deadline arithmetic is in <c>Engine/DeadlineTests</c>; this covers which marks the rule reads.</summary>
public sealed class WrittenMarkEntryRuleTests
{
    [Fact]
    public void OnlyWrittenMarks_AreChecked()
    {
        var report = Check.Run(
            SnapshotBuilder.School()
                .Mark("current", "2024-10-28", MarkKind.Current, m => m with { EnteredAt = T("2024-11-20T10:00:00+05:00") })
                .Mark("written", "2024-10-28", MarkKind.Written, m => m with { EnteredAt = T("2024-11-20T10:00:00+05:00") })
                .Mark("period", "2024-10-28", MarkKind.Period, m => m with { EnteredAt = T("2024-11-20T10:00:00+05:00") })
                .Build(),
            "written-mark-entry",
            """{ "defaultWorkingDays": 5 }""");

        Assert.Equal(
            new[] { "written-mark-entry late certain mark:written 2024-11-02T23:59:59.999+05:00 2024-11-20T10:00:00+05:00" },
            Check.Lines(report));
    }

    [Fact]
    public void DeadlineNotPassedAtAsOf_GivesNoFinding()
    {
        // Due at the end of 2 Nov; at noon on 2 Nov nothing is late yet, even with no entry.
        var report = Check.Run(
            SnapshotBuilder.School()
                .Mark("m1", "2024-10-28", MarkKind.Written, m => m with { EnteredAt = T("2024-11-02T11:00:00+05:00") })
                .Build(),
            "written-mark-entry",
            """{ "defaultWorkingDays": 5 }""",
            asOf: "2024-11-02T12:00:00+05:00");

        Assert.Empty(report.Findings);
        Assert.Empty(report.NotEvaluable);
    }

    [Fact]
    public void SubjectsWithTheSameDays_ShareTheDefaultWhenNotListed()
    {
        var report = Check.Run(
            SnapshotBuilder.School()
                .Subject("phys", "Физика")
                .Mark("m-rus", "2024-10-28", MarkKind.Written, m => m with { SubjectId = "rus", EnteredAt = T("2024-11-06T00:00:00+05:00") })
                .Mark("m-phys", "2024-10-28", MarkKind.Written, m => m with { SubjectId = "phys", EnteredAt = T("2024-11-06T00:00:00+05:00") })
                .Mark("m-unknown-subject", "2024-10-28", MarkKind.Written, m => m with { SubjectId = "nope", EnteredAt = T("2024-11-06T00:00:00+05:00") })
                .Build(),
            "written-mark-entry",
            """{ "bySubject": [ { "subjects": "Физика", "workingDays": 3 }, { "subjects": ["русский язык"], "workingDays": 10 } ], "defaultWorkingDays": 5 }""");

        Assert.Equal(
            new[]
            {
                "m-phys 2024-10-31T23:59:59.999+05:00",
                "m-unknown-subject 2024-11-02T23:59:59.999+05:00",
            },
            report.Findings.Select(f => f.Entity.Id + " " + Eljur.Abstractions.Evaluation.ReportJsonWriter.Timestamp(f.Deadline!.Value)));
    }
}
