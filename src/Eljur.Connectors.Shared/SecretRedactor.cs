using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;

namespace Eljur.Connectors.Shared;

/// <summary>
/// Keeps secrets out of every text a connector emits: query values of secret parameters in URLs
/// become <c>***</c>, and any known secret (keys, passwords, configured tokens and every session
/// token obtained since) is replaced wherever it appears, plain or URL-encoded.
/// </summary>
internal sealed class SecretRedactor
{
    public const string Mask = "***";

    // Shorter secrets are not scrubbed from free text: replacing "12" everywhere would mangle dates.
    private const int MinimumLength = 4;

    private static readonly Regex SecretQuery = new(
        @"(?<=[?&](?:devkey|auth_token|token|password|login|access_token|refresh_token|client_secret)=)[^&#\s""']*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private readonly object _gate = new();
    private string[] _secrets = Array.Empty<string>();

    public SecretRedactor(IEnumerable<string?> secrets)
    {
        foreach (var s in secrets)
        {
            Add(s);
        }
    }

    /// <summary>Adds a secret learned at run time (a session token).</summary>
    public void Add(string? secret)
    {
        if (secret is null || secret.Length < MinimumLength)
        {
            return;
        }

        lock (_gate)
        {
            var set = new HashSet<string>(_secrets, StringComparer.Ordinal) { secret };
            foreach (var variant in new[] { secret, secret.ToLowerInvariant(), secret.ToUpperInvariant() })
            {
                set.Add(variant);
                set.Add(Uri.EscapeDataString(variant));
                set.Add(WebUtility.UrlEncode(variant));
            }

            // Longest first, so a secret containing another is replaced whole.
            _secrets = set.OrderByDescending(s => s.Length).ToArray();
        }
    }

    /// <summary>Redacts secret query values and every known secret.</summary>
    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var result = SecretQuery.Replace(text, Mask);
        foreach (var secret in _secrets)
        {
            if (result.IndexOf(secret, StringComparison.Ordinal) >= 0)
            {
                result = result.Replace(secret, Mask);
            }
        }

        return result;
    }

    /// <summary>Whether the text holds a known secret (used to decide if an exception may be kept as inner).</summary>
    public bool Leaks(string? text) => !string.IsNullOrEmpty(text) && Redact(text) != text;
}
