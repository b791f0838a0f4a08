using System;
using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Time;
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

        var failures = new List<string>();
        var prefix = $"MosregPortalOptions[{(string.IsNullOrEmpty(name) ? "(default)" : name)}].";
        void Fail(string property, string message) => failures.Add(prefix + property + ": " + message);

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

        if (string.IsNullOrWhiteSpace(options.SchoolId))
        {
            Fail(nameof(options.SchoolId), "required (the school's id at the portal).");
        }
        else if (options.SchoolId!.Trim().Length > 19 || !options.SchoolId.Trim().All(c => c is >= '0' and <= '9'))
        {
            Fail(nameof(options.SchoolId), $"\"{options.SchoolId}\" is not a portal id (up to 19 digits).");
        }

        if (string.IsNullOrWhiteSpace(options.TimeZone))
        {
            Fail(nameof(options.TimeZone), "required: the school's IANA time zone, e.g. Europe/Moscow.");
        }
        else
        {
            try
            {
                SchoolTimeZone.Resolve(options.TimeZone);
            }
            catch (ArgumentException)
            {
                Fail(nameof(options.TimeZone), $"\"{options.TimeZone}\" is not a known IANA time zone.");
            }
        }

        if (options.WorkWeek is not (5 or 6))
        {
            Fail(nameof(options.WorkWeek), "must be 5 or 6.");
        }

        Range(nameof(options.MaxInFlight), options.MaxInFlight, 1, 10);
        Range(nameof(options.MaxRetries), options.MaxRetries, 0, 10);
        Span(nameof(options.RequestTimeout), options.RequestTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10));
        Span(nameof(options.RetryBaseDelay), options.RetryBaseDelay, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Span(nameof(options.MaxRetryDelay), options.MaxRetryDelay, TimeSpan.Zero, TimeSpan.FromMinutes(10));
        if (options.MaxRetryDelay < options.RetryBaseDelay)
        {
            Fail(nameof(options.MaxRetryDelay), "must not be less than RetryBaseDelay.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Range(string property, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                Fail(property, $"{value} is outside {min}–{max}.");
            }
        }

        void Span(string property, TimeSpan value, TimeSpan min, TimeSpan max)
        {
            if (value < min || value > max)
            {
                Fail(property, $"{value} is outside {min}–{max}.");
            }
        }
    }
}
