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

    /// <summary>The preset the demo is checked against.</summary>
    public const string DemoPreset = "lyceum68-ufa-2023";

    /// <summary>Writes a shipped preset to a file in <paramref name="dir"/>, as a school would copy it to adapt it.</summary>
    public static string PresetFile(string dir, string id = DemoPreset)
    {
        var path = Path.Combine(dir, id + ".json");
        File.WriteAllText(path, Eljur.Rules.Presets.GetJson(id)!);
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
