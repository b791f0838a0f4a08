using System;
using System.IO;
using System.Linq;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Rules.Tests.TestData;
using Newtonsoft.Json.Linq;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Engine;

/// <summary>
/// A year outside the calendar data (rules.md, "Time"): the records whose deadline falls in it are not
/// evaluable (<c>calendar:YYYY</c>), everything else is checked, and the report warns (cli.md, <c>warnings</c>).
/// </summary>
public sealed class CalendarYearsTests
{
    private const string Written5 = """{ "defaultWorkingDays": 5 }""";

    private static SnapshotBuilder Year2027() => SnapshotBuilder.School().Range("2027-09-01", "2027-12-31")
        .Lesson("l1", "2027-12-01", l => l with { Topic = "" })
        .Mark("late", "2027-12-01", MarkKind.Written, m => m with { EnteredAt = T("2027-12-20T10:00:00+05:00") })
        .Mark("tail", "2027-12-28", MarkKind.Written, m => m with { EnteredAt = T("2028-01-20T10:00:00+05:00") });

    [Fact]
    public void ADeadlineIn2028IsNotEvaluableAndTheRestIsChecked()
    {
        var snapshot = Year2027().Build();
        var policy = Check.Policy(Check.Use("written-mark-entry", Written5, "5.4"), Check.Use("lesson-topic", "{}", "5.1"));

        var report = Check.Run(snapshot, policy, "2028-03-01T12:00:00+05:00");

        // 28 Dec 2027 + 5 working days: 31 Dec is off (moved from Sunday 3 Jan), so the walk needs 2028.
        Assert.Equal(
            new[]
            {
                "lesson-topic missing certain lesson:l1 2027-12-01T23:59:59.999+05:00 -",
                "written-mark-entry late certain mark:late 2027-12-08T23:59:59.999+05:00 2027-12-20T10:00:00+05:00",
            },
            Check.Lines(report));
        Assert.Equal(new[] { "written-mark-entry late [calendar:2028]" }, Check.NotEvaluable(report));
        var warning = Assert.Single(report.Warnings, w => w.Contains("2028", StringComparison.Ordinal));
        Assert.Contains("--calendar", warning, StringComparison.Ordinal);
        Assert.StartsWith("Нет данных производственного календаря за 2028 год", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void AYearAddedToTheCalendarIsUsed()
    {
        var with2028 = ProductionCalendar.Russia.WithYear(new CalendarYear(2028, Array.Empty<CalendarDay>()));
        var engine = new PolicyEngine(StandardRules.Catalog, with2028, TimeProvider.System);

        var report = engine.Evaluate(Year2027().Build(), Check.Policy(Check.Use("written-mark-entry", Written5)), new EvaluationOptions { AsOf = T("2028-03-01T12:00:00+05:00") });

        // 29, 30 Dec, then 3, 4, 5 Jan 2028 (a plain year: no holidays) — the entry on 20 Jan is late.
        Assert.Empty(report.NotEvaluable);
        Assert.Contains("written-mark-entry late certain mark:tail 2028-01-05T23:59:59.999+05:00 2028-01-20T10:00:00+05:00", Check.Lines(report));
        Assert.DoesNotContain(report.Warnings, w => w.StartsWith("Нет данных", StringComparison.Ordinal));
    }

    [Fact]
    public void ADeadlineWithin60DaysOfTheEndOfTheDataIsAWarning()
    {
        var near = SnapshotBuilder.School().Range("2027-09-01", "2027-12-31")
            .Mark("m1", "2027-11-01", MarkKind.Written, m => m with { EnteredAt = T("2027-11-02T10:00:00+05:00") })
            .Build();
        var far = SnapshotBuilder.School()
            .Mark("m1", "2024-11-01", MarkKind.Written, m => m with { EnteredAt = T("2024-11-02T10:00:00+05:00") })
            .Build();

        var report = Check.Run(near, "written-mark-entry", Written5, "2027-12-01T12:00:00+05:00");

        // 1 Nov 2027 + 5 working days = 10 Nov 2027 (4 Nov holiday, 5 Nov moved from Saturday 2 Jan): 51 days before 31 Dec.
        var warning = Assert.Single(report.Warnings);
        Assert.Contains("10.11.2027", warning, StringComparison.Ordinal);
        Assert.Contains("31.12.2027", warning, StringComparison.Ordinal);
        Assert.Contains("2028", warning, StringComparison.Ordinal);
        Assert.Empty(report.NotEvaluable);
        Assert.Empty(Check.Run(far, "written-mark-entry", Written5).Warnings);
    }

    [Fact]
    public void ARangeWithoutRecordsIsAWarning()
    {
        var snapshot = SnapshotBuilder.School()
            .Lesson("l1", "2024-10-01", l => l with { Topic = "" })
            .Build();
        var engine = Check.Engine();
        var policy = Check.Policy(Check.Use("lesson-topic"));

        var empty = engine.Evaluate(snapshot, policy, new EvaluationOptions { AsOf = T(Check.DefaultAsOf), From = D("2023-01-01"), To = D("2023-02-01") });
        var full = engine.Evaluate(snapshot, policy, new EvaluationOptions { AsOf = T(Check.DefaultAsOf) });

        var warning = Assert.Single(empty.Warnings);
        Assert.Contains("с 01.01.2023 по 01.02.2023", warning, StringComparison.Ordinal);
        Assert.Contains("01.09.2024", warning, StringComparison.Ordinal);
        Assert.Empty(full.Warnings);
        Assert.Single(full.Findings);
    }

    [Fact]
    public void DailyExportDaysIn2028AreNotEvaluable()
    {
        var snapshot = SnapshotBuilder.School().Range("2027-12-27", "2028-01-14")
            .Capabilities(Capability.Operations)
            .Build();

        var report = Check.Run(snapshot, "daily-export", "{}", "2028-01-15T12:00:00+05:00");

        // 27-30 Dec 2027 are working days without an export; 31 Dec is off; 2028 has no data.
        Assert.Equal(new[] { "day:2027-12-27", "day:2027-12-28", "day:2027-12-29", "day:2027-12-30" }, report.Findings.Select(f => $"{f.Entity.Type}:{f.Entity.Id}"));
        Assert.Equal(new[] { "daily-export - [calendar:2028]" }, Check.NotEvaluable(report));
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void ASixDaySchoolWorksOnAWeekdayMovedFromASaturday(int workWeek, bool late)
    {
        // Sat 27 Apr 2024 + 1 working day: for a 5-day week 2 May (29-30 Apr moved from Saturdays, 1 May holiday);
        // for a 6-day week Monday 29 April, so an entry on 30 April is late.
        var snapshot = SnapshotBuilder.School().WorkWeek(workWeek).Range("2024-04-01", "2024-05-31")
            .Mark("m1", "2024-04-27", MarkKind.Written, m => m with { EnteredAt = T("2024-04-30T10:00:00+05:00") })
            .Build();

        var report = Check.Run(snapshot, "written-mark-entry", """{ "defaultWorkingDays": 1 }""");

        var expected = late
            ? new[] { "written-mark-entry late certain mark:m1 2024-04-29T23:59:59.999+05:00 2024-04-30T10:00:00+05:00" }
            : Array.Empty<string>();
        Assert.Equal(expected, Check.Lines(report));
    }

    [Fact]
    public void TheJsonReportHasTheWarnings()
    {
        var report = Check.Run(Year2027().Build(), "written-mark-entry", Written5, "2028-03-01T12:00:00+05:00");
        using var text = new StringWriter();
        ReportJsonWriter.Write(report, text);

        var json = JObject.Parse(text.ToString());
        var warnings = (JArray)json["warnings"]!;
        Assert.Equal(report.Warnings, warnings.Select(w => (string)w!));
        Assert.NotEmpty(warnings);
        Assert.Equal("notEvaluable", ((JProperty)json["warnings"]!.Parent!).Previous is JProperty p ? p.Name : null);

        var clean = Check.Run(SnapshotBuilder.School().Mark("m1", "2024-11-01", MarkKind.Written).Build(), "written-mark-entry", Written5);
        using var cleanText = new StringWriter();
        ReportJsonWriter.Write(clean, cleanText);
        Assert.Empty((JArray)JObject.Parse(cleanText.ToString())["warnings"]!);
    }
}
