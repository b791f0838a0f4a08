using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text;

namespace Eljur.Abstractions.Snapshots;

/// <summary>
/// The byte side of the snapshot reader: a pooled buffer refilled from the stream (the text is never
/// held whole), the line and position of tokens counted as the reader moves forward, and the JSON path
/// of the current token. <see cref="JsonCursor"/> runs <c>Utf8JsonReader</c> over the buffer.
/// </summary>
internal sealed class JsonInput : IDisposable
{
    /// <summary>Decoding that fails on bytes that are not UTF-8.</summary>
    internal static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Encoding LenientUtf8 = new UTF8Encoding(false, false);

    private const int NoName = -2;

    private readonly Stream _stream;
    private Frame[] _frames = new Frame[16];

    // Lines are counted up to buffer index _counted: _line is the line there, _column the characters
    // before it on that line. Only moves forward.
    private int _counted;
    private int _line = 1;
    private long _column;

    public JsonInput(Stream stream, int size)
    {
        _stream = stream;
        Buffer = ArrayPool<byte>.Shared.Rent(size);
        Fill();
        if (Filled >= 3 && Buffer[0] == 0xEF && Buffer[1] == 0xBB && Buffer[2] == 0xBF)
        {
            Origin = 3;
            _counted = 3;
        }
    }

    /// <summary>The buffer; valid bytes are <c>[0, Filled)</c>.</summary>
    public byte[] Buffer { get; private set; }

    /// <summary>How many bytes of <see cref="Buffer"/> hold text.</summary>
    public int Filled { get; private set; }

    /// <summary>Whether the stream has ended (the buffer holds the rest of the text).</summary>
    public bool Final { get; private set; }

    /// <summary>Where in the buffer the current reader's span starts (after a byte order mark at first).</summary>
    public int Origin { get; private set; }

    /// <summary>The depth of the current token: the number of open objects and arrays.</summary>
    public int Depth { get; private set; }

    /// <summary>Property names, filled with the format's names in advance.</summary>
    public Utf8Pool Names { get; } = new(4096, 256);

    /// <summary>Whether the text holds nothing but white space.</summary>
    public bool IsBlank()
    {
        if (!Final)
        {
            return false;
        }

        for (var i = Origin; i < Filled; i++)
        {
            var b = Buffer[i];
            if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\n' && b != (byte)'\r')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Drops the bytes before <paramref name="consumed"/>, keeps the rest at the front and reads more.</summary>
    public void Refill(int consumed)
    {
        Advance(consumed);
        var keep = Filled - consumed;
        if (consumed == 0 && keep == Buffer.Length)
        {
            // One token longer than the buffer: grow it.
            var bigger = ArrayPool<byte>.Shared.Rent(Buffer.Length * 2);
            System.Buffer.BlockCopy(Buffer, 0, bigger, 0, keep);
            ArrayPool<byte>.Shared.Return(Buffer);
            Buffer = bigger;
        }
        else if (keep > 0)
        {
            System.Buffer.BlockCopy(Buffer, consumed, Buffer, 0, keep);
        }

        _counted -= consumed;
        Filled = keep;
        Origin = 0;
        Fill();
    }

    /// <summary>The 1-based line and position (in characters) of the byte at buffer index <paramref name="index"/>.</summary>
    public (int Line, int Position) Locate(int index)
    {
        Advance(index);
        return (_line, (int)Math.Min(int.MaxValue, _column + 1));
    }

    /// <summary>The line and position of the byte at buffer index <paramref name="index"/>, packed into one long.</summary>
    public long LocatePacked(int index)
    {
        Advance(index);
        return ((long)_line << 32) | (uint)Math.Min(int.MaxValue, _column + 1);
    }

    /// <summary>A value begins at the current depth: an array there moves to its next element.</summary>
    public void BeginValue()
    {
        if (Depth > 0 && _frames[Depth - 1].IsArray)
        {
            _frames[Depth - 1].Index++;
        }
    }

    /// <summary>An object or array opens.</summary>
    public void Push(bool isArray)
    {
        if (Depth == _frames.Length)
        {
            Array.Resize(ref _frames, _frames.Length * 2);
        }

        _frames[Depth++] = new Frame { IsArray = isArray, Index = -1, NameId = NoName };
    }

    /// <summary>An object or array closes.</summary>
    public void Pop() => Depth--;

    /// <summary>The current object's property.</summary>
    public string Name => NameOf(in _frames[Depth - 1]) ?? "";

    /// <summary>The number of the last property name read (<see cref="SnapshotNames"/>), -1 for an unknown name.</summary>
    public int NameId { get; private set; } = -1;

    /// <summary>
    /// A property name was read in the current object: a name of the format by its number, any other
    /// by its text (kept apart so the common case writes no reference).
    /// </summary>
    public void SetName(int known, string? other)
    {
        NameId = known;
        ref var f = ref _frames[Depth - 1];
        f.NameId = known;
        if (known < 0)
        {
            f.OtherName = other;
        }
    }

    /// <summary>The JSON path of the current token, as <c>$.marks[3].studentId</c>.</summary>
    public string Path()
    {
        var sb = new StringBuilder("$");
        for (var i = 0; i < Depth; i++)
        {
            ref readonly var f = ref _frames[i];
            if (f.IsArray)
            {
                if (f.Index >= 0)
                {
                    sb.Append('[').Append(f.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
            }
            else if (NameOf(in f) is { } name)
            {
                sb.Append('.').Append(name);
            }
        }

        return sb.ToString();
    }

    public void Dispose()
    {
        var buffer = Buffer;
        Buffer = Array.Empty<byte>();
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Fill()
    {
        while (Filled < Buffer.Length)
        {
            var n = _stream.Read(Buffer, Filled, Buffer.Length - Filled);
            if (n <= 0)
            {
                Final = true;
                return;
            }

            Filled += n;
        }
    }

    /// <summary>Counts lines and characters up to buffer index <paramref name="index"/>.</summary>
    private void Advance(int index)
    {
        if (index <= _counted)
        {
            return;
        }

        var span = new ReadOnlySpan<byte>(Buffer, _counted, index - _counted);
        var last = span.LastIndexOf((byte)'\n');
        if (last < 0)
        {
            _column += CharCount(_counted, span.Length);
        }
        else
        {
            _line += NewLines(span.Slice(0, last + 1));
            _column = CharCount(_counted + last + 1, span.Length - last - 1);
        }

        _counted = index;
    }

    private int CharCount(int offset, int length) => length == 0 ? 0 : LenientUtf8.GetCharCount(Buffer, offset, length);

    private static int NewLines(ReadOnlySpan<byte> span)
    {
#if NET8_0_OR_GREATER
        return System.MemoryExtensions.Count(span, (byte)'\n');
#else
        var n = 0;
        int i;
        while ((i = span.IndexOf((byte)'\n')) >= 0)
        {
            n++;
            span = span.Slice(i + 1);
        }

        return n;
#endif
    }

    private static string? NameOf(in Frame f) => f.NameId >= 0 ? SnapshotParser.KnownNames[f.NameId] : f.NameId == NoName ? null : f.OtherName;

    private struct Frame
    {
        public string? OtherName;
        public int NameId;
        public int Index;
        public bool IsArray;
    }
}
