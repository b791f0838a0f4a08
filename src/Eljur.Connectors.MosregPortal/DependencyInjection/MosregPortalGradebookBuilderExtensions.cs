using System;
using Eljur.Abstractions.DependencyInjection;
using Eljur.Connectors.MosregPortal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Moscow-region school portal (Dnevnik.ru platform API v2) connector instances on the gradebook builder.</summary>
public static class MosregPortalGradebookBuilderExtensions
{
    /// <summary>
    /// Adds the Moscow-region portal connector under the name <c>mosreg</c>. Resolve it with
    /// <c>IGradebookConnectorFactory.Create("mosreg")</c>.
    /// </summary>
    /// <param name="builder">The builder returned by <c>services.AddGradebook()</c>.</param>
    /// <param name="configure">Sets the options; they are validated on start.</param>
    /// <returns>The builder.</returns>
    public static IGradebookBuilder AddMosregPortal(this IGradebookBuilder builder, Action<MosregPortalOptions> configure) =>
        AddMosregPortal(builder, MosregApiClient.ConnectorId, configure);

    /// <summary>
    /// Adds a named Moscow-region portal connector instance, so one application can talk to several
    /// schools. Options are the named options <paramref name="name"/>, validated on start.
    /// </summary>
    /// <param name="builder">The builder returned by <c>services.AddGradebook()</c>.</param>
    /// <param name="name">Instance name, unique among the registered connectors.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IGradebookBuilder AddMosregPortal(this IGradebookBuilder builder, string name, Action<MosregPortalOptions> configure)
    {
        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        AddCore(builder, name).Configure(configure);
        return builder;
    }

    /// <summary>
    /// Adds a named Moscow-region portal connector instance whose options are bound from a
    /// configuration section (keys as the property names of <see cref="MosregPortalOptions"/>, e.g.
    /// <c>Token</c>, <c>SchoolId</c>, <c>RequestTimeout</c> as <c>00:00:30</c>).
    /// </summary>
    /// <param name="builder">The builder returned by <c>services.AddGradebook()</c>.</param>
    /// <param name="name">Instance name, unique among the registered connectors.</param>
    /// <param name="section">The configuration section holding the options.</param>
    /// <returns>The builder.</returns>
    public static IGradebookBuilder AddMosregPortal(this IGradebookBuilder builder, string name, IConfiguration section)
    {
        if (section is null)
        {
            throw new ArgumentNullException(nameof(section));
        }

        AddCore(builder, name).Bind(section);
        return builder;
    }

    private static OptionsBuilder<MosregPortalOptions> AddCore(IGradebookBuilder builder, string name) =>
        builder.AddConnector<MosregPortalOptions, MosregPortalOptionsValidator>(name, MosregApiClient.ConnectorId, (options, loggers, clock) => new MosregConnector(options, loggers, clock));
}
