using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
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

namespace Eljur.Connectors.MosregPortal;

/// <summary>
/// Talks to the portal's API v2: every call carries the <c>Access-Token</c> header and
/// <c>Accept: application/json</c> (without it errors may come as an HTML page). Answers are judged
/// by status and by the <c>{"type","description"}</c> error body: rate limits
/// (<c>apiRequestLimit</c>, 429, 433), maintenance (503, 405), server errors and timeouts are retried
/// by a Polly pipeline that honours <c>Retry-After</c>; a refused token
/// (<c>authorizationInvalidToken</c>) is renewed by one <c>POST authorizations</c> per refusal when
/// refresh credentials are configured, never in a loop. At most
/// <see cref="MosregPortalOptions.MaxInFlight"/> calls are in flight. Anything that still fails
/// becomes one <see cref="ConnectorException"/> naming the operation.
/// </summary>
internal sealed class MosregApiClient : IDisposable
{
    public const string ConnectorId = "mosreg";
    public const string RefreshOperation = "authorizations";

    private readonly MosregPortalOptions _options;
    private readonly ILogger _log;
    private readonly TimeProvider _clock;
    private readonly SecretRedactor _redactor;
    private readonly HttpClient _http;
    private readonly FlurlClient _client;
    private readonly HttpResilience<Attempt> _resilience;
    private readonly SemaphoreSlim _inFlight;
    private readonly ResponseBudget _budget;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private TokenSession _session;
    private string? _refreshToken;
    private int _attempts;
    private int _refreshes;

    public MosregApiClient(MosregPortalOptions options, ILogger log, TimeProvider clock)
    {
        _options = options;
        _log = log;
        _clock = clock;
        _redactor = new SecretRedactor(new[] { options.Token, options.RefreshToken, options.ClientSecret });
        var handler = options.HttpMessageHandlerFactory?.Invoke() ?? new HttpClientHandler();
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _client = new FlurlClient(_http, options.EffectiveBaseUrl);
        _client.Settings.Timeout = null; // the pipeline's per-attempt timeout governs
        _client.Settings.AllowedHttpStatusRange = "*"; // statuses are judged here, with the error body
        _client.Settings.JsonSerializer = new NewtonsoftSerializer();
        _resilience = new HttpResilience<Attempt>(
            ConnectorId, options.MaxRetries, options.RetryBaseDelay, options.MaxRetryDelay, options.RequestTimeout,
            a => a.IsTransient, a => a.RetryAfter, Describe,
            (operation, reason, attempt, max, delay) => Log.Retry(_log, operation, reason, attempt, max, delay),
            (operation, reason) => Log.Failed(_log, operation, reason),
            _redactor)
        {
            CapHint = "MaxResponseBytes; в eljur — --max-response-mb или ELJUR_MAX_RESPONSE_MB",
        };
        _budget = ResponseLimits.Budget(options.MaxResponseBytes);
        _inFlight = new SemaphoreSlim(options.MaxInFlight, options.MaxInFlight);
        _session = new TokenSession(options.Token!.Trim(), null, 1, renewed: false);
        _refreshToken = options.RefreshToken?.Trim();
    }

    /// <summary>HTTP attempts made so far (retries and refreshes included).</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Token refreshes made so far.</summary>
    public int Refreshes => Volatile.Read(ref _refreshes);

    public SecretRedactor Redactor => _redactor;

    /// <summary>
    /// What <see cref="Attempt.Read(int, ResponseBody, TimeSpan?)"/> reads of any answer besides what
    /// its caller reads: the error body's <c>type</c> and <c>description</c> at the root (and how many
    /// properties the root has, which <see cref="ResponseBody.RootMembers"/> counts as sent).
    /// </summary>
    internal static JsonShape? Answer(JsonShape? record) => record?.WithLeaves("type", "description");

    /// <summary>What <see cref="RenewAsync"/> reads of the answer of <see cref="RefreshOperation"/>.</summary>
    internal static readonly JsonShape RefreshAnswer = JsonShape.Parse("{accessToken, access_token, refreshToken, refresh_token}");

