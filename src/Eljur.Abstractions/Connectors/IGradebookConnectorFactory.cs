using System.Collections.Generic;

namespace Eljur.Abstractions.Connectors;

/// <summary>Resolves connectors registered by name (one app may talk to several schools or vendors).</summary>
public interface IGradebookConnectorFactory
{
    /// <summary>Names of the registered connector instances.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>Creates (or returns) the connector registered under <paramref name="name"/>.</summary>
    /// <param name="name">Instance name; the connector id (e.g. <c>eljur</c>) for an unnamed registration.</param>
    /// <returns>The connector.</returns>
    /// <exception cref="KeyNotFoundException">No connector of that name.</exception>
    IGradebookConnector Create(string name);
}
