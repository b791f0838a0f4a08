using System;
using System.Linq;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.DependencyInjection;
using Eljur.Abstractions.Evaluation;
using Eljur.Rules;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the gradebook compliance services.</summary>
public static class GradebookServiceCollectionExtensions
{
    /// <summary>
    /// Adds the policy engine, the standard rule catalog, the presets, the Russian production
    /// calendar and <see cref="TimeProvider.System"/> (each only if not registered already), and
    /// returns a builder that connectors attach to.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures <see cref="GradebookOptions"/>; validated on start.</param>
    /// <returns>The builder.</returns>
    public static IGradebookBuilder AddGradebook(this IServiceCollection services, Action<GradebookOptions>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var options = services.AddOptions<GradebookOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GradebookOptions>, GradebookOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IProductionCalendar>(sp =>
        {
            var calendar = ProductionCalendar.Russia;
            var gradebook = sp.GetRequiredService<IOptions<GradebookOptions>>().Value;
            foreach (var year in gradebook.CalendarYears)
            {
                calendar = calendar.WithYear(year);
            }

            foreach (var path in gradebook.CalendarFiles)
            {
                calendar = calendar.WithYear(XmlCalendar.ReadFile(path));
            }

            return calendar;
        });
        foreach (var rule in StandardRules.All)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(RuleDefinition), rule));
        }

        services.TryAddSingleton<IRuleCatalog>(sp => new RuleCatalog(sp.GetServices<RuleDefinition>()));
        services.TryAddSingleton<IPolicyEngine>(sp => new PolicyEngine(
            sp.GetRequiredService<IRuleCatalog>(),
            sp.GetRequiredService<IProductionCalendar>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<PolicyProvider>();
        return new GradebookBuilder(services);
    }

    /// <summary>Adds a rule of your own to the catalog, so policies can use its id.</summary>
    /// <typeparam name="TRule">The rule type, with a public parameterless constructor.</typeparam>
    /// <param name="builder">The gradebook builder.</param>
    /// <returns>The builder.</returns>
    public static IGradebookBuilder AddRule<TRule>(this IGradebookBuilder builder)
        where TRule : RuleDefinition, new()
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (!builder.Services.Any(d => d.ServiceType == typeof(RuleDefinition) && d.ImplementationInstance?.GetType() == typeof(TRule)))
        {
            builder.Services.AddSingleton<RuleDefinition>(new TRule());
        }

        return builder;
    }
}
