using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Eljur.Abstractions.Snapshots;
using Eljur.Cli.Demo;
using Microsoft.Data.Sqlite;

namespace Eljur.Cli.Tests;

/// <summary><c>eljur sync</c> never turns a file that is not a store into one, and a failed first sync leaves no store.</summary>
public class StoreSafetyTests
{
    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static string Snapshot(string dir)
    {
        var path = Path.Combine(dir, "school.json");
        SnapshotWriter.WriteFile(DemoSchool.Build(), path);
        return path;
    }

    private static string[] Sync(string input, string store) =>
        new[] { "sync", "--connector", "file", "--input", input, "--store", store, "--from", "2024-10-14", "--to", "2024-11-15" };

    [Fact]
    public void A_snapshot_given_as_the_store_is_refused_and_left_as_it_was()
    {
        var dir = CliRunner.TempDir();
        var snapshot = Snapshot(dir);
        var before = Hash(snapshot);

        var (code, _, error) = CliRunner.Run(Sync(snapshot, snapshot));

        Assert.Equal(2, code);
        Assert.Contains("не хранилище eljur", error);
        Assert.Contains("похоже на JSON", error);
        Assert.Equal(before, Hash(snapshot));
        Assert.False(File.Exists(snapshot + ".lock"));
        Assert.NotNull(SnapshotReader.ReadFile(snapshot));
    }

    [Theory]
    [InlineData("")]
    [InlineData("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('чужая база');")]
    public void A_sqlite_file_without_our_schema_is_refused_and_left_as_it_was(string sql)
    {
        var dir = CliRunner.TempDir();
        var other = Path.Combine(dir, "other.db");
        using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql.Length > 0 ? sql : "PRAGMA user_version = 7;";
            command.ExecuteNonQuery();
        }

        var before = Hash(other);

        var sync = CliRunner.Run(Sync(Snapshot(dir), other));
        var check = CliRunner.Run("check", "--store", other, "--policy", CliRunner.DemoPreset);
        var export = CliRunner.Run("snapshot", "--store", other, "--out", Path.Combine(dir, "out.json"));

        Assert.All(new[] { sync, check, export }, r => Assert.Equal(2, r.Code));
        Assert.Contains("не хранилище eljur", sync.Error);
        Assert.Equal(before, Hash(other));
        Assert.False(File.Exists(Path.Combine(dir, "out.json")));
    }

    [Fact]
    public void An_empty_file_is_not_a_store_either()
    {
        var dir = CliRunner.TempDir();
        var empty = Path.Combine(dir, "empty.db");
        File.WriteAllBytes(empty, Array.Empty<byte>());

        var (code, _, error) = CliRunner.Run(Sync(Snapshot(dir), empty));

        Assert.Equal(2, code);
        Assert.Contains("пустой файл", error);
        Assert.Equal(0, new FileInfo(empty).Length);
    }

    [Fact]
    public void A_failed_first_sync_leaves_no_store_file_behind()
    {
        var dir = CliRunner.TempDir();
        var store = Path.Combine(dir, "new.db");
        var broken = Path.Combine(dir, "broken.json");
        File.WriteAllText(broken, "{ \"format\": \"eljur.snapshot/1\" ");

        var missingInput = CliRunner.Run(Sync(Path.Combine(dir, "absent.json"), store));
        var brokenInput = CliRunner.Run(Sync(broken, store));

        Assert.Equal(2, missingInput.Code);
        Assert.Equal(2, brokenInput.Code);
        Assert.Contains("broken.json", brokenInput.Error);
        Assert.DoesNotContain(Directory.GetFiles(dir), f => Path.GetFileName(f).StartsWith("new.db", StringComparison.Ordinal));
    }

    [Fact]
    public void A_store_of_a_newer_eljur_is_refused_in_russian()
    {
        var dir = CliRunner.TempDir();
        var store = Path.Combine(dir, "store.db");
        Assert.Equal(0, CliRunner.Run(Sync(Snapshot(dir), store)).Code);
        using (var connection = new SqliteConnection($"Data Source={store};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES (99, '2030-01-01');";
            command.ExecuteNonQuery();
        }

        var (code, _, error) = CliRunner.Run("snapshot", "--store", store, "--out", Path.Combine(dir, "out.json"));

        Assert.Equal(2, code);
        Assert.Contains("создано более новой версией eljur (схема 99", error);
        Assert.Contains("обновите eljur", error);
    }

    [Fact]
    public void A_failed_sync_into_an_existing_store_keeps_it()
    {
        var dir = CliRunner.TempDir();
        var store = Path.Combine(dir, "store.db");
        var snapshot = Snapshot(dir);
        var first = CliRunner.Run(Sync(snapshot, store));
        Assert.True(first.Code == 0, first.Error);

        var failed = CliRunner.Run(Sync(Path.Combine(dir, "absent.json"), store));
        var export = CliRunner.Run("snapshot", "--store", store, "--out", Path.Combine(dir, "again.json"));

        Assert.Equal(2, failed.Code);
        Assert.True(File.Exists(store));
        Assert.True(export.Code == 0, export.Error);
        Assert.Equal(DemoSchool.Build().Lessons!.Count, SnapshotReader.ReadFile(Path.Combine(dir, "again.json")).Lessons!.Count);
    }
}
