using System.IO;

namespace Eljur.Cli.Tests;

/// <summary><c>eljur serve</c>: the hash command and a bad configuration (exit 2, naming the file, line and path).</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public void Hash_password_prints_a_hash_on_its_last_line_and_exits_0()
    {
        var (code, output, _) = CliRunner.Run("serve", "hash-password", "пароль-завуча");
        Assert.Equal(0, code);
        var last = output.TrimEnd().Split('\n')[^1].Trim();
        Assert.StartsWith("AQAAAA", last, System.StringComparison.Ordinal);
        Assert.DoesNotContain("пароль-завуча", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_configuration_exits_2_naming_the_file_line_and_path()
    {
        var dir = CliRunner.TempDir();
        var file = Path.Combine(dir, "gateway.json");
        File.WriteAllText(file, "{\n  \"format\": \"eljur.gateway/1\",\n  \"schools\": [ { \"id\": \"a\", \"connector\": \"nope\", \"policy\": \"lyceum68-ufa-2023\" } ]\n}\n");
        var (code, _, error) = CliRunner.Run("serve", "--config", file, "--urls", "http://127.0.0.1:0");
        Assert.Equal(2, code);
        Assert.Contains("gateway.json: строка 3, $.schools[0].connector: неизвестный коннектор \"nope\"", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_needs_a_configuration_or_the_demo()
    {
        var (code, _, error) = CliRunner.Run("serve");
        Assert.Equal(2, code);
        Assert.Contains("--config", error, System.StringComparison.Ordinal);
    }
}
