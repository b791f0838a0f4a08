using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;
using Eljur.Abstractions.Sync;
using Microsoft.Extensions.Time.Testing;

namespace Eljur.Abstractions.Tests.Sync;

/// <summary>The sync acceptance scenarios, run against every store implementation.</summary>
public abstract class GradebookSyncContractTests
{
    // Sync times: evenings of consecutive school days (UTC).
    protected static readonly DateTimeOffset T1 = new(2024, 10, 7, 15, 0, 0, TimeSpan.Zero);
    protected static readonly DateTimeOffset T2 = new(2024, 10, 8, 15, 0, 0, TimeSpan.Zero);
    protected static readonly DateTimeOffset T3 = new(2024, 10, 9, 15, 0, 0, TimeSpan.Zero);
    protected static readonly DateTimeOffset T4 = new(2024, 10, 10, 15, 0, 0, TimeSpan.Zero);

    private static readonly DateTime Oct7 = new(2024, 10, 7);
    private static readonly DateTime Oct8 = new(2024, 10, 8);
    private static readonly DateTime Oct9 = new(2024, 10, 9);

    protected abstract IGradebookStore CreateStore();

    [Fact]
    public async Task FirstSyncRecordsGetTheStartOfTheirOwnDateAsEnteredAfter()
    {
        var store = CreateStore();
        var time = new FakeTimeProvider(T1);
        var vendor = new ScriptedConnector().Then(SyncData.School(
            new[] { SyncData.Lesson("l1", Oct7, topic: "Дроби", homework: "№ 12") },
            new[] { SyncData.Mark("m1", Oct7, "5", "l1") },
            new[] { SyncData.Absence("l1") }));

        var run = await new GradebookSync(store, time).SyncAsync(vendor, SyncData.Range);

        Assert.True(run.Succeeded);
        Assert.Equal(1, run.Counts.MarksAdded);
        var snapshot = await GradebookSync.ExportAsync(store, null, SyncData.From, SyncData.To);
        var startOfDay = new DateTimeOffset(2024, 10, 7, 0, 0, 0, TimeSpan.FromHours(5));
        var mark = Assert.Single(snapshot.Marks!);
        Assert.Equal(T1, mark.EnteredAt);
        Assert.Equal(startOfDay, mark.EnteredAfter);
        Assert.Equal(TimeSpan.FromHours(5), mark.EnteredAt!.Value.Offset);
        var lesson = Assert.Single(snapshot.Lessons!);
        Assert.Equal((T1, startOfDay), (lesson.TopicEnteredAt!.Value, lesson.TopicEnteredAfter!.Value));
        Assert.Equal((T1, startOfDay), (lesson.HomeworkEnteredAt!.Value, lesson.HomeworkEnteredAfter!.Value));
        var absence = Assert.Single(snapshot.Absences!);
        Assert.Equal((T1, startOfDay), (absence.EnteredAt!.Value, absence.EnteredAfter!.Value));
    }

    [Fact]
    public async Task AMarkAppearingBetweenSyncs2And3IsBoundedBySync2AndSync3()
    {
        var store = CreateStore();
        var time = new FakeTimeProvider(T1);
        var before = SyncData.School(new[] { SyncData.Lesson("l1", Oct7) }, new[] { SyncData.Mark("m1", Oct7, "4", "l1") });
        var after = SyncData.School(new[] { SyncData.Lesson("l1", Oct7) }, new[] { SyncData.Mark("m1", Oct7, "4", "l1"), SyncData.Mark("m2", Oct7, "3", "l1") });
        var vendor = new ScriptedConnector().Then(before).Then(before).Then(after);
        var sync = new GradebookSync(store, time);

        await sync.SyncAsync(vendor, SyncData.Range);
        time.SetUtcNow(T2);
        await sync.SyncAsync(vendor, SyncData.Range);
        time.SetUtcNow(T3);
        var third = await sync.SyncAsync(vendor, SyncData.Range);

        Assert.Equal(1, third.Counts.MarksAdded);
        var snapshot = await GradebookSync.ExportAsync(store, "school-1", SyncData.From, SyncData.To);
        var m2 = snapshot.Marks!.Single(m => m.Id == "m2");
        Assert.Equal(T2, m2.EnteredAfter);
        Assert.Equal(T3, m2.EnteredAt);
        var m1 = snapshot.Marks!.Single(m => m.Id == "m1");
        Assert.Equal(T1, m1.EnteredAt);
    }

