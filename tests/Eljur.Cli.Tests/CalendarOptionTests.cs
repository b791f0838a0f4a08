using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;
using Eljur.Cli.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Eljur.Cli.Tests;

/// <summary>
/// <c>--calendar FILE</c> and <c>ELJUR_CALENDAR</c> (cli.md): a year from an xmlcalendar file; without it a
/// deadline in that year is not evaluable and the warning goes to the JSON report and to stderr.
/// </summary>
public class CalendarOptionTests
{
    private const string AsOf = "2028-03-01T12:00:00+05:00";

    private static DateTime D(string s) => DateTime.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A written mark of 28.12.2027 (its 10-working-day deadline needs 2028) and a late one of 01.12.2027.</summary>
    private static string Snapshot(string dir)
    {
        var snapshot = new GradebookSnapshot
        {
            Source = new SnapshotSource
            {
                Connector = "file",
                FetchedAt = DateTimeOffset.Parse("2028-03-01T00:00:00+05:00", CultureInfo.InvariantCulture),
                From = D("2027-09-01"),
                To = D("2027-12-31"),
                Capabilities = new[] { Capability.Marks, Capability.MarkEntryTimes },
            },
            School = new School { Id = "s1", Name = "Гимназия № 7", TimeZone = "Asia/Yekaterinburg", WorkWeek = 5 },
            Subjects = new[] { new Subject { Id = "rus", Name = "Русский язык" } },
            Classes = new[] { new SchoolClass { Id = "c7", Name = "7В", Grade = 7 } },
            Students = new[] { new Student { Id = "p1", Name = "Алексеева Дарья", ClassId = "c7", EnrolledOn = D("2027-09-01") } },
            Marks = new[]
            {
                new Mark { Id = "late", StudentId = "p1", SubjectId = "rus", Date = D("2027-12-01"), Kind = MarkKind.Written, Value = "5", EnteredAt = DateTimeOffset.Parse("2027-12-30T10:00:00+05:00", CultureInfo.InvariantCulture) },
                new Mark { Id = "tail", StudentId = "p1", SubjectId = "rus", Date = D("2027-12-28"), Kind = MarkKind.Written, Value = "4", EnteredAt = DateTimeOffset.Parse("2028-01-20T10:00:00+05:00", CultureInfo.InvariantCulture) },
            },
        };
        var path = Path.Combine(dir, "school.json");
        SnapshotWriter.WriteFile(snapshot, path);
        return path;
    }

