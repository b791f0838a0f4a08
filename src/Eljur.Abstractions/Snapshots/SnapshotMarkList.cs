using System.Collections;
using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;

namespace Eljur.Abstractions.Snapshots;

/// <summary>
/// The marks of a snapshot the reader built: read-only, with their <see cref="MarkEntry"/> table
/// computed once at load against the snapshot's lessons, so every evaluation of the snapshot starts from
/// the compact table instead of walking a million records.
/// </summary>
internal sealed class SnapshotMarkList : IReadOnlyList<Mark>
{
    private readonly List<Mark> _marks;

    public SnapshotMarkList(List<Mark> marks, IReadOnlyList<Lesson>? lessons)
    {
        _marks = marks;
        Table = MarkEntryTable.Build(this, lessons);
    }

    /// <summary>The marks' compact entries, computed against the snapshot's lessons.</summary>
    public MarkEntryTable Table { get; }

    public int Count => _marks.Count;

    public Mark this[int index] => _marks[index];

    public List<Mark>.Enumerator GetEnumerator() => _marks.GetEnumerator();

    IEnumerator<Mark> IEnumerable<Mark>.GetEnumerator() => _marks.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _marks.GetEnumerator();
}
