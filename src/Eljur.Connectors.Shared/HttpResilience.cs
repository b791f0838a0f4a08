using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Flurl.Http;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Eljur.Connectors.Shared;

/// <summary>
/// What every HTTP connector does the same way around one call: a Polly pipeline (a per-attempt
/// timeout inside an exponential, jittered retry that honours <c>Retry-After</c>, capped), the
/// attempt count, turning a timeout or a network error that outlived the retries into one
/// <see cref="ConnectorException"/>, and describing exceptions without leaking a secret (Flurl's
/// messages quote the whole URL, so they are never used).
/// </summary>
/// <typeparam name="T">One judged HTTP exchange of the vendor.</typeparam>
internal sealed class HttpResilience<T>
    where T : class
{
    private static readonly ResiliencePropertyKey<string> OperationKey = new("connector.operation");
    private static readonly ResiliencePropertyKey<int[]> AttemptsKey = new("connector.attempts");

    private readonly string _connectorId;
    private readonly TimeSpan _timeout;
    private readonly SecretRedactor _redactor;
    private readonly Action<string, string> _failed;
    private readonly ResiliencePipeline<T> _pipeline;

    /// <param name="connectorId">Written into the exceptions.</param>
    /// <param name="retries">Retries after a transient failure (0: none).</param>
    /// <param name="baseDelay">Base of the exponential back-off.</param>
    /// <param name="maxDelay">Longest wait before a retry, <c>Retry-After</c> included.</param>
    /// <param name="timeout">Time limit of one attempt.</param>
    /// <param name="isTransient">Whether an answer is worth another attempt.</param>
    /// <param name="retryAfter">The wait an answer asks for, if any.</param>
    /// <param name="describe">An answer in words (already redacted), for the retry log.</param>
    /// <param name="onRetry">Logs a retry: operation, reason, attempt number, retries, delay in ms.</param>
    /// <param name="failed">Logs a failure: operation, reason.</param>
    /// <param name="redactor">Scrubs secrets from every text.</param>
    public HttpResilience(
        string connectorId, int retries, TimeSpan baseDelay, TimeSpan maxDelay, TimeSpan timeout,
        Func<T, bool> isTransient, Func<T, TimeSpan?> retryAfter, Func<T, string> describe,
        Action<string, string, int, int, long> onRetry, Action<string, string> failed, SecretRedactor redactor)
    {
        _connectorId = connectorId;
        _timeout = timeout;
        _redactor = redactor;
        _failed = failed;
        var builder = new ResiliencePipelineBuilder<T>();
        if (retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<T>
            {
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay,
                MaxDelay = maxDelay,
                // A call whose caller gave up (the fetch failed elsewhere and cancels its other calls) is
                // not retried, nor logged as a retry: its error is the cancellation's, not the server's.
                ShouldHandle = args => new ValueTask<bool>(
                    !args.Context.CancellationToken.IsCancellationRequested
                    && (args.Outcome.Exception is { } ex ? IsTransient(ex) : isTransient(args.Outcome.Result!))),
                DelayGenerator = args =>
                {
                    if (args.Outcome.Result is { } result && retryAfter(result) is { } after)
                    {
                        return new ValueTask<TimeSpan?>(after > maxDelay ? maxDelay : after);
                    }

                    return new ValueTask<TimeSpan?>((TimeSpan?)null);
                },
                OnRetry = args =>
                {
                    var operation = args.Context.Properties.GetValue(OperationKey, "?");
                    var reason = args.Outcome.Exception is { } ex ? DescribeException(ex) : describe(args.Outcome.Result!);
                    onRetry(operation, reason, args.AttemptNumber + 1, retries, (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        builder.AddTimeout(timeout);
        _pipeline = builder.Build();
    }

    /// <summary>How to raise the per-answer cap, named in the too-large message (the options property, the command-line option).</summary>
    public string CapHint { get; init; } = "MaxResponseBytes";

    public static string Times(int tries) => tries == 1 ? "1 attempt" : $"{tries} attempts";

    /// <summary>Counts one attempt of the call running in <paramref name="context"/> (call at the start of each send).</summary>
    public static void CountAttempt(ResilienceContext context) => context.Properties.GetValue(AttemptsKey, new int[1])[0]++;

    /// <summary>The wait a <c>Retry-After</c> header asks for (a delta or a date), never negative.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? message, TimeProvider clock)
    {
        var header = message?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>
    /// Runs <paramref name="send"/> through the pipeline. Returns the last answer (judged by the
    /// caller) and the attempts made; a timeout or network error that outlived the retries becomes a
    /// <see cref="ConnectorException"/> of kind <see cref="ConnectorFailureKind.Network"/>.
    /// </summary>
    public async Task<(T Answer, int Tries)> ExecuteAsync<TState>(
        string operation, TState state, Func<TState, ResilienceContext, ValueTask<T>> send, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var tries = new int[1];
        context.Properties.Set(OperationKey, operation);
        context.Properties.Set(AttemptsKey, tries);
        try
        {
            var answer = await _pipeline.ExecuteAsync(
                static (ctx, s) => s.Send(s.State, ctx),
                context,
                (Send: send, State: state)).ConfigureAwait(false);
            return (answer, tries[0]);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && IsTransient(ex))
        {
            // The HTTP stack reports a cancelled send as its own error (Flurl: FlurlHttpException); the caller cancelled.
            throw new OperationCanceledException("the call was cancelled", ex, cancellationToken);
        }
        catch (ResponseTooLargeException ex)
        {
            var message = ex.Describe(CapHint);
            _failed(operation, message);
            throw new ConnectorException(_connectorId, operation, message, ConnectorFailureKind.ResponseTooLarge);
        }
        catch (TimeoutRejectedException)
        {
            var message = $"no answer within {Seconds(_timeout)} s ({Times(tries[0])})";
            _failed(operation, message);
            throw new ConnectorException(_connectorId, operation, message, ConnectorFailureKind.Network);
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            var message = $"network error: {DescribeException(ex)} ({Times(tries[0])})";
            _failed(operation, message);
            throw new ConnectorException(_connectorId, operation, message, ConnectorFailureKind.Network, null, SafeInner(ex));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static bool IsTransient(Exception ex) => ex is TimeoutRejectedException or FlurlHttpException or HttpRequestException or IOException or SocketException;

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static Exception Innermost(Exception ex)
    {
        var cause = ex;
        while (cause is FlurlHttpException && cause.InnerException is not null)
        {
            cause = cause.InnerException;
        }

        return cause;
    }

    private string DescribeException(Exception ex)
    {
        if (ex is TimeoutRejectedException)
        {
            return $"no answer within {Seconds(_timeout)} s";
        }

        var cause = Innermost(ex);
        return cause is FlurlHttpException ? "the request failed" : _redactor.Redact(cause.GetType().Name + ": " + cause.Message);
    }

    /// <summary>The exception kept as inner, if it carries no secret; Flurl's never qualify (their messages hold the URL).</summary>
    private Exception? SafeInner(Exception ex)
    {
        var cause = Innermost(ex);
        return cause is FlurlHttpException || _redactor.Leaks(cause.ToString()) ? null : cause;
    }
}

/// <summary>A token in use, for the one-renewal-per-refusal rule shared by the connectors.</summary>
internal sealed class TokenSession
{
    private volatile bool _proven;

    public TokenSession(string token, DateTimeOffset? expires, int generation, bool renewed)
    {
        Token = token;
        Expires = expires;
        Generation = generation;
        Renewed = renewed;
    }

    public string Token { get; }

    /// <summary>When it expires, if known.</summary>
    public DateTimeOffset? Expires { get; }

    /// <summary>Counts tokens of one client; a refusal renews only the current one.</summary>
    public int Generation { get; }

    /// <summary>Obtained because the previous token was refused.</summary>
    public bool Renewed { get; }

    /// <summary>At least one call succeeded with it; a renewed token refused before that is not renewed again.</summary>
    public bool Proven
    {
        get => _proven;
        set => _proven = value;
    }
}
