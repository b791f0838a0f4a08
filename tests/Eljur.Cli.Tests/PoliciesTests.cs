using System.IO;
using System.Linq;
using Eljur.Rules;

namespace Eljur.Cli.Tests;

public class PoliciesTests
{
    [Fact]
    public void Validate_accepts_a_good_policy()
    {
        var dir = CliRunner.TempDir();
        var (code, output, _) = CliRunner.Run("policies", "validate", CliRunner.PresetFile(dir));
        Assert.Equal(0, code);
        Assert.Contains("корректен", output);
        Assert.Contains("(lyceum68-ufa-2023)", output);
        Assert.Contains("17 правил или показателей", output);
    }

    [Fact]
    public void Validate_accepts_every_preset_as_a_file()
    {
        var dir = CliRunner.TempDir();
        foreach (var id in Presets.Ids)
        {
            var (code, output, error) = CliRunner.Run("policies", "validate", CliRunner.PresetFile(dir, id));
            Assert.True(code == 0, error);
            Assert.Contains($"({id}) корректен", output);
        }
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
        Assert.Contains("строка 6", error);
        Assert.Contains("no-such-rule", error);
        Assert.Contains("bad.json", error);
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
    public void Validate_names_the_path_of_a_bad_parameter_inside_an_adapted_preset()
    {
        // A school copies the Lyceum preset and moves the archive deadline to a date that does not exist.
        var dir = CliRunner.TempDir();
        var file = Path.Combine(dir, "my-school.json");
        File.WriteAllText(file, Presets.GetJson("lyceum68-ufa-2023")!.Replace("\"due\": \"06-30\" },\n          { \"documentType\": \"summarySheet\"", "\"due\": \"06-31\" },\n          { \"documentType\": \"summarySheet\""));

        var (code, output, error) = CliRunner.Run("policies", "validate", file);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("my-school.json", error);
        Assert.Contains("$.rules[9].params.documents[0].due", error);
        Assert.Contains("06-31", error);
    }

    [Fact]
    public void Validate_rejects_an_unknown_parameter_and_a_missing_file_with_exit_2()
    {
        var dir = CliRunner.TempDir();
        var file = Path.Combine(dir, "typo.json");
        File.WriteAllText(file, "{\"id\":\"x\",\"title\":\"X\",\"rules\":[{\"rule\":\"mark-correction\",\"params\":{\"windowDays\":14,\"overideRoles\":[\"deputy\"]}}]}");

        var typo = CliRunner.Run("policies", "validate", file);
        var missing = CliRunner.Run("policies", "validate", Path.Combine(dir, "nope.json"));

        Assert.Equal(2, typo.Code);
        Assert.Contains("$.rules[0].params.overideRoles", typo.Error);
        Assert.Equal(2, missing.Code);
        Assert.Contains("nope.json", missing.Error);
    }

    [Fact]
    public void List_names_every_preset_with_its_title_and_every_rule()
    {
        var (code, output, _) = CliRunner.Run("policies", "list");
        Assert.Equal(0, code);
        Assert.Equal(5, Presets.Ids.Count);
        foreach (var id in Presets.Ids)
        {
            Assert.Contains($"  {id} — {Presets.Load(id).Title}", output);
        }

        Assert.Contains("  lyceum68-ufa-2023 — Положение об электронном классном журнале МАОУ «Лицей № 68», Уфа (2023)", output);
        Assert.All(StandardRules.All, r => Assert.Contains($"  {r.Id} — {r.Title}", output));
        Assert.DoesNotContain("(пока нет)", output);
    }

    [Fact]
    public void Show_prints_the_preset_json()
    {
        var (code, output, error) = CliRunner.Run("policies", "show", "kurskoye-2019");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(Presets.GetJson("kurskoye-2019"), output);
        var json = Json.Parse(output);
        Assert.Equal("eljur.policy/1", (string?)json["format"]);
        Assert.Equal("kurskoye-2019", (string?)json["id"]);
        Assert.Equal(new[] { "operation-frequency", "operation-frequency" }, json["rules"]!.Select(r => (string?)r["rule"]));
    }

    [Fact]
    public void Show_of_an_unknown_preset_exits_2_and_lists_the_presets()
    {
        var (code, output, error) = CliRunner.Run("policies", "show", "lyceum68");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("lyceum68", error);
        Assert.Contains("lyceum68-ufa-2023", error);
    }
}
