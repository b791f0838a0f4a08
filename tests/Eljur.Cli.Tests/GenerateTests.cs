using System.IO;
using System.Linq;
using Eljur.Abstractions.Snapshots;

namespace Eljur.Cli.Tests;

public class GenerateTests
{
    private static readonly string[] Args =
    {
        "generate", "--schools", "2", "--students-per-school", "40", "--from", "2024-09-01", "--to", "2024-10-31", "--seed", "5",
    };

    [Fact]
    public void Generate_writes_a_readable_snapshot_and_the_same_seed_gives_the_same_file()
    {
        var dir = CliRunner.TempDir();
        var first = Path.Combine(dir, "a.json");
        var second = Path.Combine(dir, "b.json");

        var (code, output, error) = CliRunner.Run(Args.Concat(new[] { "--out", first }).ToArray());
        Assert.Equal(0, CliRunner.Run(Args.Concat(new[] { "--out", second }).ToArray()).Code);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("отметок", output);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        var snapshot = SnapshotReader.ReadFile(first);
        Assert.StartsWith("region-", snapshot.School.Id);
        Assert.Contains(snapshot.Marks!, m => m.Id.StartsWith("s02-", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_with_split_writes_one_snapshot_per_school_and_check_reads_it()
    {
        var dir = CliRunner.TempDir();
        var (code, _, _) = CliRunner.Run(Args.Concat(new[] { "--split", "--compact", "--out", Path.Combine(dir, "region.json") }).ToArray());

        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(dir, "region-s01.json")));
        Assert.True(File.Exists(Path.Combine(dir, "region-s02.json")));
        var check = CliRunner.Run(
            "check", "--snapshot", Path.Combine(dir, "region-s01.json"), "--policy", "lyceum68-ufa-2023", "--as-of", "2024-11-01T06:00:00+05:00");
        Assert.Equal(1, check.Code);
        Assert.Contains("Текущие отметки", check.Out);
        Assert.Contains("Кто должен исправить:", check.Out);
    }

    [Fact]
    public void Generate_rejects_a_rate_out_of_range()
    {
        var dir = CliRunner.TempDir();
        var (code, _, error) = CliRunner.Run("generate", "--late-rate", "1.5", "--out", Path.Combine(dir, "x.json"));

        Assert.Equal(2, code);
        Assert.Contains("--late-rate", error);
        Assert.False(File.Exists(Path.Combine(dir, "x.json")));
    }
}
