using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Eljur.Abstractions.Model;

namespace Eljur.Abstractions.Evaluation;

/// <summary>
/// Marks of a snapshot as compact <see cref="MarkEntry"/> values, in snapshot order — what
/// <see cref="EvaluationData.MarkEntriesInScope(MarkKind)"/> gives a rule. Read an entry by reference
/// (<c>ref readonly var e = ref list[i];</c>) and fetch the <see cref="Mark"/> itself with
/// <see cref="MarkAt(int)"/> only for the few that are reported.
/// </summary>
public sealed class MarkEntryList
{
    private readonly MarkEntry[] _entries;
    private readonly int _offset;
    private readonly int[]? _positions;
    private readonly int[] _markIndex;
    private readonly IReadOnlyList<Mark> _marks;

    /// <summary>A list of <paramref name="count"/> entries: a contiguous run from <paramref name="offset"/>, or the entries at <paramref name="positions"/>.</summary>
    internal MarkEntryList(MarkEntryTable table, int offset, int[]? positions, int count)
    {
        _entries = table.Entries;
        _markIndex = table.MarkIndex;
        _marks = table.Marks;
        _offset = offset;
        _positions = positions;
        Count = count;
    }

    /// <summary>How many marks.</summary>
    public int Count { get; }

    /// <summary>The entry of the <paramref name="index"/>-th mark of this list.</summary>
    /// <param name="index">0 ≤ index &lt; <see cref="Count"/>.</param>
    public ref readonly MarkEntry this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref _entries[Position(index)];
    }

    /// <summary>The <see cref="Mark"/> of the <paramref name="index"/>-th entry.</summary>
    /// <param name="index">0 ≤ index &lt; <see cref="Count"/>.</param>
    /// <returns>The mark.</returns>
    public Mark MarkAt(int index) => _marks[_markIndex[Position(index)]];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Position(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            ThrowOutOfRange(index);
        }

        return _positions is null ? _offset + index : _positions[index];
    }

    private void ThrowOutOfRange(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, $"The list has {Count} marks.");
}
