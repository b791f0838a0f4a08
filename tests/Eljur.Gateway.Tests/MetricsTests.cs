using System;
using System.Net;
using System.Threading.Tasks;

namespace Eljur.Gateway.Tests;

/// <summary><c>/metrics</c>: the meter in Prometheus text when enabled, behind sign-in like the API; absent otherwise.</summary>
public sealed class MetricsTests : IDisposable
{
    private readonly TwoSchools _schools = new();

    public void Dispose() => _schools.Dispose();

    [Fact]
    public async Task Enabled_metrics_count_the_runs_for_a_signed_in_caller_only()
    {
        await using var host = await GatewayHost.StartAsync(_schools.ConfigFile, o => { _schools.Configure(o); o.PrometheusMetrics = true; });
        var client = await host.SignInAsync(TwoSchools.RegionLogin, TwoSchools.RegionPassword);
        var runId = await host.StartRunAsync(client, "alpha");
        var run = await host.WaitForRunAsync(client, "alpha", runId);
        Assert.Equal("ok", (string?)run["status"]);

        // The run is recorded in the history a moment before its metrics, and the exporter caches a scrape briefly.
        var text = "";
        for (var i = 0; i < 50 && !text.Contains("eljur_gateway_runs", StringComparison.Ordinal); i++)
        {
            await Task.Delay(200);
            text = await host.GetStringAsync(client, "/metrics");
        }

        Assert.Contains("eljur_gateway_runs", text, StringComparison.Ordinal);
        Assert.Contains("status=\"ok\"", text, StringComparison.Ordinal);
        Assert.Contains("eljur_gateway_run_duration", text, StringComparison.Ordinal);

        var anonymous = await host.Client().GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Without_the_option_there_is_no_metrics_route()
    {
        await using var host = await GatewayHost.StartAsync(_schools.ConfigFile, _schools.Configure);
        var client = await host.SignInAsync(TwoSchools.RegionLogin, TwoSchools.RegionPassword);
        var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
