using Eljur.Abstractions.Model;
using static Eljur.Rules.Tests.Catalog.CatalogKit;

namespace Eljur.Rules.Tests.Catalog;

/// <summary>
/// <c>year-end-archive</c> — Лицей № 68, п. 6.2–6.4: «По окончании учебного года (до 30 июня)» class journals are printed
/// per class, summary sheets «до 30 июня», an electronic copy is made; СШ № 32, п. 4.6: «Распечатка сводных ведомостей …
/// в течение 7 дней после окончания учебного года». The 2024/2025 year ends Mon 26.05.2025 (Q4).
/// </summary>
public class YearEndArchiveRuleTests
{
    private const string Lyceum = """
        {"documents": [
          {"documentType": "classJournal", "perClass": true, "due": "06-30"},
          {"documentType": "summarySheet", "due": "06-30"},
          {"documentType": "electronicCopy", "due": "06-30"}
        ]}
        """;

    private static ArchiveRecord Record(string id, ArchiveDocumentType type, string archivedOn, string? classId = null, string year = "2024/2025") =>
        new() { Id = id, DocumentType = type, SchoolYear = year, ClassId = classId, ArchivedOn = D(archivedOn) };

    private static Snap Snap()
    {
        var snap = new Snap().Quarters();
        snap.Archive.Add(Record("j9", ArchiveDocumentType.ClassJournal, "2025-06-30", "c9"));
        snap.Archive.Add(Record("j1", ArchiveDocumentType.ClassJournal, "2025-07-01", "c1"));
        snap.Archive.Add(Record("e-old", ArchiveDocumentType.ElectronicCopy, "2024-06-28", year: "2023/2024"));
        return snap;
    }

    [Fact]
    public void EachRequiredDocumentOfTheYearIsArchivedByItsDueDate()
    {
        var report = Run(Snap(), "year-end-archive", Lyceum);

        Assert.Equal(
            new[]
            {
                "late certain document:classJournal:2024/2025:c1",
                "missing certain document:electronicCopy:2024/2025:school",
                "missing certain document:summarySheet:2024/2025:school",
            },
            Lines(report));
        Assert.Equal(L("2025-06-30 23:59:59").AddTicks(9_999_999), report.Findings[0].Deadline);
        Assert.Equal(L("2025-07-01 00:00"), report.Findings[0].Observed);
    }

    [Fact]
    public void NoFindingBeforeTheDueDateHasPassed()
    {
        Assert.Empty(Run(Snap(), "year-end-archive", Lyceum, asOf: "2025-06-30T23:00:00+05:00").Findings);
        Assert.Empty(Run(Snap(), "year-end-archive", Lyceum, asOf: "2025-05-20T12:00:00+05:00").Findings);
        Assert.Equal(3, Run(Snap(), "year-end-archive", Lyceum, asOf: "2025-07-01T00:00:01+05:00").Findings.Count);
    }

    [Fact]
    public void DaysAfterYearEnd_SevenDaysAfterTheLastDay()
    {
        const string School32 = """{"documents": [{"documentType": "summarySheet", "daysAfterYearEnd": 7}]}""";
        var snap = Snap();
        snap.Archive.Add(Record("s", ArchiveDocumentType.SummarySheet, "2025-06-02"));
        Assert.Empty(Run(snap, "year-end-archive", School32).Findings);

        snap.Archive[3] = snap.Archive[3] with { ArchivedOn = D("2025-06-03") };
        var report = Run(snap, "year-end-archive", School32);
        Assert.Equal(new[] { "late certain document:summarySheet:2024/2025:school" }, Lines(report));
        Assert.Equal(L("2025-06-02 23:59:59").AddTicks(9_999_999), report.Findings[0].Deadline);
    }

    [Fact]
    public void AMonthDayBeforeTheYearEndMeansTheNextYear()
    {
        var snap = Snap();
        Assert.Empty(Run(snap, "year-end-archive", """{"documents": [{"documentType": "summarySheet", "due": "05-01"}]}""").Findings);
        Assert.Single(Run(snap, "year-end-archive", """{"documents": [{"documentType": "summarySheet", "due": "05-26"}]}""").Findings);
    }

    [Fact]
    public void PerClassRecordsTogetherMakeAWholeSchoolDocument()
    {
        const string Sheet = """{"documents": [{"documentType": "summarySheet", "due": "06-30"}]}""";
        var snap = Snap();
        snap.Archive.Add(Record("s9", ArchiveDocumentType.SummarySheet, "2025-06-20", "c9"));
        snap.Archive.Add(Record("s1", ArchiveDocumentType.SummarySheet, "2025-06-25", "c1"));
        Assert.Empty(Run(snap, "year-end-archive", Sheet).Findings);

        snap.Archive[4] = snap.Archive[4] with { ArchivedOn = D("2025-07-02") };
        Assert.Equal(new[] { "late certain document:summarySheet:2024/2025:school" }, Lines(Run(snap, "year-end-archive", Sheet)));
    }

    [Fact]
    public void BadDocumentsAreAPolicyErrorWithTheirPath()
    {
        var error = BindError("year-end-archive", """{"documents": [{"documentType": "summarySheet", "due": "6-30"}]}""");
        Assert.Equal("$.params.documents[0].due", error.JsonPath);
        Assert.Contains("MM-DD", BindError("year-end-archive", """{"documents": [{"documentType": "summarySheet", "due": "02-29"}]}""").Message);
        Assert.Contains("exactly one", BindError("year-end-archive", """{"documents": [{"documentType": "summarySheet", "due": "06-30", "daysAfterYearEnd": 7}]}""").Message);
        Assert.Contains("exactly one", BindError("year-end-archive", """{"documents": [{"documentType": "summarySheet"}]}""").Message);
        Assert.Contains("unknown document type", BindError("year-end-archive", """{"documents": [{"documentType": "diary", "due": "06-30"}]}""").Message);
        Assert.Contains("true or false", BindError("year-end-archive", """{"documents": [{"documentType": "classJournal", "perClass": "yes", "due": "06-30"}]}""").Message);
        Assert.Contains("documents", BindError("year-end-archive", """{"documents": []}""").Message);
    }

    [Fact]
    public void WithoutTheArchiveOrThePeriodsTheRuleIsNotEvaluable()
    {
        Assert.Equal(new[] { "- [archive]" }, NotEvaluable(Run(Snap().Without(Capability.Archive), "year-end-archive", Lyceum)));
        Assert.Equal(new[] { "- [periods]" }, NotEvaluable(Run(Snap().Without(Capability.Periods), "year-end-archive", Lyceum)));
    }
}
