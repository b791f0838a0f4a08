using System;
using System.Collections.Generic;

namespace Eljur.Abstractions.Snapshots;

/// <summary>
/// The ids of one array of a snapshot and where each stands: the duplicate check while reading, the
/// reference check of the arrays that point into it, and — for lessons — the index the engine looks
/// lessons up by, so it is not built again for every evaluation.
/// </summary>
internal sealed class IdIndex
{
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);

    /// <summary>Adds an id at a position; false (and nothing changed) when the id is already there.</summary>
    public bool TryAdd(string id, int position)
    {
#if NET
        return _positions.TryAdd(id, position);
#else
        if (_positions.ContainsKey(id))
        {
            return false;
        }

        _positions.Add(id, position);
        return true;
#endif
    }

    /// <summary>Whether the id is there.</summary>
    public bool Contains(string id) => _positions.ContainsKey(id);

    /// <summary>The position of an id.</summary>
    public bool TryGetPosition(string id, out int position) => _positions.TryGetValue(id, out position);
}
