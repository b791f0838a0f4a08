using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Eljur.Gateway.Tests;

/// <summary>Sign-in, API keys, per-school access on pages and API, the lockout, and the canary secrets.</summary>
public sealed class AccessTests : IDisposable
{
    private readonly TwoSchools _schools = new();

    public void Dispose() => _schools.Dispose();

    [Theory]
    [InlineData("GET", "/api/schools")]
    [InlineData("GET", "/api/schools/alpha/runs")]
    [InlineData("GET", "/api/runs/x/report")]
    [InlineData("GET", "/api/schools/alpha/snapshot")]
    [InlineData("POST", "/api/schools/alpha/runs")]
    [InlineData("GET", "/api/no-such-address")]
    public async Task The_api_answers_401_without_sign_in_or_with_a_wrong_key(string method, string url)
    {
        await using var host = await GatewayHost.StartAsync(_schools.ConfigFile, _schools.Configure);
        var anonymous = await host.Client().SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var wrong = host.Client();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.SendAsync(new HttpRequestMessage(new HttpMethod(method), url))).StatusCode);
    }

    [Fact]
    public async Task Pages_send_an_anonymous_visitor_to_the_sign_in_page_and_health_needs_no_sign_in()
    {
        await using var host = await GatewayHost.StartAsync(_schools.ConfigFile, _schools.Configure);
        var response = await host.Client().GetAsync("/schools/alpha");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await host.Client().GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client().GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task A_school_only_user_gets_404_for_the_other_school_on_pages_and_api()
    {
        await using var host = await GatewayHost.StartAsync(_schools.ConfigFile, o => { _schools.Configure(o); o.RunAtStart = true; });
        var region = await host.SignInAsync(TwoSchools.RegionLogin, TwoSchools.RegionPassword);
        var betaRun = await host.WaitForRunAsync(region, "beta");
        await host.WaitForRunAsync(region, "alpha");
        var betaRunId = (string)betaRun["id"]!;

        var zavuch = await host.SignInAsync(TwoSchools.SchoolLogin, TwoSchools.SchoolPassword);
        var schools = await host.GetJsonAsync(zavuch, "/api/schools");
        Assert.Equal(new[] { "alpha" }, schools.AsArray().Select(s => (string)s!["id"]!).ToArray());
        foreach (var url in new[] { "/api/schools/beta/runs", $"/api/runs/{betaRunId}/report", "/api/schools/beta/snapshot", "/schools/beta", $"/schools/beta/runs/{betaRunId}/report.html" })
        {
            await host.GetStringAsync(zavuch, url, HttpStatusCode.NotFound);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await zavuch.PostAsync("/api/schools/beta/runs", null)).StatusCode);
        var overview = await host.GetStringAsync(zavuch, "/");
        Assert.Contains("МБОУ СОШ № 46", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("Гимназия № 7", overview, StringComparison.Ordinal);
        await host.GetStringAsync(zavuch, "/schools/alpha");
        await host.GetStringAsync(region, "/schools/beta");
    }

    [Fact]
    public async Task An_api_key_reads_the_api_and_five_wrong_passwords_lock_the_login_for_a_minute()
    {
        await using var host = await GatewayHost.StartAsync(_schools.ConfigFile, _schools.Configure);
        var keyed = host.Client();
        keyed.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TwoSchools.ApiKey);
        Assert.Equal(2, (await host.GetJsonAsync(keyed, "/api/schools")).AsArray().Count);

        for (var i = 0; i < 5; i++)
        {
            var wrong = await host.Client().PostAsJsonAsync("/api/session", new { login = TwoSchools.RegionLogin, password = "неверный" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var locked = await host.Client().PostAsJsonAsync("/api/session", new { login = TwoSchools.RegionLogin, password = TwoSchools.RegionPassword });
        Assert.Equal((HttpStatusCode)429, locked.StatusCode);
        Assert.Contains("на минуту", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await host.SignInAsync(TwoSchools.SchoolLogin, TwoSchools.SchoolPassword);
    }

    [Fact]
    public async Task The_sign_in_form_needs_its_anti_forgery_token()
    {
        await using var host = await GatewayHost.StartAsync(_schools.ConfigFile, _schools.Configure);
        var client = host.Client();
        var forged = await client.PostAsync("/login", new FormUrlEncodedContent(new[]
        {
            new System.Collections.Generic.KeyValuePair<string, string>("login", TwoSchools.RegionLogin),
            new System.Collections.Generic.KeyValuePair<string, string>("password", TwoSchools.RegionPassword),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(forged.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("eljur.gateway=", StringComparison.Ordinal)));

        // The real form: its token and the anti-forgery cookie it set.
        var page = await client.GetAsync("/login");
        var html = await page.Content.ReadAsStringAsync();
        var token = Regex.Match(html, "name=\"__csrf\" value=\"([^\"]+)\"").Groups[1].Value;
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("eljur.antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        var request = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new[]
            {
                new System.Collections.Generic.KeyValuePair<string, string>("__csrf", System.Net.WebUtility.HtmlDecode(token)),
                new System.Collections.Generic.KeyValuePair<string, string>("login", TwoSchools.RegionLogin),
                new System.Collections.Generic.KeyValuePair<string, string>("password", TwoSchools.RegionPassword),
                new System.Collections.Generic.KeyValuePair<string, string>("returnUrl", "/schools/alpha"),
            }),
        };
        request.Headers.Add("Cookie", antiforgery);
        var signedIn = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/schools/alpha", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task No_configured_secret_reaches_a_page_an_api_answer_or_a_log_line()
    {
        await using var host = await GatewayHost.StartAsync(_schools.ConfigFile, o => { _schools.Configure(o); o.RunAtStart = true; });
        var client = await host.SignInAsync(TwoSchools.RegionLogin, TwoSchools.RegionPassword);
        foreach (var school in new[] { "alpha", "beta" })
        {
            var run = await host.WaitForRunAsync(client, school);
            await host.GetStringAsync(client, $"/api/runs/{(string)run["id"]!}/report");
            await host.GetStringAsync(client, $"/schools/{school}/runs/{(string)run["id"]!}/report.html");
            await host.GetStringAsync(client, $"/schools/{school}/runs/{(string)run["id"]!}/report.md");
            await host.GetStringAsync(client, $"/schools/{school}");
            await host.GetStringAsync(client, $"/api/schools/{school}/snapshot");
        }

        // A failing vendor too: its error path must not leak either.
        _schools.Beta.Faults.Always(null, new Connectors.Testing.Fault(Connectors.Testing.FaultKind.ServerError));
        var failed = await host.StartRunAsync(client, "beta");
        await host.WaitForRunAsync(client, "beta", failed);
        await host.GetStringAsync(client, "/");
        await host.GetStringAsync(client, "/api/schools");
        await host.GetStringAsync(client, "/schools/beta");
        await host.GetStringAsync(client, "/api/schools/beta/runs");

        Assert.True(host.Bodies.Count >= 14);
        Assert.NotEmpty(host.Logs.Entries);
        foreach (var secret in _schools.Secrets)
        {
            Assert.DoesNotContain(host.Bodies, b => b.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(host.Logs.Entries, e => e.Texts.Any(t => t.Contains(secret, StringComparison.Ordinal)));
        }
    }
}
