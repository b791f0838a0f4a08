using System.Collections;
using System.Collections.Generic;
using Eljur.Abstractions.Model;

namespace Eljur.Abstractions.Snapshots;

/// <summary>
/// The lessons of a snapshot the reader built: read-only, with the id index the reader's duplicate
/// check filled, so the engine finds a lesson by id without building its own index per evaluation.
/// </summary>
internal sealed class SnapshotLessonList : IReadOnlyList<Lesson>
{
    private readonly List<Lesson> _lessons;
    private readonly IdIndex _ids;

    public SnapshotLessonList(List<Lesson> lessons, IdIndex ids)
    {
        _lessons = lessons;
        _ids = ids;
    }

    public int Count => _lessons.Count;

    public Lesson this[int index] => _lessons[index];

    /// <summary>The lesson with this id, or null.</summary>
    public Lesson? Find(string id) => _ids.TryGetPosition(id, out var position) ? _lessons[position] : null;

    public List<Lesson>.Enumerator GetEnumerator() => _lessons.GetEnumerator();

    IEnumerator<Lesson> IEnumerable<Lesson>.GetEnumerator() => _lessons.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _lessons.GetEnumerator();
}
