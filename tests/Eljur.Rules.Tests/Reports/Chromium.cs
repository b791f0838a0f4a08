using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace Eljur.Rules.Tests.Reports;

/// <summary>
/// Headless Chromium (Debian's <c>chromium</c>) for the HTML report tests. In CI (<c>CI=true</c>) a missing browser fails
/// the test; locally the test prints why and returns.
/// </summary>
internal static class Chromium
{
    private static readonly string[] Candidates = { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" };

    /// <summary>The browser, or null after printing why the test does not run (never null in CI: the test fails there).</summary>
    public static string? FindOrExplain(ITestOutputHelper output)
    {
        // ELJUR_CHROMIUM names the browser; when set, nothing else is tried (so a wrong path shows as "not found").
        var configured = Environment.GetEnvironmentVariable("ELJUR_CHROMIUM");
        var found = configured is { Length: > 0 }
            ? (File.Exists(configured) ? configured : null)
            : Candidates.FirstOrDefault(File.Exists) ?? FromPath("chromium") ?? FromPath("chromium-browser");
        if (found is not null)
        {
            return found;
        }

        var message = $"headless Chromium not found ({(configured is { Length: > 0 } ? "ELJUR_CHROMIUM=" + configured : "/usr/bin/chromium")}; install Debian's `chromium` or set ELJUR_CHROMIUM)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message + ": CI installs it in .ci/run, so this is a failure.");
        }

        output.WriteLine("SKIPPED locally: " + message + ".");
        Console.WriteLine("Browser test not run locally: " + message + ".");
        return null;
    }

    /// <summary>Loads a file and returns the DOM after scripts (if any) ran, and the console messages logged.</summary>
    public static (string Dom, IReadOnlyList<string> Console) DumpDom(string chromium, string htmlFile)
    {
        var (stdout, stderr) = Run(chromium, "--enable-logging=stderr", "--v=0", "--dump-dom", new Uri(htmlFile).AbsoluteUri);
        var console = stderr.Split('\n').Where(l => Regex.IsMatch(l, @":CONSOLE[:(]") || l.Contains("Uncaught", StringComparison.Ordinal)).ToList();
        return (stdout, console);
    }

    /// <summary>Takes a 1280×2400 screenshot of a file.</summary>
    public static void Screenshot(string chromium, string htmlFile, string png)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(png)!);
        File.Delete(png);
        Run(chromium, "--screenshot=" + png, "--window-size=1280,2400", "--hide-scrollbars", new Uri(htmlFile).AbsoluteUri);
        Assert.True(File.Exists(png), "Chromium wrote no screenshot " + png);
    }

    /// <summary>Takes a screenshot of a file in a window of the given size (e.g. an A4-wide page).</summary>
    public static void Screenshot(string chromium, string htmlFile, string png, int width, int height)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(png)!);
        File.Delete(png);
        Run(chromium, "--screenshot=" + png, $"--window-size={width},{height}", "--hide-scrollbars", new Uri(htmlFile).AbsoluteUri);
        Assert.True(File.Exists(png), "Chromium wrote no screenshot " + png);
    }

    /// <summary>Prints a file to PDF as a user would (print media, the page's own @page size and margins, no browser header or footer).</summary>
    public static void PrintToPdf(string chromium, string htmlFile, string pdf)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(pdf)!);
        File.Delete(pdf);
        Run(chromium, "--print-to-pdf=" + pdf, "--no-pdf-header-footer", new Uri(htmlFile).AbsoluteUri);
        Assert.True(File.Exists(pdf) && new FileInfo(pdf).Length > 1000, "Chromium wrote no PDF " + pdf);
    }

    /// <summary>The folder for screenshots: <c>artifacts/screenshots</c> at the repository root (the test's output folder when not in a checkout).</summary>
    public static string ScreenshotDir()
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

    private static (string Stdout, string Stderr) Run(string chromium, params string[] args)
    {
        var profile = Path.Combine(Path.GetTempPath(), "eljur-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var info = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
        }.Concat(args))
        {
            info.ArgumentList.Add(a);
        }

        try
        {
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("Chromium did not finish within 120 s: " + string.Join(" ", args));
            }

            Task.WaitAll(stdout, stderr);
            return (stdout.Result, stderr.Result);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A profile file still held open: the temp folder is cleaned later.
            }
        }
    }

    private static string? FromPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Where(d => d.Length > 0)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);
}
