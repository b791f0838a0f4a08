using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;
using Eljur.Abstractions.Sync;
using Eljur.Cli.Infrastructure;
using Eljur.Sync.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Eljur.Cli.Tests;

public class SyncCommandTests
{
    // Sync moments, 20:00 in the school's zone (+05:00).
    private static readonly DateTimeOffset Sync1 = new(2024, 10, 7, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Sync2 = new(2024, 10, 8, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Sync3 = new(2024, 10, 10, 15, 0, 0, TimeSpan.Zero);

    private static (int Code, string Out, string Error) Run(DateTimeOffset now, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, new Console2(output, error), new FakeTimeProvider(now));
        return (code, output.ToString(), error.ToString());
    }

    private static GradebookSnapshot School(params Mark[] marks) => new()
    {
        Source = new SnapshotSource { Connector = "eljur", Instance = "lyceum", FetchedAt = Sync1, Capabilities = new[] { "lessons", "topics", "homework", "marks", "absences", "periods" } },
        School = new School { Id = "lyceum-68", Name = "Лицей № 68", TimeZone = "Asia/Yekaterinburg", WorkWeek = 5 },
        Periods = new[] { new Period { Id = "q1", Name = "1 четверть", Kind = PeriodKind.Quarter, Start = new DateTime(2024, 9, 2), End = new DateTime(2024, 10, 25) } },
        Subjects = new[] { new Subject { Id = "math", Name = "Математика" } },
        Staff = new[] { new StaffMember { Id = "t1", Name = "Иванова Анна Петровна", Roles = new[] { StaffRole.Teacher } } },
        Classes = new[] { new SchoolClass { Id = "c7a", Name = "7А", Grade = 7, HomeroomTeacherId = "t1" } },
        Students = new[] { new Student { Id = "s1", Name = "Петров Пётр", ClassId = "c7a", EnrolledOn = new DateTime(2024, 9, 1) } },
        Lessons = Array.Empty<Lesson>(),
        Absences = Array.Empty<Absence>(),
        Marks = marks,
    };

    private static Mark Mark(string id, DateTime date, string value = "5") =>
        new() { Id = id, StudentId = "s1", SubjectId = "math", Date = date, Kind = MarkKind.Current, Value = value };

    private static string Write(string dir, string name, GradebookSnapshot snapshot)
    {
        var path = Path.Combine(dir, name);
        SnapshotWriter.WriteFile(snapshot, path);
        return path;
    }

    [Fact]
    public void Sync_snapshot_and_check_give_possible_and_certain_findings_from_observed_times()
    {
        var dir = CliRunner.TempDir();
        var store = Path.Combine(dir, "store.db");
        var oct1 = new DateTime(2024, 10, 1);
        var oct7 = new DateTime(2024, 10, 7);
        var oct9 = new DateTime(2024, 10, 9);
        var v1 = Write(dir, "v1.json", School(Mark("early", oct1), Mark("ontime", oct7)));
        var v2 = Write(dir, "v2.json", School(Mark("early", oct1), Mark("ontime", oct7), Mark("nextday", oct7)));
        var v3 = Write(dir, "v3.json", School(Mark("early", oct1), Mark("ontime", oct7), Mark("nextday", oct7), Mark("twodays", oct7), Mark("oct9", oct9)));
        var range = new[] { "--from", "2024-09-01", "--to", "2024-12-31" };

        Assert.Equal(0, Run(Sync1, new[] { "sync", "--connector", "file", "--input", v1, "--store", store }.Concat(range).ToArray()).Code);
        Assert.Equal(0, Run(Sync2, new[] { "sync", "--connector", "file", "--input", v2, "--store", store }.Concat(range).ToArray()).Code);
        var third = Run(Sync3, new[] { "sync", "--connector", "file", "--input", v3, "--store", store }.Concat(range).ToArray());
        Assert.True(third.Code == 0, third.Error);
        Assert.Contains("2 отметки", third.Error);

        var exported = Path.Combine(dir, "observed.json");
        var snap = Run(Sync3, "snapshot", "--store", store, "--from", "2024-09-01", "--to", "2024-10-31", "--out", exported);
        Assert.True(snap.Code == 0, snap.Error);
        var data = SnapshotReader.ReadFile(exported);
        Assert.Contains("entryTimes", data.Source.Capabilities);
        Assert.Contains("revisions", data.Source.Capabilities);
        Assert.Equal(5, data.Marks!.Count);
        var twodays = data.Marks.Single(m => m.Id == "twodays");
        Assert.Equal(Sync2, twodays.EnteredAfter);
        Assert.Equal(Sync3, twodays.EnteredAt);

        var asOf = "2024-10-11T12:00:00+05:00";
        var fromFile = Run(Sync3, "check", "--snapshot", exported, "--policy", CliRunner.DemoPreset, "--as-of", asOf, "--format", "json");
        var fromStore = Run(Sync3, "check", "--store", store, "--from", "2024-09-01", "--to", "2024-10-31", "--policy", CliRunner.DemoPreset, "--as-of", asOf, "--format", "json");
        Assert.True(fromStore.Code is 0 or 1, fromStore.Error);
        Assert.Equal(fromFile.Out, fromStore.Out);

        var findings = Json.Parse(fromStore.Out)["findings"]!
            .Where(f => (string?)f["rule"] == "current-mark-entry")
            .ToDictionary(f => (string)f["entity"]!["id"]!, f => (string)f["certainty"]!);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["early"] = "possible",     // present at the first sync: bounded by the start of its date only
                ["nextday"] = "possible",   // entered between sync 1 (Oct 7, 20:00) and sync 2 (Oct 8, 20:00)
                ["oct9"] = "possible",      // between sync 2 (Oct 8) and sync 3 (Oct 10), deadline Oct 9
                ["twodays"] = "certain",    // not there at sync 2, after its deadline
            },
            findings);
        Assert.DoesNotContain(Json.Parse(fromStore.Out)["notEvaluable"]!, n => (string?)n["rule"] == "current-mark-entry");
    }

    [Fact]
    public async System.Threading.Tasks.Task Sync_defaults_to_the_current_academic_year_and_a_second_identical_sync_changes_nothing()
    {
        var dir = CliRunner.TempDir();
        var store = Path.Combine(dir, "store.db");
        var v1 = Write(dir, "v1.json", School(Mark("m1", new DateTime(2024, 10, 7)), Mark("old", new DateTime(2024, 5, 20))));

        var first = Run(Sync1, "sync", "--connector", "file", "--input", v1, "--store", store);
        var second = Run(Sync2, "sync", "--connector", "file", "--input", v1, "--store", store);

        Assert.True(first.Code == 0, first.Error);
        Assert.True(second.Code == 0, second.Error);
        Assert.Contains("0 отметок", second.Error);
        var runs = await new SqliteGradebookStore(store).GetRunsAsync();
        Assert.All(runs, r => Assert.Equal((new DateTime(2024, 9, 1), new DateTime(2025, 8, 31)), (r.From, r.To)));
        Assert.Equal(1, runs[0].Counts.MarksAdded);
        Assert.Equal(0, runs[0].Counts.OutOfRange); // the file source cut the May 2024 mark off: it is outside this academic year
        Assert.True(runs[1].Counts.IsEmpty);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_sync_while_another_holds_the_store_exits_3_naming_the_lock()
    {
        var dir = CliRunner.TempDir();
        var store = Path.Combine(dir, "store.db");
        var v1 = Write(dir, "v1.json", School(Mark("m1", new DateTime(2024, 10, 7))));
        using (await new SqliteGradebookStore(store).BeginSyncAsync())
        {
            var busy = Run(Sync1, "sync", "--connector", "file", "--input", v1, "--store", store);

            Assert.Equal(3, busy.Code);
            Assert.Contains("хранилище занято", busy.Error);
            Assert.Contains("store.db.lock", busy.Error);
        }

        Assert.Equal(0, Run(Sync1, "sync", "--connector", "file", "--input", v1, "--store", store).Code);
    }

    [Fact]
    public void Bad_usage_and_bad_stores_exit_2()
    {
        var dir = CliRunner.TempDir();
        var missing = Path.Combine(dir, "none.db");
        var notAStore = Path.Combine(dir, "text.db");
        File.WriteAllText(notAStore, "это не база данных SQLite, а обычный текстовый файл достаточной длины");
        var v1 = Write(dir, "v1.json", School(Mark("m1", new DateTime(2024, 10, 7))));

        var noStore = Run(Sync1, "snapshot", "--store", missing, "--out", Path.Combine(dir, "o.json"));
        Assert.Equal(2, noStore.Code);
        Assert.Contains("none.db", noStore.Error);
        Assert.False(File.Exists(missing));
        Assert.Equal(2, Run(Sync1, "sync", "--connector", "file", "--input", v1, "--store", notAStore).Code);
        Assert.Equal(2, Run(Sync1, "check", "--snapshot", v1, "--store", notAStore, "--policy", CliRunner.DemoPreset).Code);
        Assert.Equal(2, Run(Sync1, "check", "--policy", CliRunner.DemoPreset).Code);
        Assert.Equal(2, Run(Sync1, "sync", "--connector", "file", "--store", Path.Combine(dir, "s.db")).Code);
        var byClass = Run(Sync1, "sync", "--connector", "file", "--input", v1, "--class", "7А", "--store", Path.Combine(dir, "s.db"));
        Assert.Equal(2, byClass.Code);
        Assert.Contains("--class", byClass.Error);
        Assert.Equal(2, Run(Sync1, "sync", "--connector", "file", "--input", v1, "--store", Path.Combine(dir, "s.db"), "--from", "2024-10-10", "--to", "2024-10-01").Code);
        Assert.Equal(2, Run(Sync1, "sync", "--connector", "file", "--input", Path.Combine(dir, "absent.json"), "--store", Path.Combine(dir, "s.db")).Code);
    }
}

