using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Eljur.Cli.Tests;

public class CheckTests
{
    [Fact]
    public void Check_of_the_demo_snapshot_exits_1_and_writes_the_json_report()
    {
        var dir = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run("demo", "--out", dir).Code);
        var policy = CliRunner.PresetFile(dir);
        var output = Path.Combine(dir, "check.json");

        var (code, _, error) = CliRunner.Run(
            "check", "--snapshot", Path.Combine(dir, "snapshot.json"), "--policy", policy,
            "--as-of", "2024-11-20T12:00:00+05:00", "--format", "json", "--out", output);

        Assert.True(code == 1, error);
        var report = Json.Parse(File.ReadAllText(output));
        var late = report["findings"]!.First(f => (string?)f["entity"]!["id"] == "W-L-c5a-20241028-2-5");
        Assert.Equal("2024-11-02T23:59:59.999+05:00", (string?)late["deadline"]);
        Assert.Equal("2024-11-05T09:12:00+05:00", (string?)late["observed"]);
        Assert.Equal("5.4", (string?)late["clause"]);
        var missing = report["findings"]!.First(f => (string?)f["aspect"] == "missing");
        Assert.Null(missing["observed"]);
    }

    [Fact]
    public void As_of_without_offset_is_school_time_and_a_bare_date_is_the_end_of_that_day()
    {
        var dir = CliRunner.TempDir();
        CliRunner.Run("demo", "--out", dir);
        var policy = CliRunner.DemoPreset;
        var snapshot = Path.Combine(dir, "snapshot.json");

        var local = CliRunner.Run("check", "--snapshot", snapshot, "--policy", policy, "--as-of", "2024-11-20T12:00", "--format", "json");
        var date = CliRunner.Run("check", "--snapshot", snapshot, "--policy", policy, "--as-of", "2024-11-20", "--format", "json");

        Assert.Equal("2024-11-20T12:00:00+05:00", (string?)Json.Parse(local.Out)["asOf"]);
        Assert.Equal("2024-11-20T23:59:59.999+05:00", (string?)Json.Parse(date.Out)["asOf"]);
    }

    [Fact]
    public void A_malformed_snapshot_exits_2_with_one_line_naming_the_line_and_no_stack_trace()
    {
        var dir = CliRunner.TempDir();
        var file = Path.Combine(dir, "broken.json");
        File.WriteAllText(file, "{\n  \"format\": \"eljur.snapshot/1\",\n  \"source\": {\n    \"connector\": 12,\n");

        var (code, output, error) = CliRunner.Run("check", "--snapshot", file, "--policy", CliRunner.DemoPreset);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        var lines = error.Trim().Split('\n');
        Assert.Single(lines);
        Assert.Contains("broken.json", lines[0]);
        Assert.Contains("строка 4", lines[0]);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void A_missing_snapshot_file_exits_2()
    {
        var dir = CliRunner.TempDir();
        var (code, _, error) = CliRunner.Run("check", "--snapshot", Path.Combine(dir, "nope.json"), "--policy", CliRunner.DemoPreset);
        Assert.Equal(2, code);
        Assert.Contains("nope.json", error);
    }

    [Fact]
    public void An_unknown_preset_exits_2_and_names_it()
    {
        var dir = CliRunner.TempDir();
        CliRunner.Run("demo", "--out", dir);
        var (code, _, error) = CliRunner.Run("check", "--snapshot", Path.Combine(dir, "snapshot.json"), "--policy", "no-such-preset");
        Assert.Equal(2, code);
        Assert.Contains("no-such-preset", error);
    }

    [Theory]
    [InlineData("check", "--snapshot")]
    [InlineData("check", "--policy", "x")]
    [InlineData("frobnicate")]
    [InlineData("check", "--snapshot", "a.json", "--policy", "p", "--format", "pdf")]
    public void Bad_usage_exits_2(params string[] args)
    {
        Assert.Equal(2, CliRunner.Run(args).Code);
    }

    [Fact]
    public void A_bad_as_of_exits_2_naming_the_option()
    {
        var dir = CliRunner.TempDir();
        CliRunner.Run("demo", "--out", dir);
        var (code, _, error) = CliRunner.Run("check", "--snapshot", Path.Combine(dir, "snapshot.json"), "--policy", CliRunner.DemoPreset, "--as-of", "вчера");
        Assert.Equal(2, code);
        Assert.Contains("--as-of", error);
    }

    [Fact]
    public void A_snapshot_outside_the_calendar_is_checked_with_its_working_day_deadlines_not_evaluable()
    {
        var dir = CliRunner.TempDir();
        CliRunner.Run("demo", "--out", dir);
        var text = File.ReadAllText(Path.Combine(dir, "snapshot.json")).Replace("2024-", "2031-");
        var file = Path.Combine(dir, "future.json");
        File.WriteAllText(file, text);
        var (code, output, error) = CliRunner.Run("check", "--snapshot", file, "--policy", CliRunner.DemoPreset, "--as-of", "2031-12-01T00:00:00+05:00", "--format", "json");

        // Same-day deadlines need no calendar and are still checked; working-day ones wait for the 2031 calendar.
        Assert.True(code == 1, error);
        var report = Json.Parse(output);
        Assert.Contains(report["findings"]!, f => (string?)f["rule"] == "lesson-topic");
        Assert.Contains(report["notEvaluable"]!, n => (string?)n["rule"] == "written-mark-entry" && n["missing"]!.Any(m => (string?)m == "calendar:2031"));
        Assert.Contains("Предупреждение: Нет данных производственного календаря за 2031 год", error);
    }
}
