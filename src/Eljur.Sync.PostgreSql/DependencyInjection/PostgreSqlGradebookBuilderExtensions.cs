using System;
using Eljur.Abstractions.DependencyInjection;
using Eljur.Abstractions.Sync;
using Eljur.Sync.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL store on the gradebook builder.</summary>
public static class PostgreSqlGradebookBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="PostgreSqlGradebookStore"/> as the application's <see cref="IGradebookStore"/>
    /// (a singleton; its tables are migrated on first use). The options are validated on start.
    /// </summary>
    /// <param name="builder">The builder returned by <c>services.AddGradebook()</c>.</param>
    /// <param name="configure">Sets the connection string and, optionally, the schema.</param>
    /// <returns>The builder.</returns>
    public static IGradebookBuilder AddPostgreSqlStore(this IGradebookBuilder builder, Action<PostgreSqlStoreOptions> configure)
    {
        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        AddCore(builder).Configure(configure);
        return builder;
    }

    /// <summary>
    /// Registers the PostgreSQL store with options bound from a configuration section (keys as the
    /// property names of <see cref="PostgreSqlStoreOptions"/>: <c>ConnectionString</c>, <c>Schema</c>,
    /// <c>CommandTimeout</c> as <c>00:05:00</c>).
    /// </summary>
    /// <param name="builder">The builder returned by <c>services.AddGradebook()</c>.</param>
    /// <param name="section">The configuration section holding the options.</param>
    /// <returns>The builder.</returns>
    public static IGradebookBuilder AddPostgreSqlStore(this IGradebookBuilder builder, IConfiguration section)
    {
        if (section is null)
        {
            throw new ArgumentNullException(nameof(section));
        }

        AddCore(builder).Bind(section);
        return builder;
    }

    private static OptionsBuilder<PostgreSqlStoreOptions> AddCore(IGradebookBuilder builder)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlStoreOptions>, PostgreSqlStoreOptionsValidator>());
        services.TryAddSingleton(sp => new PostgreSqlGradebookStore(sp.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value));
        services.TryAddSingleton<IGradebookStore>(sp => sp.GetRequiredService<PostgreSqlGradebookStore>());
        return services.AddOptions<PostgreSqlStoreOptions>().ValidateOnStart();
    }
}
