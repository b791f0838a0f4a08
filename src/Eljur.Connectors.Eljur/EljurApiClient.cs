using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Text;
using Eljur.Connectors.Shared;
using Flurl.Http;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Eljur.Connectors.Eljur;

/// <summary>
/// Talks to one school's ЭлЖур API: every call carries <c>devkey</c>, <c>vendor</c>,
/// <c>out_format=json</c> and (but for <c>auth</c>) <c>auth_token</c>; answers are unwrapped from
/// the <c>{"response":{"state","error","result"}}</c> envelope. Transient failures are retried by a
/// Polly pipeline (per-attempt timeout inside an exponential, jittered retry that honours
/// <c>Retry-After</c>); a refused session is renewed by one login per refusal, never in a loop.
/// Anything that still fails becomes one <see cref="ConnectorException"/> naming the method.
/// </summary>
internal sealed class EljurApiClient : IDisposable
{
    public const string ConnectorId = "eljur";
    public const string AuthMethodName = "auth";

    private readonly EljurConnectorOptions _options;
    private readonly ILogger _log;
    private readonly TimeProvider _clock;
    private readonly TimeZoneInfo _zone;
    private readonly SecretRedactor _redactor;
    private readonly HttpClient _http;
    private readonly FlurlClient _client;
    private readonly HttpResilience<Attempt> _resilience;
    private readonly SemaphoreSlim _loginGate = new(1, 1);
    private readonly ResponseBudget _budget;
    private TokenSession? _session;
    private int _attempts;
    private int _logins;

    public EljurApiClient(EljurConnectorOptions options, ILogger log, TimeProvider clock, TimeZoneInfo zone)
    {
        _options = options;
        _log = log;
        _clock = clock;
        _zone = zone;
        _redactor = new SecretRedactor(new[] { options.DevKey, options.Password, options.Token });
        var handler = options.HttpMessageHandlerFactory?.Invoke() ?? new HttpClientHandler();
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client = new FlurlClient(_http, options.EffectiveBaseUrl);
        _client.Settings.Timeout = null; // the pipeline's per-attempt timeout governs
        _client.Settings.AllowedHttpStatusRange = "*"; // statuses are judged here, with the envelope
        _client.Settings.JsonSerializer = new NewtonsoftSerializer();
        _resilience = new HttpResilience<Attempt>(
            ConnectorId, options.MaxRetries, options.RetryBaseDelay, options.MaxRetryDelay, options.RequestTimeout,
            a => a.IsTransient, a => a.RetryAfter, Describe,
            (method, reason, attempt, max, delay) => Log.Retry(_log, method, reason, attempt, max, delay),
            (method, reason) => Log.Failed(_log, method, reason),
            _redactor)
        {
            CapHint = "MaxResponseBytes; в eljur — --max-response-mb или ELJUR_MAX_RESPONSE_MB",
        };
        _budget = ResponseLimits.Budget(options.MaxResponseBytes);
    }

    /// <summary>HTTP attempts made so far (retries and logins included).</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Logins made so far.</summary>
    public int Logins => Volatile.Read(ref _logins);

    public SecretRedactor Redactor => _redactor;

    private bool CanLogin => !string.IsNullOrWhiteSpace(_options.Login) && !string.IsNullOrEmpty(_options.Password);

    /// <summary>
    /// The answer of <c>auth</c> as <see cref="LoginAsync"/> reads it: the envelope (see
    /// <see cref="Envelope"/>) around <c>result.token</c> and <c>result.expires</c>.
    /// </summary>
    internal static readonly JsonShape AuthAnswer = JsonShape.Parse("{token, expires}");

    /// <summary>
    /// What <see cref="Attempt.Read(int, ResponseBody, TimeSpan?)"/> reads of every answer,
    /// <c>{"response":{"state","error","result"}}</c>, with <c>result</c> pruned to
    /// <paramref name="result"/> (<see langword="null"/>: the whole answer is kept).
    /// </summary>
    internal static JsonShape? Envelope(JsonShape? result) => result is null
        ? null
        : JsonShape.Record(("response", JsonShape.Record(("state", JsonShape.Leaf), ("error", JsonShape.Leaf), ("result", result))));

