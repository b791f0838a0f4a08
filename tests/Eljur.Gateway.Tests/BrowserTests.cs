using System;
using System.IO;
using System.Linq;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace Eljur.Gateway.Tests;

/// <summary>A real browser signs in through the form, reads the overview, a school and a teacher page, and the numbers match the API.</summary>
public sealed class BrowserTests : IDisposable
{
    private readonly TwoSchools _schools = new();
    private readonly ITestOutputHelper _output;

    public BrowserTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _schools.Dispose();

    [Fact]
    public async Task A_browser_signs_in_and_the_pages_show_the_numbers_of_the_api()
    {
        var chromium = Cdp.FindOrExplain(_output);
        if (chromium is null)
        {
            return;
        }

        await using var host = await GatewayHost.StartAsync(_schools.ConfigFile, o => { _schools.Configure(o); o.RunAtStart = true; }, kestrel: true);
        var api = host.Client();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TwoSchools.ApiKey);
        await host.WaitForRunAsync(api, "alpha");
        await host.WaitForRunAsync(api, "beta");
        var schools = (await host.GetJsonAsync(api, "/api/schools")).AsArray();
        var baseUrl = host.App.Urls.First().TrimEnd('/');
        var shots = ScreenshotDir();

        await using var browser = await Cdp.StartAsync(chromium);
        await browser.GoAsync(baseUrl + "/schools/alpha", "/login");
        await browser.EvalAsync($"document.getElementById('login').value = '{TwoSchools.RegionLogin}'; document.getElementById('password').value = '{TwoSchools.RegionPassword}'; document.querySelector('form[action=\"/login\"]').submit(); 'sent'");
        await browser.WaitForAsync("/schools/alpha");

        await browser.GoAsync(baseUrl + "/", "/");
        var rows = JsonNode.Parse(await browser.EvalAsync(
            "JSON.stringify([...document.querySelectorAll('#schools tbody tr')].map(r => ({ id: r.dataset.school, breaches: r.querySelector('[data-field=breaches]').textContent, possible: r.querySelector('[data-field=possible]').textContent, norms: r.querySelector('[data-field=norms]').textContent })))"))!.AsArray();
        Assert.Equal(2, rows.Count);
        foreach (var school in schools)
        {
            var run = school!["lastRun"]!;
            var row = rows.Single(r => (string?)r!["id"] == (string?)school["id"])!;
            // Notes (severity info) are not breaches, as in the CLI's reports.
            Assert.Equal((int)run["findings"]!["error"]! + (int)run["findings"]!["warning"]!, Number(row["breaches"]));
            Assert.Equal((int)run["findings"]!["possible"]!, Number(row["possible"]));
            Assert.Equal((int)run["failedMetrics"]!, Number(row["norms"]));
        }

        await browser.ScreenshotAsync(Path.Combine(shots, "gateway-overview.png"));

        await browser.GoAsync(baseUrl + "/schools/alpha", "/schools/alpha");
        var alpha = schools.Single(s => (string?)s!["id"] == "alpha")!["lastRun"]!;
        Assert.Equal((int)alpha["findings"]!["error"]! + (int)alpha["findings"]!["warning"]!, Number(await browser.EvalAsync("document.getElementById('breaches').textContent")));
        Assert.Equal((int)alpha["findings"]!["possible"]!, Number(await browser.EvalAsync("document.getElementById('possible').textContent")));
        Assert.Equal("<svg", await browser.EvalAsync("document.querySelector('main svg') ? '<svg' : 'none'"));
        await browser.ScreenshotAsync(Path.Combine(shots, "gateway-school.png"));

        var teacher = JsonNode.Parse(await browser.EvalAsync(
            "JSON.stringify((r => ({ href: r.querySelector('a').getAttribute('href'), count: r.cells[1].textContent }))(document.querySelector('#teachers tbody tr[data-teacher]:not([data-teacher=\"\"])')))"))!;
        var href = (string)teacher["href"]!;
        await browser.GoAsync(baseUrl + href, href);
        var certainRows = Number(await browser.EvalAsync("String([...document.querySelectorAll('#findings tbody tr')].filter(r => r.cells[3].textContent === 'точное').length)"));
        Assert.Equal(Number(teacher["count"]), certainRows);
        Assert.Contains("Найдено " + certainRows, await browser.EvalAsync("document.getElementById('summary').textContent").ContinueWith(t => t.Result.Replace('\u00a0', ' '), TaskScheduler.Default), StringComparison.Ordinal);
        await browser.ScreenshotAsync(Path.Combine(shots, "gateway-teacher.png"));
    }

    private static int Number(JsonNode? node) => Number((string?)node);

    private static int Number(string? text) => int.Parse(new string((text ?? "").Where(char.IsDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);

    private static string ScreenshotDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Eljur.sln")))
            {
                return Path.Combine(dir.FullName, "artifacts", "screenshots");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");
    }
}
