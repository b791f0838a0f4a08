using System;
using System.Threading;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace Eljur.Tests.Shared;

/// <summary>
/// The PostgreSQL server the tests use, named by <c>ELJUR_TEST_POSTGRES</c> (an Npgsql connection string;
/// <c>build/postgres/start-test-server.sh</c> starts a throwaway one and prints it). Each test gets a schema
/// (or a database) of its own on it. In CI (<c>CI=true</c>) a missing server fails the test; locally the test
/// prints how to start one and returns.
/// </summary>
internal static class TestPostgres
{
    public const string Variable = "ELJUR_TEST_POSTGRES";

    private static int _counter;

    /// <summary>The connection string, or null after saying why the test does not run (never null in CI: the test fails there).</summary>
    public static string? FindOrExplain(ITestOutputHelper? output)
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (configured is { Length: > 0 })
        {
            return configured;
        }

        const string message = "PostgreSQL is not configured: " + Variable + " is not set. Start a throwaway server with " +
            "eval \"$(build/postgres/start-test-server.sh)\" (it installs Debian's postgresql when missing) and run the tests from that shell";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message + ": CI starts it in .ci/run, so this is a failure.");
        }

        output?.WriteLine("SKIPPED locally: " + message + ".");
        Console.WriteLine("PostgreSQL test not run locally: " + message + ".");
        return null;
    }

    /// <summary>A schema name no other test uses: lower-case, unique per process and call.</summary>
    public static string NewSchema(string prefix = "t") =>
        $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}_{Guid.NewGuid().ToString("N").Substring(0, 8)}";

    /// <summary>Drops schemas made by <see cref="NewSchema"/>; errors are ignored (the server is throwaway).</summary>
    public static void DropSchemas(string connectionString, params string[] schemas)
    {
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            foreach (var schema in schemas)
            {
                using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE;", connection);
                command.ExecuteNonQuery();
            }
        }
        catch (NpgsqlException)
        {
        }
    }

    /// <summary>Creates a database of its own for a test; returns its connection string.</summary>
    public static string CreateDatabase(string server, string prefix = "db")
    {
        var name = NewSchema(prefix);
        Scalar(server, $"CREATE DATABASE {name};");
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing what still uses it.</summary>
    public static void DropDatabase(string server, string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            Scalar(server, $"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(connectionString).Database} WITH (FORCE);");
        }
        catch (NpgsqlException)
        {
        }
    }

    /// <summary>Runs a statement and returns the first column of the first row.</summary>
    public static object? Scalar(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }
}
