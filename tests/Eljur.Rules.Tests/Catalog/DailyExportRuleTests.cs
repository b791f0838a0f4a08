using Eljur.Abstractions.Model;
using static Eljur.Rules.Tests.Catalog.CatalogKit;

namespace Eljur.Rules.Tests.Catalog;

/// <summary>
/// <c>daily-export</c> — СШ № 32, п. 3.2.2: администратор «производит ежедневную, не позднее 17.00, выгрузку баз данных
/// Электронного журнала в сеть Интернет». Working days follow the production calendar and the school's week.
/// </summary>
public class DailyExportRuleTests
{
    private static Operation Export(string at) => new() { Kind = OperationKind.Export, At = T(at) };

    [Fact]
    public void EachWorkingDayNeedsAnExportByFivePm_TheNovember2024WorkingSaturdayIncluded()
    {
        var snap = new Snap { From = D("2024-10-28"), To = D("2024-11-05") };
        snap.Operations.Add(Export("2024-10-28T16:00:00+05:00"));
        snap.Operations.Add(Export("2024-10-29T16:00:00+05:00"));
        snap.Operations.Add(Export("2024-10-30T17:00:00+05:00"));
        snap.Operations.Add(Export("2024-10-31T17:00:01+05:00"));
        snap.Operations.Add(Export("2024-11-01T12:00:00Z"));
        snap.Operations.Add(Export("2024-11-05T16:59:00+05:00"));
        snap.Operations.Add(new Operation { Kind = OperationKind.Backup, At = T("2024-11-02T10:00:00+05:00") });

        var report = Run(snap, "daily-export", asOf: "2024-11-06T10:00:00+05:00");

        // 01.11 12:00Z is 17:00 in Yekaterinburg; 03.11 (Sunday) and 04.11 (holiday) need nothing.
        Assert.Equal(new[] { "late certain day:2024-10-31", "missing certain day:2024-11-02" }, Lines(report));
        Assert.Equal(L("2024-10-31 17:00"), report.Findings[0].Deadline);
        Assert.Equal(L("2024-10-31 17:00:01"), report.Findings[0].Observed);
    }

    [Fact]
    public void SixDayWeek_SaturdaysAreWorkingUnlessAHoliday()
    {
        // Sat 01.03.2025 is an ordinary Saturday; Sat 08.03.2025 is International Women's Day.
        var snap = new Snap { From = D("2025-03-01"), To = D("2025-03-09") };
        foreach (var day in new[] { "03", "04", "05", "06", "07" })
        {
            snap.Operations.Add(Export($"2025-03-{day}T15:00:00+05:00"));
        }

        Assert.Empty(Run(snap, "daily-export", asOf: "2025-03-12T10:00:00+05:00").Findings);

        snap.WorkWeek = 6;
        Assert.Equal(new[] { "missing certain day:2025-03-01" }, Lines(Run(snap, "daily-export", asOf: "2025-03-12T10:00:00+05:00")));
    }

    [Fact]
    public void TheAsOfDateItselfAndAnEarlierEveningDoNotCount()
    {
        var snap = new Snap { From = D("2025-03-03"), To = D("2025-03-04") };
        snap.Operations.Add(Export("2025-03-02T23:00:00+05:00"));

        Assert.Equal(new[] { "missing certain day:2025-03-03" }, Lines(Run(snap, "daily-export", asOf: "2025-03-04T20:00:00+05:00")));
    }

    [Fact]
    public void TheTimeIsAParameter()
    {
        var snap = new Snap { From = D("2025-03-03"), To = D("2025-03-03") };
        snap.Operations.Add(Export("2025-03-03T16:30:00+05:00"));

        Assert.Equal(new[] { "late certain day:2025-03-03" }, Lines(Run(snap, "daily-export", """{"by": "16:00"}""", asOf: "2025-03-05T10:00:00+05:00")));
        Assert.Contains("HH:mm", BindError("daily-export", """{"by": "5pm"}""").Message);
        Assert.Contains("HH:mm", BindError("daily-export", """{"by": "7:00"}""").Message);
    }

    [Fact]
    public void WithoutOperationsTheRuleIsNotEvaluable()
    {
        Assert.Equal(new[] { "- [operations]" }, NotEvaluable(Run(new Snap().Without(Capability.Operations), "daily-export")));
    }
}
