using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Eljur.Abstractions.Sync;
using Eljur.Abstractions.Tests.Sync;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Eljur.Sync.Sqlite.Tests;

/// <summary>The store conformance suite on SQLite.</summary>
public sealed class SqliteStoreConformanceTests : GradebookStoreConformanceTests, IDisposable
{
    private readonly TempDir _dir = new();
    private int _n;

    protected override IGradebookStore CreateStore() => new SqliteGradebookStore(_dir.File($"store{_n++}.db"));

    protected override IGradebookStore Reopen(IGradebookStore store) => new SqliteGradebookStore(((SqliteGradebookStore)store).Path);

    protected override bool PassesRows => true;

    public void Dispose() => _dir.Dispose();
}

public sealed class SqliteStoreTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ANewStoreIsMigratedToTheCurrentVersionOnceAndReopens()
    {
        var path = _dir.File("s.db");
        _ = new SqliteGradebookStore(path);
        _ = new SqliteGradebookStore(path);

        Assert.Equal(new long[] { 1 }, Query(path, "SELECT version FROM schema_version ORDER BY version"));
        Assert.Equal(SqliteSchema.CurrentVersion, new SqliteGradebookStore(path).SchemaVersion);
        var tables = QueryText(path, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        Assert.Equal(new[] { "absences", "lessons", "marks", "schema_version", "schools", "sqlite_sequence", "sync_runs" }, tables);
    }

    [Fact]
    public void AStoreOfANewerSchemaIsRefusedNamingTheFile()
    {
        var path = _dir.File("s.db");
        _ = new SqliteGradebookStore(path);
        Execute(path, "INSERT INTO schema_version (version, applied_at) VALUES (99, 'later')");

        var error = Assert.Throws<GradebookStoreException>(() => new SqliteGradebookStore(path));

        Assert.Contains("99", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void AFileThatIsNotAStoreIsAClearError()
    {
        var path = _dir.File("notes.db");
        File.WriteAllText(path, "это не база данных, а просто текст, достаточно длинный для заголовка SQLite");

        var error = Assert.Throws<GradebookStoreException>(() => new SqliteGradebookStore(path));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void AMissingStoreIsAnErrorWhenNotCreating()
    {
        var error = Assert.Throws<GradebookStoreException>(() => new SqliteGradebookStore(_dir.File("none.db"), createIfMissing: false));
        Assert.Contains("none.db", error.Message);
        Assert.False(File.Exists(_dir.File("none.db")));
    }

    private static List<long> Query(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<long>();
        while (reader.Read())
        {
            values.Add(reader.GetInt64(0));
        }

        return values;
    }

    private static List<string> QueryText(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