    /// <summary>GETs <paramref name="path"/> (relative to the base) and returns the JSON answer.</summary>
    /// <param name="operation">The operation's name for errors and logs, e.g. <c>edu-groups/{group}/marks</c>.</param>
    /// <param name="path">The path with its ids and query.</param>
    /// <param name="shape">
    /// What of the answer to keep (see <see cref="JsonShape"/>): everything its reader reads, a record
    /// of the answer's object or of each element of its list; <see langword="null"/> keeps all of it.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ConnectorException">The call failed after retries and at most one refresh.</exception>
    public async Task<JToken> GetAsync(string operation, string path, JsonShape? shape, CancellationToken cancellationToken)
    {
        var answer = Answer(shape);
        await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var session = Volatile.Read(ref _session);
            using var lease = _budget.Start();
            var (attempt, tries) = await ExecuteAsync(operation, path, answer, session.Token, lease, cancellationToken).ConfigureAwait(false);
            if (attempt.IsInvalidToken)
            {
                Log.Refreshing(_log, operation, Describe(attempt));
                if (!_options.CanRefresh)
                {
                    throw Fail(operation, attempt, tries, "the token was refused and no refresh credentials are configured", ConnectorFailureKind.Authentication);
                }

                session = await RenewAsync(session, operation, attempt, tries, cancellationToken).ConfigureAwait(false);
                (attempt, tries) = await ExecuteAsync(operation, path, answer, session.Token, lease, cancellationToken).ConfigureAwait(false);
            }

            if (!attempt.IsOk)
            {
                throw Fail(operation, attempt, tries, null);
            }

            session.Proven = true;
            return attempt.Json!;
        }
        finally
        {
            _inFlight.Release();
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
        _inFlight.Dispose();
        _refreshGate.Dispose();
    }

    // ------------------------------------------------------------------ token refresh

