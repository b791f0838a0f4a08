using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Eljur.Connectors.Eljur.Tests.Mock;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Eljur.Gateway.Tests;

/// <summary>
/// The sample host (samples/Eljur.Samples.Gateway, "host it in your own app") started the way an
/// integrator tests their app: <see cref="WebApplicationFactory{TEntryPoint}"/> over its <c>Program</c>.
/// </summary>
public sealed class SampleHostTests : IDisposable
{
    private readonly TwoSchools _schools = new();
    private readonly WebApplicationFactory<Program> _factory;

    public SampleHostTests()
    {
        // The sample reads secrets from the real environment; this test puts them into its own copy of the file.
        var config = Path.Combine(_schools.Folder, "sample-gateway.json");
        File.WriteAllText(config, File.ReadAllText(_schools.ConfigFile)
            .Replace("${GW_DEVKEY}", MockSchool.DevKey, StringComparison.Ordinal)
            .Replace("${GW_PASSWORD}", MockSchool.TeacherPassword, StringComparison.Ordinal));
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Gateway:Config", config));
    }

    [Fact]
    public async Task Live_is_up_and_the_api_wants_a_sign_in()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var anonymous = await client.GetAsync("/api/schools");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Signed_in_the_region_sees_both_schools()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var signIn = await client.PostAsJsonAsync("/api/session", new { login = TwoSchools.RegionLogin, password = TwoSchools.RegionPassword });
        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        var response = await client.GetAsync("/api/schools");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/schools: {(int)response.StatusCode} {body}");

        var schools = ((JsonArray)JsonNode.Parse(body)!).OrderBy(s => (string?)s!["id"], StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "alpha", "beta" }, schools.Select(s => (string?)s!["id"]));
        Assert.Equal(new[] { "МБОУ СОШ № 46", "Гимназия № 7" }, schools.Select(s => (string?)s!["name"]));
    }

    [Fact]
    public async Task A_wrong_password_does_not_sign_in()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var signIn = await client.PostAsJsonAsync("/api/session", new { login = TwoSchools.RegionLogin, password = "не тот" });
        Assert.NotEqual(HttpStatusCode.NoContent, signIn.StatusCode);
        var response = await client.GetAsync("/api/schools");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _schools.Dispose();
    }
}
