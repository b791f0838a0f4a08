using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Eljur.Rules.Reports;

namespace Eljur.Cli.Tests;

public class CheckFormatTests
{
    private static (string Dir, string Snapshot, string Policy) Demo()
    {
        var dir = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run("demo", "--out", dir).Code);
        return (dir, Path.Combine(dir, "snapshot.json"), CliRunner.PresetFile(dir));
    }

    [Fact]
    public void Check_writes_html_with_the_clause_quotes_and_a_chart_per_metric()
    {
        var (dir, snapshot, policy) = Demo();
        var output = Path.Combine(dir, "check.html");

        var (code, _, error) = CliRunner.Run("check", "--snapshot", snapshot, "--policy", policy, "--as-of", "2024-11-20T12:00:00+05:00", "--format", "html", "--out", output);

        Assert.True(code == 1, error);
        var html = File.ReadAllText(output);
        Assert.StartsWith("<!DOCTYPE html>", html);
        // The preset's six indicators have no norm: no chart, a row each in the table at the end.
        Assert.Empty(Regex.Matches(html, "<svg class=\"chart\""));
        Assert.Equal(6, Regex.Matches(html, "<tr data-metric=").Count);
        Assert.Contains("Кто должен исправить", html);
        Assert.Contains("не позднее 10 рабочих дней со дня проведения таких работ по русскому языку и литературе", html);
        Assert.Contains("data-entity=\"W-L-c5a-20241028-2-5\"", html);
        Assert.Contains("Зайцева Виктория", html); // not anonymized by default
    }

    [Fact]
    public void Check_anonymizes_markdown_and_json_alike()
    {
        var (dir, snapshot, policy) = Demo();
        var names = new[] { "Алексеев", "Белова", "Волков", "Григорьева", "Дмитриев", "Егорова", "Жуков", "Зайцева", "Ильин", "Козлова", "Лебедев", "Морозова" };

        var md = CliRunner.Run("check", "--snapshot", snapshot, "--policy", policy, "--as-of", "2024-11-20T12:00:00+05:00", "--format", "md", "--anonymize");
        var json = CliRunner.Run("check", "--snapshot", snapshot, "--policy", policy, "--as-of", "2024-11-20T12:00:00+05:00", "--format", "json", "--anonymize");
        var plain = CliRunner.Run("check", "--snapshot", snapshot, "--policy", policy, "--as-of", "2024-11-20T12:00:00+05:00", "--format", "json");

        Assert.Contains(names, n => plain.Out.Contains(n));
        foreach (var output in new[] { md.Out, json.Out })
        {
            Assert.Contains(Pseudonyms.Prefix, output);
            foreach (var name in names)
            {
                Assert.DoesNotContain(name, output);
            }
        }

        Assert.Equal(
            Json.Parse(plain.Out)["findings"]!.Select(f => (string?)f["entity"]!["id"]),
            Json.Parse(json.Out)["findings"]!.Select(f => (string?)f["entity"]!["id"]));
    }

    [Fact]
    public void Check_with_a_template_uses_it()
    {
        var (dir, snapshot, policy) = Demo();
        var template = Path.Combine(dir, "short.sbn");
        File.WriteAllText(template, "{{ policy_id }}: {{ error_count }} нарушений, {{ for m in metrics }}{{ m.metric }}={{ m.value_text }} {{ end }}");

        var (code, output, error) = CliRunner.Run("check", "--snapshot", snapshot, "--policy", policy, "--as-of", "2024-11-20T12:00:00+05:00", "--template", template);

        Assert.True(code == 1, error);
        Assert.Equal("lyceum68-ufa-2023: 20 нарушений, students-without-marks=1,5\u00a0% students-with-one-mark=1,5\u00a0% homework-recorded=50,3\u00a0% teacher-participation=100\u00a0% parent-participation=53,8\u00a0% student-participation=46,2\u00a0% ", output);
    }

    [Fact]
    public void A_template_with_json_or_a_missing_template_file_exits_2()
    {
        var (dir, snapshot, policy) = Demo();
        var template = Path.Combine(dir, "t.sbn");
        File.WriteAllText(template, "x");

        var json = CliRunner.Run("check", "--snapshot", snapshot, "--policy", policy, "--format", "json", "--template", template);
        var missing = CliRunner.Run("check", "--snapshot", snapshot, "--policy", policy, "--format", "html", "--template", Path.Combine(dir, "none.sbn"));

        Assert.Equal(2, json.Code);
        Assert.Contains("--template", json.Error);
        Assert.Equal(2, missing.Code);
        Assert.Contains("none.sbn", missing.Error);
    }

    [Fact]
    public void A_template_error_leaves_no_report_file()
    {
        var (dir, snapshot, policy) = Demo();
        var template = Path.Combine(dir, "bad.sbn");
        File.WriteAllText(template, "{{ no_such_field }}");
        var output = Path.Combine(dir, "out.html");

        var (code, _, error) = CliRunner.Run("check", "--snapshot", snapshot, "--policy", policy, "--format", "html", "--template", template, "--out", output);

        Assert.Equal(2, code);
        Assert.Contains("no_such_field", error);
        Assert.False(File.Exists(output));
    }
}
