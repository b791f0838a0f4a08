using System;
using Eljur.Abstractions.Connectors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

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

    /// <summary>
    /// Registers a named connector instance whose settings are the named options
    /// <paramref name="name"/> of <typeparamref name="TOptions"/>, checked by
    /// <typeparamref name="TValidator"/> when the application starts and when the connector is first
    /// created. The connector is built from those options, the logger factory (a null one when none is
    /// registered) and the registered <see cref="TimeProvider"/> (the system clock by default).
    /// Connector packages call this from their <c>AddXxx(name, …)</c> extensions, then configure or
    /// bind the returned options builder.
    /// </summary>
    /// <typeparam name="TOptions">The connector's options class.</typeparam>
    /// <typeparam name="TValidator">Its validator.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">Instance name, unique among the registered connectors.</param>
    /// <param name="connectorId">Connector id, e.g. <c>eljur</c>.</param>
    /// <param name="create">Creates the connector.</param>
    /// <returns>The options builder of this instance.</returns>
    public static OptionsBuilder<TOptions> AddConnector<TOptions, TValidator>(
        this IGradebookBuilder builder, string name, string connectorId, Func<TOptions, ILoggerFactory, TimeProvider, IGradebookConnector> create)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A connector instance needs a name.", nameof(name));
        }

        if (create is null)
        {
            throw new ArgumentNullException(nameof(create));
        }

        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        services.TryAddSingleton(TimeProvider.System);
        builder.AddConnector(new ConnectorRegistration(name, connectorId, sp => create(
            sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            sp.GetService<TimeProvider>() ?? TimeProvider.System)));
        return services.AddOptions<TOptions>(name).ValidateOnStart();
    }
}
