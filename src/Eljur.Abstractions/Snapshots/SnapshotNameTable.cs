using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace Eljur.Abstractions.Snapshots;

/// <summary>
/// Finds the number of a property name the format defines from its UTF-8 bytes, without hashing: the
/// names of one length are told apart by their first and last eight bytes (which cover a name of up to
/// sixteen bytes whole), so a look-up is a length check and one or two comparisons of two words.
/// </summary>
internal static class SnapshotNameTable
{
    private static readonly Candidate[][] ByLength = Build();

    /// <summary>The name's number in <see cref="SnapshotParser.KnownNames"/>, or -1.</summary>
    public static int Find(ReadOnlySpan<byte> name)
    {
        if (name.Length >= ByLength.Length)
        {
            return -1;
        }

        var candidates = ByLength[name.Length];
        if (candidates.Length == 0)
        {
            return -1;
        }

        var head = Head(name);
        var tail = Tail(name);
        foreach (var c in candidates)
        {
            if (c.Head == head && c.Tail == tail && (name.Length <= 16 || name.SequenceEqual(c.Bytes)))
            {
                return c.Id;
            }
        }

        return -1;
    }

    private static ulong Head(ReadOnlySpan<byte> s) => s.Length >= 8 ? BinaryPrimitives.ReadUInt64LittleEndian(s) : Short(s);

    private static ulong Tail(ReadOnlySpan<byte> s) => s.Length >= 8 ? BinaryPrimitives.ReadUInt64LittleEndian(s.Slice(s.Length - 8)) : 0;

    private static ulong Short(ReadOnlySpan<byte> s)
    {
        ulong v = 0;
        for (var i = s.Length - 1; i >= 0; i--)
        {
            v = (v << 8) | s[i];
        }

        return v;
    }

    private static Candidate[][] Build()
    {
        var names = SnapshotParser.KnownNames;
        var max = 0;
        foreach (var n in names)
        {
            max = Math.Max(max, Encoding.UTF8.GetByteCount(n));
        }

        var lists = new List<Candidate>[max + 1];
        for (var id = 0; id < names.Length; id++)
        {
            var bytes = Encoding.UTF8.GetBytes(names[id]);
            (lists[bytes.Length] ??= new List<Candidate>()).Add(new Candidate(Head(bytes), Tail(bytes), bytes, id));
        }

        var table = new Candidate[max + 1][];
        for (var i = 0; i <= max; i++)
        {
            table[i] = lists[i]?.ToArray() ?? Array.Empty<Candidate>();
        }

        return table;
    }

    private readonly struct Candidate
    {
        public Candidate(ulong head, ulong tail, byte[] bytes, int id)
        {
            Head = head;
            Tail = tail;
            Bytes = bytes;
            Id = id;
        }

        public ulong Head { get; }

        public ulong Tail { get; }

        public byte[] Bytes { get; }

        public int Id { get; }
    }
}
