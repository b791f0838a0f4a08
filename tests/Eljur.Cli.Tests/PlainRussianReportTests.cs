using System.Collections.Generic;
using System.IO;
using System.Linq;
using Eljur.Rules.Tests.Reports;

namespace Eljur.Cli.Tests;

/// <summary>
/// Every report the demo writes, and every format of the check and the notices for each of the five presets on the
/// demo school and on a generated school, reads in Russian outside the technical column (issue: plain Russian).
/// </summary>
public sealed class PlainRussianReportTests
{
    private static readonly string[] PresetIds = { "lyceum68-ufa-2023", "asiou-school32-2021", "belogorsk-eljur-2021", "mosreg-paperless-readiness", "kurskoye-2019" };

    [Fact]
    public void Demo_and_every_preset_report_has_no_latin_words_outside_the_technical_column()
    {
        var dir = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run("demo", "--out", dir).Code);
        var generated = Path.Combine(dir, "generated.json");
        Assert.Equal(0, CliRunner.Run("generate", "--schools", "1", "--students-per-school", "40", "--out", generated).Code);

        var files = new List<(string Path, string Format)> { (Path.Combine(dir, "report.html"), "html"), (Path.Combine(dir, "report.txt"), "text") };
        foreach (var snapshot in new[] { Path.Combine(dir, "snapshot.json"), generated })
        {
            foreach (var preset in PresetIds)
            {
                var stem = Path.Combine(dir, Path.GetFileNameWithoutExtension(snapshot) + "-" + preset);
                foreach (var format in new[] { "html", "md", "text" })
                {
                    var file = stem + "." + format;
                    var code = CliRunner.Run("check", "--snapshot", snapshot, "--policy", preset, "--as-of", "2024-11-20T12:00:00+05:00", "--format", format, "--out", file).Code;
                    Assert.True(code is 0 or 1, $"check {preset} {format} failed with {code}");
                    files.Add((file, format));
                }

                foreach (var format in new[] { "html", "md" })
                {
                    var notices = stem + "-notices-" + format;
                    Assert.Equal(0, CliRunner.Run("report", "notices", "--snapshot", snapshot, "--policy", preset, "--as-of", "2024-11-20T12:00:00+05:00", "--format", format, "--out", notices).Code);
                    files.Add((Path.Combine(notices, "notices." + format), format));
                }
            }
        }

        var problems = files
            .SelectMany(f => PlainRussian.LatinWords(File.ReadAllText(f.Path), f.Format).Take(3).Select(w => Path.GetFileName(f.Path) + ": " + w))
            .ToList();
        Assert.True(problems.Count == 0, "Latin words outside the technical column:\n" + string.Join("\n", problems.Take(30)));
        Assert.Equal(2 + (2 * 5 * 5), files.Count);
    }
}
