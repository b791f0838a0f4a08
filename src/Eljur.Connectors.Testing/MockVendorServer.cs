using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Eljur.Connectors.Testing;

/// <summary>An answer of a mock vendor.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Body">Body text (sent as UTF-8).</param>
/// <param name="ContentType">Content type.</param>
/// <param name="Headers">Extra headers.</param>
public sealed record MockAnswer(int Status, string Body, string ContentType = "application/json; charset=utf-8", IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>One request the mock received, as recorded for assertions.</summary>
/// <param name="Operation">The operation, as <see cref="MockVendorServer.OperationOf"/> names it.</param>
/// <param name="PathAndQuery">Path and query string as received (may hold test secrets; never log it in production code).</param>
/// <param name="Method">HTTP method.</param>
/// <param name="At">When it arrived, on the server's monotonic clock.</param>
/// <param name="Fault">The fault injected, if any.</param>
/// <param name="Status">The status answered.</param>
public sealed record RecordedCall(string Operation, string PathAndQuery, string Method, TimeSpan At, FaultKind? Fault, int Status);

/// <summary>
/// Base of a vendor mock: a WireMock server whose every request goes through one callback, which
/// records it, applies the <see cref="Faults"/> and otherwise asks the vendor model
/// (<see cref="Answer"/>). A connector's test project derives its vendor from this class and
/// reproduces the vendor's quirks in <see cref="Answer"/>.
/// </summary>
public abstract class MockVendorServer : IDisposable
{
    private readonly object _gate = new();
    private readonly List<RecordedCall> _calls = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stopping = new();
    private bool _disposed;

    /// <summary>Starts the server on a free local port.</summary>
    protected MockVendorServer()
    {
        Server = WireMockServer.Start(new WireMockServerSettings { MaxRequestLogCount = 0, StartAdminInterface = false });
        Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(HandleAsync));
    }

    /// <summary>The WireMock server.</summary>
    public WireMockServer Server { get; }

    /// <summary>The server's root URL, e.g. <c>http://localhost:51234</c>.</summary>
    public string Url => Server.Url!;

    /// <summary>Faults to inject.</summary>
    public FaultInjector Faults { get; } = new();

    /// <summary>Added before every answer (a network's latency). Default: none.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Called when a request arrives, before it is answered (e.g. to cancel a fetch in flight).</summary>
    public Action<RecordedCall>? OnRequest { get; set; }

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.ToList();
            }
        }
    }

    /// <summary>Number of requests of an operation so far.</summary>
    /// <param name="operation">The operation.</param>
    /// <returns>The count.</returns>
    public int CountOf(string operation) => Calls.Count(c => c.Operation == operation);

    /// <summary>Forgets the recorded calls.</summary>
    public void ResetCalls()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }

    /// <summary>Stops the server; answers still held by a delay are released.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the server.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
        _stopping.Cancel();
        Server.Stop();
        Server.Dispose();
        _stopping.Dispose();
    }

    /// <summary>The operation a request calls (e.g. the last path segment), used by faults and assertions.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The operation name.</returns>
    protected internal abstract string OperationOf(IRequestMessage request);

    /// <summary>The vendor's normal answer to a request, quirks included.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The answer.</returns>
    protected abstract MockAnswer Answer(IRequestMessage request);

    /// <summary>How the vendor refuses credentials or a session (its status and error body).</summary>
    /// <param name="request">The request.</param>
    /// <returns>The answer.</returns>
    protected internal abstract MockAnswer AuthFailure(IRequestMessage request);

    /// <summary>A server error. Default: HTTP 500, <c>text/plain</c>.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The answer.</returns>
    protected virtual MockAnswer ServerError(IRequestMessage request) => new(500, "Internal Server Error", "text/plain; charset=utf-8");

    /// <summary>A rate-limit refusal. Default: HTTP 429 with <c>Retry-After</c> in whole seconds.</summary>
    /// <param name="request">The request.</param>
    /// <param name="retryAfter">The wait to ask for.</param>
    /// <returns>The answer.</returns>
    protected virtual MockAnswer TooManyRequests(IRequestMessage request, TimeSpan retryAfter) => new(
        429,
        "Too Many Requests",
        "text/plain; charset=utf-8",
        new Dictionary<string, string> { ["Retry-After"] = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture) });

    /// <summary>A malformed answer. Default: HTTP 200 with the first half of the normal JSON answer.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The answer.</returns>
    protected virtual MockAnswer Malformed(IRequestMessage request)
    {
        var normal = Answer(request);
        return normal with { Status = 200, Body = normal.Body.Substring(0, normal.Body.Length / 2) };
    }

    private async Task<IResponseMessage> HandleAsync(IRequestMessage request)
    {
        var at = _clock.Elapsed;
        var operation = OperationOf(request);
        var fault = Faults.Next(operation);
        MockAnswer answer;
        try
        {
            answer = fault?.Kind switch
            {
                FaultKind.ServerError => ServerError(request),
                FaultKind.TooManyRequests => TooManyRequests(request, fault.RetryAfter),
                FaultKind.Malformed => Malformed(request),
                FaultKind.AuthFailure => AuthFailure(request),
                _ => Answer(request),
            };
        }
#pragma warning disable CA1031 // a bug in the mock must reach the test as a refusal, not kill the server
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // 418: not transient, so a connector fails at once and the test shows the mock's own error.
            answer = new MockAnswer(418, "mock vendor error: " + ex.GetType().Name + ": " + ex.Message, "text/plain; charset=utf-8");
        }

        Record(operation, request, at, fault?.Kind, answer.Status);
        var delay = Latency + (fault?.Kind is FaultKind.Timeout or FaultKind.Slow ? fault.Delay : TimeSpan.Zero);
        if (delay > TimeSpan.Zero)
        {
            await Delay(delay, _stopping.Token).ConfigureAwait(false);
        }

        return ToMessage(answer);
    }

    private void Record(string operation, IRequestMessage request, TimeSpan at, FaultKind? fault, int status)
    {
        var call = new RecordedCall(operation, request.Path + (request.RawQuery is { Length: > 0 } q ? (q.StartsWith("?", StringComparison.Ordinal) ? q : "?" + q) : ""), request.Method, at, fault, status);
        lock (_gate)
        {
            _calls.Add(call);
        }

        OnRequest?.Invoke(call);
    }

    private static async Task Delay(TimeSpan delay, CancellationToken token)
    {
        try
        {
            await Task.Delay(delay, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The server is stopping: answer at once.
        }
    }

    private static ResponseMessage ToMessage(MockAnswer answer)
    {
        var message = new ResponseMessage
        {
            StatusCode = answer.Status,
            BodyData = new BodyData
            {
                BodyAsString = answer.Body,
                DetectedBodyType = BodyType.String,
                Encoding = new UTF8Encoding(false),
            },
        };
        message.AddHeader("Content-Type", answer.ContentType);
        if (answer.Headers is not null)
        {
            foreach (var header in answer.Headers)
            {
                message.AddHeader(header.Key, header.Value);
            }
        }

        return message;
    }
}
