using System;
using System.IO;
using Eljur.Cli.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Eljur.Cli.Tests;

/// <summary>Runs the CLI in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 11, 20, 7, 0, 0, TimeSpan.Zero));
        var code = CliApp.Run(args, new Console2(output, error), time);
        return (code, output.ToString(), error.ToString());
    }

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "eljur-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static string DemoPolicyFile(string dir)
    {
        using var stream = typeof(CliApp).Assembly.GetManifestResourceStream("Eljur.Cli.Demo.demo-policy.json")!;
        var path = Path.Combine(dir, "demo-policy.json");
        using var file = File.Create(path);
        stream.CopyTo(file);
        return path;
    }
}

/// <summary>Parses JSON keeping timestamps as the strings written.</summary>
internal static class Json
{
    public static Newtonsoft.Json.Linq.JObject Parse(string text)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new System.IO.StringReader(text)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return Newtonsoft.Json.Linq.JObject.Load(reader);
    }
}
