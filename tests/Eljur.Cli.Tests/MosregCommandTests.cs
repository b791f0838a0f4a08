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
    public void Options_come_from_the_environment_and_a_missing_school_is_a_usage_error()
    {
        var env = new Dictionary<string, string> { ["ELJUR_TOKEN"] = MockSchool.Token, ["ELJUR_SCHOOL_ID"] = _mock.School.SchoolId };
        var (ok, _, okError) = Run(new[] { "fetch", "--connector", "mosreg", "--base-url", _mock.BaseUrl, "--from", "2024-10-01", "--to", "2024-10-06", "--out", Path.Combine(_dir, "env.json") }, env);
        Assert.True(ok == 0, okError);

        var (code, _, error) = Run(new[] { "fetch", "--connector", "mosreg", "--base-url", _mock.BaseUrl, "--token", MockSchool.Token, "--from", "2024-10-01", "--to", "2024-10-06", "--out", Path.Combine(_dir, "x.json") });
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--school-id (ELJUR_SCHOOL_ID)", error, StringComparison.Ordinal);
        Assert.DoesNotContain(MockSchool.Token, error, StringComparison.Ordinal);
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
