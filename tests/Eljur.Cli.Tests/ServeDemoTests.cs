using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Cli.Infrastructure;

namespace Eljur.Cli.Tests;

/// <summary>
/// <c>eljur serve --demo</c> end to end: the real command on a free loopback port, its three schools checked
/// at start, seen through the JSON API and the overview page after signing in as demo / demo.
/// </summary>
public sealed class ServeDemoTests
{
    [Fact]
    public async Task The_demo_gateway_checks_its_three_schools_at_start_and_shows_them_after_sign_in()
    {
        var url = "http://127.0.0.1:" + FreePort();
        var output = new StringWriter();
        var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serve = Task.Run(() => CliApp.Run(new[] { "serve", "--demo", "--urls", url }, new Console2(output, error), null, stop.Token));
        try
        {
            using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
            await WaitUntilLiveAsync(http, serve, error);

            var anonymous = await http.GetAsync("/api/schools");
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            var cookie = await SignInAsync(http, "demo", "demo");

            JsonArray schools = new();
            var until = DateTime.UtcNow.AddSeconds(180);
            while (DateTime.UtcNow < until)
            {
                schools = (JsonArray)JsonNode.Parse(await GetAsync(http, "/api/schools", cookie))!;
                if (schools.All(s => s!["lastRun"] is { } run && (string?)run["status"] != "running"))
                {
                    break;
                }

                await Task.Delay(250);
            }

            Assert.Equal(new[] { "lyceum", "school2", "school3" }, schools.Select(s => (string?)s!["id"]).OrderBy(id => id, StringComparer.Ordinal));
            foreach (var school in schools)
            {
                Assert.True((string?)school!["lastRun"]?["status"] == "ok", "the start run of " + school["id"] + ": " + school["lastRun"]?.ToJsonString());
            }

            var overview = WebUtility.HtmlDecode(await GetAsync(http, "/", cookie));
            foreach (var name in schools.Select(s => (string)s!["name"]!))
            {
                Assert.Contains(name, overview, StringComparison.Ordinal);
            }

            // The demo lyceum's archive has a record past its retention: a note (severity info), which the
            // pages show for the record and do not count as a breach, as `eljur demo` and `eljur check` do not.
            var lyceum = schools.Single(s => (string?)s!["id"] == "lyceum")!["lastRun"]!["findings"]!;
            var (errors, warnings, notes) = ((int)lyceum["error"]!, (int)lyceum["warning"]!, (int)lyceum["info"]!);
            Assert.True(notes >= 1, "the demo lyceum has a retention note: " + lyceum.ToJsonString());
            Assert.Equal((errors + warnings).ToString(CultureInfo.InvariantCulture), Field(overview, @"data-school=""lyceum"".*?data-field=""breaches"">([^<]*)<"));
            var page = WebUtility.HtmlDecode(await GetAsync(http, "/schools/lyceum", cookie));
            Assert.Equal((errors + warnings).ToString(CultureInfo.InvariantCulture), Field(page, @"id=""breaches"">([^<]*)<"));
            Assert.Equal(notes.ToString(CultureInfo.InvariantCulture), Field(page, @"id=""notes"">([^<]*)<"));
            var noted = WebUtility.HtmlDecode(await GetAsync(http, "/schools/lyceum?certainty=info", cookie));
            Assert.Contains("<td>к сведению</td>", noted, StringComparison.Ordinal);
            Assert.DoesNotContain("<td>точное</td>", noted, StringComparison.Ordinal);

            // The run's downloadable reports are rendered with the snapshot, as `eljur check` renders its own: the
            // late marks of one written work are one case (one row), not a row per mark.
            var runs = (JsonArray)JsonNode.Parse(await GetAsync(http, "/api/schools/lyceum/runs?limit=1", cookie))!;
            var markdown = await GetAsync(http, "/schools/lyceum/runs/" + (string)runs[0]!["id"]! + "/report.md", cookie);
            Assert.Contains("Письменная работа 28.10.2024, 5А, Математика — 3 отметки внесены 05.11.2024", markdown, StringComparison.Ordinal);
            Assert.Contains("Регламент нарушен: 12 случаев", markdown, StringComparison.Ordinal);

            var wrong = await http.PostAsync("/api/session", Json("{\"login\":\"demo\",\"password\":\"не тот\"}"));
            Assert.NotEqual(HttpStatusCode.NoContent, wrong.StatusCode);
        }
        finally
        {
            stop.Cancel();
        }

        Assert.Equal(0, await serve.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("demo / demo", error.ToString(), StringComparison.Ordinal);

        // The service's console tells each school's run in Russian, as the pages do.
        var console = output.ToString();
        foreach (var id in new[] { "lyceum", "school2", "school3" })
        {
            Assert.Matches($@"(?m)^\d\d\.\d\d\.\d{{4}} \d\d:\d\d:\d\d школа «{id}»: проверка начата \(при запуске службы\)$", console);
            Assert.Matches($@"(?m)^\d\d\.\d\d\.\d{{4}} \d\d:\d\d:\d\d школа «{id}»: проверка окончена — проверено \(\d+,\d с\)$", console);
        }

        Assert.DoesNotContain("Run ", console, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task WaitUntilLiveAsync(HttpClient http, Task<int> serve, StringWriter error)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (serve.IsCompleted)
            {
                throw new InvalidOperationException($"eljur serve --demo ended with {await serve}: {error}");
            }

            try
            {
                if ((await http.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("eljur serve --demo did not answer /health/live in 60 s: " + error);
    }

    private static async Task<string> SignInAsync(HttpClient http, string login, string password)
    {
        var response = await http.PostAsync("/api/session", Json($"{{\"login\":\"{login}\",\"password\":\"{password}\"}}"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("eljur.gateway=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static async Task<string> GetAsync(HttpClient http, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return body;
    }

    private static string Field(string html, string pattern)
    {
        var match = Regex.Match(html, pattern, RegexOptions.Singleline);
        Assert.True(match.Success, "no match for " + pattern);
        return match.Groups[1].Value.Replace("\u00a0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