    [Fact]
    public async Task AChangedValueGivesExactlyOneRevision()
    {
        var store = CreateStore();
        var time = new FakeTimeProvider(T1);
        var vendor = new ScriptedConnector()
            .Then(SyncData.School(marks: new[] { SyncData.Mark("m1", Oct7, "4") }))
            .Then(SyncData.School(marks: new[] { SyncData.Mark("m1", Oct7, "5") }));
        var sync = new GradebookSync(store, time);

        await sync.SyncAsync(vendor, SyncData.Range);
        time.SetUtcNow(T2);
        var second = await sync.SyncAsync(vendor, SyncData.Range);
        time.SetUtcNow(T3);
        var third = await sync.SyncAsync(vendor, SyncData.Range);

        Assert.Equal(1, second.Counts.MarksRevised);
        Assert.True(third.Counts.IsEmpty);
        var mark = Assert.Single((await GradebookSync.ExportAsync(store, null, SyncData.From, SyncData.To)).Marks!);
        Assert.Equal("5", mark.Value);
        Assert.Equal(T1, mark.EnteredAt);
        var revision = Assert.Single(mark.Revisions);
        Assert.Equal(("4", "5"), (revision.From, revision.To));
        Assert.Equal(T2, revision.At);
        Assert.Equal(T1, revision.After);
    }

    [Fact]
    public async Task ASyncKilledHalfWayLeavesTheStoreAsItWas()
    {
        var inner = CreateStore();
        var store = new FaultyStore(inner, int.MaxValue);
        var time = new FakeTimeProvider(T1);
        var lessons = Enumerable.Range(1, 5).Select(i => SyncData.Lesson("l" + i, Oct7.AddDays(i % 3), topic: i % 2 == 0 ? "Тема " + i : null)).ToList();
        var marks = Enumerable.Range(1, 10).Select(i => SyncData.Mark("m" + i, Oct7, (2 + (i % 4)).ToString(), "l1")).ToList();
        var changedLessons = lessons.Select(l => l with { Topic = "Новая тема " + l.Id, Homework = "§ 3" }).ToList();
        var changedMarks = marks.Skip(2).Select(m => m with { Value = "5" })
            .Concat(Enumerable.Range(11, 10).Select(i => SyncData.Mark("m" + i, Oct8, "3"))).ToList();
        var vendor = new ScriptedConnector()
            .Then(SyncData.School(lessons, marks, new[] { SyncData.Absence("l1") }))
            .Then(SyncData.School(changedLessons, changedMarks, new[] { SyncData.Absence("l2") }));
        var sync = new GradebookSync(store, time);
        await sync.SyncAsync(vendor, SyncData.Range);
        var dumpBefore = await SyncData.DumpAsync(inner);

        store.FailAfterWrites = store.Writes + 7;
        time.SetUtcNow(T2);
        var fault = await Assert.ThrowsAsync<IOException>(() => sync.SyncAsync(vendor, SyncData.Range));

        Assert.Contains("Injected fault", fault.Message);
        Assert.Equal(dumpBefore, await SyncData.DumpAsync(inner));
        var runs = await inner.GetRunsAsync();
        Assert.Equal(new[] { true, false }, runs.Select(r => r.Succeeded));
        Assert.Contains("Injected fault", runs[1].Error);

        // The lock is released, and the next sync bounds its observations by the last *successful* one.
        store.FailAfterWrites = int.MaxValue;
        time.SetUtcNow(T3);
        var retry = await sync.SyncAsync(vendor, SyncData.Range);
        Assert.Equal(10, retry.Counts.MarksAdded);
        var m11 = (await GradebookSync.ExportAsync(store, null, SyncData.From, SyncData.To)).Marks!.Single(m => m.Id == "m11");
        Assert.Equal((T3, T1), (m11.EnteredAt!.Value, m11.EnteredAfter!.Value));
    }

