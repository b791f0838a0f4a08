using System;
using System.Net.Http;

namespace Eljur.Connectors.Eljur;

/// <summary>
/// Settings of one ЭлЖур (eljur.ru) connector instance: where the school's API is, how to sign in,
/// the school's time zone, and how hard to try. Registered by <c>builder.AddEljur(name, …)</c>,
/// bound from configuration by <c>builder.AddEljur(name, section)</c>, and validated when the
/// application starts (and again when the connector is first created).
/// </summary>
/// <remarks>
/// Secrets (<see cref="DevKey"/>, <see cref="Password"/>, <see cref="Token"/>) never appear in logs,
/// exception messages or snapshots: logged URLs have their query values redacted and every message
/// is scrubbed of the configured secrets (secrets shorter than four characters are not scrubbed
/// from free text, as they would mangle ordinary words).
/// </remarks>
public sealed class EljurConnectorOptions
{
    /// <summary>
    /// The API root, e.g. <c>https://school.eljur.ru/apiv3</c>, <c>https://api.eljur.ru/api</c> or a
    /// regional host such as <c>https://school.nso.ru/apiv3</c>. Default: <see langword="null"/>,
    /// meaning <c>https://{Vendor}.eljur.ru/apiv3</c>. Must be an absolute http(s) URL without a query.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// The school's identifier at ЭлЖур (its subdomain, sent as <c>vendor</c> with every call).
    /// Required; letters, digits, <c>-</c> and <c>_</c>.
    /// </summary>
    public string? Vendor { get; set; }

    /// <summary>The developer key issued by ЭлЖур (32 hexadecimal digits), sent as <c>devkey</c>. Required; a secret.</summary>
    public string? DevKey { get; set; }

    /// <summary>Login of the account the connector signs in with. Required with <see cref="Password"/> unless <see cref="Token"/> is given.</summary>
    public string? Login { get; set; }

    /// <summary>Password of <see cref="Login"/>. A secret.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// An <c>auth_token</c> obtained earlier. Optional when <see cref="Login"/> and <see cref="Password"/>
    /// are given (then it is used first and replaced by a fresh login when the vendor rejects it);
    /// without them, a rejected token fails the fetch. A secret.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>
    /// How <c>auth</c> sends the login and password: <c>form</c> (POST form body, the default),
    /// <c>json</c> (POST JSON body) or <c>query</c> (GET query string; only for hosts that accept
    /// nothing else, since the password then travels in the URL).
    /// </summary>
    public string AuthMethod { get; set; } = "form";

    /// <summary>
    /// The school's IANA time zone, e.g. <c>Asia/Yekaterinburg</c>, written to <c>school.timeZone</c>.
    /// ЭлЖур does not say it, and every deadline depends on it. Required.
    /// </summary>
    public string? TimeZone { get; set; }

    /// <summary>School name for <c>school.name</c>. Default: <see langword="null"/>, meaning <see cref="Vendor"/>.</summary>
    public string? SchoolName { get; set; }

    /// <summary>Region for <c>school.region</c>. Default: <see langword="null"/> (not written).</summary>
    public string? Region { get; set; }

    /// <summary>Working days a week (5 or 6) for <c>school.workWeek</c>. Default: 5.</summary>
    public int WorkWeek { get; set; } = 5;

    /// <summary>
    /// Days per <c>getdiary</c>/<c>getmarks</c> call: the range is split into chunks this long.
    /// Default: 7 (a diary week). Range 1–92.
    /// </summary>
    public int ChunkDays { get; set; } = 7;

    /// <summary>Calls in flight at once during a fetch. Default: 4. Range 1–32.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>
    /// Time limit of one HTTP attempt, including reading the answer; an attempt that exceeds it is
    /// retried like a server error. Default: 30 seconds. Range 100 ms – 10 minutes.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Retries of a call after a transient failure (HTTP 5xx or 429, the same in the envelope's
    /// <c>state</c>, a network error or a timeout). Default: 3. Range 0–10.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// Base of the exponential back-off between retries (with jitter) when the vendor gives no
    /// <c>Retry-After</c>. Default: 1 second. Range 0 – 1 minute.
    /// </summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest wait before a retry, whether computed or asked for by <c>Retry-After</c> (a longer
    /// <c>Retry-After</c> is cut to this). Default: 30 seconds. Range 0 – 10 minutes, and not
    /// less than <see cref="RetryBaseDelay"/>.
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
    /// Creates the innermost HTTP handler (a proxy, client certificates, a test double). Called once
    /// per connector instance; the connector owns and disposes the handler. Default:
    /// <see langword="null"/>, meaning a new <see cref="HttpClientHandler"/>. Not bound from configuration.
    /// </summary>
    public Func<HttpMessageHandler>? HttpMessageHandlerFactory { get; set; }

    /// <summary>The effective API root: <see cref="BaseUrl"/>, or the default for <see cref="Vendor"/>.</summary>
    internal string EffectiveBaseUrl =>
        (string.IsNullOrWhiteSpace(BaseUrl) ? $"https://{Vendor}.eljur.ru/apiv3" : BaseUrl!.Trim()).TrimEnd('/');
}
