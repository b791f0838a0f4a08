using System.IO;
using System.Linq;
using Eljur.Rules.Reports;

namespace Eljur.Cli.Tests;

public class ReportCommandTests
{
    private static readonly string[] StudentNames = { "Алексеева", "Борисов", "Власова" };

    [Fact]
    public void Progress_for_one_period_writes_the_html_figures()
    {
        var dir = CliRunner.TempDir();
        var snapshot = ReportSnapshot.Write(dir);
        var output = Path.Combine(dir, "progress.html");

        var (code, stdout, error) = CliRunner.Run("report", "progress", "--snapshot", snapshot, "--period", "h1", "--out", output);

        Assert.True(code == 0, error);
        Assert.Equal("", stdout);
        Assert.Contains("Отчёт записан", error);
        var html = File.ReadAllText(output);
        Assert.Contains("1 полугодие", html);
        Assert.DoesNotContain("2 полугодие", html);
        // Математика, 7В, 1 полугодие: period marks of p1 (5) and p2 (4); p3 has none.
        Assert.Contains("<td class=\"num\">2 из 3</td><td class=\"num\">100\u00a0%</td><td class=\"num\">100\u00a0%</td><td class=\"num\">4,50</td>", html);
        Assert.Contains("Биология &lt;b&gt;&amp;&lt;/b&gt;", html);
    }

    [Fact]
    public void Activity_in_markdown_counts_logins_per_month()
    {
        var dir = CliRunner.TempDir();
        var snapshot = ReportSnapshot.Write(dir);
        var output = Path.Combine(dir, "activity.md");

        var (code, _, error) = CliRunner.Run("report", "activity", "--snapshot", snapshot, "--from", "2024-09-01", "--to", "2024-10-31", "--format", "md", "--out", output);

        Assert.True(code == 0, error);
        var md = File.ReadAllText(output);
        Assert.Contains("| сентябрь 2024 | ученики | 1 | 1 | 100\u00a0% | 1 | 100\u00a0% | 1 |", md);
        Assert.Contains("| октябрь 2024 | учителя | 1 | 1 | 100\u00a0% | 1 | 100\u00a0% | 2 |", md);
        Assert.Contains("| **октябрь 2024** | **все** | **3** | **2** | **66,7\u00a0%** | **2** | **100\u00a0%** | **3** |", md);
        Assert.DoesNotContain("ноябрь", md);
    }

    [Fact]
    public void Activity_for_a_period_uses_its_dates()
    {
        var dir = CliRunner.TempDir();
        var output = Path.Combine(dir, "activity.html");

        var (code, _, error) = CliRunner.Run("report", "activity", "--snapshot", ReportSnapshot.Write(dir), "--period", "h1", "--out", output);

        Assert.True(code == 0, error);
        Assert.Contains("02.09.2024 — 28.12.2024", File.ReadAllText(output));
    }

    [Fact]
    public void Summary_sheet_anonymized_shows_no_student_name()
    {
        var dir = CliRunner.TempDir();
        var output = Path.Combine(dir, "sheet.html");

        var (code, _, error) = CliRunner.Run("report", "summary-sheet", "--snapshot", ReportSnapshot.Write(dir), "--anonymize", "--out", output);

        Assert.True(code == 0, error);
        var html = File.ReadAllText(output);
        Assert.Contains("Хранить 75 лет", html);
        Assert.Contains("2024/2025", html);
        Assert.Contains(Pseudonyms.For("p1"), html);
        foreach (var name in StudentNames)
        {
            Assert.DoesNotContain(name, html);
        }
    }

    [Fact]
    public void A_template_file_replaces_the_report_layout()
    {
        var dir = CliRunner.TempDir();
        var template = Path.Combine(dir, "mine.sbn");
        File.WriteAllText(template, "{{ school_name }}: {{ for c in classes }}{{ c.class_name }} ({{ c.students | array.size }}){{ end }}");
        var output = Path.Combine(dir, "sheet.txt");

        var (code, _, error) = CliRunner.Run("report", "summary-sheet", "--snapshot", ReportSnapshot.Write(dir), "--template", template, "--out", output);

        Assert.True(code == 0, error);
        Assert.Equal("Гимназия № 7: 7В (3)", File.ReadAllText(output));
    }

    [Theory]
    [InlineData("progress", "--period", "q9")]
    [InlineData("activity", "--period", "q9")]
    public void An_unknown_period_exits_2_naming_it_and_the_known_ones(string report, string option, string value)
    {
        var dir = CliRunner.TempDir();
        var (code, _, error) = CliRunner.Run("report", report, "--snapshot", ReportSnapshot.Write(dir), option, value, "--out", Path.Combine(dir, "x.html"));

        Assert.Equal(2, code);
        var line = Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("q9", line);
        Assert.Contains("h1, h2", line);
        Assert.False(File.Exists(Path.Combine(dir, "x.html")));
    }

    [Fact]
    public void A_broken_template_exits_2_with_one_line_naming_the_file()
    {
        var dir = CliRunner.TempDir();
        var template = Path.Combine(dir, "broken.sbn");
        File.WriteAllText(template, "{{ for c in classes }}\nno end");

        var (code, _, error) = CliRunner.Run("report", "progress", "--snapshot", ReportSnapshot.Write(dir), "--template", template, "--out", Path.Combine(dir, "x.html"));

        Assert.Equal(2, code);
        var line = Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("broken.sbn", line);
        Assert.DoesNotContain("   at ", error);
    }

    [Theory]
    [InlineData("report", "progress", "--out", "x.html")]
    [InlineData("report", "progress", "--snapshot", "s.json")]
    [InlineData("report", "summary-sheet", "--snapshot", "s.json", "--out", "x.html", "--period", "h1")]
    [InlineData("report", "progress", "--snapshot", "s.json", "--out", "x.html", "--format", "pdf")]
    [InlineData("report", "frobnicate", "--snapshot", "s.json", "--out", "x.html")]
    public void Bad_usage_exits_2(params string[] args)
    {
        Assert.Equal(2, CliRunner.Run(args).Code);
    }

    [Fact]
    public void Period_and_dates_together_exit_2()
    {
        var dir = CliRunner.TempDir();
        var (code, _, error) = CliRunner.Run("report", "activity", "--snapshot", ReportSnapshot.Write(dir), "--period", "h1", "--from", "2024-09-01", "--out", Path.Combine(dir, "x.html"));
        Assert.Equal(2, code);
        Assert.Contains("--period", error);
    }

    [Fact]
    public void A_missing_snapshot_exits_2_naming_it()
    {
        var dir = CliRunner.TempDir();
        var (code, _, error) = CliRunner.Run("report", "activity", "--snapshot", Path.Combine(dir, "nope.json"), "--out", Path.Combine(dir, "x.html"));
        Assert.Equal(2, code);
        Assert.Contains("nope.json", error);
    }

    [Fact]
    public void Progress_without_periods_in_the_snapshot_exits_2()
    {
        var dir = CliRunner.TempDir();
        var snapshot = ReportSnapshot.Write(dir, withPeriods: false);

        var (code, _, error) = CliRunner.Run("report", "progress", "--snapshot", snapshot, "--out", Path.Combine(dir, "x.html"));

        Assert.Equal(2, code);
        Assert.Contains("учебных периодов", error);
    }
}
