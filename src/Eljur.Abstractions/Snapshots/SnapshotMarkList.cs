using System.Collections;
using System.Collections.Generic;
using System.Threading;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;

namespace Eljur.Abstractions.Snapshots;

/// <summary>
/// The marks of a snapshot the reader built: read-only, so their <see cref="MarkEntry"/> table, computed
/// once against the snapshot's lessons on the first evaluation, never goes stale and every later
/// evaluation starts from the compact table instead of walking a million records. A snapshot that is
/// only read and written (an export, a conversion) never builds it.
/// </summary>
internal sealed class SnapshotMarkList : IReadOnlyList<Mark>
{
    private readonly List<Mark> _marks;
    private MarkEntryTable? _table;

    public SnapshotMarkList(List<Mark> marks, IReadOnlyList<Lesson>? lessons)
    {
        _marks = marks;
        Lessons = lessons;
    }

    /// <summary>The snapshot's lessons, which the table is computed against.</summary>
    public IReadOnlyList<Lesson>? Lessons { get; }

    /// <summary>The marks' compact entries, computed against <see cref="Lessons"/> when first asked for.</summary>
    /// <remarks>Two evaluations asking at once may both compute it; one result is kept, and both are equal.</remarks>
    public MarkEntryTable Table
    {
        get
        {
            var table = Volatile.Read(ref _table);
            if (table is null)
            {
                var built = MarkEntryTable.Build(this, Lessons);
                table = Interlocked.CompareExchange(ref _table, built, null) ?? built;
            }

            return table;
        }
    }

    public int Count => _marks.Count;

    public Mark this[int index] => _marks[index];

    public List<Mark>.Enumerator GetEnumerator() => _marks.GetEnumerator();

    IEnumerator<Mark> IEnumerable<Mark>.GetEnumerator() => _marks.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _marks.GetEnumerator();
}
