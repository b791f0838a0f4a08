using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;
using Eljur.Abstractions.Sync;
using Microsoft.Extensions.Time.Testing;

namespace Eljur.Abstractions.Tests.Sync;

/// <summary>
/// The store conformance suite: the sync engine's acceptance scenarios and the store contract
/// (<see cref="IGradebookStore"/>: one transaction per sync, the sync lock, several schools), run against
/// every store implementation. A store's test class derives from it and says how to make a store.
/// </summary>
public abstract class GradebookStoreConformanceTests
{
    // Sync times: evenings of consecutive school days (UTC).
    protected static readonly DateTimeOffset T1 = new(2024, 10, 7, 15, 0, 0, TimeSpan.Zero);
    protected static readonly DateTimeOffset T2 = new(2024, 10, 8, 15, 0, 0, TimeSpan.Zero);
    protected static readonly DateTimeOffset T3 = new(2024, 10, 9, 15, 0, 0, TimeSpan.Zero);
    protected static readonly DateTimeOffset T4 = new(2024, 10, 10, 15, 0, 0, TimeSpan.Zero);

    private static readonly DateTime Oct7 = new(2024, 10, 7);
    private static readonly DateTime Oct8 = new(2024, 10, 8);
    private static readonly DateTime Oct9 = new(2024, 10, 9);

    /// <summary>
    /// A new, empty store; null when the store's server is not available here (the implementation then
    /// printed how to start one, or failed the test in CI), and the test ends there.
    /// </summary>
    protected abstract IGradebookStore? CreateStore();

    /// <summary>Another object on the same storage as <paramref name="store"/> (another process or node would open it so).</summary>
    protected abstract IGradebookStore Reopen(IGradebookStore store);

    /// <summary>Whether the store passes its rows straight to an export (<see cref="IGradebookRowSource"/>).</summary>
    protected virtual bool PassesRows => false;

    [Fact]
    public async Task FirstSyncRecordsGetTheStartOfTheirOwnDateAsEnteredAfter()
    {
        if (CreateStore() is not { } store)
        {
            return;
        }

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
        if (CreateStore() is not { } store)
        {
            return;
        }

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
        if (CreateStore() is not { } store)
        {
            return;
        }

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
        if (CreateStore() is not { } inner)
        {
            return;
        }

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
        if (CreateStore() is not { } store)
        {
            return;
        }

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
        if (CreateStore() is not { } store)
        {
            return;
        }

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
        if (CreateStore() is not { } store)
        {
            return;
        }

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
        if (CreateStore() is not { } store)
        {
            return;
        }

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
        if (CreateStore() is not { } store)
        {
            return;
        }

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
        if (CreateStore() is not { } store)
        {
            return;
        }

        var vendor = new ScriptedConnector().Then(SyncData.School());
        var request = SyncData.Range with { Classes = new[] { "9А" } };

        await Assert.ThrowsAsync<ArgumentException>(() => new GradebookSync(store, new FakeTimeProvider(T1)).SyncAsync(vendor, request));

        Assert.Equal(0, vendor.Fetches);
        Assert.Empty(await store.GetRunsAsync());
    }

