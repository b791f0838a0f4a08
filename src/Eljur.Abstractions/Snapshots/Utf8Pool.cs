using System;
using System.Buffers.Binary;
using System.Text;

namespace Eljur.Abstractions.Snapshots;

/// <summary>
/// Strings by their UTF-8 bytes: one shared instance per distinct text, found without decoding, so a
/// million marks of a thousand students hold a thousand student id strings and the reader allocates a
/// string only for a text it has not met before. Used for property names the format does not
/// define and for ids and values that repeat.
/// </summary>
internal sealed class Utf8Pool
{
    private readonly int _maxCount;
    private readonly int _maxLength;
    private int[] _buckets;
    private Entry[] _entries;
    private int _count;

    /// <summary>Creates a pool.</summary>
    /// <param name="maxCount">Texts beyond this many are decoded but not kept.</param>
    /// <param name="maxLength">Longer texts (in bytes) are decoded but not kept.</param>
    public Utf8Pool(int maxCount, int maxLength)
    {
        _maxCount = maxCount;
        _maxLength = maxLength;
        _buckets = new int[256];
        _entries = new Entry[256];
    }

    /// <summary>The number of texts kept.</summary>
    public int Count => _count;

    /// <summary>
    /// The shared string of <paramref name="length"/> UTF-8 bytes of <paramref name="buffer"/> at
    /// <paramref name="offset"/>, decoded with <paramref name="decoder"/> the first time.
    /// </summary>
    public string Get(byte[] buffer, int offset, int length, Encoding decoder)
    {
        if (length > _maxLength)
        {
            return decoder.GetString(buffer, offset, length);
        }

        var span = new ReadOnlySpan<byte>(buffer, offset, length);
        var hash = Hash(span);
        for (var i = _buckets[hash & (_buckets.Length - 1)] - 1; i >= 0; i = _entries[i].Next)
        {
            ref var e = ref _entries[i];
            if (e.Hash == hash && span.SequenceEqual(e.Bytes))
            {
                return e.Text;
            }
        }

        var text = decoder.GetString(buffer, offset, length);
        if (_count < _maxCount)
        {
            Insert(span.ToArray(), text, hash);
        }

        return text;
    }

    /// <summary>The shared instance of a decoded text (for the rare escaped value).</summary>
    public string Intern(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return bytes.Length > _maxLength ? text : Get(bytes, 0, bytes.Length, Encoding.UTF8);
    }

    private static int Hash(ReadOnlySpan<byte> span)
    {
        // Eight bytes a step (the last step overlapping the one before), so a 12-byte id takes two
        // multiplications instead of twelve. The table is private to one read: no randomisation needed.
        var n = span.Length;
        ulong h = (ulong)n * 0x9E3779B97F4A7C15UL;
        if (n >= 8)
        {
            var i = 0;
            for (; i < n - 8; i += 8)
            {
                h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(span.Slice(i))) * 0xC2B2AE3D27D4EB4FUL;
            }

            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(span.Slice(n - 8))) * 0xC2B2AE3D27D4EB4FUL;
        }
        else
        {
            ulong tail = 0;
            for (var i = 0; i < n; i++)
            {
                tail = (tail << 8) | span[i];
            }

            h = (h ^ tail) * 0xC2B2AE3D27D4EB4FUL;
        }

        // MurmurHash3's finaliser: every input bit reaches the low bits the buckets are chosen by.
        h = (h ^ (h >> 33)) * 0xFF51AFD7ED558CCDUL;
        h = (h ^ (h >> 33)) * 0xC4CEB9FE1A85EC53UL;
        return (int)(h ^ (h >> 33));
    }

    private void Insert(byte[] bytes, string text, int hash)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
            _buckets = new int[_entries.Length];
            for (var i = 0; i < _count; i++)
            {
                ref var e = ref _entries[i];
                var b = e.Hash & (_buckets.Length - 1);
                e.Next = _buckets[b] - 1;
                _buckets[b] = i + 1;
            }
        }

        var bucket = hash & (_buckets.Length - 1);
        _entries[_count] = new Entry { Bytes = bytes, Text = text, Hash = hash, Next = _buckets[bucket] - 1 };
        _buckets[bucket] = ++_count;
    }

    private struct Entry
    {
        public byte[] Bytes;
        public string Text;
        public int Hash;
        public int Next;
    }
}
