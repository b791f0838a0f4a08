using System;
using System.Linq;
using Eljur.Connectors.Shared;
using Microsoft.Extensions.Options;

namespace Eljur.Connectors.Eljur;

/// <summary>
/// Validates <see cref="EljurConnectorOptions"/>. Messages name the instance and the property and
/// never repeat a secret's value.
/// </summary>
internal sealed class EljurOptionsValidator : IValidateOptions<EljurConnectorOptions>
{
    internal static readonly string[] AuthMethods = { "form", "json", "query" };

    public ValidateOptionsResult Validate(string? name, EljurConnectorOptions options)
    {
        if (options is null)
        {
            return ValidateOptionsResult.Fail("EljurConnectorOptions: no options.");
        }

        var failures = new OptionsFailures(nameof(EljurConnectorOptions), name);
        void Fail(string property, string message) => failures.Fail(property, message);

        if (string.IsNullOrWhiteSpace(options.Vendor))
        {
            Fail(nameof(options.Vendor), "required (the school's ЭлЖур subdomain).");
        }
        else if (!options.Vendor!.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_'))
        {
            Fail(nameof(options.Vendor), $"\"{options.Vendor}\" is not a subdomain (letters, digits, '-' and '_' only).");
        }

        if (!string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            if (!Uri.TryCreate(options.BaseUrl!.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                // The URL is not echoed: someone may have pasted a devkey into it.
                Fail(nameof(options.BaseUrl), "must be an absolute http or https URL, e.g. https://school.eljur.ru/apiv3.");
            }
            else if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            {
                Fail(nameof(options.BaseUrl), "must not have a query or fragment (devkey and vendor are options of their own).");
            }
        }

        if (string.IsNullOrWhiteSpace(options.DevKey))
        {
            Fail(nameof(options.DevKey), "required (the developer key issued by ЭлЖур).");
        }
        else if (options.DevKey!.Length != 32 || !options.DevKey.All(Uri.IsHexDigit))
        {
            Fail(nameof(options.DevKey), "must be 32 hexadecimal digits.");
        }

        var hasLogin = !string.IsNullOrWhiteSpace(options.Login);
        var hasPassword = !string.IsNullOrEmpty(options.Password);
        var hasToken = !string.IsNullOrWhiteSpace(options.Token);
        if (hasLogin != hasPassword)
        {
            Fail(hasLogin ? nameof(options.Password) : nameof(options.Login), "Login and Password go together.");
        }
        else if (!hasLogin && !hasToken)
        {
            Fail(nameof(options.Token), "give Login and Password, or a Token.");
        }

        if (!AuthMethods.Contains(options.AuthMethod, StringComparer.Ordinal))
        {
            Fail(nameof(options.AuthMethod), $"\"{options.AuthMethod}\" is not one of {string.Join(", ", AuthMethods)}.");
        }

        failures.TimeZone(nameof(options.TimeZone), options.TimeZone, "Asia/Yekaterinburg");

        if (options.WorkWeek is not (5 or 6))
        {
            Fail(nameof(options.WorkWeek), "must be 5 or 6.");
        }

        failures.Range(nameof(options.ChunkDays), options.ChunkDays, 1, 92);
        failures.Range(nameof(options.MaxConcurrency), options.MaxConcurrency, 1, 32);
        failures.ResponseCap(nameof(options.MaxResponseBytes), options.MaxResponseBytes);
        failures.Resilience(options.MaxRetries, options.RequestTimeout, options.RetryBaseDelay, options.MaxRetryDelay);
        return failures.Result;
    }
}
