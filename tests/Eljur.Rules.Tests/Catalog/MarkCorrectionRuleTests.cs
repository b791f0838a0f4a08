using Eljur.Abstractions.Model;
using static Eljur.Rules.Tests.Catalog.CatalogKit;

namespace Eljur.Rules.Tests.Catalog;

/// <summary>
/// <c>mark-correction</c> after its override roles moved to a shared helper — СШ № 32, п. 3.2.4: «отметки … могут быть
/// исправлены только в течение 2-х недель с момента выставления»; п. 3.2.5: the deputy may change them later.
/// Лицей № 68, п. 3.6.8: «Запрещается исправление отметок».
/// </summary>
public class MarkCorrectionRuleTests
{
    private const string TwoWeeks = """{"windowDays": 14, "overrideRoles": ["deputy"]}""";

    private static Snap Snap(params MarkRevision[] revisions)
    {
        var snap = new Snap().Student("s1");
        snap.Marks.Add(Mark("m1", "s1", "2024-10-01") with { EnteredAt = L("2024-10-01 12:00"), Revisions = revisions });
        return snap;
    }

    private static MarkRevision Revision(string at, string? by = "t1") => new() { At = L(at), By = by, From = "2", To = "4" };

    [Fact]
    public void ARevisionOneSecondPastTheWindowIsLate()
    {
        var report = Run(Snap(Revision("2024-10-15 12:00:00"), Revision("2024-10-15 12:00:01")), "mark-correction", TwoWeeks);

        Assert.Equal(new[] { "late certain revision:m1#2" }, Lines(report));
        Assert.Equal(L("2024-10-15 12:00"), report.Findings[0].Deadline);
    }

    [Fact]
    public void TheDeputyMayCorrectLater_AnUnknownAuthorIsPossible()
    {
        var report = Run(Snap(Revision("2024-11-01 10:00", by: "d1"), Revision("2024-11-01 11:00", by: null)), "mark-correction", TwoWeeks);

        Assert.Equal(new[] { "late possible revision:m1#2" }, Lines(report));
        Assert.Contains("заместитель директора", report.Findings[0].Message);
    }

    [Fact]
    public void ANullWindowForbidsEveryCorrection()
    {
        var report = Run(Snap(Revision("2024-10-01 12:05")), "mark-correction", """{"windowDays": null}""");
        Assert.Equal(new[] { "forbidden certain revision:m1#1" }, Lines(report));
    }

    [Fact]
    public void WithoutRevisionsTheRuleIsNotEvaluable()
    {
        var report = Run(Snap(Revision("2024-10-01 12:05")).Without(Capability.Revisions), "mark-correction", TwoWeeks);
        Assert.Empty(report.Findings);
        Assert.Equal(new[] { "- [revisions]" }, NotEvaluable(report));
    }
}
