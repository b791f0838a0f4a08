using System;
using System.Linq;
using Eljur.Connectors.Shared;
using Microsoft.Extensions.Options;

namespace Eljur.Connectors.MosregPortal;

/// <summary>
/// Validates <see cref="MosregPortalOptions"/>. Messages name the instance and the property and
/// never repeat a secret's value.
/// </summary>
internal sealed class MosregPortalOptionsValidator : IValidateOptions<MosregPortalOptions>
{
    public ValidateOptionsResult Validate(string? name, MosregPortalOptions options)
    {
        if (options is null)
        {
            return ValidateOptionsResult.Fail("MosregPortalOptions: no options.");
        }

        var failures = new OptionsFailures(nameof(MosregPortalOptions), name);
        void Fail(string property, string message) => failures.Fail(property, message);

        if (string.IsNullOrWhiteSpace(options.BaseUrl)
            || !Uri.TryCreate(options.BaseUrl.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            // The URL is not echoed: someone may have pasted a token into it.
            Fail(nameof(options.BaseUrl), "must be an absolute http or https URL, e.g. " + MosregPortalOptions.DefaultBaseUrl + ".");
        }
        else if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            Fail(nameof(options.BaseUrl), "must not have a query or fragment (the token is an option of its own).");
        }

        if (string.IsNullOrWhiteSpace(options.Token))
        {
            Fail(nameof(options.Token), "required (an access token issued to the integrator's application).");
        }

        var refreshParts = new[] { options.RefreshToken, options.ClientId, options.ClientSecret }.Count(s => !string.IsNullOrWhiteSpace(s));
        if (refreshParts is not (0 or 3))
        {
            Fail(nameof(options.RefreshToken), "RefreshToken, ClientId and ClientSecret go together (all three to renew a refused token, or none).");
        }

        if (options.SchoolId is { } school && (school.Trim().Length is 0 or > 19 || !school.Trim().All(c => c is >= '0' and <= '9')))
        {
            Fail(nameof(options.SchoolId), $"\"{options.SchoolId}\" is not a portal id (up to 19 digits).");
        }

        if (options.TimeZone is not null)
        {
            failures.TimeZone(nameof(options.TimeZone), options.TimeZone, "Europe/Moscow");
        }
        if (options.WorkWeek is not (5 or 6))
        {
            Fail(nameof(options.WorkWeek), "must be 5 or 6.");
        }

        failures.Range(nameof(options.MaxInFlight), options.MaxInFlight, 1, 10);
        failures.ResponseCap(nameof(options.MaxResponseBytes), options.MaxResponseBytes);
        failures.Resilience(options.MaxRetries, options.RequestTimeout, options.RetryBaseDelay, options.MaxRetryDelay);
        return failures.Result;
    }
}
