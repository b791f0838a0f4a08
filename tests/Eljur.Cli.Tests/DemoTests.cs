using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Eljur.Cli.Tests;

public class DemoTests
{
    [Fact]
    public void Demo_writes_snapshot_and_reports_and_prints_a_russian_summary()
    {
        var dir = CliRunner.TempDir();
        var (code, output, error) = CliRunner.Run("demo", "--out", dir);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("Демонстрационная школа № 1", output);
        Assert.Contains("Регламент: Положение об электронном классном журнале МАОУ «Лицей № 68», Уфа (2023)", output);
        // Counted as the report counts: the nine late marks of two written works are two breaches.
        Assert.Contains("Всего: 12 нарушений и 1 возможное в 20 записях.", output);
        Assert.Contains("Отметки за письменные работы выставлены в срок (п. 5.4): 2 нарушения в 9 записях", output);
        Assert.Contains("Тема урока записана в срок (п. 5.1): 3 нарушения, из них 1 возможное", output);
        Assert.True(File.Exists(Path.Combine(dir, "snapshot.json")));
        Assert.True(File.Exists(Path.Combine(dir, "report.txt")));
        var html = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("id=\"summary\"", html);
        Assert.Contains("report.html", output);
        var report = Json.Parse(File.ReadAllText(Path.Combine(dir, "report.json")));
        Assert.Equal("eljur.report/1", (string?)report["format"]);
        Assert.Equal("2024-11-20T12:00:00+05:00", (string?)report["asOf"]);
        Assert.Equal("lyceum68-ufa-2023", (string?)report["policy"]!["id"]);
        Assert.Equal("2024-10-14", (string?)report["range"]!["from"]);
        Assert.Equal("2024-11-15", (string?)report["range"]!["to"]);
    }

    [Fact]
    public void Demo_report_contains_each_deliberate_breach()
    {
        var findings = Findings(Report());

        // Written test on Mon 28.10.2024, 5 working days: due at the end of the working Saturday 02.11.
        Assert.Contains("written-mark-entry|late|certain|W-L-c5a-20241028-2-5", findings);
        Assert.Contains("written-mark-entry|late|certain|W-L-c5a-20241028-2-6", findings);
        Assert.DoesNotContain(findings, f => f.Contains("W-L-c5a-20241028-2-1"));

        // Russian dictation marked on the 9th working day of 10: no finding.
        Assert.DoesNotContain(findings, f => f.Contains("W-L-c9b-20241029-1"));
        Assert.Contains("written-mark-entry|late|certain|W-L-c9b-20241107-3-1", findings);
        Assert.Contains("lesson-topic|late|certain|L-c5a-20241101-3", findings);
        Assert.Contains("lesson-topic|missing|certain|L-c9b-20241114-1", findings);
        Assert.Contains("lesson-topic|late|possible|L-c5a-20241108-4", findings);
        Assert.Contains("homework|late|certain|L-c9b-20241112-3", findings);
        Assert.Contains("absence-entry|late|certain|L-c9b-20241101-2:s9-5", findings);
        Assert.Contains("current-mark-entry|late|certain|M-L-c5a-20241031-4-2", findings);
        Assert.DoesNotContain(findings, f => f.Contains("M-L-c5a-20241031-4-1"));
        Assert.Contains("mark-correction|forbidden|certain|M-L-c9b-20241106-2-1#1", findings);

        // The cancelled lesson without a topic is excluded.
        Assert.DoesNotContain(findings, f => f.Contains("L-c5a-20241113-4"));
    }

    [Fact]
    public void Demo_judges_the_first_quarter_marks_by_clause_3_6_5()
    {
        var report = Report();
        var findings = Findings(report);

        // Q1 ended on Friday 25.10.2024: one mark never given, one given on Monday 28.10.
        Assert.Equal(
            new[] { "period-marks|late|certain|s5-6:eng:q1", "period-marks|missing|certain|s9-4:hist:q1" },
            findings.Where(f => f.StartsWith("period-marks|", System.StringComparison.Ordinal)));
        var late = Finding(report, "s5-6:eng:q1");
        Assert.Equal("3.6.5", (string?)late["clause"]);
        Assert.Equal("periodMark", (string?)late["entity"]!["type"]);
        Assert.Equal("2024-10-25T23:59:59.999+05:00", (string?)late["deadline"]);
        Assert.Equal("2024-10-28T10:15:00+05:00", (string?)late["observed"]);
        Assert.Null(Finding(report, "s9-4:hist:q1")["observed"]);

        // The pupil who joined 5А on 21.10 owes no Q1 marks.
        Assert.DoesNotContain(findings, f => f.Contains("s5-7"));
    }

