using System;
using System.Net.Http;

namespace Eljur.Connectors.MosregPortal;

/// <summary>
/// Settings of one Moscow-region school portal connector instance (Dnevnik.ru platform, API v2):
/// where the API is, the access token (and, optionally, what renews it), which school, its time
/// zone, and how hard to try. Registered by <c>builder.AddMosregPortal(name, …)</c>, bound from
/// configuration by <c>builder.AddMosregPortal(name, section)</c>, and validated when the
/// application starts (and again when the connector is first created).
/// </summary>
/// <remarks>
/// Secrets (<see cref="Token"/>, <see cref="RefreshToken"/>, <see cref="ClientSecret"/> and every
/// token obtained by a refresh) never appear in logs, exception messages or snapshots.
/// </remarks>
public sealed class MosregPortalOptions
{
    /// <summary>The default API root of the Moscow-region portal.</summary>
    public const string DefaultBaseUrl = "https://api.school.mosreg.ru/v2.0/";

    /// <summary>
    /// The API root. Default: <c>https://api.school.mosreg.ru/v2.0/</c>; the same API is served at
    /// <c>https://api.dnevnik.ru/v2/</c> for the other regions of the platform. An absolute http(s)
    /// URL without a query.
    /// </summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>
    /// The access token the integrator obtained (OAuth2 code or implicit grant), sent as the
    /// <c>Access-Token</c> header. Required; a secret. The connector never signs in with a password.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>
    /// A refresh token. With <see cref="ClientId"/> and <see cref="ClientSecret"/>, a token the portal
    /// refuses (<c>authorizationInvalidToken</c>) is renewed once per refusal by
    /// <c>POST authorizations</c> with <c>grant_type: "RefreshToken"</c>. Optional; a secret.
    /// </summary>
    public string? RefreshToken { get; set; }

    /// <summary>The OAuth2 client id of the integrator's application (with <see cref="RefreshToken"/>).</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth2 client secret of the integrator's application (with <see cref="RefreshToken"/>). A secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The school's id at the portal (digits; ids reach 2.3·10^18, so it is kept as text). Optional: when
    /// null, the school comes from <c>users/me/context</c> (a token that opens several schools must name one).
    /// </summary>
    public string? SchoolId { get; set; }

    /// <summary>
    /// The school's IANA time zone: mark and attendance times arrive without a zone and are read in it.
    /// Default: null, the zone of the school's <c>timeZone</c> (hours from UTC, e.g. <c>3</c> →
    /// <c>Europe/Moscow</c>), or <c>Europe/Moscow</c> when the portal does not say it.
    /// </summary>
    public string? TimeZone { get; set; }

    /// <summary>Region for <c>school.region</c>. Default: <c>Московская область</c>; empty: not written.</summary>
    public string? Region { get; set; } = "Московская область";

    /// <summary>Working days a week (5 or 6) for <c>school.workWeek</c>; the API does not say it. Default: 5.</summary>
    public int WorkWeek { get; set; } = 5;

    /// <summary>
    /// Requests in flight at once, retries included. Default: 8. Range 1–10 (the portal throttles
    /// clients that keep more than about ten requests open).
    /// </summary>
    public int MaxInFlight { get; set; } = 8;

    /// <summary>
    /// Time limit of one HTTP attempt, including reading the answer; an attempt that exceeds it is
    /// retried like a server error. Default: 30 seconds. Range 100 ms – 10 minutes.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Retries of a call after a transient failure: HTTP 5xx, the rate limits (<c>apiRequestLimit</c>,
    /// 429, 433), maintenance (503, 405), a network error or a timeout. Default: 3. Range 0–10.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// Base of the exponential back-off between retries (with jitter) when the portal gives no
    /// <c>Retry-After</c>. Default: 1 second. Range 0 – 1 minute.
    /// </summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest wait before a retry, computed or asked for by <c>Retry-After</c> (a longer one is cut
    /// to this). Default: 30 seconds. Range 0 – 10 minutes, and not less than <see cref="RetryBaseDelay"/>.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The largest answer accepted from one call, in bytes. Answers are read as a stream and their
    /// bytes counted as they arrive; past this (or when the server announces more), the fetch fails
    /// with a <c>ConnectorException</c> of kind <c>ResponseTooLarge</c> naming the call and the size,
    /// so a misbehaving server cannot exhaust the memory. Answers read at the same time by parallel
    /// calls are held to 16 MiB in all (or this cap, if smaller); a larger answer is read by the
    /// oldest call while the others wait. An answer that announces no size is taken as raw bytes (up
    /// to this cap) before its JSON is built.
    /// Default: 32 MiB (33,554,432). Range 64 KiB – 2 GiB.
    /// </summary>
    public long MaxResponseBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>
    /// Creates the innermost HTTP handler (a proxy, a test double). Called once per connector
    /// instance, which owns and disposes it. Default: <see langword="null"/>, a new
    /// <see cref="HttpClientHandler"/>. Not bound from configuration.
    /// </summary>
    public Func<HttpMessageHandler>? HttpMessageHandlerFactory { get; set; }

    /// <summary>Whether the options can renew a refused token.</summary>
    internal bool CanRefresh =>
        !string.IsNullOrWhiteSpace(RefreshToken) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    /// <summary>The API root with exactly one trailing slash, so relative paths append to it.</summary>
    internal string EffectiveBaseUrl => BaseUrl.Trim().TrimEnd('/') + "/";
}
