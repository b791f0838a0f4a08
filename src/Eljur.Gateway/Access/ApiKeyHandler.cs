using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Eljur.Gateway.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Eljur.Gateway.Access;

/// <summary><c>Authorization: Bearer KEY</c>: the key is checked against the configured hashes (a verified key is remembered by its SHA-256 only).</summary>
internal sealed class ApiKeyHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    private static readonly ConcurrentDictionary<string, ApiKeySettings> Verified = new(StringComparer.Ordinal);
    private readonly GatewayRuntime _runtime;

    public ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, GatewayRuntime runtime)
        : base(options, logger, encoder) => _runtime = runtime;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var key = header.Substring(7).Trim();
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        if (!Verified.TryGetValue(digest, out var found) || !_runtime.Settings.ApiKeys.Contains(found))
        {
            var hasher = new PasswordHasher<string>();
            found = _runtime.Settings.ApiKeys.FirstOrDefault(k => hasher.VerifyHashedPassword(k.Name, k.Hash, key) != PasswordVerificationResult.Failed)!;
            if (found is null)
            {
                return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
            }

            Verified[digest] = found;
        }

        var principal = SignInService.Principal(found.Name, found.Access, Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        return Task.CompletedTask;
    }
}
