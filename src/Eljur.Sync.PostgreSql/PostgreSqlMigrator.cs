using System;
using System.Collections.Generic;
using System.Data;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Sync;
using Npgsql;

namespace Eljur.Sync.PostgreSql;

/// <summary>
/// Applies ordered migration scripts of one component (<c>store</c>, …) in one transaction, recording each
/// in <c>SCHEMA.schema_version</c>. Nodes starting at once migrate one after the other (an advisory lock);
/// a database of a newer version than the scripts know is refused before anything is touched.
/// </summary>
internal static class PostgreSqlMigrator
{
    /// <summary>Brings the component to <c>scripts.Count</c>; returns the version found before.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="schema">The validated schema name; <c>{schema}</c> in the scripts is replaced by it.</param>
    /// <param name="component">The component whose versions the scripts are.</param>
    /// <param name="scripts">Script <c>i</c> produces version <c>i + 1</c>. Never edit a shipped one: append.</param>
    /// <param name="describe">Names the database in errors (without secrets).</param>
    /// <param name="cancellationToken">Cancels the migration (rolled back).</param>
    public static async Task<int> MigrateAsync(
        NpgsqlConnection connection, string schema, string component, IReadOnlyList<string> scripts, string describe, CancellationToken cancellationToken)
    {
        using var transaction = await Transactions.BeginAsync(connection, IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key);", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", AdvisoryLockKeys.Migration(schema));
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var version = await VersionAsync(connection, transaction, schema, component, cancellationToken).ConfigureAwait(false);
        if (version > scripts.Count)
        {
            throw new GradebookStoreException(
                $"The database {describe} holds the {component} schema of version {version}, newer than this program knows ({scripts.Count.ToString(CultureInfo.InvariantCulture)}): update eljur on this node.");
        }

        if (version == scripts.Count)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return version;
        }

        await ExecuteAsync(connection, transaction, $"""
            CREATE SCHEMA IF NOT EXISTS {schema};
            CREATE TABLE IF NOT EXISTS {schema}.schema_version (
                component text NOT NULL,
                version integer NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (component, version)
            );
            """, cancellationToken).ConfigureAwait(false);
        for (var v = version + 1; v <= scripts.Count; v++)
        {
            await ExecuteAsync(connection, transaction, scripts[v - 1].Replace("{schema}", schema), cancellationToken).ConfigureAwait(false);
            using var insert = new NpgsqlCommand($"INSERT INTO {schema}.schema_version (component, version) VALUES (@component, @version);", connection, transaction);
            insert.Parameters.AddWithValue("component", component);
            insert.Parameters.AddWithValue("version", v);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return version;
    }

    private static async Task<int> VersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, string component, CancellationToken cancellationToken)
    {
        using (var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL;", connection, transaction))
        {
            exists.Parameters.AddWithValue("table", schema + ".schema_version");
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return 0;
            }
        }

        using var read = new NpgsqlCommand($"SELECT COALESCE(MAX(version), 0) FROM {schema}.schema_version WHERE component = @component;", connection, transaction);
        read.Parameters.AddWithValue("component", component);
        return Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