    /// <summary>
    /// Replaces a refused token. Concurrent callers refused with the same token share one refresh:
    /// only the first finds it still current. A token that was itself a refresh and has not yet
    /// served one call is not renewed again: that would only repeat the refusal.
    /// </summary>
    private async Task<TokenSession> RenewAsync(TokenSession refused, string operation, Attempt refusal, int tries, CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _session;
            if (current.Generation != refused.Generation)
            {
                return current;
            }

            if (refused.Renewed && !refused.Proven)
            {
                throw Fail(operation, refusal, tries, "refused again right after the token was refreshed", ConnectorFailureKind.Authentication);
            }

            Interlocked.Increment(ref _refreshes);
            var body = new Dictionary<string, string>
            {
                ["grant_type"] = "RefreshToken",
                ["refresh_token"] = _refreshToken ?? "",
                ["client_id"] = _options.ClientId ?? "",
                ["client_secret"] = _options.ClientSecret ?? "",
            };
            var (attempt, refreshTries) = await ExecuteAsync(RefreshOperation, RefreshOperation, Answer(RefreshAnswer), null, null, cancellationToken, body).ConfigureAwait(false);
            if (!attempt.IsOk)
            {
                throw Fail(RefreshOperation, attempt, refreshTries, "the token could not be refreshed", attempt.IsTransient ? null : ConnectorFailureKind.Authentication);
            }

            var token = MosregJson.Text(attempt.Json, "accessToken") ?? MosregJson.Text(attempt.Json, "access_token");
            if (string.IsNullOrWhiteSpace(token))
            {
                throw new ConnectorException(ConnectorId, RefreshOperation, "the answer has no accessToken", ConnectorFailureKind.MalformedResponse, attempt.Status);
            }

            _redactor.Add(token);
            var rotated = MosregJson.Text(attempt.Json, "refreshToken") ?? MosregJson.Text(attempt.Json, "refresh_token");
            if (!string.IsNullOrWhiteSpace(rotated))
            {
                _redactor.Add(rotated);
                _refreshToken = rotated!.Trim();
            }

            Log.Refreshed(_log);
            var renewed = new TokenSession(token!.Trim(), null, refused.Generation + 1, renewed: true);
            Volatile.Write(ref _session, renewed);
            return renewed;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    // ------------------------------------------------------------------ one call, with retries

    private Task<(Attempt Attempt, int Tries)> ExecuteAsync(
        string operation, string path, JsonShape? answer, string? token, ResponseBudget.Lease? lease, CancellationToken cancellationToken, Dictionary<string, string>? postBody = null) =>
        _resilience.ExecuteAsync(
            operation,
            (Self: this, Path: path, Answer: answer, Token: token, Body: postBody, Lease: lease),
            static (state, ctx) => state.Self.SendOnceAsync(state.Path, state.Answer, state.Token, state.Body, state.Lease, ctx),
            cancellationToken);

    private async ValueTask<Attempt> SendOnceAsync(
        string path, JsonShape? answer, string? token, Dictionary<string, string>? postBody, ResponseBudget.Lease? lease, ResilienceContext context)
    {
        var cancellationToken = context.CancellationToken;
        lease?.Reset(); // the answer of a previous attempt is gone
        HttpResilience<Attempt>.CountAttempt(context);
        Interlocked.Increment(ref _attempts);
        var request = _client.Request(path).WithHeader("Accept", "application/json");
        if (token is not null)
        {
            request.WithHeader("Access-Token", token);
        }

        var watch = Stopwatch.StartNew();
        var response = postBody is null
            ? await request.GetAsync(HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false)
            : await request.PostJsonAsync(postBody, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);

        var body = await ResponseBody.ReadAsync(response, _options.MaxResponseBytes, lease, answer, cancellationToken).ConfigureAwait(false);
        Log.Call(_log, request.Verb.Method, response.StatusCode, watch.ElapsedMilliseconds, _redactor.Redact(request.Url.ToString()));
        return Attempt.Read(response.StatusCode, body, HttpResilience<Attempt>.RetryAfter(response.ResponseMessage, _clock));
    }

    // ------------------------------------------------------------------ outcomes

    private ConnectorException Fail(string operation, Attempt attempt, int tries, string? why, ConnectorFailureKind? kind = null)
    {
        kind ??= attempt switch
        {
            { IsRateLimited: true } => ConnectorFailureKind.RateLimited,
            { IsAuthError: true } => ConnectorFailureKind.Authentication,
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

        Log.Failed(_log, operation, message);
        return new ConnectorException(ConnectorId, operation, message, kind.Value, attempt.Status);
    }

    private string Describe(Attempt attempt)
    {
        if (attempt.IsMalformed)
        {
            return $"the answer is not the portal's JSON (HTTP {attempt.Status}): {Shown(attempt.MalformedReason)}";
        }

        var what = $"HTTP {attempt.Status}";
        if (attempt.ErrorType is not null)
        {
            what += " " + Shown(attempt.ErrorType);
        }

        if (attempt.Description is not null)
        {
            what += $": «{Shown(attempt.Description)}»";
        }

        if (attempt.HtmlTitle is not null)
        {
            what += $", an HTML error page «{Shown(attempt.HtmlTitle)}»";
        }

        if (attempt.IsRateLimited)
        {
            what = "rate limited (" + what + ")";
        }
        else if (attempt.IsMaintenance)
        {
            what = "the portal is down for maintenance (" + what + ")";
        }

        return what;
    }

    /// <summary>Vendor text as it may be shown: secrets scrubbed, control and bidirectional characters escaped, cut if over-long.</summary>
    private string Shown(string? vendorText) => DisplayText.Value(_redactor.Redact(vendorText ?? ""));

    /// <summary>One HTTP exchange, judged by its status and its body.</summary>
    internal sealed class Attempt
    {
        private static readonly Regex Title = new(@"<title[^>]*>(.*?)</title>|<h1[^>]*>(.*?)</h1>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
        private static readonly Regex Tags = new("<[^>]+>", RegexOptions.CultureInvariant);

        private Attempt(int status, JToken? json, string? type, string? description, string? htmlTitle, string? malformed, TimeSpan? retryAfter)
        {
            Status = status;
            Json = json;
            ErrorType = type;
            Description = description;
            HtmlTitle = htmlTitle;
            MalformedReason = malformed;
            RetryAfter = retryAfter;
        }

        public int Status { get; }

        public JToken? Json { get; }

        /// <summary>The error body's <c>type</c>, e.g. <c>apiRequestLimit</c>.</summary>
        public string? ErrorType { get; }

        public string? Description { get; }

        public string? HtmlTitle { get; }

        /// <summary>Why a success answer could not be read (not JSON, an HTML page, empty).</summary>
        public string? MalformedReason { get; }

        public TimeSpan? RetryAfter { get; }

        public bool IsSuccessStatus => Status is >= 200 and < 300;

        public bool IsMalformed => MalformedReason is not null;

        public bool IsOk => IsSuccessStatus && !IsMalformed && ErrorType is null;

        public bool IsRateLimited => Status is 429 or 433 || ErrorType == "apiRequestLimit";

        public bool IsMaintenance => Status is 503 or 405;

        public bool IsTransient => IsRateLimited || IsMaintenance || Status is 408 or >= 500 || ErrorType == "apiServerError";

        /// <summary>A token the portal no longer accepts: the one refusal a refresh can cure.</summary>
        public bool IsInvalidToken => ErrorType == "authorizationInvalidToken" || (Status == 401 && ErrorType is null);

        /// <summary>Any authorization refusal (an invalid or missing token, a token without the scope).</summary>
        public bool IsAuthError => !IsTransient && (Status is 401 or 403 || (ErrorType?.StartsWith("authorization", StringComparison.Ordinal) ?? false));

        public static Attempt Read(int status, byte[] body, TimeSpan? retryAfter, JsonShape? answer = null) => Read(status, ResponseBody.FromBytes(body, answer), retryAfter);

        public static Attempt Read(int status, ResponseBody body, TimeSpan? retryAfter)
        {
            var success = status is >= 200 and < 300;
            var text = body.Head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
            if (body.Json is null && text.StartsWith("<", StringComparison.Ordinal))
            {
                var title = HtmlTitleOf(text);
                return success
                    ? new Attempt(status, null, null, null, title, "an HTML page instead of JSON" + (title is null ? "" : $" «{title}»"), retryAfter)
                    : new Attempt(status, null, null, null, title ?? "без заголовка", null, retryAfter);
            }

            if (body.Json is not { } json)
            {
                if (success)
                {
                    return new Attempt(status, null, null, null, null, body.Length == 0 ? "empty body" : "not JSON: " + body.JsonError?.Message, retryAfter);
                }

                var plain = text.Trim();
                return new Attempt(status, null, null, plain.Length == 0 ? null : Shorten(plain), null, null, retryAfter);
            }

            // The error body {"type","description"}: on an error status, or on a 200 that carries only it.
            var type = MosregJson.Text(json, "type");
            var description = MosregJson.Text(json, "description");
            // The count is of the root's properties as sent: the tree may hold only those a reader uses.
            if (json is JObject && type is not null && (!success || (description is not null && (body.RootMembers ?? 0) <= 3)))
            {
                return new Attempt(status, null, type, description is null ? null : Shorten(description), null, null, retryAfter);
            }

            return success
                ? new Attempt(status, json, null, null, null, null, retryAfter)
                : new Attempt(status, null, null, null, null, null, retryAfter);
        }

        private static string? HtmlTitleOf(string html)
        {
            var match = Title.Match(html);
            if (!match.Success)
            {
                return null;
            }

            var title = Tags.Replace(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value, "");
            title = System.Net.WebUtility.HtmlDecode(Regex.Replace(title, @"\s+", " ")).Trim();
            return title.Length == 0 ? null : Shorten(title);
        }

        private static string Shorten(string text)
        {
            var single = Regex.Replace(text, @"\s+", " ").Trim();
            return single.Length <= 200 ? single : single.Substring(0, 200) + "…";
        }
    }
}
