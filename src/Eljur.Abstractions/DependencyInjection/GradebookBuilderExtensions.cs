using System;
using Eljur.Abstractions.Connectors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Eljur.Abstractions.DependencyInjection;

/// <summary>Helpers for connector packages registering on an <see cref="IGradebookBuilder"/>.</summary>
public static class GradebookBuilderExtensions
{
    /// <summary>
    /// Registers a named connector instance and the connector factory (once). Connector packages call
    /// this from their <c>AddXxx(name, configure)</c> extension.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="registration">The instance.</param>
    /// <returns>The builder.</returns>
    public static IGradebookBuilder AddConnector(this IGradebookBuilder builder, ConnectorRegistration registration)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        builder.Services.AddSingleton(registration ?? throw new ArgumentNullException(nameof(registration)));
        builder.Services.TryAddSingleton<IGradebookConnectorFactory, GradebookConnectorFactory>();
        return builder;
    }
}
