using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Sync;
using Microsoft.Extensions.Time.Testing;

namespace Eljur.Abstractions.Tests.Sync;

/// <summary>An export asks a store that can pass its rows for them, and says so when such a store breaks the sink's contract.</summary>
public sealed class RowSourceTests
{
    [Fact]
    public async Task AnExportReadsARowSourceThroughItsRowsAndNotThroughReadAsync()
    {
        var inner = new InMemoryGradebookStore();
        await new GradebookSync(inner, new FakeTimeProvider(new DateTimeOffset(2024, 10, 7, 15, 0, 0, TimeSpan.Zero)))
            .SyncAsync(new ScriptedConnector().Then(SyncData.School(marks: new[] { SyncData.Mark("m1", new DateTime(2024, 10, 7), "5") })), SyncData.Range);
        var state = await inner.ReadAsync("school-1", SyncData.From, SyncData.To);
        var store = new Rows(inner, sink =>
        {
            sink.Begin(state with { Marks = Array.Empty<StoredMark>() });
            var mark = state.Marks.Single();
            sink.Mark(mark.Date, Encoding.UTF8.GetBytes(mark.Payload), mark.EnteredAt, mark.EnteredAfter, default);
        });

        var snapshot = await GradebookSync.ExportAsync(store, "school-1", SyncData.From, SyncData.To);

        Assert.Equal("5", Assert.Single(snapshot.Marks!).Value);
        Assert.Equal(0, store.ReadAsyncCalls);
    }

    [Fact]
    public async Task AStoreThatNeverPassesTheReferenceOrPassesRowsBeforeItIsAnError()
    {
        var inner = new InMemoryGradebookStore();
        var silent = new Rows(inner, _ => { });
        var early = new Rows(inner, sink => sink.Absence(new DateTime(2024, 10, 7), Encoding.UTF8.GetBytes("{}"), null, null));

        var never = await Assert.ThrowsAsync<InvalidOperationException>(() => GradebookSync.ExportAsync(silent, "school-1", SyncData.From, SyncData.To));
        var before = await Assert.ThrowsAsync<InvalidOperationException>(() => GradebookSync.ExportAsync(early, "school-1", SyncData.From, SyncData.To));

        Assert.Contains("never passed the school's reference", never.Message, StringComparison.Ordinal);
        Assert.Contains("rows without the school's reference", before.Message, StringComparison.Ordinal);
    }

    /// <summary>A store whose rows are whatever the test passes to the sink; ReadAsync is counted.</summary>
    private sealed class Rows : StateOnlyStore, IGradebookRowSource
    {
        private readonly Action<IGradebookRowSink> _rows;

        public Rows(IGradebookStore inner, Action<IGradebookRowSink> rows)
            : base(inner)
        {
            _rows = rows;
        }

        public int ReadAsyncCalls { get; private set; }

        public Task ReadRowsAsync(string schoolId, DateTime from, DateTime to, IGradebookRowSink sink, CancellationToken cancellationToken = default)
        {
            _rows(sink);
            return Task.CompletedTask;
        }

        public override Task<StoredState> ReadAsync(string schoolId, DateTime from, DateTime to, CancellationToken cancellationToken = default)
        {
            ReadAsyncCalls++;
            return base.ReadAsync(schoolId, from, to, cancellationToken);
        }
    }
}
