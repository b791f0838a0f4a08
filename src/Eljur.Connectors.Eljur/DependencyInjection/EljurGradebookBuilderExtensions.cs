using System;
using Eljur.Abstractions.DependencyInjection;
using Eljur.Connectors.Eljur;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ЭлЖур (eljur.ru) connector instances on the gradebook builder.</summary>
public static class EljurGradebookBuilderExtensions
{
    /// <summary>
    /// Adds the ЭлЖур connector under the name <c>eljur</c>. Resolve it with
    /// <c>IGradebookConnectorFactory.Create("eljur")</c>.
    /// </summary>
    /// <param name="builder">The builder returned by <c>services.AddGradebook()</c>.</param>
    /// <param name="configure">Sets the options; they are validated on start.</param>
    /// <returns>The builder.</returns>
    public static IGradebookBuilder AddEljur(this IGradebookBuilder builder, Action<EljurConnectorOptions> configure) =>
        AddEljur(builder, EljurApiClient.ConnectorId, configure);

    /// <summary>
    /// Adds a named ЭлЖур connector instance, so one application can talk to several schools.
    /// Options are the named options <paramref name="name"/>, validated on start.
    /// </summary>
    /// <param name="builder">The builder returned by <c>services.AddGradebook()</c>.</param>
    /// <param name="name">Instance name, unique among the registered connectors.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IGradebookBuilder AddEljur(this IGradebookBuilder builder, string name, Action<EljurConnectorOptions> configure)
    {
        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        AddCore(builder, name).Configure(configure);
        return builder;
    }

    /// <summary>
    /// Adds a named ЭлЖур connector instance whose options are bound from a configuration section
    /// (keys as the property names of <see cref="EljurConnectorOptions"/>, e.g. <c>Vendor</c>,
    /// <c>DevKey</c>, <c>TimeZone</c>, <c>RequestTimeout</c> as <c>00:00:30</c>).
    /// </summary>
    /// <param name="builder">The builder returned by <c>services.AddGradebook()</c>.</param>
    /// <param name="name">Instance name, unique among the registered connectors.</param>
    /// <param name="section">The configuration section holding the options.</param>
    /// <returns>The builder.</returns>
    public static IGradebookBuilder AddEljur(this IGradebookBuilder builder, string name, IConfiguration section)
    {
        if (section is null)
        {
            throw new ArgumentNullException(nameof(section));
        }

        AddCore(builder, name).Bind(section);
        return builder;
    }

    private static OptionsBuilder<EljurConnectorOptions> AddCore(IGradebookBuilder builder, string name) =>
        builder.AddConnector<EljurConnectorOptions, EljurOptionsValidator>(name, EljurApiClient.ConnectorId, (options, loggers, clock) => new EljurConnector(options, loggers, clock));
}
