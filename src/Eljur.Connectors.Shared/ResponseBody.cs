using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Flurl.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Eljur.Connectors.Shared;

/// <summary>
/// One vendor answer read as a stream: its bytes counted as they arrive (past the cap the read
/// stops with <see cref="ResponseTooLargeException"/>; a <c>Content-Length</c> over the cap stops
/// it before the first byte), JSON parsed from the stream into a <see cref="JToken"/> (numbers
/// exact, no date coercion, property names shared) — straight from the network when the answer
/// announces a size within the cap, after taking its bytes in 64 KB pieces when it does not (see
/// <see cref="SpooledAnswer"/>) — and, when the answer is not JSON,
/// only its first <see cref="HeadBytes"/> bytes kept as text for the error message. Given a
/// <see cref="JsonShape"/>, the tree holds only what the shape keeps (the rest is read, checked and
/// dropped, see <see cref="PrunedJsonLoader"/>): a tree costs many times the bytes it was read from,
/// so an answer's memory is then about its kept part, not its size.
/// </summary>
internal sealed class ResponseBody
{
    /// <summary>Bytes of the start of an answer kept for an error message (an HTML title, a plain-text error).</summary>
    public const int HeadBytes = 64 * 1024;

    private ResponseBody(JToken? json, JsonException? error, long length, string head, int? rootMembers = null)
    {
        Json = json;
        JsonError = error;
        Length = length;
        Head = head;
        RootMembers = rootMembers ?? (json as JObject)?.Count;
    }

    /// <summary>The answer's JSON, or <see langword="null"/> when it is not JSON (see <see cref="JsonError"/>).</summary>
    public JToken? Json { get; }

    /// <summary>Why the answer is not JSON.</summary>
    public JsonException? JsonError { get; }

    /// <summary>Bytes read.</summary>
    public long Length { get; }

    /// <summary>The start of a non-JSON answer as text (empty for a JSON answer).</summary>
    public string Head { get; }

    /// <summary>
    /// How many distinct properties the answer's root object had as sent, those the shape dropped
    /// included; <see langword="null"/> when the root is no object.
    /// </summary>
    public int? RootMembers { get; }

