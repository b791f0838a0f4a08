using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;

namespace Eljur.Connectors.MosregPortal.Tests;

/// <summary>The portal's answers are read as a stream and refused past the cap.</summary>
public sealed class BoundedAnswerTests
{
    [Fact]
    public async Task An_answer_over_the_cap_fails_naming_the_call_and_the_size()
    {
        using var f = new MosregFixture(o =>
        {
            o.MaxResponseBytes = 256 * 1024;
            o.HttpMessageHandlerFactory = () => new Oversized("/edu-groups", 1024 * 1024);
        });

        var error = await Assert.ThrowsAsync<ConnectorException>(() => f.FetchAsync());

        Assert.Equal(ConnectorFailureKind.ResponseTooLarge, error.Kind);
        Assert.Equal("schools/{school}/edu-groups", error.Operation);
        Assert.Contains("ответ сервера слишком большой: более 0,3 МБ", error.Message);
    }

    [Theory]
    [InlineData(1000L, false)]
    [InlineData(32L * 1024 * 1024, true)]
    public void The_cap_is_validated(long cap, bool valid)
    {
        var options = new MosregPortalOptions { Token = "token-123456", SchoolId = "1000", MaxResponseBytes = cap };

        var result = new MosregPortalOptionsValidator().Validate("x", options);

        var mentioned = (result.Failures ?? Array.Empty<string>()).Any(m => m.Contains("MaxResponseBytes", StringComparison.Ordinal));
        Assert.Equal(!valid, mentioned);
    }

    /// <summary>Answers calls whose path ends with <c>suffix</c> with a JSON array of the given size, sent without a length.</summary>
    private sealed class Oversized : DelegatingHandler
    {
        private readonly string _suffix;
        private readonly int _size;

        public Oversized(string suffix, int size)
            : base(new HttpClientHandler())
        {
            _suffix = suffix;
            _size = size;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!request.RequestUri!.AbsolutePath.EndsWith(_suffix, StringComparison.Ordinal))
            {
                return base.SendAsync(request, cancellationToken);
            }

            var body = new StringBuilder("[");
            while (body.Length < _size)
            {
                body.Append("{\"id\":1,\"name\":\"5А\"},");
            }

            body.Append("{\"id\":2}]");
            var content = new StreamContent(new NonSeekable(Encoding.UTF8.GetBytes(body.ToString())));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }

    private sealed class NonSeekable : System.IO.MemoryStream
    {
        public NonSeekable(byte[] bytes)
            : base(bytes)
        {
        }

        public override bool CanSeek => false;
    }
}
