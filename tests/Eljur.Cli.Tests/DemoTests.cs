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
        Assert.Contains("Всего нарушений:", output);
        Assert.True(File.Exists(Path.Combine(dir, "snapshot.json")));
        Assert.True(File.Exists(Path.Combine(dir, "report.txt")));
        var html = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("id=\"summary\"", html);
        Assert.Contains("report.html", output);
        var report = Json.Parse(File.ReadAllText(Path.Combine(dir, "report.json")));
        Assert.Equal("eljur.report/1", (string?)report["format"]);
        Assert.Equal("2024-11-20T12:00:00+05:00", (string?)report["asOf"]);
    }

    [Fact]
    public void Demo_report_contains_each_deliberate_breach()
    {
        var dir = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run("demo", "--out", dir).Code);
        var findings = Json.Parse(File.ReadAllText(Path.Combine(dir, "report.json")))["findings"]!
            .Select(f => $"{f["rule"]}|{f["aspect"]}|{f["certainty"]}|{f["entity"]!["id"]}")
            .ToList();

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
}
