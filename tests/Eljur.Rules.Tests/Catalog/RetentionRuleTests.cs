using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using static Eljur.Rules.Tests.Catalog.CatalogKit;

namespace Eljur.Rules.Tests.Catalog;

/// <summary>
/// <c>retention</c> — Лицей № 68, п. 6.2: the bound class journal «хранится у делопроизводителя в течение 5 лет»;
/// п. 6.3: summary sheets «на хранение в архив … на 75 лет». Retention counts from 1 January of the year after
/// archiving: archived 30.06.2019 for 5 years expires 01.01.2025.
/// </summary>
public class RetentionRuleTests
{
    private const string Lyceum = """{"years": {"classJournal": 5, "summarySheet": 75}}""";

    private static ArchiveRecord Record(string id, ArchiveDocumentType type, string archivedOn, string? destroyedOn) => new()
    {
        Id = id,
        DocumentType = type,
        SchoolYear = "2018/2019",
        ClassId = "c9",
        ArchivedOn = D(archivedOn),
        DestroyedOn = destroyedOn is null ? null : D(destroyedOn),
    };

    private static Snap Snap()
    {
        var snap = new Snap();
        snap.Archive.Add(Record("early", ArchiveDocumentType.ClassJournal, "2019-06-30", "2024-12-31"));
        snap.Archive.Add(Record("onExpiry", ArchiveDocumentType.ClassJournal, "2019-06-30", "2025-01-01"));
        snap.Archive.Add(Record("kept", ArchiveDocumentType.ClassJournal, "2019-06-30", null));
        snap.Archive.Add(Record("sheet", ArchiveDocumentType.SummarySheet, "2019-06-30", "2024-06-01"));
        snap.Archive.Add(Record("copy", ArchiveDocumentType.ElectronicCopy, "2019-06-30", "2019-07-01"));
        snap.Archive.Add(Record("young", ArchiveDocumentType.ClassJournal, "2020-06-30", null));
        return snap;
    }

    [Fact]
    public void ExpiryIsTheFirstOfJanuaryAfterArchivingPlusTheYears()
    {
        var report = Run(Snap(), "retention", Lyceum, asOf: "2025-08-01T12:00:00+05:00");

        Assert.Equal(new[] { "early certain archiveRecord:early", "due certain archiveRecord:kept", "early certain archiveRecord:sheet" }, Lines(report));
        Assert.Equal(Severity.Error, report.Findings[0].Severity);
        Assert.Equal(Severity.Info, report.Findings[1].Severity);
        Assert.Contains("01.01.2025", report.Findings[0].Message);
        Assert.Contains("01.01.2095", report.Findings[2].Message);
    }

    [Fact]
    public void DueOnlyOnceTheExpiryDateHasCome()
    {
        Assert.DoesNotContain("due certain archiveRecord:kept", Lines(Run(Snap(), "retention", Lyceum, asOf: "2024-12-31T23:00:00+05:00")));
        Assert.Contains("due certain archiveRecord:kept", Lines(Run(Snap(), "retention", Lyceum, asOf: "2025-01-01T00:00:00+05:00")));
    }

    [Fact]
    public void APolicySeverityOverrideLeavesTheInfoListing()
    {
        var report = Run(Snap(), "retention", Lyceum, severity: Severity.Warning);

        Assert.Equal(new[] { Severity.Warning, Severity.Info, Severity.Warning }, new[] { report.Findings[0].Severity, report.Findings[1].Severity, report.Findings[2].Severity });
    }

    [Fact]
    public void YearsAreRequiredAndNameKnownDocumentTypes()
    {
        Assert.Contains("years", BindError("retention", "{}").Message);
        Assert.Contains("unknown document type", BindError("retention", """{"years": {"register": 5}}""").Message);
        Assert.Contains("at least 0", BindError("retention", """{"years": {"classJournal": -1}}""").Message);
    }

    [Fact]
    public void WithoutTheArchiveTheRuleIsNotEvaluable()
    {
        Assert.Equal(new[] { "- [archive]" }, NotEvaluable(Run(Snap().Without(Capability.Archive), "retention", Lyceum)));
    }
}
