using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Claims;
using Eljur.Gateway.Configuration;
using Microsoft.AspNetCore.Identity;

namespace Eljur.Gateway.Access;

/// <summary>Checks a login and password against the configured hashes, with the lockout: 5 failures within a minute lock the login for a minute.</summary>
internal sealed class SignInService
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly GatewayRuntime _runtime;
    private readonly PasswordHasher<string> _hasher = new();
    private readonly Dictionary<string, List<DateTimeOffset>> _failures = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public SignInService(GatewayRuntime runtime) => _runtime = runtime;

    public enum Outcome
    {
        SignedIn,
        Wrong,
        Locked,
    }

    public (Outcome Outcome, ClaimsPrincipal? User) Check(string login, string password)
    {
        var now = _runtime.Options.Time.GetUtcNow();
        lock (_gate)
        {
            if (_failures.TryGetValue(login, out var list))
            {
                list.RemoveAll(t => now - t >= Window);
                if (list.Count >= MaxFailures)
                {
                    return (Outcome.Locked, null);
                }
            }
        }

        var user = _runtime.Settings.Users.FirstOrDefault(u => string.Equals(u.Login, login, StringComparison.Ordinal));
        var verified = user is not null && _hasher.VerifyHashedPassword(login, user.PasswordHash, password) != PasswordVerificationResult.Failed;
        if (!verified)
        {
            lock (_gate)
            {
                if (!_failures.TryGetValue(login, out var list))
                {
                    _failures[login] = list = new List<DateTimeOffset>();
                }

                list.Add(now);
            }

            return (Outcome.Wrong, null);
        }

        lock (_gate)
        {
            _failures.Remove(login);
        }

        return (Outcome.SignedIn, Principal(user!.Login, user.Access, GatewayAuth.CookieScheme));
    }

    public static ClaimsPrincipal Principal(string name, AccessScope access, string scheme) =>
        new(new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, name), new Claim(GatewayAuth.AccessClaim, access.ToClaim()) }, scheme));
}
