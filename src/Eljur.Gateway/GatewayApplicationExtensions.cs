using System;
using Eljur.Gateway.Access;
using Eljur.Gateway.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;

namespace Eljur.Gateway;

/// <summary>Maps the gateway's pages, API and health checks.</summary>
public static class GatewayApplicationExtensions
{
    /// <summary>
    /// Adds sign-in, authorization and anti-forgery to the pipeline and maps the pages (<c>/</c>,
    /// <c>/schools/…</c>, <c>/login</c>), the JSON API (<c>/api/…</c>), <c>/health/live</c>, <c>/health/ready</c>
    /// and, with <see cref="GatewayOptions.PrometheusMetrics"/>, <c>/metrics</c>.
    /// </summary>
    /// <param name="app">The application (after <c>AddGradebookGateway</c>).</param>
    /// <returns>The application.</returns>
    public static WebApplication MapGradebookGateway(this WebApplication app)
    {
        if (app is null)
        {
            throw new ArgumentNullException(nameof(app));
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResultStatusCodes = { [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
        });
        ApiEndpoints.Map(app);
        if (app.Services.GetRequiredService<GatewayRuntime>().Options.PrometheusMetrics)
        {
            app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(GatewayAuth.Scheme);
        }

        app.MapRazorPages();
        return app;
    }
}
