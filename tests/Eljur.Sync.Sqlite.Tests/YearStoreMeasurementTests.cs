using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Sync;
using Eljur.Abstractions.Tests.Sync;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Eljur.Sync.Sqlite.Tests;

/// <summary>
/// A school-year store: the first sync against an incremental one with a few changes. The default
/// size keeps the test quick; ELJUR_SYNC_MARKS=300000 gives the year-sized measurement of docs/sync.md.
/// </summary>
public sealed class YearStoreMeasurementTests : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly TempDir _dir = new();

    public YearStoreMeasurementTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AnIncrementalSyncOfAYearStoreIsMuchCheaperThanTheFirst()
    {
        var markCount = int.TryParse(Environment.GetEnvironmentVariable("ELJUR_SYNC_MARKS"), out var n) ? n : 30_000;
        var path = _dir.File("year.db");
        var sqlite = new SqliteGradebookStore(path);
        var store = new FaultyStore(sqlite, int.MaxValue); // counts record writes
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 15, 0, 0, TimeSpan.Zero));

        var generate = Stopwatch.StartNew();
        var year = Year(markCount);
        generate.Stop();

        var changed = year with
        {
            Marks = year.Marks!.Select((m, i) => i % 20_000 == 7 ? m with { Value = m.Value == "5" ? "4" : "5" } : m)
                .Concat(new[] { SyncData.Mark("new-1", new DateTime(2025, 5, 30), "5"), SyncData.Mark("new-2", new DateTime(2025, 5, 30), "4") })
                .ToList(),
            Lessons = year.Lessons!.Select((l, i) => i == 3 ? l with { Topic = "Повторение" } : l).ToList(),
        };
        var vendor = new ScriptedConnector().Then(year).Then(changed).Then(changed).Then(changed);
        var sync = new GradebookSync(store, time);

        var first = Stopwatch.StartNew();
        var firstRun = await sync.SyncAsync(vendor, SyncData.Range);
        first.Stop();
        time.Advance(TimeSpan.FromDays(1));
        var firstWrites = store.Writes;
        var second = Stopwatch.StartNew();
        var secondRun = await sync.SyncAsync(vendor, SyncData.Range);
        second.Stop();
        time.Advance(TimeSpan.FromDays(1));
        var secondWrites = store.Writes - firstWrites;
        var third = Stopwatch.StartNew();
        var thirdRun = await sync.SyncAsync(vendor, SyncData.Range);
        third.Stop();
        // What a scheduled job does during the year: sync only the last two weeks into the year's store.
        time.Advance(TimeSpan.FromDays(1));
        var recent = Stopwatch.StartNew();
        var recentRun = await sync.SyncAsync(vendor, new Eljur.Abstractions.Connectors.FetchRequest { From = new DateTime(2025, 5, 19), To = SyncData.To });
        recent.Stop();
        var export = Stopwatch.StartNew();
        var snapshot = await GradebookSync.ExportAsync(store, null, SyncData.From, SyncData.To);
        export.Stop();

        var size = new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"marks {year.Marks!.Count}, lessons {year.Lessons!.Count}, absences {year.Absences!.Count}; generate (the 'fetch') {generate.Elapsed.TotalSeconds:F2} s; " +
            $"first sync {first.Elapsed.TotalSeconds:F2} s; incremental sync {second.Elapsed.TotalSeconds:F2} s ({secondRun.Counts.MarksRevised} revised, {secondRun.Counts.MarksAdded} added); " +
            $"no-change sync {third.Elapsed.TotalSeconds:F2} s; two-week sync into the year store {recent.Elapsed.TotalSeconds:F2} s; export {export.Elapsed.TotalSeconds:F2} s; store {size / 1024.0 / 1024.0:F1} MiB"));

        Assert.Equal(year.Marks.Count, firstRun.Counts.MarksAdded);
        Assert.Equal(2, secondRun.Counts.MarksAdded);
        Assert.Equal(year.Marks.Count / 20_000 + (year.Marks.Count % 20_000 > 7 ? 1 : 0), secondRun.Counts.MarksRevised);
        Assert.Equal(1, secondRun.Counts.TopicsAdded);
        Assert.True(thirdRun.Counts.IsEmpty);
        Assert.True(recentRun.Counts.IsEmpty);
        Assert.Equal(year.Marks.Count + 2, snapshot.Marks!.Count);
        // Incremental: the second sync writes only what changed (timings vary with the machine; they are reported, not asserted).
        Assert.Equal(year.Marks.Count + year.Lessons.Count + year.Absences.Count, firstWrites);
        Assert.Equal(secondRun.Counts.MarksAdded + secondRun.Counts.MarksRevised + 1, secondWrites);
    }

    /// <summary>About <paramref name="marks"/> current marks over a school year, with the lessons they belong to and some absences.</summary>
    private static GradebookSnapshot Year(int marks)
    {
        var days = new List<DateTime>();
        for (var d = new DateTime(2024, 9, 2); d <= new DateTime(2025, 5, 30); d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days.Add(d);
            }
        }

        var lessons = new List<Lesson>();
        var markList = new List<Mark>(marks);
        var absences = new List<Absence>();
        var perDay = Math.Max(1, marks / days.Count);
        var students = new[] { "s1", "s2" };
        var values = new[] { "5", "4", "3", "2" };
        foreach (var day in days)
        {
            for (var i = 0; i < perDay && markList.Count < marks; i++)
            {
                var lessonId = $"l{day:yyyyMMdd}-{i / 20}";
                if (i % 20 == 0)
                {
                    lessons.Add(SyncData.Lesson(lessonId, day, topic: i % 40 == 0 ? "Тема урока " + lessonId : null, homework: "§ " + (i % 30)));
                    if (i % 60 == 0)
                    {
                        absences.Add(SyncData.Absence(lessonId, students[i % 2]));
                    }
                }

                markList.Add(SyncData.Mark($"m{markList.Count}", day, values[(markList.Count * 7) % 4], lessonId) with { StudentId = students[i % 2] });
            }
        }

        return SyncData.School(lessons, markList, absences);
    }
}
