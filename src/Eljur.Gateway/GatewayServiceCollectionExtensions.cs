using System;
using OpenTelemetry.Metrics;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Eljur.Gateway.Access;
using Eljur.Gateway.Configuration;
using Eljur.Gateway.Health;
using Eljur.Gateway.Runs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using Quartz;

namespace Eljur.Gateway;

/// <summary>Registers the gateway in an ASP.NET Core application.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Adds the gateway configured by an <c>eljur.gateway/1</c> section (appsettings, environment,
    /// or a file added to the configuration). The whole configuration is validated now.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding <c>format</c>, <c>storage</c>, <c>schools</c>, ….</param>
    /// <param name="configure">Host decisions: node name, runs at start, extra connectors and stores.</param>
    /// <returns>The services.</returns>
    /// <exception cref="GatewayConfigurationException">The configuration is invalid.</exception>
    public static IServiceCollection AddGradebookGateway(this IServiceCollection services, IConfiguration configuration, Action<GatewayOptions>? configure = null)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        return services.AddGateway(ConfigurationJson.ToJson(configuration), null, configure);
    }

    /// <summary>
    /// Adds the gateway configured by an <c>eljur.gateway/1</c> JSON file; errors name the file and line.
    /// Relative paths in it resolve against the file's folder.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configFile">The configuration file.</param>
    /// <param name="configure">Host decisions: node name, runs at start, extra connectors and stores.</param>
    /// <returns>The services.</returns>
    /// <exception cref="GatewayConfigurationException">The configuration is invalid.</exception>
    public static IServiceCollection AddGradebookGateway(this IServiceCollection services, string configFile, Action<GatewayOptions>? configure = null)
    {
        if (configFile is null)
        {
            throw new ArgumentNullException(nameof(configFile));
        }

        return services.AddGateway(GatewayConfigReader.Parse(configFile), Path.GetFullPath(configFile), configure);
    }

    private static IServiceCollection AddGateway(this IServiceCollection services, JObject json, string? file, Action<GatewayOptions>? configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var options = new GatewayOptions();
        configure?.Invoke(options);
        var providers = new IGatewayStorageProvider[] { new SqliteGatewayStorage(), new PostgreSqlGatewayStorage() }.Concat(options.StorageProviders).ToList();
        var baseDirectory = options.BaseDirectory ?? (file is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(file)!);
        var connectors = ConnectorDirectory.BuiltIn.Concat(options.Connectors.Keys).Distinct(StringComparer.Ordinal).ToList();
        var reader = new GatewayConfigReader(file, baseDirectory, options.Environment, connectors, providers.Select(p => p.Name).ToList());
        var settings = reader.Read(json);
        var storage = providers.Last(p => p.Name == settings.Storage.Provider);
        if (storage.Validate(settings.Storage) is { } problem)
        {
            throw new GatewayConfigurationException(problem, "$.storage", null, file);
        }

        var runtime = new GatewayRuntime(settings, storage, options);
        services.AddSingleton(runtime);
        services.AddSingleton(sp =>
        {
            var directory = new ConnectorDirectory(settings, options, sp.GetService<ILoggerFactory>());
            return directory;
        });
        new ConnectorDirectory(settings, options, null).ValidateAll(settings);

        services.AddSingleton<GatewayMetrics>();
        if (options.PrometheusMetrics)
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(GatewayMetrics.MeterName).AddPrometheusExporter());
        }

        services.AddSingleton<SchoolRunner>();
        services.AddSingleton<RunCoordinator>();
        services.AddSingleton<SchoolAccess>();
        services.AddSingleton<SignInService>();
        services.AddTransient<SchoolRunJob>();

        services.AddQuartz(q => GatewayScheduling.Configure(q, settings, storage, options));
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<GatewayStartup>();

        services.AddAuthentication(GatewayAuth.Scheme)
            .AddPolicyScheme(GatewayAuth.Scheme, "cookie or API key", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? GatewayAuth.ApiKeyScheme : GatewayAuth.CookieScheme)
            .AddCookie(GatewayAuth.CookieScheme, o =>
            {
                o.Cookie.Name = GatewayAuth.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.Events = new CookieAuthenticationEvents
                {
                    OnRedirectToLogin = ctx =>
                    {
                        // Machines (scripts, a Prometheus scraper) get 401, people a redirect to the sign-in page.
                        if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
                            || ctx.Request.Path.StartsWithSegments("/metrics", StringComparison.Ordinal))
                        {
                            ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                            return System.Threading.Tasks.Task.CompletedTask;
                        }

                        ctx.Response.Redirect(ctx.RedirectUri);
                        return System.Threading.Tasks.Task.CompletedTask;
                    },
                    OnRedirectToAccessDenied = ctx =>
                    {
                        ctx.Response.StatusCode = StatusCodes.Status404NotFound;
                        return System.Threading.Tasks.Task.CompletedTask;
                    },
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(GatewayAuth.ApiKeyScheme, _ => { });
        services.AddAuthorizationBuilder()
            .AddPolicy(GatewayAuth.Scheme, p => p.AddAuthenticationSchemes(GatewayAuth.Scheme).RequireAuthenticatedUser());
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "eljur.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__csrf";
        });
        // The pages are Razor Pages compiled into this library: add it as an application part (once,
        // whether or not the host's own assembly already pulls it in), and let Cyrillic through the
        // HTML encoder unescaped (markup characters are still encoded).
        var pages = services.AddRazorPages();
        var assembly = typeof(GatewayServiceCollectionExtensions).Assembly;
        pages.ConfigureApplicationPartManager(m =>
        {
            if (!m.ApplicationParts.Any(p => p.Name == assembly.GetName().Name))
            {
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                {
                    m.ApplicationParts.Add(part);
                }
            }
        });
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: new[] { "ready" })
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: new[] { "ready" });
        return services;
    }
}