    [Fact]
    public async Task RunningTheSameSyncTwiceAddsNothing()
    {
        var store = CreateStore();
        var time = new FakeTimeProvider(T1);
        var state1 = SyncData.School(new[] { SyncData.Lesson("l1", Oct7) }, new[] { SyncData.Mark("m1", Oct7, "4") });
        var state2 = SyncData.School(
            new[] { SyncData.Lesson("l1", Oct7, topic: "Дроби"), SyncData.Lesson("l2", Oct8, homework: "§ 2") },
            new[] { SyncData.Mark("m1", Oct7, "5"), SyncData.Mark("m2", Oct8, "3") },
            new[] { SyncData.Absence("l2") });
        var vendor = new ScriptedConnector().Then(state1).Then(state2);
        var sync = new GradebookSync(store, time);
        await sync.SyncAsync(vendor, SyncData.Range);
        time.SetUtcNow(T2);
        await sync.SyncAsync(vendor, SyncData.Range);
        var dump = await SyncData.DumpAsync(store);
        var export = Records(await GradebookSync.ExportAsync(store, null, SyncData.From, SyncData.To));

        time.SetUtcNow(T3);
        var again = await sync.SyncAsync(vendor, SyncData.Range);

        Assert.True(again.Counts.IsEmpty);
        Assert.Equal(5, again.Counts.Unchanged);
        Assert.Equal(dump.Replace("successful runs 2", "successful runs 3"), await SyncData.DumpAsync(store));
        Assert.Equal(export, Records(await GradebookSync.ExportAsync(store, null, SyncData.From, SyncData.To)));
    }

    [Fact]
    public async Task TopicsAndHomeworkAppearingOnAKnownLessonAreObservedAndEditsKeepTheFirstSighting()
    {
        var store = CreateStore();
        var time = new FakeTimeProvider(T1);
        var vendor = new ScriptedConnector()
            .Then(SyncData.School(new[] { SyncData.Lesson("l1", Oct7) }))
            .Then(SyncData.School(new[] { SyncData.Lesson("l1", Oct7, topic: "Дроби") }))
            .Then(SyncData.School(new[] { SyncData.Lesson("l1", Oct7, topic: "Дроби и проценты", homework: "№ 5") }))
            .Then(SyncData.School(new[] { SyncData.Lesson("l1", Oct7, homework: "№ 5") }));
        var sync = new GradebookSync(store, time);
        await sync.SyncAsync(vendor, SyncData.Range);
        time.SetUtcNow(T2);
        var second = await sync.SyncAsync(vendor, SyncData.Range);
        time.SetUtcNow(T3);
        await sync.SyncAsync(vendor, SyncData.Range);

        Assert.Equal(1, second.Counts.TopicsAdded);
        var lesson = Assert.Single((await GradebookSync.ExportAsync(store, null, SyncData.From, SyncData.To)).Lessons!);
        Assert.Equal("Дроби и проценты", lesson.Topic);
        Assert.Equal((T2, T1), (lesson.TopicEnteredAt!.Value, lesson.TopicEnteredAfter!.Value));
        Assert.Equal((T3, T2), (lesson.HomeworkEnteredAt!.Value, lesson.HomeworkEnteredAfter!.Value));

        time.SetUtcNow(T4);
        await sync.SyncAsync(vendor, SyncData.Range);
        lesson = Assert.Single((await GradebookSync.ExportAsync(store, null, SyncData.From, SyncData.To)).Lessons!);
        Assert.Null(lesson.Topic);
        Assert.Null(lesson.TopicEnteredAt);
        Assert.Null(lesson.TopicEnteredAfter);
    }

