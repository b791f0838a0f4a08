using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace Eljur.Abstractions.Connectors;

/// <summary>The default <see cref="IGradebookConnectorFactory"/>: one connector per registered name, created on first use.</summary>
public sealed class GradebookConnectorFactory : IGradebookConnectorFactory
{
    private readonly IServiceProvider _services;
    private readonly Dictionary<string, ConnectorRegistration> _registrations;
    private readonly ConcurrentDictionary<string, IGradebookConnector> _created = new(StringComparer.Ordinal);

    /// <summary>Creates the factory.</summary>
    /// <param name="services">The service provider the connectors are built from.</param>
    /// <param name="registrations">The registered instances.</param>
    public GradebookConnectorFactory(IServiceProvider services, IEnumerable<ConnectorRegistration> registrations)
    {
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _registrations = new Dictionary<string, ConnectorRegistration>(StringComparer.Ordinal);
        foreach (var r in registrations)
        {
            if (_registrations.ContainsKey(r.Name))
            {
                throw new InvalidOperationException($"Two connectors are registered under the name \"{r.Name}\".");
            }

            _registrations.Add(r.Name, r);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Names => _registrations.Keys.OrderBy(n => n, StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public IGradebookConnector Create(string name)
    {
        if (!_registrations.TryGetValue(name, out var registration))
        {
            throw new KeyNotFoundException($"No connector is registered under the name \"{name}\"; registered: {string.Join(", ", Names)}.");
        }

        return _created.GetOrAdd(name, _ => registration.Factory(_services));
    }
}
