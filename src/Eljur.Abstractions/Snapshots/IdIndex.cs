using System;
using System.Buffers;
using System.Runtime.CompilerServices;

namespace Eljur.Abstractions.Snapshots;

/// <summary>
/// The ids of one array of a snapshot and where each stands: the duplicate check while reading, the
/// reference check of the arrays that point into it, and — for lessons — the index the engine looks
/// lessons up by, so it is not built again for every evaluation.
/// </summary>
/// <remarks>
/// An open-addressing table of positions: each slot holds an id's hash and its position, and the id
/// itself is read back from the array's records only when two hashes meet, so the table costs 8 bytes
/// a slot and no entry objects. An index that does not outlive the read takes its table from the
/// shared array pool (a million marks' ids need 16 MB, which a second read then finds again instead of
/// fresh memory) and gives it back on <see cref="Dispose"/>.
/// </remarks>
internal sealed class IdIndex : IDisposable
{
    private const int FirstSize = 16;
    private const int KnownSize = 4096;

    private readonly Func<int, string> _idAt;
    private readonly bool _pooled;

    // 0 for an empty slot, else the hash in the high half and position + 1 in the low half.
    private long[] _slots;
    private int _mask;
    private int _count;

    // Ids found by Contains, by identity (a direct-mapped cache; made on the first reference check).
    private string?[]? _known;

    /// <summary>Creates an empty index.</summary>
    /// <param name="idAt">The id of the record at a position (for telling apart two ids of one hash).</param>
    /// <param name="pooled">Whether the table comes from the shared pool and goes back on <see cref="Dispose"/>.</param>
    public IdIndex(Func<int, string> idAt, bool pooled)
    {
        _idAt = idAt;
        _pooled = pooled;
        _slots = Allocate(FirstSize);
        _mask = FirstSize - 1;
    }

    /// <summary>Adds an id at a position; false (and nothing changed) when the id is already there.</summary>
    public bool TryAdd(string id, int position)
    {
        var hash = id.GetHashCode();
        var i = Find(id, hash);
        if (_slots[i] != 0)
        {
            return false;
        }

        _slots[i] = ((long)hash << 32) | (uint)(position + 1);
        if (++_count * 2 > _mask)
        {
            Grow();
        }

        return true;
    }

    /// <summary>Whether the id is there.</summary>
    /// <remarks>
    /// A reference is usually one of a few thousand shared strings (the reader pools ids), met again and
    /// again: an id found once is remembered by its identity, so the next look-up of the same instance
    /// is one comparison instead of hashing its characters.
    /// </remarks>
    public bool Contains(string id)
    {
        var known = _known ??= new string?[KnownSize];
        var k = RuntimeHelpers.GetHashCode(id) & (KnownSize - 1);
        if (ReferenceEquals(known[k], id))
        {
            return true;
        }

        if (_slots[Find(id, id.GetHashCode())] == 0)
        {
            return false;
        }

        known[k] = id;
        return true;
    }

    /// <summary>The position of an id.</summary>
    public bool TryGetPosition(string id, out int position)
    {
        var slot = _slots[Find(id, id.GetHashCode())];
        position = (int)slot - 1;
        return slot != 0;
    }

    /// <summary>Gives a pooled table back; the index must not be used afterwards.</summary>
    public void Dispose()
    {
        var slots = _slots;
        _slots = Array.Empty<long>();
        if (_pooled && slots.Length > 0)
        {
            ArrayPool<long>.Shared.Return(slots);
        }
    }

    /// <summary>The slot holding <paramref name="id"/>, or the empty slot where it would go.</summary>
    private int Find(string id, int hash)
    {
        var i = hash & _mask;
        while (true)
        {
            var slot = _slots[i];
            if (slot == 0 || ((int)(slot >> 32) == hash && string.Equals(_idAt((int)slot - 1), id, StringComparison.Ordinal)))
            {
                return i;
            }

            i = (i + 1) & _mask;
        }
    }

    private void Grow()
    {
        var old = _slots;
        var size = (_mask + 1) * 2;
        var slots = Allocate(size);
        var mask = size - 1;
        for (var k = 0; k <= _mask; k++)
        {
            var slot = old[k];
            if (slot != 0)
            {
                var i = (int)(slot >> 32) & mask;
                while (slots[i] != 0)
                {
                    i = (i + 1) & mask;
                }

                slots[i] = slot;
            }
        }

        _slots = slots;
        _mask = mask;
        if (_pooled)
        {
            ArrayPool<long>.Shared.Return(old);
        }
    }

    private long[] Allocate(int size)
    {
        if (!_pooled)
        {
            return new long[size];
        }

        var slots = ArrayPool<long>.Shared.Rent(size);
        Array.Clear(slots, 0, size);
        return slots;
    }
}
