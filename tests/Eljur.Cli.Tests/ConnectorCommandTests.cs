using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Eljur.Abstractions.Snapshots;
using Eljur.Cli.Infrastructure;
using Eljur.Connectors.Eljur.Tests.Mock;
using Eljur.Connectors.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Eljur.Cli.Tests;

/// <summary><c>eljur fetch</c> and <c>eljur check --connector</c> against a local ЭлЖур mock.</summary>
public sealed class ConnectorCommandTests : IDisposable
{
    private readonly EljurMockServer _mock = new();
    private readonly string _dir = CliRunner.TempDir();

    public void Dispose() => _mock.Dispose();

    private string[] Connection(params string[] rest) => new[]
    {
        "--connector", "eljur", "--base-url", _mock.BaseUrl, "--vendor", MockSchool.Vendor, "--devkey", MockSchool.DevKey,
        "--login", MockSchool.TeacherLogin, "--password", MockSchool.TeacherPassword, "--time-zone", "Europe/Moscow",
    }.Concat(rest).ToArray();

    /// <summary>A small policy of our own, independent of the presets and demo files.</summary>
    private string PolicyFile()
    {
        var path = Path.Combine(_dir, "policy.json");
        File.WriteAllText(path, """
        {
          "format": "eljur.policy/1",
          "id": "connector-test",
          "title": "Проверка снимка из ЭлЖур",
          "rules": [
            { "rule": "lesson-topic", "clause": "5.1", "params": { "deadline": "sameDay" } },
            { "rule": "written-mark-entry", "clause": "5.4", "params": { "defaultWorkingDays": 5 } },
            { "metric": "lessons-with-journal-entry", "clause": "норматив", "threshold": 0.9 }
          ]
        }
        """);
        return path;
    }

    private static (int Code, string Out, string Error) Run(IEnumerable<string> args, IDictionary<string, string>? environment = null, bool terminal = false)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var env = environment ?? new Dictionary<string, string>();
        var console = new Console2(output, error)
        {
            ErrorIsTerminal = terminal,
            Environment = name => env.TryGetValue(name, out var v) ? v : null,
        };
        var code = CliApp.Run(args.ToArray(), console, new FakeTimeProvider(new DateTimeOffset(2024, 11, 20, 7, 0, 0, TimeSpan.Zero)));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Fetch_writes_a_snapshot_that_check_reads()
    {
        var file = Path.Combine(_dir, "gym7.json");
        var fetch = Run(new[] { "fetch" }.Concat(Connection("--from", "2024-09-02", "--to", "2024-09-08", "--out", file)));
        Assert.True(fetch.Code == 0, fetch.Error);
        Assert.Equal("", fetch.Out);
        Assert.Contains("Снимок записан", fetch.Error, StringComparison.Ordinal);

        var snapshot = SnapshotReader.ReadFile(file);
        Assert.Equal("eljur", snapshot.Source.Connector);
        Assert.Equal(new DateTime(2024, 9, 2), snapshot.Source.From);
        Assert.Equal(45, snapshot.Lessons!.Count); // one week of both classes: 43 lessons and 2 extracurricular (items_extday)
        Assert.Equal(new DateTimeOffset(2024, 11, 20, 10, 0, 0, TimeSpan.FromHours(3)), snapshot.Source.FetchedAt);

        var policy = PolicyFile();
        var check = Run(new[] { "check", "--snapshot", file, "--policy", policy, "--as-of", "2024-11-20T12:00:00+03:00", "--format", "json" });
        Assert.True(check.Code is 0 or 1, check.Error);
        var report = Json.Parse(check.Out);
        Assert.Equal("eljur.report/1", (string?)report["format"]);
        Assert.Equal("2024-09-02", (string?)report["range"]!["from"]);
        Assert.Contains(report["notEvaluable"]!, n => n["missing"]!.Any(m => (string?)m == "markEntryTimes" || (string?)m == "topicEntryTimes"));
    }

