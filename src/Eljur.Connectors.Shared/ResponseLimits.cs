namespace Eljur.Connectors.Shared;

/// <summary>The bounds on vendor answers the HTTP connectors share.</summary>
internal static class ResponseLimits
{
    /// <summary>The default cap per answer: 32 MiB.</summary>
    public const long DefaultMaxResponseBytes = 32L * 1024 * 1024;

    /// <summary>The smallest cap accepted: 64 KiB.</summary>
    public const long MinMaxResponseBytes = 64L * 1024;

    /// <summary>The largest cap accepted: 2 GiB.</summary>
    public const long MaxMaxResponseBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// Bytes of answers read at once by parallel calls (or the cap, if smaller); the oldest call
    /// running may go past it alone (<see cref="ResponseBudget"/>).
    /// </summary>
    public const long InFlightBudget = 16L * 1024 * 1024;

    public static ResponseBudget Budget(long maxResponseBytes) => new(maxResponseBytes < InFlightBudget ? maxResponseBytes : InFlightBudget);
}