    [Fact]
    public async Task DisappearedRecordsAreKeptAsDeletionsAndNotExported()
    {
        var store = CreateStore();
        var time = new FakeTimeProvider(T1);
        var vendor = new ScriptedConnector()
            .Then(SyncData.School(new[] { SyncData.Lesson("l1", Oct7), SyncData.Lesson("l2", Oct8) }, new[] { SyncData.Mark("m1", Oct7, "4"), SyncData.Mark("m2", Oct7, "2") }, new[] { SyncData.Absence("l1") }))
            .Then(SyncData.School(new[] { SyncData.Lesson("l1", Oct7) }, new[] { SyncData.Mark("m1", Oct7, "4") }))
            .Then(SyncData.School(new[] { SyncData.Lesson("l1", Oct7) }, new[] { SyncData.Mark("m1", Oct7, "4"), SyncData.Mark("m2", Oct7, "3") }));
        var sync = new GradebookSync(store, time);
        await sync.SyncAsync(vendor, SyncData.Range);
        time.SetUtcNow(T2);
        var second = await sync.SyncAsync(vendor, SyncData.Range);

        Assert.Equal((1, 1, 1), (second.Counts.LessonsDeleted, second.Counts.MarksDeleted, second.Counts.AbsencesDeleted));
        var state = await store.ReadAsync("school-1", SyncData.From, SyncData.To);
        var m2 = state.Marks.Single(m => m.Id == "m2");
        Assert.True(m2.IsDeleted);
        Assert.Equal((T2, T1), (m2.DeletedAt!.Value, m2.DeletedAfter!.Value));
        Assert.Equal(T1, m2.EnteredAt);
        Assert.True(state.Absences.Single().IsDeleted);
        var export = await GradebookSync.ExportAsync(store, null, SyncData.From, SyncData.To);
        Assert.Equal(new[] { "m1" }, export.Marks!.Select(m => m.Id));
        Assert.Equal(new[] { "l1" }, export.Lessons!.Select(l => l.Id));
        Assert.Empty(export.Absences!);

        // A record that reappears is a new entry.
        time.SetUtcNow(T3);
        await sync.SyncAsync(vendor, SyncData.Range);
        var back = (await GradebookSync.ExportAsync(store, null, SyncData.From, SyncData.To)).Marks!.Single(m => m.Id == "m2");
        Assert.Equal((T3, T2), (back.EnteredAt!.Value, back.EnteredAfter!.Value));
        Assert.Empty(back.Revisions);
    }

    [Fact]
    public async Task ExactVendorTimesAreKept()
    {
        var store = CreateStore();
        var time = new FakeTimeProvider(T2);
        var exact = new DateTimeOffset(2024, 10, 7, 10, 15, 0, TimeSpan.FromHours(3));
        var vendor = new ScriptedConnector().Then(SyncData.School(
            marks: new[] { SyncData.Mark("m1", Oct7, "5") with { EnteredAt = exact }, SyncData.Mark("m2", Oct7, "4") },
            extraCapabilities: Capability.MarkEntryTimes));

        await new GradebookSync(store, time).SyncAsync(vendor, SyncData.Range);

        var marks = (await GradebookSync.ExportAsync(store, null, SyncData.From, SyncData.To)).Marks!;
        var m1 = marks.Single(m => m.Id == "m1");
        Assert.Equal(exact, m1.EnteredAt);
        Assert.Null(m1.EnteredAfter);
        Assert.Equal(T2, marks.Single(m => m.Id == "m2").EnteredAt);
    }

