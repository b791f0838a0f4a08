using System.IO;

namespace Eljur.Cli.Tests;

public class PoliciesTests
{
    [Fact]
    public void Validate_accepts_a_good_policy()
    {
        var dir = CliRunner.TempDir();
        var (code, output, _) = CliRunner.Run("policies", "validate", CliRunner.DemoPolicyFile(dir));
        Assert.Equal(0, code);
        Assert.Contains("корректен", output);
    }

    [Fact]
    public void Validate_rejects_an_unknown_rule_with_exit_2_and_the_path()
    {
        var dir = CliRunner.TempDir();
        var file = Path.Combine(dir, "bad.json");
        File.WriteAllText(file, "{\n  \"id\": \"x\",\n  \"title\": \"X\",\n  \"rules\": [\n    { \"rule\": \"lesson-topic\" },\n    { \"rule\": \"no-such-rule\" }\n  ]\n}\n");
        var (code, _, error) = CliRunner.Run("policies", "validate", file);
        Assert.Equal(2, code);
        Assert.Contains("$.rules[1].rule", error);
        Assert.Contains("line 6", error);
    }

    [Fact]
    public void Validate_rejects_a_bad_parameter_with_exit_2_and_the_path()
    {
        var dir = CliRunner.TempDir();
        var file = Path.Combine(dir, "bad.json");
        File.WriteAllText(file, "{\"id\":\"x\",\"title\":\"X\",\"rules\":[{\"rule\":\"written-mark-entry\",\"params\":{\"defaultWorkingDays\":\"five\"}}]}");
        var (code, _, error) = CliRunner.Run("policies", "validate", file);
        Assert.Equal(2, code);
        Assert.Contains("$.rules[0].params.defaultWorkingDays", error);
    }

    [Fact]
    public void List_names_every_rule()
    {
        var (code, output, _) = CliRunner.Run("policies", "list");
        Assert.Equal(0, code);
        Assert.Contains("written-mark-entry", output);
        Assert.Contains("lessons-with-journal-entry", output);
    }
}
