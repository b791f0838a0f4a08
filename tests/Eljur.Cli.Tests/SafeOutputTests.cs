using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Eljur.Cli.Infrastructure;
using Eljur.Connectors.Eljur.Tests.Mock;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Eljur.Cli.Tests;

/// <summary>What reaches stderr from outside is escaped and short; an over-long vendor answer is exit 3.</summary>
public sealed class SafeOutputTests : IDisposable
{
    private const string DevKey = "0123456789abcdef0123456789abcdef";
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly string _dir = CliRunner.TempDir();

    public void Dispose() => _server.Stop();

    private string[] Fetch(params string[] rest) => new[]
    {
        "fetch", "--connector", "eljur", "--base-url", _server.Url + "/apiv3", "--vendor", "school", "--devkey", DevKey,
        "--token", "tok-secret-123456", "--time-zone", "Europe/Moscow", "--from", "2024-09-02", "--to", "2024-09-08",
        "--out", Path.Combine(_dir, "out.json"),
    }.Concat(rest).ToArray();

    private void Answer(string method, string body) =>
        _server.Given(Request.Create().WithPath("/apiv3/" + method).UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(body));

    private static (int Code, string Out, string Error) Run(string[] args, Dictionary<string, string>? environment = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var env = environment ?? new Dictionary<string, string>();
        var console = new Console2(output, error) { Environment = name => env.TryGetValue(name, out var v) ? v : null };
        var code = CliApp.Run(args, console, new FakeTimeProvider(new DateTimeOffset(2024, 11, 20, 7, 0, 0, TimeSpan.Zero)));
        return (code, output.ToString(), error.ToString());
    }

