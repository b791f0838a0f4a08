using System;
using System.Collections.Generic;
using Eljur.Abstractions.Time;
using Microsoft.Extensions.Options;

namespace Eljur.Connectors.Shared;

/// <summary>
/// Collects the failures of one options validation, each as <c>Options[instance].Property: why</c>,
/// with the checks every HTTP connector's options share (time zone, ranges, retry settings).
/// Messages never repeat a secret: callers pass only non-secret values.
/// </summary>
internal sealed class OptionsFailures
{
    private readonly List<string> _failures = new();
    private readonly string _prefix;

    public OptionsFailures(string optionsType, string? instance) =>
        _prefix = $"{optionsType}[{(string.IsNullOrEmpty(instance) ? "(default)" : instance)}].";

    public ValidateOptionsResult Result => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);

    public void Fail(string property, string message) => _failures.Add(_prefix + property + ": " + message);

    public void Range(string property, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            Fail(property, $"{value} is outside {min}–{max}.");
        }
    }

    public void Span(string property, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            Fail(property, $"{value} is outside {min}–{max}.");
        }
    }

    /// <summary>The cap per answer: 64 KiB – 2 GiB.</summary>
    public void ResponseCap(string property, long value)
    {
        if (value < ResponseLimits.MinMaxResponseBytes || value > ResponseLimits.MaxMaxResponseBytes)
        {
            Fail(property, $"{value} is outside {ResponseLimits.MinMaxResponseBytes}–{ResponseLimits.MaxMaxResponseBytes} bytes (64 KiB – 2 GiB).");
        }
    }

    /// <summary>A required IANA time zone the clock can resolve.</summary>
    public void TimeZone(string property, string? zone, string example)
    {
        if (string.IsNullOrWhiteSpace(zone))
        {
            Fail(property, $"required: the school's IANA time zone, e.g. {example}.");
            return;
        }

        try
        {
            SchoolTimeZone.Resolve(zone!);
        }
        catch (ArgumentException)
        {
            Fail(property, $"\"{zone}\" is not a known IANA time zone.");
        }
    }

    /// <summary>The shared resilience settings: retries 0–10, an attempt 100 ms – 10 min, back-off 0 – 1 min, its cap 0 – 10 min and not below the base.</summary>
    public void Resilience(int maxRetries, TimeSpan requestTimeout, TimeSpan retryBaseDelay, TimeSpan maxRetryDelay)
    {
        Range("MaxRetries", maxRetries, 0, 10);
        Span("RequestTimeout", requestTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10));
        Span("RetryBaseDelay", retryBaseDelay, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Span("MaxRetryDelay", maxRetryDelay, TimeSpan.Zero, TimeSpan.FromMinutes(10));
        if (maxRetryDelay < retryBaseDelay)
        {
            Fail("MaxRetryDelay", "must not be less than RetryBaseDelay.");
        }
    }
}