    [Fact]
    public async Task ASecondSyncWhileOneIsRunningIsRefused()
    {
        if (CreateStore() is not { } store)
        {
            return;
        }

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
        if (CreateStore() is not { } store)
        {
            return;
        }

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

    [Fact]
    public async Task AnExportFromTheStoresRowsEqualsTheExportOfItsReadState()
    {
        if (CreateStore() is not { } store)
        {
            return;
        }

        Assert.Equal(PassesRows, store is IGradebookRowSource);
        var time = new FakeTimeProvider(T1);
        var extension = new System.Collections.Generic.Dictionary<string, string> { ["vendorRoom"] = "\"204\"" };
        var lessons = Enumerable.Range(0, 40).Select(i => SyncData.Lesson("l" + i, Oct7.AddDays(-(i % 20)), topic: i % 3 == 0 ? "Тема «" + i + "»" : null, homework: i % 4 == 0 ? "№ " + i : null)).ToList();
        lessons[1] = lessons[1] with { ExtensionData = extension, Kind = LessonKind.Test, Held = false };
        var marks = Enumerable.Range(0, 400).Select(i => SyncData.Mark("m" + i, Oct7.AddDays(-(i % 20)), (2 + (i % 4)).ToString(), "l" + (i % 40), i % 50 == 7 ? MarkKind.Written : MarkKind.Current)).ToList();
        marks[3] = marks[3] with { Weight = 1.5m, ExtensionData = extension, EnteredBy = "t1" };
        marks[4] = marks[4] with { Kind = MarkKind.Period, PeriodId = "q1", LessonId = null };
        var absences = Enumerable.Range(0, 30).Select(i => SyncData.Absence("l" + i, i % 2 == 0 ? "s1" : "s2") with { Late = i % 5 == 0, Reason = i % 7 == 0 ? AbsenceReason.Valid : AbsenceReason.Unknown }).ToList();
        var later = SyncData.School(
            lessons.Select((l, i) => i == 5 ? l with { Topic = "Повторение" } : i == 6 ? l with { Homework = "Стр. 10" } : l).Where((l, i) => i != 39),
            marks.Select((m, i) => i % 100 == 1 ? m with { Value = m.Value == "5" ? "4" : "5" } : m).Where((m, i) => i != 2).Append(SyncData.Mark("new", Oct8, "5")),
            absences.Skip(1));
        var other = SyncData.School(marks: new[] { SyncData.Mark("m1", Oct7, "3") });
        other = other with { School = other.School with { Id = "school-2" } };
        var sync = new GradebookSync(store, time);
        await sync.SyncAsync(new ScriptedConnector().Then(SyncData.School(lessons, marks, absences)), SyncData.Range);
        await sync.SyncAsync(new ScriptedConnector().Then(other), SyncData.Range);
        time.SetUtcNow(T2);
        await sync.SyncAsync(new ScriptedConnector().Then(later), SyncData.Range);

        foreach (var (from, to) in new[] { (SyncData.From, SyncData.To), (Oct7.AddDays(-5), Oct7), (Oct8, Oct8) })
        {
            var rows = await GradebookSync.ExportAsync(store, "school-1", from, to);
            var state = await GradebookSync.ExportAsync(new StateOnlyStore(store), "school-1", from, to);
            Assert.Equal(Written(state), Written(rows));
        }

        var year = await GradebookSync.ExportAsync(store, "school-1", SyncData.From, SyncData.To);
        Assert.Equal((39, 400, 29), (year.Lessons!.Count, year.Marks!.Count, year.Absences!.Count));
        Assert.Equal(4, year.Marks.Count(m => m.Revisions.Count == 1));
        Assert.Equal("\"204\"", year.Marks.Single(m => m.Id == "m3").ExtensionData!["vendorRoom"]);
        Assert.Equal("3", Assert.Single((await GradebookSync.ExportAsync(store, "school-2", SyncData.From, SyncData.To)).Marks!).Value);
        var missing = await Assert.ThrowsAsync<GradebookStoreException>(() => GradebookSync.ExportAsync(store, "school-3", SyncData.From, SyncData.To));
        var missingByState = await Assert.ThrowsAsync<GradebookStoreException>(() => GradebookSync.ExportAsync(new StateOnlyStore(store), "school-3", SyncData.From, SyncData.To));
        Assert.Equal(missingByState.Message, missing.Message);

        static string Written(GradebookSnapshot snapshot)
        {
            var buffer = new MemoryStream();
            SnapshotWriter.Write(snapshot, buffer);
            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }
    }

    [Fact]
    public async Task TwoObjectsOnOneStoreCannotSyncAtOnceAndTheLockIsReleasedAfterwards()
    {
        if (CreateStore() is not { } first)
        {
            return;
        }

        var second = Reopen(first);
        using (await first.BeginSyncAsync())
        {
            await Assert.ThrowsAsync<GradebookStoreLockedException>(() => second.BeginSyncAsync());
        }

        using (await second.BeginSyncAsync())
        {
            await Assert.ThrowsAsync<GradebookStoreLockedException>(() => first.BeginSyncAsync());
        }

        using (await first.BeginSyncAsync())
        {
        }
    }

    [Fact]
    public async Task ARolledBackSessionLeavesNoTraceAndACommittedOneIsVisibleToAnotherObject()
    {
        if (CreateStore() is not { } store)
        {
            return;
        }

        var mark = new StoredMark { Id = "m1", Date = Oct7, Value = "5", Payload = "{}", Hash = 42, FirstSeenAt = T1 };
        using (var session = await store.BeginSyncAsync())
        {
            await session.SaveReferenceAsync("school-1", "{}");
            await session.SaveMarkAsync("school-1", mark);
            await session.SaveLessonAsync("school-1", new StoredLesson { Id = "l1", Date = Oct7, Payload = "{}", FirstSeenAt = T1 });
        }

        Assert.Empty(await store.GetSchoolIdsAsync());
        Assert.Empty((await store.ReadAsync("school-1", SyncData.From, SyncData.To)).Marks);

        using (var session = await store.BeginSyncAsync())
        {
            await session.SaveMarkAsync("school-1", mark with { Revisions = new[] { new MarkRevision { At = T1, From = "4", To = "5" } } });
            await session.CommitAsync(new SyncRun { SchoolId = "school-1", Connector = "x", From = SyncData.From, To = SyncData.To, StartedAt = T1, FinishedAt = T1, Succeeded = true });
        }

        var other = Reopen(store);
        var state = await other.ReadAsync("school-1", new DateTime(2024, 1, 1), new DateTime(2024, 12, 31));
        var stored = Assert.Single(state.Marks);
        Assert.Equal(("5", "{}", 42L, T1), (stored.Value, stored.Payload, stored.Hash, stored.FirstSeenAt));
        Assert.Equal("4", Assert.Single(stored.Revisions).From);
        var run = Assert.Single(state.Runs);
        Assert.Equal((SyncData.From, SyncData.To, T1), (run.From, run.To, run.StartedAt));
        Assert.Equal(new[] { "school-1" }, await other.GetSchoolIdsAsync());
    }

    [Fact]
    public async Task ASessionReadsItsOwnWritesAndAnEmptyPayloadKeepsTheStoredOne()
    {
        if (CreateStore() is not { } store)
        {
            return;
        }

        var lesson = new StoredLesson { Id = "l1", Date = Oct7, Payload = "{\"id\":\"l1\"}", Hash = 7, FirstSeenAt = T1, TopicEnteredAt = T1, TopicEnteredAfter = T1.AddHours(-3) };
        var absence = new StoredAbsence { LessonId = "l1", StudentId = "s2", Date = Oct7, Payload = "{\"a\":1}", Hash = 9, FirstSeenAt = T1 };
        using (var session = await store.BeginSyncAsync())
        {
            await session.SaveLessonAsync("school-1", lesson);
            await session.SaveAbsenceAsync("school-1", absence);
            var seen = await session.LoadAsync("school-1", SyncData.From, SyncData.To);
            Assert.Equal(7, Assert.Single(seen.Lessons).Hash);
            Assert.Equal(9, Assert.Single(seen.Absences).Hash);

            // Saved again without a payload (as the engine does for a record whose bounds change): the payload stays.
            await session.SaveLessonAsync("school-1", lesson with { Payload = "", DeletedAt = T2, DeletedAfter = T1 });
            await session.SaveAbsenceAsync("school-1", absence with { Payload = "", Hash = 10 });
            await session.CommitAsync(new SyncRun { SchoolId = "school-1", Connector = "x", StartedAt = T2, FinishedAt = T2, Succeeded = true });
        }

        var state = await store.ReadAsync("school-1", SyncData.From, SyncData.To);
        var stored = Assert.Single(state.Lessons);
        Assert.Equal(("{\"id\":\"l1\"}", T2, T1, T1.AddHours(-3)), (stored.Payload, stored.DeletedAt!.Value, stored.DeletedAfter!.Value, stored.TopicEnteredAfter!.Value));
        Assert.Equal(("{\"a\":1}", 10L), (state.Absences.Single().Payload, state.Absences.Single().Hash));
    }

    [Fact]
    public async Task SeveralSchoolsShareOneStoreWithoutMixing()
    {
        if (CreateStore() is not { } store)
        {
            return;
        }

        var time = new FakeTimeProvider(T1);
        var schoolA = SyncData.School(marks: new[] { SyncData.Mark("m1", Oct7, "5") });
        var schoolB = schoolA with { School = schoolA.School with { Id = "school-2" }, Marks = new[] { SyncData.Mark("m1", Oct7, "2"), SyncData.Mark("m2", Oct7, "3") } };
        var sync = new GradebookSync(store, time);

        await sync.SyncAsync(new ScriptedConnector().Then(schoolA), SyncData.Range);
        await sync.SyncAsync(new ScriptedConnector().Then(schoolB), SyncData.Range);
        time.SetUtcNow(T2);
        await sync.SyncAsync(new ScriptedConnector().Then(schoolA), SyncData.Range);

        Assert.Equal(new[] { "school-1", "school-2" }, await store.GetSchoolIdsAsync());
        Assert.Equal("5", Assert.Single((await GradebookSync.ExportAsync(store, "school-1", SyncData.From, SyncData.To)).Marks!).Value);
        Assert.Equal(2, (await GradebookSync.ExportAsync(store, "school-2", SyncData.From, SyncData.To)).Marks!.Count);
        await Assert.ThrowsAsync<GradebookStoreException>(() => GradebookSync.ExportAsync(store, null, SyncData.From, SyncData.To));
        Assert.Equal(2, (await store.GetRunsAsync("school-1")).Count);
        Assert.Equal(3, (await store.GetRunsAsync()).Count);
    }

    [Fact]
    public async Task AFailedRunIsLoggedButNeverBoundsTheNextSync()
    {
        if (CreateStore() is not { } store)
        {
            return;
        }

        var failed = await store.RecordFailedRunAsync(new SyncRun { SchoolId = "school-1", Connector = "x", StartedAt = T1, FinishedAt = T1, Succeeded = true, Error = "Сервер ЭлЖур не ответил." });

        Assert.False(failed.Succeeded);
        Assert.True(failed.Id > 0);
        var logged = Assert.Single(await store.GetRunsAsync("school-1"));
        Assert.Equal((failed.Id, false, "Сервер ЭлЖур не ответил."), (logged.Id, logged.Succeeded, logged.Error));
        Assert.Empty((await store.ReadAsync("school-1", SyncData.From, SyncData.To)).Runs);
    }

    [Fact]
    public async Task AFirstSyncOfThousandsOfRecordsWritesThemAllAndTheNextWritesOnlyWhatChanged()
    {
        if (CreateStore() is not { } inner)
        {
            return;
        }

        var store = new FaultyStore(inner, int.MaxValue); // counts record writes
        var time = new FakeTimeProvider(T1);
        var lessons = Enumerable.Range(0, 300).Select(i => SyncData.Lesson("l" + i, Oct7.AddDays(-(i % 30)), topic: i % 3 == 0 ? "Тема " + i : null)).ToList();
        var marks = Enumerable.Range(0, 3000).Select(i => SyncData.Mark("m" + i, Oct7.AddDays(-(i % 30)), (2 + (i % 4)).ToString(), "l" + (i % 300))).ToList();
        var absences = Enumerable.Range(0, 200).Select(i => SyncData.Absence("l" + i, i % 2 == 0 ? "s1" : "s2")).ToList();
        var changed = SyncData.School(
            lessons.Select((l, i) => i == 5 ? l with { Topic = "Повторение" } : l),
            marks.Select((m, i) => i % 1000 == 1 ? m with { Value = m.Value == "5" ? "4" : "5" } : m).Append(SyncData.Mark("new", Oct8, "5")),
            absences.Skip(1));
        var vendor = new ScriptedConnector().Then(SyncData.School(lessons, marks, absences)).Then(changed);
        var sync = new GradebookSync(store, time);

        var first = await sync.SyncAsync(vendor, SyncData.Range);
        var firstWrites = store.Writes;
        time.SetUtcNow(T2);
        var second = await sync.SyncAsync(vendor, SyncData.Range);

        Assert.Equal((300, 3000, 200), (first.Counts.LessonsAdded, first.Counts.MarksAdded, first.Counts.AbsencesAdded));
        Assert.Equal(3500, firstWrites);
        Assert.Equal((1, 3, 1, 1), (second.Counts.MarksAdded, second.Counts.MarksRevised, second.Counts.AbsencesDeleted, second.Counts.TopicsAdded));
        Assert.Equal(6, store.Writes - firstWrites);
        var snapshot = await GradebookSync.ExportAsync(store, null, SyncData.From, SyncData.To);
        Assert.Equal((300, 3001, 199), (snapshot.Lessons!.Count, snapshot.Marks!.Count, snapshot.Absences!.Count));
        Assert.Equal("Повторение", snapshot.Lessons.Single(l => l.Id == "l5").Topic);
        Assert.Equal(3, snapshot.Marks.Count(m => m.Revisions.Count == 1));
    }

    private static string Records(GradebookSnapshot snapshot)
    {
        var buffer = new MemoryStream();
        SnapshotWriter.Write(snapshot with { Source = snapshot.Source with { FetchedAt = default } }, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
