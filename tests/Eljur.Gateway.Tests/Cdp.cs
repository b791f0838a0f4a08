using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace Eljur.Gateway.Tests;

/// <summary>
/// Headless Chromium driven over its DevTools protocol (a WebSocket on loopback): navigate, run a line of
/// script, take a screenshot. Finds the browser as the report tests do; in CI a missing browser fails.
/// </summary>
internal sealed class Cdp : IAsyncDisposable
{
    private static readonly string[] Candidates = { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" };
    private readonly Process _process;
    private readonly ClientWebSocket _socket;
    private readonly string _profile;
    private int _id;

    private Cdp(Process process, ClientWebSocket socket, string profile)
    {
        _process = process;
        _socket = socket;
        _profile = profile;
    }

    public static string? FindOrExplain(ITestOutputHelper output)
    {
        var configured = Environment.GetEnvironmentVariable("ELJUR_CHROMIUM");
        var found = configured is { Length: > 0 } ? (File.Exists(configured) ? configured : null) : Candidates.FirstOrDefault(File.Exists);
        if (found is not null)
        {
            return found;
        }

        var message = "headless Chromium not found (/usr/bin/chromium; install Debian's `chromium` or set ELJUR_CHROMIUM)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message + ": CI installs it, so this is a failure.");
        }

        output.WriteLine("SKIPPED locally: " + message + ".");
        return null;
    }

    public static async Task<Cdp> StartAsync(string chromium)
    {
        var profile = Path.Combine(Path.GetTempPath(), "eljur-cdp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var info = new ProcessStartInfo(chromium) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
            "--user-data-dir=" + profile, "about:blank",
        })
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        string? endpoint = null;
        var until = DateTime.UtcNow.AddSeconds(60);
        while (endpoint is null && DateTime.UtcNow < until)
        {
            var line = await process.StandardError.ReadLineAsync();
            if (line is null)
            {
                break;
            }

            var m = Regex.Match(line, @"DevTools listening on (ws://\S+)");
            endpoint = m.Success ? m.Groups[1].Value : null;
        }

        Assert.True(endpoint is not null, "Chromium did not open its DevTools endpoint");
        _ = process.StandardError.ReadToEndAsync();
        var port = new Uri(endpoint!).Port;
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
        var page = targets.First(t => (string?)t!["type"] == "page")!;
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), CancellationToken.None);
        var cdp = new Cdp(process, socket, profile);
        await cdp.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = 1280, ["height"] = 1600, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        return cdp;
    }

    public async Task<JsonNode?> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = ++_id;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[1 << 16];
        while (true)
        {
            using var text = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                result = await _socket.ReceiveAsync(buffer, timeout.Token);
                text.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
            var answer = JsonNode.Parse(text.ToArray())!;
            if ((int?)answer["id"] == id)
            {
                Assert.True(answer["error"] is null, method + ": " + answer["error"]?.ToJsonString());
                return answer["result"];
            }
        }
    }

    public async Task<string> EvalAsync(string script)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = script, ["returnByValue"] = true });
        return result!["result"]!["value"]?.ToString() ?? "";
    }

    /// <summary>Navigates and waits until the page at <paramref name="path"/> has loaded.</summary>
    public async Task GoAsync(string url, string expectedPath)
    {
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        await WaitForAsync(expectedPath);
    }

    public async Task WaitForAsync(string expectedPath)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            if (await EvalAsync("document.readyState + ' ' + location.pathname") == "complete " + expectedPath)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the browser did not reach " + expectedPath + " (at " + await EvalAsync("location.href") + ")");
    }

    public async Task ScreenshotAsync(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var height = int.Parse(await EvalAsync("String(Math.min(4000, document.documentElement.scrollHeight))"), System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = 1280, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
        await File.WriteAllBytesAsync(file, Convert.FromBase64String((string)shot!["data"]!));
        Assert.True(new FileInfo(file).Length > 10_000, "the screenshot is empty: " + file);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }

        _socket.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
