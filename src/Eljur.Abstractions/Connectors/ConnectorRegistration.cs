using System;

namespace Eljur.Abstractions.Connectors;

/// <summary>
/// One named connector instance, registered in DI by a connector package's <c>AddXxx(name, …)</c>
/// and resolved through <see cref="IGradebookConnectorFactory"/>.
/// </summary>
public sealed class ConnectorRegistration
{
    /// <summary>Creates a registration.</summary>
    /// <param name="name">Instance name (also the named-options name).</param>
    /// <param name="connectorId">Connector id, e.g. <c>eljur</c>.</param>
    /// <param name="factory">Creates the connector for this name.</param>
    public ConnectorRegistration(string name, string connectorId, Func<IServiceProvider, IGradebookConnector> factory)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A connector needs a name.", nameof(name)) : name;
        ConnectorId = connectorId;
        Factory = factory ?? throw new ArgumentNullException(nameof(factory));
    }

    /// <summary>Instance name.</summary>
    public string Name { get; }

    /// <summary>Connector id.</summary>
    public string ConnectorId { get; }

    /// <summary>Creates the connector.</summary>
    public Func<IServiceProvider, IGradebookConnector> Factory { get; }
}
