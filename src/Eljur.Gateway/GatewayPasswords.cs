using System;
using Microsoft.AspNetCore.Identity;

namespace Eljur.Gateway;

/// <summary>Hashes for the configuration's <c>passwordHash</c> and API keys' <c>hash</c> (ASP.NET Core Identity's PBKDF2 format).</summary>
public static class GatewayPasswords
{
    /// <summary>Hashes a password or an API key.</summary>
    /// <param name="secret">The password or key.</param>
    /// <returns>The hash to put in the configuration.</returns>
    public static string Hash(string secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            throw new ArgumentException("Нужен непустой пароль.", nameof(secret));
        }

        return new PasswordHasher<string>().HashPassword("", secret);
    }
}