    [Fact]
    public void Demo_judges_the_archive_register_by_clauses_6_2_and_6_3()
    {
        var report = Report();

        // Destroyed on 18.10.2024: the 2018/2019 journal archived 27.06.2019 was kept until 01.01.2025 (5 years from
        // 1 January after archiving), the summary sheet for 75 years; the 2017/2018 journal is past its term.
        Assert.Equal(
            new[] { "retention|due|certain|AR-2018-1", "retention|early|certain|AR-2019-1", "retention|early|certain|AR-2019-2" },
            Findings(report).Where(f => f.StartsWith("retention|", System.StringComparison.Ordinal)));
        Assert.Equal("info", (string?)Finding(report, "AR-2018-1")["severity"]);
        Assert.Equal("error", (string?)Finding(report, "AR-2019-1")["severity"]);
        Assert.Equal("6.2, 6.3", (string?)Finding(report, "AR-2019-1")["clause"]);
        Assert.Equal("archiveRecord", (string?)Finding(report, "AR-2019-2")["entity"]!["type"]);
        Assert.Contains("01.01.2025", (string?)Finding(report, "AR-2019-1")["message"]);

        // The 2024/2025 year has not ended: nothing is due for the archive yet.
        Assert.DoesNotContain(Findings(report), f => f.StartsWith("year-end-archive|", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Demo_reports_the_control_indicators_and_lists_what_it_cannot_check()
    {
        var report = Report();

        var metrics = report["metrics"]!.ToDictionary(m => (string)m["metric"]!, m => m);
        Assert.Equal(
            new[] { "students-without-marks", "students-with-one-mark", "homework-recorded", "teacher-participation", "parent-participation", "student-participation" },
            report["metrics"]!.Select(m => (string?)m["metric"]));
        Assert.All(metrics.Values, m =>
        {
            Assert.Equal("3.4.6, 3.7.4", (string?)m["clause"]);
            Assert.Equal(JTokenType.Null, m["passed"]!.Type);
            Assert.NotEqual(JTokenType.Null, m["value"]!.Type);
        });

        // 13 pupils × 5 subjects; the newcomer has no English mark yet and a single literature mark.
        Assert.Equal(1, (int)metrics["students-without-marks"]["numerator"]!);
        Assert.Equal(65, (int)metrics["students-without-marks"]["denominator"]!);
        Assert.Equal(1, (int)metrics["students-with-one-mark"]["numerator"]!);
        Assert.Equal(13, (int)metrics["parent-participation"]["denominator"]!);
        Assert.Equal(13, (int)metrics["student-participation"]["denominator"]!);

        // The demo source has no GIA results: the two GIA clauses (5.5, 5.6) cannot be judged and say so.
        Assert.Equal(
            new[] { "final-after-gia:giaResults", "gia-entry:giaResults" },
            report["notEvaluable"]!.Select(n => $"{n["rule"]}:{string.Join(",", n["missing"]!.Select(x => (string?)x))}").OrderBy(x => x, System.StringComparer.Ordinal));
    }

    private static JObject Report()
    {
        var dir = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run("demo", "--out", dir).Code);
        return Json.Parse(File.ReadAllText(Path.Combine(dir, "report.json")));
    }

    private static System.Collections.Generic.List<string> Findings(JObject report) => report["findings"]!
        .Select(f => $"{f["rule"]}|{f["aspect"]}|{f["certainty"]}|{f["entity"]!["id"]}")
        .ToList();

    private static JToken Finding(JObject report, string entityId) =>
        Assert.Single(report["findings"]!, f => (string?)f["entity"]!["id"] == entityId);
}