    [Fact]
    public async Task ASyncOfPartOfTheRangeLeavesTheRestAloneAndUsesTheCoveringSyncAsTheBound()
    {
        var store = CreateStore();
        var time = new FakeTimeProvider(T1);
        var full = SyncData.School(marks: new[] { SyncData.Mark("m1", Oct7, "4"), SyncData.Mark("m2", Oct9, "3") });
        var vendor = new ScriptedConnector()
            .Then(full)
            .Then(r => SyncData.School(marks: new[] { SyncData.Mark("m1", Oct7, "4"), SyncData.Mark("m3", Oct7, "5") }))
            .Then(r => SyncData.School(marks: new[] { SyncData.Mark("m2", Oct9, "3"), SyncData.Mark("m4", Oct9, "5") }));
        var sync = new GradebookSync(store, time);
        await sync.SyncAsync(vendor, SyncData.Range);
        time.SetUtcNow(T2);
        var oct7Only = await sync.SyncAsync(vendor, new Connectors.FetchRequest { From = Oct7, To = Oct7 });
        time.SetUtcNow(T3);
        var oct9Only = await sync.SyncAsync(vendor, new Connectors.FetchRequest { From = Oct9, To = Oct9 });

        Assert.Equal(0, oct7Only.Counts.MarksDeleted);
        Assert.Equal(1, oct7Only.Counts.MarksAdded);
        var marks = (await GradebookSync.ExportAsync(store, null, SyncData.From, SyncData.To)).Marks!;
        Assert.Equal(new[] { "m1", "m3", "m2", "m4" }, marks.Select(m => m.Id));
        var m4 = marks.Single(m => m.Id == "m4");
        Assert.Equal(T1, m4.EnteredAfter); // the Oct 7 sync did not look at Oct 9
        Assert.Equal(0, oct9Only.Counts.MarksDeleted);
    }

    [Fact]
    public async Task ASyncOfSomeClassesOnlyIsRefusedBeforeTouchingTheStore()
    {
        var store = CreateStore();
        var vendor = new ScriptedConnector().Then(SyncData.School());
        var request = SyncData.Range with { Classes = new[] { "9А" } };

        await Assert.ThrowsAsync<ArgumentException>(() => new GradebookSync(store, new FakeTimeProvider(T1)).SyncAsync(vendor, request));

        Assert.Equal(0, vendor.Fetches);
        Assert.Empty(await store.GetRunsAsync());
    }

    [Fact]
    public async Task ASecondSyncWhileOneIsRunningIsRefused()
    {
        var store = CreateStore();
        using (await store.BeginSyncAsync())
        {
            await Assert.ThrowsAsync<GradebookStoreLockedException>(() => store.BeginSyncAsync());
        }

        using (await store.BeginSyncAsync())
        {
        }
    }

    [Fact]
    public async Task TheExportDeclaresEntryTimesAndRevisionsAndRoundTrips()
    {
        var store = CreateStore();
        var time = new FakeTimeProvider(T1);
        var vendor = new ScriptedConnector().Then(SyncData.School(
            new[] { SyncData.Lesson("l1", Oct7, topic: "Дроби") with { ExtensionData = new System.Collections.Generic.Dictionary<string, string> { ["vendorRoom"] = "\"204\"" } } },
            new[] { SyncData.Mark("m1", Oct7, "5", "l1") with { Weight = 1.5m } }));
        await new GradebookSync(store, time).SyncAsync(vendor, SyncData.Range);

        var snapshot = await GradebookSync.ExportAsync(store, null, new DateTime(2024, 10, 1), new DateTime(2024, 10, 31));

        Assert.Contains(Capability.EntryTimes, snapshot.Source.Capabilities);
        Assert.Contains(Capability.Revisions, snapshot.Source.Capabilities);
        Assert.Contains(Capability.MarkEntryTimes, snapshot.Source.Capabilities);
        Assert.Contains(Capability.Periods, snapshot.Source.Capabilities);
        Assert.Equal(new DateTime(2024, 10, 1), snapshot.Source.From);
        Assert.Equal("Asia/Yekaterinburg", snapshot.School.TimeZone);
        Assert.Equal(2, snapshot.Students!.Count);
        var buffer = new MemoryStream();
        SnapshotWriter.Write(snapshot, buffer);
        buffer.Position = 0;
        var back = SnapshotReader.Read(buffer);
        Assert.Equal("\"204\"", back.Lessons![0].ExtensionData!["vendorRoom"]);
        Assert.Equal(1.5m, back.Marks![0].Weight);
        Assert.Equal(T1, back.Marks![0].EnteredAt);
    }

    private static string Records(GradebookSnapshot snapshot)
    {
        var buffer = new MemoryStream();
        SnapshotWriter.Write(snapshot with { Source = snapshot.Source with { FetchedAt = default } }, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