    [Fact]
    public void Check_with_a_connector_fetches_then_checks_and_keeps_stdout_pure_json()
    {
        var policy = PolicyFile();
        var args = new[] { "check" }.Concat(Connection("--from", "2024-09-02", "--to", "2024-09-06", "--class", "9Б", "--policy", policy, "--as-of", "2024-11-20", "--format", "json"));
        var (code, output, error) = Run(args, terminal: true);
        Assert.True(code is 0 or 1, error);
        var report = Json.Parse(output); // nothing but the report on stdout
        Assert.Equal("2024-09-06", (string?)report["range"]!["to"]);
        Assert.Contains("Загрузка", error, StringComparison.Ordinal); // progress drawn on the terminal's stderr
        Assert.Contains("getdiary 9Б", error, StringComparison.Ordinal);
        Assert.DoesNotContain(_mock.Calls, c => c.PathAndQuery.Contains("class=10", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_terminal_there_is_no_progress()
    {
        var (code, _, error) = Run(new[] { "fetch" }.Concat(Connection("--from", "2024-09-02", "--to", "2024-09-02", "--out", Path.Combine(_dir, "s.json"))));
        Assert.Equal(0, code);
        Assert.DoesNotContain("Загрузка", error, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_and_settings_come_from_the_environment()
    {
        var env = new Dictionary<string, string>
        {
            ["ELJUR_BASE_URL"] = _mock.BaseUrl,
            ["ELJUR_VENDOR"] = MockSchool.Vendor,
            ["ELJUR_DEVKEY"] = MockSchool.DevKey,
            ["ELJUR_LOGIN"] = MockSchool.TeacherLogin,
            ["ELJUR_PASSWORD"] = MockSchool.TeacherPassword,
            ["ELJUR_TIME_ZONE"] = "Asia/Yekaterinburg",
        };
        var file = Path.Combine(_dir, "env.json");
        var (code, _, error) = Run(new[] { "fetch", "--connector", "eljur", "--from", "2024-09-02", "--to", "2024-09-02", "--out", file }, env);
        Assert.True(code == 0, error);
        Assert.Equal("Asia/Yekaterinburg", SnapshotReader.ReadFile(file).School.TimeZone);
    }

    [Fact]
    public void A_token_from_the_environment_replaces_login_and_password()
    {
        _mock.AddToken("env-token-0123456789abcdef", MockSchool.TeacherLogin);
        var env = new Dictionary<string, string> { ["ELJUR_TOKEN"] = "env-token-0123456789abcdef" };
        var (code, _, error) = Run(new[] { "fetch", "--connector", "eljur", "--base-url", _mock.BaseUrl, "--vendor", MockSchool.Vendor, "--devkey", MockSchool.DevKey, "--time-zone", "Europe/Moscow", "--from", "2024-09-02", "--to", "2024-09-02", "--out", Path.Combine(_dir, "t.json") }, env);
        Assert.True(code == 0, error);
        Assert.Equal(0, _mock.CountOf("auth"));
    }

    [Fact]
    public void Settings_come_from_a_config_file_and_the_command_line_wins()
    {
        var config = Path.Combine(_dir, "eljur.json");
        File.WriteAllText(config, $$"""
        { "baseUrl": "{{_mock.BaseUrl}}", "vendor": "wrong-school", "devkey": "{{MockSchool.DevKey}}",
          "login": "{{MockSchool.TeacherLogin}}", "password": "{{MockSchool.TeacherPassword}}", "time-zone": "Europe/Samara" }
        """);
        var file = Path.Combine(_dir, "c.json");
        var (code, _, error) = Run(new[] { "fetch", "--connector", "eljur", "--config", config, "--vendor", MockSchool.Vendor, "--from", "2024-09-02", "--to", "2024-09-02", "--out", file });
        Assert.True(code == 0, error);
        Assert.Equal("Europe/Samara", SnapshotReader.ReadFile(file).School.TimeZone);
    }

    [Fact]
    public void A_config_file_with_an_unknown_key_is_bad_input()
    {
        var config = Path.Combine(_dir, "typo.json");
        File.WriteAllText(config, """{ "vendr": "x" }""");
        var (code, _, error) = Run(new[] { "fetch" }.Concat(Connection("--config", config, "--from", "2024-09-02", "--to", "2024-09-02", "--out", Path.Combine(_dir, "x.json"))));
        Assert.Equal(2, code);
        Assert.Contains("«vendr»", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_password_exits_3_with_one_line_naming_the_call_and_no_secret()
    {
        const string password = "Совсем-Не-Тот-Пароль-99";
        var args = new[] { "fetch", "--connector", "eljur", "--base-url", _mock.BaseUrl, "--vendor", MockSchool.Vendor, "--time-zone", "Europe/Moscow", "--from", "2024-09-02", "--to", "2024-09-08", "--out", Path.Combine(_dir, "never.json") };
        var env = new Dictionary<string, string> { ["ELJUR_DEVKEY"] = MockSchool.DevKey, ["ELJUR_LOGIN"] = MockSchool.TeacherLogin, ["ELJUR_PASSWORD"] = password };
        var (code, output, error) = Run(args, env);
        Assert.Equal(3, code);
        Assert.Equal("", output);
        var line = Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Equal("eljur: ЭлЖур отказал во входе (вызов auth): HTTP 403: «Неверный логин или пароль». Проверьте учётные данные: логин и пароль или токен, ключ разработчика, адрес школы.", line);
        Assert.DoesNotContain(password, error, StringComparison.Ordinal);
        Assert.DoesNotContain(MockSchool.DevKey, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "never.json")));
    }

    [Fact]
    public void A_failing_vendor_exits_3_naming_the_call_and_writes_no_partial_snapshot()
    {
        _mock.Faults.Always("getmarks", new Fault(FaultKind.ServerError));
        var file = Path.Combine(_dir, "partial.json");
        var (code, _, error) = Run(new[] { "fetch" }.Concat(Connection("--from", "2024-09-02", "--to", "2024-09-08", "--out", file)));
        Assert.Equal(3, code);
        Assert.Contains("getmarks", error, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", error, StringComparison.Ordinal);

        // In the words of the person who ran it: each retry, then what failed, after how many attempts, and what to do.
        var lines = error.TrimEnd('\n').Split('\n');
        var retries = lines.Where(l => l.StartsWith("[предупреждение] ЭлЖур, вызов getmarks", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(retries);
        Assert.All(retries, l => Assert.Matches(@"^\[предупреждение\] ЭлЖур, вызов getmarks: HTTP 500.*; повтор \d из \d через [\d,]+ с$", l));
        Assert.Matches(@"^eljur: ЭлЖур сообщил об ошибке \(вызов getmarks, \d+ попыт(ка|ки|ок)\): HTTP 500", lines[^1]);
        Assert.EndsWith("обратитесь в поддержку платформы и приложите это сообщение.", lines[^1], StringComparison.Ordinal);
        foreach (var english in new[] { "retry", "attempt", "network error", "Exception" })
        {
            Assert.DoesNotContain(english, error, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(MockSchool.TeacherPassword, error, StringComparison.Ordinal);
        Assert.All(_mock.IssuedTokens, t => Assert.DoesNotContain(t, error, StringComparison.Ordinal));
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void Check_needs_exactly_one_source()
    {
        var policy = PolicyFile();
        var neither = Run(new[] { "check", "--policy", policy });
        Assert.Equal(2, neither.Code);
        Assert.Contains("--snapshot ФАЙЛ или --connector ИМЯ", neither.Error, StringComparison.Ordinal);

        var both = Run(new[] { "check", "--snapshot", "x.json", "--policy", policy }.Concat(Connection("--from", "2024-09-02", "--to", "2024-09-08")));
        Assert.Equal(2, both.Code);
        Assert.Contains("не оба", both.Error, StringComparison.Ordinal);

        var noRange = Run(new[] { "check", "--policy", policy }.Concat(Connection()));
        Assert.Equal(2, noRange.Code);
        Assert.Contains("--from и --to", noRange.Error, StringComparison.Ordinal);

        var stray = Run(new[] { "check", "--snapshot", "x.json", "--policy", policy, "--vendor", "x" });
        Assert.Equal(2, stray.Code);
        Assert.Contains("--vendor задаётся только вместе с --connector", stray.Error, StringComparison.Ordinal);
        Assert.Empty(_mock.Calls);
    }

    [Fact]
    public void Missing_or_bad_connector_settings_are_bad_input_naming_the_option_and_variable()
    {
        var noZone = Run(new[] { "fetch", "--connector", "eljur", "--base-url", _mock.BaseUrl, "--vendor", MockSchool.Vendor, "--devkey", MockSchool.DevKey, "--token", "t", "--from", "2024-09-02", "--to", "2024-09-02", "--out", "x.json" });
        Assert.Equal(2, noZone.Code);
        Assert.Contains("--time-zone (ELJUR_TIME_ZONE)", noZone.Error, StringComparison.Ordinal);

        var badKey = Run(new[] { "fetch", "--connector", "eljur", "--vendor", MockSchool.Vendor, "--devkey", "секретик-не-hex", "--token", "t", "--time-zone", "Europe/Moscow", "--from", "2024-09-02", "--to", "2024-09-02", "--out", "x.json" });
        Assert.Equal(2, badKey.Code);
        Assert.Contains("--devkey (ELJUR_DEVKEY): нужно ровно 32 шестнадцатеричные цифры", badKey.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("секретик", badKey.Error, StringComparison.Ordinal);

        var unknown = Run(new[] { "fetch", "--connector", "dnevnik", "--from", "2024-09-02", "--to", "2024-09-02", "--out", "x.json" });
        Assert.Equal(2, unknown.Code);
        Assert.Contains("eljur", unknown.Error, StringComparison.Ordinal);
        Assert.Empty(_mock.Calls);
    }
}
