using Eljur.Abstractions.Model;
using static Eljur.Rules.Tests.Catalog.CatalogKit;

namespace Eljur.Rules.Tests.Catalog;

/// <summary>
/// <c>gia-entry</c> — Лицей № 68, п. 5.5: результаты ГИА «не позднее 3 рабочих дней со дня официального объявления
/// результатов». Announced Wed 11.06.2025: 12.06 (День России) and 13.06 (transferred) are off, so the third working
/// day is Wed 18.06.2025.
/// </summary>
public class GiaEntryRuleTests
{
    private static GiaResult Result(string student, string subject, string enteredAt, string announced = "2025-06-11") =>
        new() { StudentId = student, SubjectId = subject, Value = "5", AnnouncedOn = D(announced), EnteredAt = L(enteredAt) };

    [Fact]
    public void ThreeWorkingDaysSkipTheJuneHolidays()
    {
        var snap = new Snap().Student("s1").Student("s2");
        snap.GiaResults.Add(Result("s1", "alg", "2025-06-18 23:59:59"));
        snap.GiaResults.Add(Result("s2", "alg", "2025-06-19 00:00"));

        var report = Run(snap, "gia-entry", """{"workingDays": 3}""");

        Assert.Equal(new[] { "late certain giaResult:s2:alg" }, Lines(report));
        Assert.Equal(L("2025-06-18 23:59:59").AddTicks(9_999_999), report.Findings[0].Deadline);
        Assert.Equal(L("2025-06-19 00:00"), report.Findings[0].Observed);
    }

    [Fact]
    public void ResultsAnnouncedOutsideTheRangeAreNotJudged()
    {
        var snap = new Snap { To = D("2025-05-31") }.Student("s1");
        snap.GiaResults.Add(Result("s1", "alg", "2025-07-01 10:00"));

        Assert.Empty(Run(snap, "gia-entry", """{"workingDays": 3}""").Findings);
    }

    [Fact]
    public void NoFindingBeforeTheDeadlinePasses()
    {
        var snap = new Snap().Student("s1");
        snap.GiaResults.Add(Result("s1", "alg", "2025-06-18 10:00", announced: "2025-06-16"));

        Assert.Empty(Run(snap, "gia-entry", """{"workingDays": 3}""", asOf: "2025-06-19T12:00:00+05:00").Findings);
    }

    [Fact]
    public void WithoutEntryTimesTheRuleIsNotEvaluable_AResultWithoutATimeIsCharged()
    {
        var snap = new Snap().Student("s1");
        snap.GiaResults.Add(Result("s1", "alg", "2025-06-20 10:00"));
        Assert.Equal(new[] { "- [entryTimes]" }, NotEvaluable(Run(snap.Without(Capability.MarkEntryTimes), "gia-entry", """{"workingDays": 3}""")));

        var snap2 = new Snap().Student("s1");
        snap2.GiaResults.Add(Result("s1", "alg", "2025-06-20 10:00") with { EnteredAt = null });
        var report = Run(snap2, "gia-entry", """{"workingDays": 3}""");
        Assert.Empty(report.Findings);
        Assert.Equal(new[] { "late [entryTimes]" }, NotEvaluable(report));
    }

    [Fact]
    public void WorkingDaysAreRequired()
    {
        Assert.Contains("workingDays", BindError("gia-entry", "{}").Message);
    }
}
