using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Eljur.Connectors.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Eljur.Gateway.Tests;

/// <summary>The gateway hosted in memory (ASP.NET Core's TestServer, as WebApplicationFactory uses), with its logs captured.</summary>
internal sealed class GatewayHost : IAsyncDisposable
{
    private GatewayHost(WebApplication app, CapturingLoggerProvider logs)
    {
        App = app;
        Logs = logs;
    }

    public WebApplication App { get; }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>Every response body the test read (for the canary check).</summary>
    public List<string> Bodies { get; } = new();

    public static async Task<GatewayHost> StartAsync(string configFile, Action<GatewayOptions>? configure = null, CapturingLoggerProvider? logs = null, bool kestrel = false)
    {
        logs ??= new CapturingLoggerProvider();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        if (kestrel)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddGradebookGateway(configFile, o =>
        {
            o.Node = "test-node";
            o.RetryDelays.Clear();
            configure?.Invoke(o);
        });
        var app = builder.Build();
        app.MapGradebookGateway();
        await app.StartAsync();
        return new GatewayHost(app, logs);
    }

    public HttpClient Client(string? cookie = null)
    {
        var client = App.Services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>() is TestServer
            ? App.GetTestClient()
            : new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(App.Urls.First()) };
        if (cookie is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        return client;
    }

    /// <summary>Signs in through <c>POST /api/session</c> and returns a client that sends the cookie.</summary>
    public async Task<HttpClient> SignInAsync(string login, string password)
    {
        var response = await Client().PostAsJsonAsync("/api/session", new { login, password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("eljur.gateway=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        return Client(cookie.Split(';')[0]);
    }

    public async Task<string> GetStringAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, body) = await GetAsync(client, url);
        Assert.True(expected == status, $"GET {url}: {(int)status} {body}");
        return body;
    }

    /// <summary>Asks <paramref name="url"/> until it answers <paramref name="expected"/> (a state the service converges to, such as readiness); fails after 15 s with the last answer and <paramref name="when"/>.</summary>
    public async Task WaitForStatusAsync(HttpClient client, string url, HttpStatusCode expected, string when)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var (status, body) = await GetAsync(client, url);
            if (status == expected)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < until, $"GET {url} {when}: still {(int)status} {body} after 15 s, expected {(int)expected}");
            await Task.Delay(200);
        }
    }

    /// <summary>One GET; the body is kept in <see cref="Bodies"/> (the secrets test reads every answer).</summary>
    private async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Bodies.Add(body);
        return (response.StatusCode, body);
    }

    public async Task<JsonNode> GetJsonAsync(HttpClient client, string url) => JsonNode.Parse(await GetStringAsync(client, url))!;

    /// <summary>Waits until a run is no longer running and returns its summary.</summary>
    public async Task<JsonNode> WaitForRunAsync(HttpClient client, string school, string? runId = null, int timeoutSeconds = 90)
    {
        var until = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < until)
        {
            var runs = (JsonArray)(await GetJsonAsync(client, $"/api/schools/{school}/runs?limit=20"));
            var run = runId is null ? runs.FirstOrDefault() : runs.FirstOrDefault(r => (string?)r!["id"] == runId);
            if (run is not null && (string?)run["status"] != "running")
            {
                return run;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"the run of {school} did not finish in {timeoutSeconds} s");
    }

    public async Task<string> StartRunAsync(HttpClient client, string school)
    {
        var response = await client.PostAsync($"/api/schools/{school}/runs", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST runs: {(int)response.StatusCode} {body}");
        return (string)JsonNode.Parse(body)!["runId"]!;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
