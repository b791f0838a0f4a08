using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;
using Eljur.Rules.Reports;
using Eljur.Rules.Tests.TestData;
using Xunit.Abstractions;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Reports;

/// <summary>The acceptance test of the HTML report: opened in headless Chromium, it renders, shows everything, and runs no vendor script.</summary>
public sealed class HtmlReportBrowserTests
{
    private const string PwnedTopic = "<script>document.title='pwned'</script>";
    private const string Title = "Отчёт о проверке электронного журнала — Лицей № 1";

    private readonly ITestOutputHelper _output;

    public HtmlReportBrowserTests(ITestOutputHelper output) => _output = output;

    /// <summary>A real evaluation: late, missing and possibly late topics, a late written mark, both metrics, a rule without data.</summary>
    private static (EvaluationReport Report, Policy Policy) Evaluate()
    {
        var snapshot = SnapshotBuilder.School()
            .Without(Capability.Revisions)
            .Lesson("L-topic-late", "2024-10-28", l => l with { Topic = PwnedTopic, TopicEnteredAt = T("2024-10-29T09:00:00+05:00") })
            .Lesson("L-topic-missing", "2024-10-29")
            .Lesson("L-topic-maybe", "2024-10-30", l => l with { Topic = "Дроби", TopicEnteredAfter = T("2024-10-30T12:00:00+05:00"), TopicEnteredAt = T("2024-10-31T08:00:00+05:00") })
            .Lesson("L-ok", "2024-10-31", l => l with { Topic = "Уравнения", TopicEnteredAt = T("2024-10-31T15:00:00+05:00"), Homework = "№ 12" })
            .Mark("M-written-late", "2024-10-28", MarkKind.Written, m => m with { EnteredAt = T("2024-11-06T10:00:00+05:00") })
            .Build();
        var policy = new Policy
        {
            Id = "browser-test",
            Title = "Положение об электронном журнале (тест)",
            Uses = new[]
            {
                new RuleUse { RuleId = "lesson-topic", Clause = "5.1", Quote = "информация о теме урока – в день проведения урока по факту", Parameters = RuleParameters.Parse("""{ "deadline": "sameDay" }""") },
                new RuleUse { RuleId = "written-mark-entry", Clause = "5.4", Quote = "не позднее 5 рабочих дней со дня проведения работы", Parameters = RuleParameters.Parse("""{ "defaultWorkingDays": 5 }""") },
                new RuleUse { RuleId = "mark-correction", Clause = "3.6.8", Quote = "Запрещается исправление отметок", Parameters = RuleParameters.Parse("""{ "windowDays": null }""") },
                new RuleUse { RuleId = "lessons-with-topic-or-homework", Clause = "Ведение планирования", Threshold = 0.95 },
                new RuleUse { RuleId = "lessons-with-journal-entry", Clause = "Ведение журнала", Threshold = 0.9 },
            },
        };
        var report = Check.Engine().Evaluate(snapshot, policy, new EvaluationOptions { AsOf = T("2024-11-20T12:00:00+05:00"), From = D("2024-10-01"), To = D("2024-11-15") });

        // The rules of this branch do not quote topics in messages; a Russian-text check does (its rule is added
        // elsewhere), so a finding of that shape carries the vendor's topic into the report here.
        var topicFinding = new Finding
        {
            Rule = "russian-text", Clause = "3.2.4", Severity = Severity.Error, Certainty = Certainty.Certain, Aspect = "text",
            Entity = new FindingEntity("lesson", "L-topic-late"),
            Message = $"Тема урока «{PwnedTopic}» (9А, Алгебра, 28.10.2024) написана не по-русски.",
        };
        return (report with { Findings = report.Findings.Append(topicFinding).ToList() }, policy);
    }

