namespace Eljur.Abstractions.Connectors;

/// <summary>Kinds of source failure.</summary>
public enum ConnectorFailureKind
{
    /// <summary>Network error or timeout after retries.</summary>
    Network,

    /// <summary>Credentials rejected or token expired and re-login failed.</summary>
    Authentication,

    /// <summary>The vendor answered with an error (after retries for transient ones).</summary>
    Vendor,

    /// <summary>The vendor's answer could not be understood.</summary>
    MalformedResponse,

    /// <summary>The export or input files are missing or bad (file connectors).</summary>
    Input,

    /// <summary>Rate limited and retries exhausted.</summary>
    RateLimited,

    /// <summary>
    /// An answer was larger than the connector's cap per answer (its <c>MaxResponseBytes</c>); the
    /// read stopped there, so a misbehaving server cannot exhaust the memory.
    /// </summary>
    ResponseTooLarge,
}