    private static void AssertShortLines(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            Assert.True(line.Length <= 2000, $"a line of {line.Length} characters: {line.Substring(0, Math.Min(200, line.Length))}…");
        }
    }

    [Fact]
    public void A_vendor_error_with_escape_codes_bidi_overrides_and_nul_reaches_stderr_escaped()
    {
        Answer("getrules", "{\"response\":{\"state\":400,\"error\":\"\\u001b[2J\\u001b[31mдоступ \\u202Eзапрещён\\u0000 cut\"}}");

        var (code, _, error) = Run(Fetch());

        Assert.Equal(3, code);
        Assert.Contains("getrules", error);
        Assert.Contains("\\u001B[2J\\u001B[31mдоступ \\u202Eзапрещён\\u0000 cut", error);
        Assert.DoesNotContain('\u001b', error);
        Assert.DoesNotContain('\u202E', error);
        Assert.DoesNotContain('\0', error);
        Assert.DoesNotContain("tok-secret-123456", error);
    }

    [Fact]
    public void An_answer_over_the_cap_is_exit_3_naming_the_call_and_the_size()
    {
        Answer("getrules", "{\"response\":{\"state\":200,\"result\":{\"pad\":\"" + new string('x', 3 * 1024 * 1024) + "\"}}}");

        var (code, _, error) = Run(Fetch("--max-response-mb", "1"));

        Assert.Equal(3, code);
        Assert.Contains("getrules", error);
        Assert.Contains("ответ сервера слишком большой", error);
        Assert.Contains("допустимо не более 1,0 МБ", error);
        Assert.Contains("--max-response-mb", error);
        Assert.False(File.Exists(Path.Combine(_dir, "out.json")));
        AssertShortLines(error);
    }

    [Fact]
    public void The_cap_can_come_from_the_environment_and_a_bad_one_is_a_usage_error()
    {
        Answer("getrules", "{\"response\":{\"state\":200,\"result\":{\"pad\":\"" + new string('x', 2 * 1024 * 1024) + "\"}}}");

        var fromEnvironment = Run(Fetch(), new Dictionary<string, string> { ["ELJUR_MAX_RESPONSE_MB"] = "1" });
        var bad = Run(Fetch("--max-response-mb", "0"));

        Assert.Equal(3, fromEnvironment.Code);
        Assert.Contains("допустимо не более 1,0 МБ", fromEnvironment.Error);
        Assert.Equal(2, bad.Code);
        Assert.Contains("--max-response-mb (ELJUR_MAX_RESPONSE_MB)", bad.Error);
        Assert.Contains("от 1 до 2048", bad.Error);
    }

    [Fact]
    public void A_100000_digit_class_name_gives_no_line_longer_than_2000_characters()
    {
        using var mock = new EljurMockServer();
        var huge = new string('7', 100_000);

        var (code, output, error) = Run(new[]
        {
            "fetch", "--connector", "eljur", "--base-url", mock.BaseUrl, "--vendor", MockSchool.Vendor, "--devkey", MockSchool.DevKey,
            "--login", MockSchool.TeacherLogin, "--password", MockSchool.TeacherPassword, "--time-zone", "Europe/Moscow",
            "--from", "2024-09-02", "--to", "2024-09-08", "--class", huge, "--out", Path.Combine(_dir, "x.json"),
        });

        Assert.Equal(3, code);
        // The run "(777…777)." is cut with its length: the 100,000 digits, the parentheses and the full stop.
        Assert.True(error.Contains("…(всего 100\u00A0003 символа)", StringComparison.Ordinal), error);
        AssertShortLines(error);
        AssertShortLines(output);
    }

    [Fact]
    public void A_100000_digit_id_in_a_snapshot_gives_no_line_longer_than_2000_characters()
    {
        var huge = new string('9', 100_000);
        var path = Path.Combine(_dir, "bad.json");
        File.WriteAllText(path, "{\"format\":\"eljur.snapshot/1\",\"source\":{\"connector\":\"x\",\"fetchedAt\":\"2024-11-20T10:00:00+03:00\","
            + "\"from\":\"2024-09-02\",\"to\":\"2024-09-08\",\"capabilities\":[]},\"school\":{\"id\":\"s\",\"name\":\"Школа\",\"timeZone\":\"Europe/Moscow\",\"workWeek\":5},"
            + "\"students\":[],\"marks\":[{\"id\":\"m1\",\"studentId\":\"" + huge + "\",\"subjectId\":\"x\",\"date\":\"2024-09-02\",\"kind\":\"current\",\"value\":\"5\"}]}");

        var (code, output, error) = Run(new[] { "check", "--snapshot", path, "--policy", "lyceum68-ufa-2023", "--as-of", "2024-11-20T12:00:00+03:00" });

        Assert.Equal(2, code);
        Assert.True(error.Contains("…(всего 100\u00A0003 символа)", StringComparison.Ordinal), error);
        Assert.Contains("$.students", error, StringComparison.Ordinal);
        AssertShortLines(error);
        AssertShortLines(output);
    }

    [Fact]
    public void A_vendor_id_in_an_unmapped_warning_reaches_stderr_escaped()
    {
        Assert.Equal(0, CliRunner.Run("demo", "--out", _dir).Code);
        var path = Path.Combine(_dir, "snapshot.json");
        var snapshot = Json.Parse(File.ReadAllText(path));
        snapshot["source"]!["unmapped"] = Newtonsoft.Json.Linq.JObject.Parse(
            "{\"count\": 1, \"examples\": [ { \"kind\": \"finalMark\", \"vendorId\": \"42\\u001b[31m\\u202e\", \"reason\": \"нет ученика\" } ] }");
        File.WriteAllText(path, snapshot.ToString());

        var (code, _, error) = Run(new[] { "check", "--snapshot", path, "--policy", "lyceum68-ufa-2023", "--as-of", "2024-11-20T12:00:00+05:00", "--format", "json" });

        Assert.Equal(1, code);
        Assert.Contains("Предупреждение: Не удалось разобрать", error, StringComparison.Ordinal);
        Assert.Contains("\\u001B", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', error);
        Assert.DoesNotContain('\u202e', error);
    }
}
