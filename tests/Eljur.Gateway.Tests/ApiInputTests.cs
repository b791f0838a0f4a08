using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Eljur.Gateway.Tests;

/// <summary>A wrong query value or address under <c>/api</c> gets a JSON answer that says, in Russian, what is wrong.</summary>
public sealed class ApiInputTests : IDisposable
{
    private readonly TwoSchools _schools = new();

    public void Dispose() => _schools.Dispose();

    private static HttpClient Keyed(GatewayHost host)
    {
        var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TwoSchools.ApiKey);
        return client;
    }

    [Theory]
    [InlineData("/api/schools/alpha/runs?limit=abc", "limit")]
    [InlineData("/api/schools/alpha/runs?limit=-1", "limit")]
    [InlineData("/api/schools/alpha/snapshot?from=2024-13-01&to=2024-10-01", "from")]
    public async Task A_wrong_query_value_is_a_json_400_naming_it(string url, string named)
    {
        await using var host = await GatewayHost.StartAsync(_schools.ConfigFile, _schools.Configure);
        var client = Keyed(host);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"];
        Assert.NotNull(error);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/no-such-address")]
    [InlineData("/api/schools/alpha/no-such-thing")]
    public async Task An_unknown_api_address_is_a_json_404(string url)
    {
        await using var host = await GatewayHost.StartAsync(_schools.ConfigFile, _schools.Configure);
        var client = Keyed(host);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("такого адреса в API нет", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/schools/alpha/runs?limit=5")]
    [InlineData("/api/schools/alpha/runs?limit=100000")]
    [InlineData("/api/schools/alpha/runs")]
    public async Task A_good_or_out_of_range_limit_lists_the_runs(string url)
    {
        await using var host = await GatewayHost.StartAsync(_schools.ConfigFile, _schools.Configure);
        var client = Keyed(host);

        var runs = await host.GetJsonAsync(client, url);

        Assert.IsType<JsonArray>(runs);
    }
}