    private static string Calendar2028(string dir, string name = "2028.xml", string days = "    <day d=\"01.03\" t=\"1\"/>\n")
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, "<calendar year=\"2028\">\n  <days>\n" + days + "  </days>\n</calendar>\n");
        return path;
    }

    private static (int Code, string Out, string Error) Run(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new Console2(output, error) { Environment = name => environment.TryGetValue(name, out var value) ? value : null };
        var code = CliApp.Run(args, console, new FakeTimeProvider(new DateTimeOffset(2028, 3, 1, 7, 0, 0, TimeSpan.Zero)));
        return (code, output.ToString(), error.ToString());
    }

    private static readonly Dictionary<string, string> NoEnvironment = new();

    [Fact]
    public void Without_the_year_the_tail_is_not_evaluable_the_rest_is_checked_and_stderr_warns()
    {
        var dir = CliRunner.TempDir();
        var (code, output, error) = Run(NoEnvironment, "check", "--snapshot", Snapshot(dir), "--policy", "lyceum68-ufa-2023", "--as-of", AsOf, "--format", "json");

        Assert.True(code == 1, error);
        var report = Json.Parse(output);
        Assert.Equal(new[] { "late" }, report["findings"]!.Where(f => (string?)f["rule"] == "written-mark-entry").Select(f => (string?)f["entity"]!["id"]));
        var entry = Assert.Single(report["notEvaluable"]!, n => n["missing"]!.Any(m => (string?)m == "calendar:2028"));
        Assert.Equal("written-mark-entry", (string?)entry["rule"]);
        Assert.Equal("late", (string?)entry["aspect"]);
        var warning = Assert.Single(report["warnings"]!.Select(w => (string)w!), w => w.Contains("2028", StringComparison.Ordinal));
        Assert.Contains("--calendar", warning, StringComparison.Ordinal);
        Assert.Contains("Предупреждение: " + warning, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("md")]
    [InlineData("html")]
    public void Every_format_prints_the_warnings_to_stderr_and_in_the_report(string format)
    {
        var dir = CliRunner.TempDir();
        var (code, output, error) = Run(NoEnvironment, "check", "--snapshot", Snapshot(dir), "--policy", "lyceum68-ufa-2023", "--as-of", AsOf, "--format", format);

        Assert.True(code == 1, error);
        Assert.Contains("Предупреждение: Нет данных производственного календаря за 2028 год", error, StringComparison.Ordinal);
        // The report itself carries them next to the verdict, so a printed report warns its reader too.
        Assert.Contains("Нет данных производственного календаря за 2028 год", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_calendar_option_adds_the_year()
    {
        var dir = CliRunner.TempDir();
        var (code, output, error) = Run(NoEnvironment, "check", "--snapshot", Snapshot(dir), "--policy", "lyceum68-ufa-2023", "--as-of", AsOf, "--format", "json", "--calendar", Calendar2028(dir));

        Assert.True(code == 1, error);
        var report = Json.Parse(output);
        Assert.DoesNotContain(report["notEvaluable"]!, n => n["missing"]!.Any(m => ((string?)m)!.StartsWith("calendar:", StringComparison.Ordinal)));
        Assert.Empty(report["warnings"]!);
        Assert.Equal("", error);

        // Русский язык: 10 working days from 28.12.2027 — 29, 30 Dec, 4-7, 10-13 Jan 2028 (3 Jan off in the file).
        var tail = report["findings"]!.Single(f => (string?)f["entity"]!["id"] == "tail");
        Assert.Equal("2028-01-13T23:59:59.999+05:00", (string?)tail["deadline"]);
    }

    [Fact]
    public void ELJUR_CALENDAR_adds_years_and_a_calendar_option_replaces_the_same_year()
    {
        var dir = CliRunner.TempDir();
        var snapshot = Snapshot(dir);
        var plain = Calendar2028(dir, "plain-2028.xml", "");
        var other = Calendar2028(dir, "other-2028.xml", "    <day d=\"01.03\" t=\"1\"/>\n    <day d=\"01.04\" t=\"1\"/>\n");
        var environment = new Dictionary<string, string> { ["ELJUR_CALENDAR"] = Path.Combine(dir, "2029-unused.txt") + Path.PathSeparator + plain };
        File.WriteAllText(Path.Combine(dir, "2029-unused.txt"), "<calendar year=\"2029\"><days/></calendar>");

        var fromVariable = Json.Parse(Run(environment, "check", "--snapshot", snapshot, "--policy", "lyceum68-ufa-2023", "--as-of", AsOf, "--format", "json").Out);
        var replaced = Json.Parse(Run(environment, "check", "--snapshot", snapshot, "--policy", "lyceum68-ufa-2023", "--as-of", AsOf, "--format", "json", "--calendar", other).Out);

        // Plain 2028: 29, 30 Dec, 3-7, 10-12 Jan; with 3 and 4 Jan off: 29, 30 Dec, 5-7, 10-14 Jan.
        Assert.Equal("2028-01-12T23:59:59.999+05:00", (string?)fromVariable["findings"]!.Single(f => (string?)f["entity"]!["id"] == "tail")["deadline"]);
        Assert.Equal("2028-01-14T23:59:59.999+05:00", (string?)replaced["findings"]!.Single(f => (string?)f["entity"]!["id"] == "tail")["deadline"]);
    }

    [Fact]
    public void A_bad_calendar_file_exits_2_naming_the_file_and_line_in_Russian()
    {
        var dir = CliRunner.TempDir();
        var bad = Calendar2028(dir, "bad-2028.xml", "    <day d=\"01.03\" t=\"1\"/>\n    <day d=\"02.30\" t=\"1\"/>\n");

        var (code, output, error) = Run(NoEnvironment, "check", "--snapshot", Snapshot(dir), "--policy", "lyceum68-ufa-2023", "--as-of", AsOf, "--calendar", bad);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        var line = Assert.Single(error.Trim().Split('\n'));
        Assert.Contains(bad, line, StringComparison.Ordinal);
        Assert.Contains("строка 4", line, StringComparison.Ordinal);
        Assert.Contains("атрибут d — не дата ММ.ДД 2028 года", line, StringComparison.Ordinal);
        Assert.Contains("--calendar", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("directory")]
    [InlineData("not-xml")]
    public void A_calendar_path_that_is_not_a_calendar_file_exits_2_with_a_Russian_message(string kind)
    {
        var dir = CliRunner.TempDir();
        var path = Path.Combine(dir, "cal-" + kind);
        if (kind == "directory")
        {
            Directory.CreateDirectory(path);
        }
        else if (kind == "not-xml")
        {
            File.WriteAllText(path, "year,day\n2028,01.03\n");
        }

        var environment = new Dictionary<string, string> { ["ELJUR_CALENDAR"] = path };
        var (code, _, error) = Run(environment, "demo", "--out", Path.Combine(dir, "demo"));

        Assert.Equal(2, code);
        Assert.Contains(path, error, StringComparison.Ordinal);
        Assert.Contains("ELJUR_CALENDAR", error, StringComparison.Ordinal);
        Assert.Contains(kind switch { "missing" => "не найден", "directory" => "это папка", _ => "строка 1" }, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_takes_the_calendar_option()
    {
        var dir = CliRunner.TempDir();
        var (code, _, error) = Run(NoEnvironment, "demo", "--out", Path.Combine(dir, "demo"), "--calendar", Calendar2028(dir));

        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.Combine(dir, "demo", "report.json")));
    }
}