    [Fact]
    public void The_compliance_report_renders_in_chromium_without_errors_and_shows_everything_with_vendor_text_as_text()
    {
        var chromium = Chromium.FindOrExplain(_output);
        if (chromium is null)
        {
            return;
        }

        var (report, policy) = Evaluate();
        Assert.Contains(report.Findings, f => f.Certainty == Certainty.Possible);
        Assert.Equal(2, report.Metrics.Count);
        Assert.NotEmpty(report.NotEvaluable);
        var file = WriteTemp(ReportRenderer.RenderCompliance(report, policy, ReportFormat.Html));

        var (dom, console) = Chromium.DumpDom(chromium, file);

        Assert.True(console.Count == 0, "console messages:\n" + string.Join("\n", console));
        Assert.Equal(Title, Regex.Match(dom, "<title>(.*?)</title>").Groups[1].Value);
        Assert.DoesNotContain("pwned</title>", dom);
        Assert.DoesNotContain("<script", dom);
        Assert.Contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;", dom);
        Assert.Contains("id=\"summary\"", dom);
        Assert.Contains("Регламент нарушен", dom);
        Assert.Equal(report.Metrics.Count, Regex.Matches(dom, "<svg class=\"chart\"").Count);
        foreach (var metric in report.Metrics)
        {
            Assert.Contains($"data-metric=\"{metric.Metric}\"", dom);
        }

        foreach (var finding in report.Findings)
        {
            Assert.Contains($"data-entity=\"{finding.Entity.Id}\"", dom);
            Assert.Contains($">{finding.Entity.Id}<", dom);
        }

        Assert.Contains("возможно", dom);
        Assert.Contains("история исправлений отметок", dom);

        var png = Path.Combine(Chromium.ScreenshotDir(), "compliance-report.png");
        Chromium.Screenshot(chromium, file, png);
        Assert.True(new FileInfo(png).Length > 20_000, "the screenshot looks empty: " + png);
        _output.WriteLine("Screenshot: " + png);
    }

    [Fact]
    public void The_browser_check_catches_a_script_that_runs()
    {
        // The control: an unescaped script changes the title and logs to the console, and the checks above would see it.
        var chromium = Chromium.FindOrExplain(_output);
        if (chromium is null)
        {
            return;
        }

        var file = WriteTemp($"<!DOCTYPE html><html><head><title>{Title}</title></head><body>{PwnedTopic}<script>console.error('boom')</script></body></html>");

        var (dom, console) = Chromium.DumpDom(chromium, file);

        Assert.Equal("pwned", Regex.Match(dom, "<title>(.*?)</title>").Groups[1].Value);
        Assert.Contains(console, line => line.Contains("boom", StringComparison.Ordinal));
    }

    [Fact]
    public void The_school_reports_render_in_chromium_without_errors()
    {
        var chromium = Chromium.FindOrExplain(_output);
        if (chromium is null)
        {
            return;
        }

        var snapshot = ReportData.School(new[]
        {
            ReportData.M("st1", "alg", "2024-09-10", "5"), ReportData.M("st2", "alg", "2024-09-10", "3/5"), ReportData.M("st3", "alg", "2024-09-11", "2"),
            ReportData.M("st1", "alg", "2024-10-27", "5", MarkKind.Period, "q1"), ReportData.M("st2", "alg", "2024-10-27", "4", MarkKind.Period, "q1"),
            ReportData.M("st1", "alg", "2025-05-26", "5", MarkKind.Year), ReportData.M("st2", "alg", "2025-05-26", "4", MarkKind.Year),
            ReportData.M("st1", "rus", "2025-05-26", "4", MarkKind.Year), ReportData.M("st1", "his", "2025-05-26", "зач", MarkKind.Year),
        });
        foreach (var (name, html) in new[]
        {
            ("progress-report", ReportRenderer.RenderProgress(snapshot, ReportFormat.Html)),
            ("summary-sheet", ReportRenderer.RenderSummarySheet(snapshot, ReportFormat.Html)),
            ("activity-report", ReportRenderer.RenderActivity(ActivityReportTests.WithAccounts(Capability.Accounts, Capability.Logins), ReportFormat.Html)),
        })
        {
            var file = WriteTemp(html);
            var (dom, console) = Chromium.DumpDom(chromium, file);
            Assert.True(console.Count == 0, name + ": console messages:\n" + string.Join("\n", console));
            Assert.Contains("Лицей № 1", dom);
            Chromium.Screenshot(chromium, file, Path.Combine(Chromium.ScreenshotDir(), name + ".png"));
        }
    }

    private static string WriteTemp(string html)
    {
        var file = Path.Combine(Path.GetTempPath(), "eljur-report-" + Guid.NewGuid().ToString("N") + ".html");
        File.WriteAllText(file, html);
        return file;
    }
}
