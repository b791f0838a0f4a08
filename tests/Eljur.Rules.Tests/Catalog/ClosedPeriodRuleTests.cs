using Eljur.Abstractions.Model;
using static Eljur.Rules.Tests.Catalog.CatalogKit;

namespace Eljur.Rules.Tests.Catalog;

/// <summary>
/// <c>closed-period</c> — СШ № 32, п. 3.2.2: администратор «закрывает доступ к корректировке данных по истечении
/// отчетного периода»; п. 3.2.5: заместитель директора «имеет право при необходимости изменить отметки». Q1 ends
/// Sun 27.10.2024, so it closes at the end of that day.
/// </summary>
public class ClosedPeriodRuleTests
{
    private const string Deputy = """{"overrideRoles": ["deputy"]}""";

    private static Snap Snap() => new Snap().Quarters().Student("s1");

    private static Mark Entered(string id, string enteredAt, string? by = "t1", MarkKind kind = MarkKind.Current, string date = "2024-10-21", string? after = null) =>
        Mark(id, "s1", date, kind) with { EnteredAt = L(enteredAt), EnteredBy = by, EnteredAfter = after is null ? null : L(after) };

    private static MarkRevision Revision(string at, string? by = "t1", string? after = null) =>
        new() { At = L(at), By = by, After = after is null ? null : L(after), From = "3", To = "5" };

    [Fact]
    public void AnEntryAfterTheLastDayOfThePeriodIsReported()
    {
        var snap = Snap();
        snap.Marks.Add(Entered("ok", "2024-10-27 23:59:59"));
        snap.Marks.Add(Entered("late", "2024-10-28 00:00"));
        snap.Marks.Add(Entered("written", "2024-11-06 09:00", kind: MarkKind.Written));
        snap.Marks.Add(Entered("polled", "2024-10-28 08:00", after: "2024-10-27 20:00"));

        var report = Run(snap, "closed-period", Deputy);

        Assert.Equal(new[] { "entered certain mark:late", "entered possible mark:polled", "entered certain mark:written" }, Lines(report));
        Assert.Equal(L("2024-10-27 23:59:59").AddTicks(9_999_999), report.Findings[0].Deadline);
        Assert.Equal(L("2024-10-28 00:00"), report.Findings[0].Observed);
    }

    [Fact]
    public void ADeputysOverrideIsAllowed_AnUnknownAuthorIsPossible()
    {
        var snap = Snap();
        snap.Marks.Add(Entered("deputy", "2024-11-10 10:00", by: "d1"));
        snap.Marks.Add(Entered("teacher", "2024-11-10 10:00", by: "t1"));
        snap.Marks.Add(Entered("unknown", "2024-11-10 10:00", by: null));

        Assert.Equal(
            new[] { "entered certain mark:teacher", "entered possible mark:unknown" },
            Lines(Run(snap, "closed-period", Deputy)));

        // Without override roles the deputy is bound too, and an unknown author changes nothing.
        Assert.Equal(
            new[] { "entered certain mark:deputy", "entered certain mark:teacher", "entered certain mark:unknown" },
            Lines(Run(snap, "closed-period")));
    }

    [Fact]
    public void ARevisionOneSecondPastTheClosureIsReported()
    {
        var snap = Snap();
        snap.Marks.Add(Entered("m1", "2024-10-21 12:00") with
        {
            Revisions = new[]
            {
                Revision("2024-10-27 23:59:59"),
                Revision("2024-10-28 00:00:00"),
                Revision("2024-11-12 10:00", by: "d1"),
                Revision("2024-11-12 11:00", after: "2024-10-27 18:00"),
            },
        });

        var report = Run(snap, "closed-period", Deputy);

        Assert.Equal(new[] { "revised certain revision:m1#2", "revised possible revision:m1#4" }, Lines(report));
        Assert.Equal(L("2024-10-28 00:00"), report.Findings[0].Observed);
    }

    [Fact]
    public void GraceDaysKeepThePeriodOpenLonger()
    {
        var snap = Snap();
        snap.Marks.Add(Entered("inGrace", "2024-10-29 23:59:59"));
        snap.Marks.Add(Entered("after", "2024-10-30 00:00:01"));

        Assert.Equal(new[] { "entered certain mark:after" }, Lines(Run(snap, "closed-period", """{"graceDays": 2}""")));
    }

    [Fact]
    public void OnlyCurrentAndWrittenMarksDatedInAPeriodCount()
    {
        var snap = Snap();
        snap.Marks.Add(Entered("period", "2024-11-10 10:00", kind: MarkKind.Period));
        snap.Marks.Add(Entered("vacation", "2024-12-01 10:00", date: "2024-10-30"));

        Assert.Empty(Run(snap, "closed-period").Findings);
    }

    [Fact]
    public void OverlappingPeriods_TheOneClosingFirstBinds()
    {
        var snap = Snap();
        snap.Periods.Add(new Period { Id = "h1", Name = "1 полугодие", Kind = PeriodKind.HalfYear, Start = D("2024-09-02"), End = D("2024-12-28") });
        snap.Marks.Add(Entered("late", "2024-11-10 10:00"));

        Assert.Equal(new[] { "entered certain mark:late" }, Lines(Run(snap, "closed-period")));
    }

    [Fact]
    public void WithoutRevisionsOnlyEntriesAreChecked_WithoutEntryTimesNothingIs()
    {
        var snap = Snap().Without(Capability.Revisions);
        snap.Marks.Add(Entered("late", "2024-11-10 10:00") with { Revisions = new[] { Revision("2024-11-12 10:00") } });

        var report = Run(snap, "closed-period");
        Assert.Equal(new[] { "entered certain mark:late" }, Lines(report));
        Assert.Equal(new[] { "revised [revisions]" }, NotEvaluable(report));

        var noTimes = Run(Snap().Without(Capability.MarkEntryTimes), "closed-period");
        Assert.Equal(new[] { "- [markEntryTimes]" }, NotEvaluable(noTimes));
    }

    [Fact]
    public void AnUnknownOverrideRoleIsAPolicyError()
    {
        Assert.Contains("unknown role", BindError("closed-period", """{"overrideRoles": ["headmaster"]}""").Message);
    }
}