    /// <summary>
    /// Reads the answer and disposes the response. The bytes are acquired from
    /// <paramref name="lease"/> as they arrive (and stay held until the lease is reset or ended).
    /// </summary>
    /// <param name="response">The answer; disposed.</param>
    /// <param name="cap">The most bytes read.</param>
    /// <param name="lease">The budget of parallel answers the bytes are acquired from, or <see langword="null"/>.</param>
    /// <param name="shape">What of the JSON to keep; <see langword="null"/> keeps all of it.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ResponseTooLargeException">The answer is longer than <paramref name="cap"/> bytes.</exception>
    public static async Task<ResponseBody> ReadAsync(IFlurlResponse response, long cap, ResponseBudget.Lease? lease, JsonShape? shape, CancellationToken cancellationToken)
    {
        using (response)
        {
            var declared = response.ResponseMessage?.Content?.Headers.ContentLength;
            if (declared is { } length && length > cap)
            {
                throw new ResponseTooLargeException(length, cap, declared: true);
            }

            var stream = await response.GetStreamAsync().ConfigureAwait(false);
            if (declared is null)
            {
                // No announced size: the bytes are taken (counted, capped) before any JSON is built,
                // so an answer over the cap costs at most the cap in raw bytes, never the several
                // times more of a half-built JToken.
                using var spooled = await SpooledAnswer.ReadAsync(stream, cap, lease, cancellationToken).ConfigureAwait(false);
                return await ReadAsync(spooled, long.MaxValue, null, shape, cancellationToken).ConfigureAwait(false);
            }

            return await ReadAsync(stream, cap, lease, shape, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a whole answer held in memory (tests of the judging of answers), keeping what <paramref name="shape"/> keeps.</summary>
    public static ResponseBody FromBytes(byte[] body, JsonShape? shape = null) =>
        ReadAsync(new MemoryStream(body, writable: false), long.MaxValue, null, shape, CancellationToken.None).GetAwaiter().GetResult();

    private static async Task<ResponseBody> ReadAsync(Stream stream, long cap, ResponseBudget.Lease? lease, JsonShape? shape, CancellationToken cancellationToken)
    {
        using var counted = new CountingStream(stream, cap, lease, cancellationToken);
        using var text = new StreamReader(counted, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, 16 * 1024);
        using var reader = new JsonTextReader(text)
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            PropertyNameTable = new DefaultJsonNameTable(),
            CloseInput = false,
        };
        try
        {
            JToken token;
            int? rootMembers = null;
            if (shape is null || JsonPruning.Current is { Off: true })
            {
                token = await JToken.ReadFromAsync(reader, Settings, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var pruned = await PrunedJsonLoader.LoadAsync(reader, shape, Settings, cancellationToken).ConfigureAwait(false);
                token = pruned.Token;
                rootMembers = pruned.RootMembers;
            }

            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    throw new JsonReaderException(string.Format(
                        CultureInfo.InvariantCulture, "unexpected data after the JSON value at line {0}, position {1}", reader.LineNumber, reader.LinePosition));
                }
            }

            return new ResponseBody(token, null, counted.Total, "", rootMembers);
        }
        catch (JsonException ex)
        {
            // Not JSON: keep (and read, up to the head's size) only the start, for the message.
            await counted.FillHeadAsync().ConfigureAwait(false);
            return new ResponseBody(null, ex, counted.Total, counted.HeadText());
        }
    }

    // No line information on the tokens: nothing reads it, and it is a large part of a tree's memory.
    private static readonly JsonLoadSettings Settings = new()
    {
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Replace,
        LineInfoHandling = LineInfoHandling.Ignore,
    };

    /// <summary>Counts, caps and budgets the bytes of one answer, keeping its first <see cref="HeadBytes"/>.</summary>
    private sealed class CountingStream : Stream
    {
        private readonly Stream _inner;
        private readonly long _cap;
        private readonly ResponseBudget.Lease? _lease;
        private readonly CancellationToken _cancellationToken;
        private readonly byte[] _head = new byte[HeadBytes];
        private int _headLength;

        public CountingStream(Stream inner, long cap, ResponseBudget.Lease? lease, CancellationToken cancellationToken)
        {
            _inner = inner;
            _cap = cap;
            _lease = lease;
            _cancellationToken = cancellationToken;
        }

        public long Total { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => Total;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer, offset, count, _cancellationToken).GetAwaiter().GetResult();

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            var read = await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            await CountAsync(buffer, offset, read, cancellationToken).ConfigureAwait(false);
            return read;
        }

#if NET
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read > 0)
            {
                var room = Math.Min(HeadBytes - _headLength, read);
                if (room > 0)
                {
                    buffer.Span.Slice(0, room).CopyTo(new Span<byte>(_head, _headLength, room));
                    _headLength += room;
                }

                await CountAsync(null, 0, read, cancellationToken).ConfigureAwait(false);
            }

            return read;
        }
#endif

        /// <summary>Reads on until the head is full or the answer ends (still within the cap).</summary>
        public async Task FillHeadAsync()
        {
            var buffer = new byte[8192];
            try
            {
                while (_headLength < HeadBytes)
                {
                    var read = await ReadAsync(buffer, 0, Math.Min(buffer.Length, HeadBytes - _headLength), _cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }
                }
            }
            catch (IOException)
            {
                // A cut answer: what arrived is enough for the message.
            }
        }

        public string HeadText() => new UTF8Encoding(false).GetString(_head, 0, _headLength);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private async ValueTask CountAsync(byte[]? buffer, int offset, int read, CancellationToken cancellationToken)
        {
            if (read <= 0)
            {
                return;
            }

            if (buffer is not null)
            {
                var room = Math.Min(HeadBytes - _headLength, read);
                if (room > 0)
                {
                    Buffer.BlockCopy(buffer, offset, _head, _headLength, room);
                    _headLength += room;
                }
            }

            Total += read;
            if (Total > _cap)
            {
                throw new ResponseTooLargeException(Total, _cap, declared: false);
            }

            if (_lease is not null)
            {
                await _lease.AcquireAsync(read, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