/// <summary><c>eljur sync --connector eljur</c> against the local ЭлЖур mock.</summary>
public sealed class SyncEljurTests : IDisposable
{
    private readonly Eljur.Connectors.Eljur.Tests.Mock.EljurMockServer _mock = new();

    public void Dispose() => _mock.Dispose();

    private string[] Sync(string store, string password) => new[]
    {
        "sync", "--store", store, "--from", "2024-09-02", "--to", "2024-09-08",
        "--connector", "eljur", "--base-url", _mock.BaseUrl, "--vendor", Eljur.Connectors.Eljur.Tests.Mock.MockSchool.Vendor,
        "--devkey", Eljur.Connectors.Eljur.Tests.Mock.MockSchool.DevKey, "--login", Eljur.Connectors.Eljur.Tests.Mock.MockSchool.TeacherLogin,
        "--password", password, "--time-zone", "Europe/Moscow",
    };

    private static (int Code, string Out, string Error) Run(DateTimeOffset now, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, new Console2(output, error), new FakeTimeProvider(now));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_refused_first_sync_exits_3_and_leaves_no_store_file()
    {
        var dir = CliRunner.TempDir();
        var store = Path.Combine(dir, "new.db");

        var refused = Run(new DateTimeOffset(2024, 9, 9, 15, 0, 0, TimeSpan.Zero), Sync(store, "wrong-password"));

        Assert.Equal(3, refused.Code);
        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public async System.Threading.Tasks.Task Syncing_the_eljur_mock_twice_records_the_week_once_and_a_refused_login_exits_3_leaving_the_store_as_it_was()
    {
        var store = Path.Combine(CliRunner.TempDir(), "eljur.db");
        var t1 = new DateTimeOffset(2024, 9, 9, 15, 0, 0, TimeSpan.Zero);

        var first = Run(t1, Sync(store, Eljur.Connectors.Eljur.Tests.Mock.MockSchool.TeacherPassword));
        var second = Run(t1.AddHours(1), Sync(store, Eljur.Connectors.Eljur.Tests.Mock.MockSchool.TeacherPassword));
        var refused = Run(t1.AddHours(2), Sync(store, "wrong-password"));

        Assert.True(first.Code == 0, first.Error);
        Assert.True(second.Code == 0, second.Error);
        Assert.Equal(3, refused.Code);
        Assert.DoesNotContain("wrong-password", refused.Error);
        var sqlite = new SqliteGradebookStore(store);
        var runs = await sqlite.GetRunsAsync();
        Assert.Equal(new[] { true, true, false }, runs.Select(r => r.Succeeded));
        Assert.Equal(45, runs[0].Counts.LessonsAdded); // 43 lessons and 2 extracurricular
        Assert.True(runs[1].Counts.IsEmpty, second.Error);
        var snapshot = await GradebookSync.ExportAsync(sqlite, null, new DateTime(2024, 9, 2), new DateTime(2024, 9, 8));
        Assert.Equal(45, snapshot.Lessons!.Count);
        Assert.Equal("eljur", snapshot.Source.Connector);
        Assert.NotEmpty(snapshot.Marks!);
        Assert.All(snapshot.Marks!, m => Assert.Equal(t1, m.EnteredAt));
    }
}
