using Eljur.Abstractions.Model;
using static Eljur.Rules.Tests.Catalog.CatalogKit;

namespace Eljur.Rules.Tests.Catalog;

/// <summary>
/// <c>operation-frequency</c> — ООШ с. Курское, п. 5.1: администратор ЭЖ «еженедельно создает резервные копии ЭЖ на
/// двух внешних носителях; ежемесячно архивирует данные ЭЖ на двух внешних носителях»; СШ № 32, п. 3.2.2: «не реже
/// 2 раз в месяц производит копирование баз данных».
/// </summary>
public class OperationFrequencyRuleTests
{
    private const string Weekly = """{"kind": "backup", "everyDays": 7, "minCopies": 2}""";

    private static Operation Op(OperationKind kind, string at, int? copies = 2) => new() { Kind = kind, At = L(at), Copies = copies };

    private static Snap September()
    {
        var snap = new Snap { From = D("2024-09-01"), To = D("2024-09-30") };
        snap.Operations.Add(Op(OperationKind.Backup, "2024-09-08 22:00"));
        snap.Operations.Add(Op(OperationKind.Backup, "2024-09-15 09:00"));
        snap.Operations.Add(Op(OperationKind.Backup, "2024-09-20 09:00", copies: 1));
        snap.Operations.Add(Op(OperationKind.Archive, "2024-09-21 09:00"));
        snap.Operations.Add(Op(OperationKind.Backup, "2024-09-23 00:30"));
        return snap;
    }

    [Fact]
    public void WeeklyBackups_OneFindingPerGapLongerThanSevenDays()
    {
        var report = Run(September(), "operation-frequency", Weekly, asOf: "2024-10-10T12:00:00+05:00");

        Assert.Equal(new[] { "gap certain operationGap:2024-09-15/2024-09-23" }, Lines(report));
        var gap = report.Findings[0];
        Assert.Equal(L("2024-09-22 23:59:59").AddTicks(9_999_999), gap.Deadline);
        Assert.Equal(L("2024-09-23 00:30"), gap.Observed);
    }

    [Fact]
    public void TheGapsFromTheRangeStartAndToAsOfCountToo()
    {
        var snap = September();
        snap.To = D("2024-10-31");
        snap.Operations.RemoveAt(0);

        var lines = Lines(Run(snap, "operation-frequency", Weekly, asOf: "2024-10-20T12:00:00+05:00"));

        Assert.Equal(
            new[]
            {
                "gap certain operationGap:2024-09-01/2024-09-15",
                "gap certain operationGap:2024-09-15/2024-09-23",
                "gap certain operationGap:2024-09-23/2024-10-20",
            },
            lines);
    }

    [Fact]
    public void NoGapIsReportedBeforeTheNextOperationIsDue()
    {
        var snap = September();
        snap.To = D("2024-10-31");

        Assert.Single(Lines(Run(snap, "operation-frequency", Weekly, asOf: "2024-09-30T23:59:00+05:00")));
        Assert.Equal(2, Lines(Run(snap, "operation-frequency", Weekly, asOf: "2024-10-01T00:00:01+05:00")).Count);
    }

    [Fact]
    public void OperationsWithoutACopyCountAreOneCopy()
    {
        var snap = new Snap { From = D("2024-09-01"), To = D("2024-09-10") };
        snap.Operations.Add(Op(OperationKind.Backup, "2024-09-05 10:00", copies: null));

        Assert.Empty(Run(snap, "operation-frequency", """{"kind": "backup", "everyDays": 7}""").Findings);
        Assert.Equal(new[] { "gap certain operationGap:2024-09-01/2024-09-10" }, Lines(Run(snap, "operation-frequency", Weekly)));
    }

    [Fact]
    public void PerMonth_EveryWholeMonthOfTheRangeThatEndedBeforeAsOf()
    {
        var snap = new Snap { From = D("2024-09-10"), To = D("2024-12-31") };
        snap.Operations.Add(Op(OperationKind.Archive, "2024-10-15 10:00"));
        snap.Operations.Add(Op(OperationKind.Archive, "2024-11-20 10:00", copies: 1));

        var report = Run(snap, "operation-frequency", """{"kind": "archive", "perMonth": 1, "minCopies": 2}""", asOf: "2024-12-15T12:00:00+05:00");

        Assert.Equal(new[] { "month certain month:2024-11" }, Lines(report));
        Assert.Contains("ноябрь 2024", report.Findings[0].Message);
        Assert.Equal(L("2024-11-30 23:59:59").AddTicks(9_999_999), report.Findings[0].Deadline);
    }

    [Fact]
    public void TwiceAMonth()
    {
        var snap = new Snap { From = D("2024-10-01"), To = D("2024-11-30") };
        snap.Operations.Add(Op(OperationKind.Backup, "2024-10-01 00:00"));
        snap.Operations.Add(Op(OperationKind.Backup, "2024-10-31 23:59"));
        snap.Operations.Add(Op(OperationKind.Backup, "2024-11-15 10:00"));
        snap.Operations.Add(Op(OperationKind.Backup, "2024-12-01 00:00"));

        Assert.Equal(new[] { "month certain month:2024-11" }, Lines(Run(snap, "operation-frequency", """{"kind": "backup", "perMonth": 2}""")));
    }

    [Fact]
    public void ParametersNeedAKindAndExactlyOneFrequency()
    {
        Assert.Contains("exactly one", BindError("operation-frequency", """{"kind": "backup", "everyDays": 7, "perMonth": 2}""").Message);
        Assert.Contains("exactly one", BindError("operation-frequency", """{"kind": "backup"}""").Message);
        Assert.Contains("unknown operation kind", BindError("operation-frequency", """{"kind": "copy", "everyDays": 7}""").Message);
        Assert.Contains("minCopies", BindError("operation-frequency", """{"kind": "backup", "everyDays": 7, "minCopies": 0}""").Message);
    }

    [Fact]
    public void WithoutOperationsTheRuleIsNotEvaluable()
    {
        Assert.Equal(new[] { "- [operations]" }, NotEvaluable(Run(September().Without(Capability.Operations), "operation-frequency", Weekly)));
    }
}
