using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Eljur.Abstractions.Snapshots;
using Eljur.Cli.Infrastructure;
using Eljur.Connectors.MosregPortal.Tests.Mock;
using Microsoft.Extensions.Time.Testing;

namespace Eljur.Cli.Tests;

/// <summary><c>eljur fetch</c> and <c>eljur check</c> with <c>--connector mosreg --token …</c> against the portal mock.</summary>
public sealed class MosregCommandTests : IDisposable
{
    private readonly MosregMockServer _mock = new();
    private readonly string _dir = CliRunner.TempDir();

    public void Dispose() => _mock.Dispose();

    private string[] Connection(params string[] rest) => new[]
    {
        "--connector", "mosreg", "--base-url", _mock.BaseUrl, "--token", MockSchool.Token, "--school-id", _mock.School.SchoolId,
    }.Concat(rest).ToArray();

    private static (int Code, string Out, string Error) Run(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new Console2(output, error) { Environment = name => environment is not null && environment.TryGetValue(name, out var v) ? v : null };
        var code = CliApp.Run(args, console, new FakeTimeProvider(new DateTimeOffset(2024, 10, 20, 9, 0, 0, TimeSpan.Zero)));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Fetch_writes_the_portal_snapshot()
    {
        var file = Path.Combine(_dir, "mosreg.json");
        var (code, _, error) = Run(new[] { "fetch" }.Concat(Connection("--from", "2024-09-23", "--to", "2024-10-06", "--out", file)).ToArray());
        Assert.True(code == 0, error);
        var snapshot = SnapshotReader.ReadFile(file);
        Assert.Equal("mosreg", snapshot.Source.Connector);
        Assert.Equal(_mock.School.SchoolId, snapshot.School.Id);
        Assert.Equal(16, snapshot.Lessons!.Count);
        Assert.Contains("markEntryTimes", snapshot.Source.Capabilities);
        Assert.DoesNotContain(MockSchool.Token, File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_with_the_readiness_preset_reports_the_designed_metrics()
    {
        var args = new[] { "check" }.Concat(Connection("--policy", "mosreg-paperless-readiness", "--from", "2024-09-23", "--to", "2024-10-06", "--as-of", "2024-10-20T12:00:00+03:00", "--format", "json")).ToArray();
        var (code, output, error) = Run(args);
        Assert.True(code == 1, $"exit {code}: {error}"); // three criteria miss their thresholds
        foreach (var metric in new[] { "classes-with-schedule", "lessons-with-topic-or-homework", "lessons-with-journal-entry", "lessons-filled-within-24h" })
        {
            Assert.Contains(metric, output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(MockSchool.Token, output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_come_from_the_environment_and_without_a_school_id_the_token_names_the_school()
    {
        var env = new Dictionary<string, string> { ["ELJUR_TOKEN"] = MockSchool.Token, ["ELJUR_SCHOOL_ID"] = _mock.School.SchoolId };
        var (ok, _, okError) = Run(new[] { "fetch", "--connector", "mosreg", "--base-url", _mock.BaseUrl, "--from", "2024-10-01", "--to", "2024-10-06", "--out", Path.Combine(_dir, "env.json") }, env);
        Assert.True(ok == 0, okError);

        var file = Path.Combine(_dir, "context.json");
        var (code, _, error) = Run(new[] { "fetch", "--connector", "mosreg", "--base-url", _mock.BaseUrl, "--token", MockSchool.Token, "--from", "2024-10-01", "--to", "2024-10-06", "--out", file });
        Assert.True(code == 0, error);
        Assert.Equal(_mock.School.SchoolId, SnapshotReader.ReadFile(file).School.Id);
        Assert.Equal(1, _mock.CountOf("users/me/context"));
    }

    [Fact]
    public void A_token_that_opens_several_schools_asks_for_school_id_and_lists_them()
    {
        _mock.School.ContextSchools.Add((MockSchool.Id(2), "Школа № 2"));
        var (code, _, error) = Run(new[] { "fetch", "--connector", "mosreg", "--base-url", _mock.BaseUrl, "--token", MockSchool.Token, "--from", "2024-10-01", "--to", "2024-10-06", "--out", Path.Combine(_dir, "x.json") });
        Assert.Equal(ExitCodes.SourceFailed, code);
        Assert.Contains("токен открывает 2 школы: 2300000000000000001 «Лицей № 5», 2300000000000000002 «Школа № 2»", error, StringComparison.Ordinal);
        Assert.Contains("--school-id", error, StringComparison.Ordinal);
        Assert.DoesNotContain(MockSchool.Token, error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unmappable_record_is_named_in_the_snapshot_on_stderr_and_in_the_checks_warnings()
    {
        using var mock = new MosregMockServer(new MockSchool(includeUnmappable: true));
        var file = Path.Combine(_dir, "unmapped.json");
        var (code, _, error) = Run(new[] { "fetch", "--connector", "mosreg", "--base-url", mock.BaseUrl, "--token", MockSchool.Token, "--from", "2024-09-23", "--to", "2024-10-06", "--out", file });
        Assert.True(code == 0, error);
        Assert.Contains("Не удалось разобрать 1 итоговую отметку: итоговая отметка 2300000000000004009 — учебный период 2300000000000000049 не найден среди периодов класса.", error, StringComparison.Ordinal);
        // The connector's own note of the record, in Russian too.
        Assert.Contains("[предупреждение] Дневник.ру: не разобрано — итоговая отметка 2300000000000004009: учебный период", error, StringComparison.Ordinal);
        Assert.DoesNotContain("finalMark", error, StringComparison.Ordinal);
        Assert.DoesNotContain("[отладка]", error, StringComparison.Ordinal);

        var json = Json.Parse(File.ReadAllText(file));
        Assert.Equal(1, (int)json["source"]!["unmapped"]!["count"]!);
        Assert.Equal("finalMark", (string?)json["source"]!["unmapped"]!["examples"]![0]!["kind"]);
        Assert.Equal(MockSchool.Id(4009), (string?)json["source"]!["unmapped"]!["examples"]![0]!["vendorId"]);

        var (checkCode, output, checkError) = Run(new[] { "check", "--snapshot", file, "--policy", "mosreg-paperless-readiness", "--as-of", "2024-10-20T12:00:00+03:00", "--format", "json" });
        Assert.True(checkCode is 0 or 1, checkError);
        var warning = Assert.Single(Json.Parse(output)["warnings"]!);
        Assert.StartsWith("Не удалось разобрать 1 итоговую отметку", (string?)warning, StringComparison.Ordinal);
        Assert.Contains((string)warning!, checkError, StringComparison.Ordinal);
    }

    [Fact]
    public void Sync_keeps_the_unmapped_records_for_the_exported_snapshot_and_the_check()
    {
        using var mock = new MosregMockServer(new MockSchool(includeUnmappable: true));
        var store = Path.Combine(_dir, "store.db");
        var (code, _, error) = Run(new[] { "sync", "--connector", "mosreg", "--base-url", mock.BaseUrl, "--token", MockSchool.Token, "--store", store, "--from", "2024-09-23", "--to", "2024-10-06" });
        Assert.True(code == 0, error);
        Assert.Contains("Не удалось разобрать 1 итоговую отметку", error, StringComparison.Ordinal);

        var exported = Path.Combine(_dir, "exported.json");
        var (exportCode, _, exportError) = Run(new[] { "snapshot", "--store", store, "--from", "2024-09-23", "--to", "2024-10-06", "--out", exported });
        Assert.True(exportCode == 0, exportError);
        var unmapped = SnapshotReader.ReadFile(exported).Source.Unmapped!;
        Assert.Equal((1, MockSchool.Id(4009)), (unmapped.Count, unmapped.Examples.Single().VendorId));
    }

    [Fact]
    public void Verbose_logs_every_call_to_stderr()
    {
        var (code, output, error) = Run(new[] { "fetch" }.Concat(Connection("--from", "2024-10-01", "--to", "2024-10-06", "--out", Path.Combine(_dir, "v.json"), "--verbose")).ToArray());
        Assert.True(code == 0, error);
        Assert.Contains("[отладка] Школьный портал GET: HTTP 200", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Не удалось разобрать", error, StringComparison.Ordinal);
        Assert.DoesNotContain(MockSchool.Token, error + output, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public void A_refused_token_exits_3_without_echoing_it()
    {
        _mock.ExpireAllTokens();
        var (code, _, error) = Run(new[] { "fetch" }.Concat(Connection("--from", "2024-10-01", "--to", "2024-10-06", "--out", Path.Combine(_dir, "never.json"))).ToArray());
        Assert.Equal(3, code);
        Assert.Contains("authorizationInvalidToken", error, StringComparison.Ordinal);
        Assert.DoesNotContain(MockSchool.Token, error, StringComparison.Ordinal);
    }
}
