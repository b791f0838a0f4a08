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
            AddRuleOnce(services, rule);
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

        AddRuleOnce(builder.Services, new TRule());
        return builder;
    }

    /// <summary>
    /// Registers a rule instance unless one with the same id is registered already. Rules are told
    /// apart by id, not by class: one class may serve several ids (parents' and students'
    /// participation share one), so <c>TryAddEnumerable</c>, which keeps one instance per class,
    /// would drop all but the first.
    /// </summary>
    private static void AddRuleOnce(IServiceCollection services, RuleDefinition rule)
    {
        var taken = services.Any(d => d.ServiceType == typeof(RuleDefinition)
            && d.ImplementationInstance is RuleDefinition registered
            && string.Equals(registered.Id, rule.Id, StringComparison.Ordinal));
        if (!taken)
        {
            services.AddSingleton(rule);
        }
    }
}
