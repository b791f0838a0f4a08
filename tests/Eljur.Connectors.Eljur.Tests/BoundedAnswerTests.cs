using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Connectors.Shared;

namespace Eljur.Connectors.Eljur.Tests;

/// <summary>Answers are read as a stream, counted as they arrive, and refused past the cap.</summary>
public sealed class BoundedAnswerTests
{
    private const long OneMegabyte = 1024 * 1024;

    [Fact]
    public async Task A_streamed_answer_over_the_cap_stops_the_read_there_and_fails_naming_the_call_and_the_size()
    {
        var served = new GeneratedAnswer(20 * OneMegabyte, declareLength: false);
        using var f = new EljurFixture(o =>
        {
            o.MaxResponseBytes = OneMegabyte;
            o.MaxConcurrency = 1;
            o.HttpMessageHandlerFactory = () => new Replacing("getdiary", served);
        });

        var error = await Assert.ThrowsAsync<ConnectorException>(() => f.FetchAsync(new DateTime(2024, 9, 2), new DateTime(2024, 9, 8)));

        Assert.Equal(ConnectorFailureKind.ResponseTooLarge, error.Kind);
        Assert.Equal("getdiary", error.Operation);
        Assert.Contains("ответ сервера слишком большой: более 1,0 МБ", error.Message);
        Assert.Contains("MaxResponseBytes", error.Message);

        // The read stopped near the cap: the rest of the 20 MB was never taken from the server.
        Assert.InRange(served.Served, OneMegabyte, 2 * OneMegabyte);
        Assert.Equal(1, served.Answers); // not retried: a second try would only repeat it
    }

    [Fact]
    public async Task An_answer_that_announces_more_than_the_cap_is_refused_before_its_first_byte()
    {
        var served = new GeneratedAnswer(100 * OneMegabyte, declareLength: true);
        using var f = new EljurFixture(o =>
        {
            o.HttpMessageHandlerFactory = () => new Replacing("getmarks", served);
        });

        var error = await Assert.ThrowsAsync<ConnectorException>(() => f.FetchAsync(new DateTime(2024, 9, 2), new DateTime(2024, 9, 8)));

        Assert.Equal(ConnectorFailureKind.ResponseTooLarge, error.Kind);
        Assert.Equal("getmarks", error.Operation);
        Assert.Contains("100,0 МБ (по заголовку Content-Length)", error.Message);
        Assert.Contains("допустимо не более 32,0 МБ", error.Message);
        Assert.Equal(0, served.Served);
    }

    [Fact]
    public async Task An_answer_within_a_raised_cap_is_read()
    {
        // A real diary answer padded with an unknown property to 3 MB, under a 4 MB cap.
        using var f = new EljurFixture(o =>
        {
            o.MaxResponseBytes = 4 * OneMegabyte;
            o.HttpMessageHandlerFactory = () => new Padding("getdiary", 3 * OneMegabyte);
        });
        using var plain = new EljurFixture();

        var padded = await f.FetchAsync(new DateTime(2024, 9, 2), new DateTime(2024, 9, 8));
        var expected = await plain.FetchAsync(new DateTime(2024, 9, 2), new DateTime(2024, 9, 8));

        Assert.NotEmpty(expected.Lessons!);
        Assert.Equal(expected.Lessons!.Count, padded.Lessons!.Count);
    }

    [Theory]
    [InlineData(1000L, false)]
    [InlineData(64L * 1024, true)]
    [InlineData(32L * 1024 * 1024, true)]
    [InlineData(3L * 1024 * 1024 * 1024, false)]
    public void The_cap_is_validated(long cap, bool valid)
    {
        var options = new EljurConnectorOptions
        {
            Vendor = "school", DevKey = new string('a', 32), Login = "l", Password = "p", TimeZone = "Europe/Moscow", MaxResponseBytes = cap,
        };

        var result = new EljurOptionsValidator().Validate("x", options);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains(result.Failures!, m => m.Contains("MaxResponseBytes", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_default_cap_is_32_MiB()
    {
        Assert.Equal(33_554_432L, new EljurConnectorOptions().MaxResponseBytes);
    }

    [Fact]
    public void A_vendor_error_text_is_escaped_in_the_message()
    {
        var body = Encoding.UTF8.GetBytes("{\"response\":{\"state\":400,\"error\":\"\\u001b[31mплохо\\u202Eтекст\\u0000конец\"}}");

        var attempt = EljurApiClient.Attempt.Read(200, body, null);

        Assert.Equal("\u001b[31mплохо\u202Eтекст\0конец", attempt.Error);
        Assert.False(attempt.IsOk);
    }

    /// <summary>Serves a generated answer for one method and passes the rest to the mock.</summary>
    private sealed class Replacing : DelegatingHandler
    {
        private readonly string _method;
        private readonly GeneratedAnswer _answer;

        public Replacing(string method, GeneratedAnswer answer)
            : base(new HttpClientHandler())
        {
            _method = method;
            _answer = answer;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/" + _method, StringComparison.Ordinal))
            {
                return Task.FromResult(_answer.Response());
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Adds an unknown property of the given size to one method's real answer.</summary>
    private sealed class Padding : DelegatingHandler
    {
        private readonly string _method;
        private readonly long _size;

        public Padding(string method, long size)
            : base(new HttpClientHandler())
        {
            _method = method;
            _size = size;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!request.RequestUri!.AbsolutePath.EndsWith("/" + _method, StringComparison.Ordinal))
            {
                return response;
            }

            var json = await response.Content.ReadAsStringAsync(cancellationToken);
            var padded = "{\"padding\":\"" + new string('x', (int)_size) + "\"," + json.TrimStart().Substring(1);
            response.Content = new StringContent(padded, Encoding.UTF8, "application/json");
            return response;
        }
    }
}

/// <summary>An ЭлЖур envelope padded to a given size, generated as it is read (never held whole).</summary>
internal sealed class GeneratedAnswer
{
    private readonly long _size;
    private readonly bool _declareLength;
    private long _served;
    private int _answers;

    public GeneratedAnswer(long size, bool declareLength)
    {
        _size = size;
        _declareLength = declareLength;
    }

    /// <summary>Bytes handed to the client so far.</summary>
    public long Served => Interlocked.Read(ref _served);

    /// <summary>Answers started.</summary>
    public int Answers => Volatile.Read(ref _answers);

    public HttpResponseMessage Response()
    {
        Interlocked.Increment(ref _answers);
        var content = new StreamContent(new Body(this));
        if (_declareLength)
        {
            content.Headers.ContentLength = _size;
        }

        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private sealed class Body : Stream
    {
        private static readonly byte[] Head = Encoding.ASCII.GetBytes("{\"response\":{\"state\":200,\"result\":{\"pad\":\"");
        private static readonly byte[] Tail = Encoding.ASCII.GetBytes("\"}}}");
        private readonly GeneratedAnswer _owner;
        private long _position;

        public Body(GeneratedAnswer owner) => _owner = owner;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = 0;
            while (n < count && _position < _owner._size)
            {
                var tailStart = _owner._size - Tail.Length;
                buffer[offset + n] = _position < Head.Length ? Head[_position] : _position >= tailStart ? Tail[_position - tailStart] : (byte)'x';
                _position++;
                n++;
            }

            Interlocked.Add(ref _owner._served, n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
