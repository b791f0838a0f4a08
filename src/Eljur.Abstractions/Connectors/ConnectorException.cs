using System;

namespace Eljur.Abstractions.Connectors;

/// <summary>
/// The source failed: network, authentication, a vendor error, or a response that cannot be
/// understood. The message names the connector, the call and the reason, and never a secret.
/// The CLI exits with code 3.
/// </summary>
public sealed class ConnectorException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="connector">Connector id.</param>
    /// <param name="operation">The call that failed, e.g. <c>getmarks</c> (no query string).</param>
    /// <param name="message">Why, in plain words (include the vendor's own message when there is one).</param>
    /// <param name="kind">What kind of failure.</param>
    /// <param name="statusCode">HTTP status, when any.</param>
    /// <param name="inner">Underlying exception (must not carry secrets in its message).</param>
    public ConnectorException(string connector, string operation, string message, ConnectorFailureKind kind, int? statusCode = null, Exception? inner = null)
        : base($"{connector}: {operation}: {message}", inner)
    {
        Connector = connector;
        Operation = operation;
        Kind = kind;
        StatusCode = statusCode;
    }

    /// <summary>Connector id.</summary>
    public string Connector { get; }

    /// <summary>The call that failed.</summary>
    public string Operation { get; }

    /// <summary>What kind of failure.</summary>
    public ConnectorFailureKind Kind { get; }

    /// <summary>HTTP status, when any.</summary>
    public int? StatusCode { get; }
}