    /// <summary>Calls a method and returns its <c>result</c> (never <see langword="null"/>; a missing result is an empty object).</summary>
    /// <param name="method">The ЭлЖур method.</param>
    /// <param name="parameters">Its parameters (but the key, vendor, format and token).</param>
    /// <param name="result">What of <c>result</c> to keep (see <see cref="JsonShape"/>); <see langword="null"/> keeps all of it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ConnectorException">The call failed after retries and at most one renewed login.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public Task<JToken> CallAsync(string method, IReadOnlyList<KeyValuePair<string, string>> parameters, JsonShape? result, CancellationToken cancellationToken) =>
        CallAsync(method, parameters, result, static result => result, cancellationToken);

    /// <summary>
    /// Calls a method and reads its <c>result</c> with <paramref name="read"/> (into records, say)
    /// while the answer's bytes are still counted against the budget of parallel calls: the JSON
    /// of the answer is dropped before the next answer past the budget is read. Only what
    /// <paramref name="shape"/> keeps of <c>result</c> is built into JSON: it must name everything
    /// <paramref name="read"/> reads.
    /// </summary>
    /// <exception cref="ConnectorException">The call failed after retries and at most one renewed login, or its answer was over the cap.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public async Task<T> CallAsync<T>(
        string method, IReadOnlyList<KeyValuePair<string, string>> parameters, JsonShape? shape, Func<JToken, T> read, CancellationToken cancellationToken)
    {
        var session = await EnsureSessionAsync(method, cancellationToken).ConfigureAwait(false);
        using var lease = _budget.Start();
        var answer = Envelope(shape);
        var (attempt, tries) = await ExecuteAsync(method, parameters, answer, session.Token, lease, cancellationToken).ConfigureAwait(false);
        if (attempt.IsAuthError)
        {
            Log.Relogin(_log, method, Describe(attempt));
            if (!CanLogin)
            {
                throw Fail(method, attempt, tries, "the token was refused and there is no login and password to sign in again");
            }

            session = await RenewAsync(session, method, attempt, tries, cancellationToken).ConfigureAwait(false);
            (attempt, tries) = await ExecuteAsync(method, parameters, answer, session.Token, lease, cancellationToken).ConfigureAwait(false);
        }

        var result = Unwrap(method, attempt, tries);
        session.Proven = true;
        return read(result);
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
        _loginGate.Dispose();
    }

    // ------------------------------------------------------------------ sessions

    private async Task<TokenSession> EnsureSessionAsync(string method, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _session);
        if (current is not null && !IsExpired(current))
        {
            return current;
        }

        await _loginGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            current = _session;
            if (current is not null && !IsExpired(current))
            {
                return current;
            }

            if (current is null && !string.IsNullOrWhiteSpace(_options.Token))
            {
                // A configured token has no known expiry: it is used until the vendor refuses it.
                current = new TokenSession(_options.Token!.Trim(), null, 1, renewed: false);
            }
            else if (CanLogin)
            {
                current = await LoginAsync((current?.Generation ?? 0) + 1, renewed: false, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                throw new ConnectorException(ConnectorId, method, "the token has expired and there is no login and password to sign in again", ConnectorFailureKind.Authentication);
            }

            Volatile.Write(ref _session, current);
            return current;
        }
        finally
        {
            _loginGate.Release();
        }
    }

    /// <summary>
    /// Replaces a session the vendor refused. Concurrent callers refused with the same session share
    /// one login: only the first finds the refused session still current. A session that was itself
    /// a renewal and has not yet served one call is not renewed again: signing in once more would
    /// only repeat the refusal, so the fetch fails instead of looping.
    /// </summary>
    private async Task<TokenSession> RenewAsync(TokenSession refused, string method, Attempt refusal, int tries, CancellationToken cancellationToken)
    {
        await _loginGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _session;
            if (current is not null && current.Generation != refused.Generation)
            {
                return current;
            }

            if (refused.Renewed && !refused.Proven)
            {
                throw Fail(method, refusal, tries, "refused again right after signing in again", ConnectorFailureKind.Authentication);
            }

            var renewed = await LoginAsync(refused.Generation + 1, renewed: true, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _session, renewed);
            return renewed;
        }
        finally
        {
            _loginGate.Release();
        }
    }

    /// <summary>A session this close to its expiry is renewed before the next call.</summary>
    private static readonly TimeSpan RenewalMargin = TimeSpan.FromMinutes(1);

    private bool IsExpired(TokenSession session) =>
        session.Expires is { } expires && _clock.GetUtcNow() >= expires - RenewalMargin;

    private async Task<TokenSession> LoginAsync(int generation, bool renewed, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _logins);
        var (attempt, tries) = await ExecuteAsync(AuthMethodName, Array.Empty<KeyValuePair<string, string>>(), Envelope(AuthAnswer), null, null, cancellationToken).ConfigureAwait(false);
        if (attempt.IsAuthError || (!attempt.IsOk && !attempt.IsTransient && !attempt.IsMalformed))
        {
            throw Fail(AuthMethodName, attempt, tries, null, ConnectorFailureKind.Authentication);
        }

        var result = Unwrap(AuthMethodName, attempt, tries);
        var token = EljurJson.Id(EljurJson.Get(result, "token"));
        if (token is null)
        {
            throw new ConnectorException(ConnectorId, AuthMethodName, "the answer has no token", ConnectorFailureKind.MalformedResponse, attempt.HttpStatus);
        }

        _redactor.Add(token);
        DateTimeOffset? expires = null;
        if (EljurJson.DateTimeLocal(EljurJson.Text(EljurJson.Get(result, "expires"))) is { } local)
        {
            // ЭлЖур writes the expiry without a zone; it is read in the school's zone.
            expires = new DateTimeOffset(local, _zone.GetUtcOffset(local));
            if (_clock.GetUtcNow() >= expires - RenewalMargin)
            {
                // A token born (nearly) expired by our clock, a skewed one, is used until refused:
                // renewing it before every call would be a login loop.
                expires = null;
            }
        }

        Log.Login(_log, _options.Vendor ?? "");
        return new TokenSession(token, expires, generation, renewed);
    }

    // ------------------------------------------------------------------ one call, with retries

    private Task<(Attempt Attempt, int Tries)> ExecuteAsync(
        string method, IReadOnlyList<KeyValuePair<string, string>> parameters, JsonShape? answer, string? token, ResponseBudget.Lease? lease, CancellationToken cancellationToken) =>
        _resilience.ExecuteAsync(
            method,
            (Self: this, Method: method, Parameters: parameters, Answer: answer, Token: token, Lease: lease),
            static (state, ctx) => state.Self.SendOnceAsync(state.Method, state.Parameters, state.Answer, state.Token, state.Lease, ctx),
            cancellationToken);

    private async ValueTask<Attempt> SendOnceAsync(
        string method, IReadOnlyList<KeyValuePair<string, string>> parameters, JsonShape? answer, string? token, ResponseBudget.Lease? lease, ResilienceContext context)
    {
        var cancellationToken = context.CancellationToken;
        lease?.Reset(); // the answer of a previous attempt is gone
        HttpResilience<Attempt>.CountAttempt(context);
        Interlocked.Increment(ref _attempts);
        var request = _client.Request(method)
            .SetQueryParam("devkey", _options.DevKey)
            .SetQueryParam("vendor", _options.Vendor)
            .SetQueryParam("out_format", "json");
        if (token is not null)
        {
            request.SetQueryParam("auth_token", token);
        }

        foreach (var p in parameters)
        {
            request.SetQueryParam(p.Key, p.Value);
        }

        var watch = Stopwatch.StartNew();
        IFlurlResponse response;
        if (method == AuthMethodName)
        {
            var credentials = new Dictionary<string, string> { ["login"] = _options.Login ?? "", ["password"] = _options.Password ?? "" };
            switch (_options.AuthMethod)
            {
                case "json":
                    response = await request.PostJsonAsync(credentials, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                    break;
                case "query":
                    request.SetQueryParam("login", credentials["login"]).SetQueryParam("password", credentials["password"]);
                    response = await request.GetAsync(HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    response = await request.PostUrlEncodedAsync(credentials, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        else
        {
            response = await request.GetAsync(HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }

        var body = await ResponseBody.ReadAsync(response, _options.MaxResponseBytes, lease, answer, cancellationToken).ConfigureAwait(false);
        Log.Call(_log, method, response.StatusCode, watch.ElapsedMilliseconds, _redactor.Redact(request.Url.ToString()));
        return Attempt.Read(response.StatusCode, body, HttpResilience<Attempt>.RetryAfter(response.ResponseMessage, _clock));
    }

    // ------------------------------------------------------------------ outcomes

    private JToken Unwrap(string method, Attempt attempt, int tries)
    {
        if (attempt.IsOk)
        {
            return attempt.Result is null || attempt.Result.Type == JTokenType.Null ? new JObject() : attempt.Result;
        }

        throw Fail(method, attempt, tries, null);
    }

    private ConnectorException Fail(string method, Attempt attempt, int tries, string? why, ConnectorFailureKind? kind = null)
    {
        kind ??= attempt switch
        {
            { IsAuthError: true } => ConnectorFailureKind.Authentication,
            { State: 429 } => ConnectorFailureKind.RateLimited,
            { IsTransient: true } => ConnectorFailureKind.Vendor,
            { IsMalformed: true } => ConnectorFailureKind.MalformedResponse,
            _ => ConnectorFailureKind.Vendor,
        };
        var message = Describe(attempt);
        if (attempt.IsTransient)
        {
            message += $" ({HttpResilience<Attempt>.Times(tries)})";
        }

        if (why is not null)
        {
            message += "; " + why;
        }

        Log.Failed(_log, method, message);
        return new ConnectorException(ConnectorId, method, message, kind.Value, attempt.HttpStatus);
    }

    private string Describe(Attempt attempt)
    {
        if (attempt.IsMalformed && !attempt.IsTransient)
        {
            return $"the answer is not an ЭлЖур envelope (HTTP {attempt.HttpStatus}): {Shown(attempt.MalformedReason)}";
        }

        var what = attempt.State == attempt.HttpStatus ? $"HTTP {attempt.HttpStatus}" : $"HTTP {attempt.HttpStatus}, state {attempt.State}";
        if (attempt.State == 429)
        {
            what += " (rate limited)";
        }

        return attempt.Error is null ? what : $"{what}: «{Shown(attempt.Error)}»";
    }

    /// <summary>Vendor text as it may be shown: secrets scrubbed, control and bidirectional characters escaped, cut if over-long.</summary>
    private string Shown(string? vendorText) => DisplayText.Value(_redactor.Redact(vendorText ?? ""));

    /// <summary>One HTTP exchange, judged: the envelope's state wins over a 200, an HTTP error wins over the envelope.</summary>
    internal sealed class Attempt
    {
        private Attempt(int httpStatus, int state, string? error, JToken? result, string? malformed, TimeSpan? retryAfter)
        {
            HttpStatus = httpStatus;
            State = state;
            Error = error;
            Result = result;
            MalformedReason = malformed;
            RetryAfter = retryAfter;
        }

        public int HttpStatus { get; }

        public int State { get; }

        public string? Error { get; }

        public JToken? Result { get; }

        public string? MalformedReason { get; }

        public TimeSpan? RetryAfter { get; }

        public bool IsMalformed => MalformedReason is not null;

        public bool IsOk => !IsMalformed && State is >= 200 and < 300;

        public bool IsTransient => State is 429 or 408 or >= 500;

        /// <summary>401/403, or any refusal that speaks of the token (ЭлЖур sends some as 400).</summary>
        public bool IsAuthError => State is 401 or 403
            || (!IsOk && !IsTransient && Error is { } e
                && (e.IndexOf("токен", StringComparison.OrdinalIgnoreCase) >= 0 || e.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0));

        public static Attempt Read(int httpStatus, byte[] body, TimeSpan? retryAfter, JsonShape? answer = null) => Read(httpStatus, ResponseBody.FromBytes(body, answer), retryAfter);

        public static Attempt Read(int httpStatus, ResponseBody body, TimeSpan? retryAfter)
        {
            if (body.Json is not { } root)
            {
                return new Attempt(httpStatus, httpStatus, null, null, body.Length == 0 ? "empty body" : "not JSON: " + body.JsonError?.Message, retryAfter);
            }

            if (EljurJson.Get(root, "response") is not JObject response)
            {
                return new Attempt(httpStatus, httpStatus, null, null, "no \"response\" object", retryAfter);
            }

            var stateText = EljurJson.Id(response["state"]);
            var state = int.TryParse(stateText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : httpStatus;
            var effective = httpStatus is >= 200 and < 300 ? state : httpStatus;
            return new Attempt(httpStatus, effective, EljurJson.Text(response["error"]), response["result"], null, retryAfter);
        }
    }
}
