using System;
using Eljur.Abstractions.DependencyInjection;
using Eljur.Connectors.Asiou;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers АСИОУ «Школа» export connector instances on the gradebook builder.</summary>
public static class AsiouGradebookBuilderExtensions
{
    /// <summary>
    /// Adds the АСИОУ connector under the name <c>asiou</c>. Resolve it with
    /// <c>IGradebookConnectorFactory.Create("asiou")</c>.
    /// </summary>
    /// <param name="builder">The builder returned by <c>services.AddGradebook()</c>.</param>
    /// <param name="configure">Sets the options; they are validated on start.</param>
    /// <returns>The builder.</returns>
    public static IGradebookBuilder AddAsiou(this IGradebookBuilder builder, Action<AsiouOptions> configure) =>
        AddAsiou(builder, AsiouConnector.ConnectorId, configure);

    /// <summary>
    /// Adds a named АСИОУ connector instance, so one application can read several schools' exports.
    /// Options are the named options <paramref name="name"/>, validated on start.
    /// </summary>
    /// <param name="builder">The builder returned by <c>services.AddGradebook()</c>.</param>
    /// <param name="name">Instance name, unique among the registered connectors.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IGradebookBuilder AddAsiou(this IGradebookBuilder builder, string name, Action<AsiouOptions> configure)
    {
        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        AddCore(builder, name).Configure(configure);
        return builder;
    }

    /// <summary>
    /// Adds a named АСИОУ connector instance whose options are bound from a configuration section
    /// (keys as the property names of <see cref="AsiouOptions"/>, e.g. <c>ExportDirectory</c>,
    /// <c>MappingFile</c>, <c>Encoding</c>, <c>TimeZone</c>).
    /// </summary>
    /// <param name="builder">The builder returned by <c>services.AddGradebook()</c>.</param>
    /// <param name="name">Instance name, unique among the registered connectors.</param>
    /// <param name="section">The configuration section holding the options.</param>
    /// <returns>The builder.</returns>
    public static IGradebookBuilder AddAsiou(this IGradebookBuilder builder, string name, IConfiguration section)
    {
        if (section is null)
        {
            throw new ArgumentNullException(nameof(section));
        }

        AddCore(builder, name).Bind(section);
        return builder;
    }

    private static OptionsBuilder<AsiouOptions> AddCore(IGradebookBuilder builder, string name) =>
        builder.AddConnector<AsiouOptions, AsiouOptionsValidator>(name, AsiouConnector.ConnectorId, (options, loggers, clock) => new AsiouConnector(options, loggers, clock));
}
