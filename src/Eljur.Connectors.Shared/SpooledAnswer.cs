using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Eljur.Connectors.Shared;

/// <summary>
/// The raw bytes of an answer that did not announce its size, taken in 64 KB pieces (no large
/// array, no string) up to the cap, then read back as a stream by the JSON parser.
/// </summary>
internal sealed class SpooledAnswer : Stream
{
    private const int PieceSize = 64 * 1024;
    private readonly List<byte[]> _pieces = new();
    private long _length;
    private long _position;

    private SpooledAnswer()
    {
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>Takes the whole answer, acquiring its bytes from <paramref name="lease"/> as they arrive.</summary>
    /// <exception cref="ResponseTooLargeException">More than <paramref name="cap"/> bytes arrived.</exception>
    public static async Task<SpooledAnswer> ReadAsync(Stream source, long cap, ResponseBudget.Lease? lease, CancellationToken cancellationToken)
    {
        var answer = new SpooledAnswer();
        while (true)
        {
            var piece = new byte[PieceSize];
            var filled = 0;
            while (filled < PieceSize)
            {
                var read = await source.ReadAsync(piece, filled, PieceSize - filled, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                filled += read;
                answer._length += read;
                if (answer._length > cap)
                {
                    throw new ResponseTooLargeException(answer._length, cap, declared: false);
                }

                if (lease is not null)
                {
                    await lease.AcquireAsync(read, cancellationToken).ConfigureAwait(false);
                }
            }

            if (filled == 0)
            {
                return answer;
            }

            if (filled < PieceSize)
            {
                Array.Resize(ref piece, filled);
                answer._pieces.Add(piece);
                return answer;
            }

            answer._pieces.Add(piece);
        }
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var done = 0;
        while (done < count && _position < _length)
        {
            var piece = _pieces[(int)(_position / PieceSize)];
            var at = (int)(_position % PieceSize);
            var n = Math.Min(count - done, piece.Length - at);
            Buffer.BlockCopy(piece, at, buffer, offset + done, n);
            done += n;
            _position += n;
        }

        return done;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        _pieces.Clear();
        base.Dispose(disposing);
    }
}
