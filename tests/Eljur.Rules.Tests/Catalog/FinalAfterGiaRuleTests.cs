using Eljur.Abstractions.Model;
using static Eljur.Rules.Tests.Catalog.CatalogKit;

namespace Eljur.Rules.Tests.Catalog;

/// <summary>
/// <c>final-after-gia</c> — Лицей № 68, п. 5.6: «информация об итоговых отметках учащимися 9 классов — в течение 3
/// рабочих дней после внесения информации о результатах ГИА-9». Counted from the student's latest GIA entry.
/// </summary>
public class FinalAfterGiaRuleTests
{
    private static Snap Snap()
    {
        var snap = new Snap();
        snap.Classes.Add(new SchoolClass { Id = "c11", Name = "11А", Grade = 11 });
        snap.Student("s1").Student("s2").Student("senior", classId: "c11");

        // s1: the latest GIA entry is Fri 20.06.2025, so finals are due by the end of Wed 25.06.2025.
        snap.GiaResults.Add(Gia("s1", "alg", "2025-06-18 10:00"));
        snap.GiaResults.Add(Gia("s1", "rus", "2025-06-20 15:00"));
        snap.GiaResults.Add(Gia("senior", "rus", "2025-06-20 15:00"));
        return snap;
    }

    private static GiaResult Gia(string student, string subject, string enteredAt) =>
        new() { StudentId = student, SubjectId = subject, Value = "4", AnnouncedOn = D("2025-06-16"), EnteredAt = L(enteredAt) };

    private static Mark Final(string id, string student, string enteredAt, string subject = "alg", string? enteredAfter = null) =>
        Mark(id, student, "2025-06-20", MarkKind.Final, subject) with
        {
            EnteredAt = L(enteredAt),
            EnteredAfter = enteredAfter is null ? null : L(enteredAfter),
        };

    [Fact]
    public void FinalMarksAreDueThreeWorkingDaysAfterTheLatestGiaEntry()
    {
        var snap = Snap();
        snap.Marks.Add(Final("ok", "s1", "2025-06-25 23:59:59"));
        snap.Marks.Add(Final("late", "s1", "2025-06-26 08:00", subject: "rus"));
        snap.Marks.Add(Final("maybe", "s1", "2025-06-26 08:00", enteredAfter: "2025-06-25 18:00"));

        var report = Run(snap, "final-after-gia", """{"workingDays": 3}""");

        Assert.Equal(new[] { "late certain mark:late", "late possible mark:maybe" }, Lines(report));
        Assert.Equal(L("2025-06-25 23:59:59").AddTicks(9_999_999), report.Findings[0].Deadline);
    }

    [Fact]
    public void OnlyStudentsOfTheGradeWithGiaResultsAreJudged()
    {
        var snap = Snap();
        snap.Marks.Add(Final("noGia", "s2", "2025-07-20 08:00"));
        snap.Marks.Add(Final("senior", "senior", "2025-07-20 08:00"));
        snap.Marks.Add(Mark("year", "s1", "2025-05-26", MarkKind.Year) with { EnteredAt = L("2025-07-20 08:00") });

        Assert.Empty(Run(snap, "final-after-gia", """{"workingDays": 3}""").Findings);
        Assert.Equal(new[] { "late certain mark:senior" }, Lines(Run(snap, "final-after-gia", """{"workingDays": 3, "grade": 11}""")));
    }

    [Fact]
    public void AGiaResultWithoutEntryTimeLeavesTheStudentUnjudged()
    {
        var snap = Snap();
        snap.GiaResults.Add(Gia("s1", "phys", "2025-06-20 15:00") with { EnteredAt = null });
        snap.Marks.Add(Final("late", "s1", "2025-07-20 08:00"));

        var report = Run(snap, "final-after-gia", """{"workingDays": 3}""");

        Assert.Empty(report.Findings);
        Assert.Equal(new[] { "late [entryTimes]" }, NotEvaluable(report));
    }

    [Fact]
    public void WithoutGiaResultsTheRuleIsNotEvaluable()
    {
        var report = Run(Snap().Without(Capability.GiaResults), "final-after-gia", """{"workingDays": 3}""");
        Assert.Equal(new[] { "- [giaResults]" }, NotEvaluable(report));
    }
}
