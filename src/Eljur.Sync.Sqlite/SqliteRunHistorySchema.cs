using System;
using System.Collections.Generic;
using System.Globalization;
using Eljur.Abstractions.Sync;
using Microsoft.Data.Sqlite;

namespace Eljur.Sync.Sqlite;

/// <summary>The run history's own migrations, versioned apart from the sync store's schema.</summary>
internal static class SqliteRunHistorySchema
{
    /// <summary>Migration scripts; index + 1 is the version they produce. Never edit a shipped one: append.</summary>
    public static readonly IReadOnlyList<string> Migrations = new[]
    {
        """
        CREATE TABLE gateway_runs (
            id TEXT NOT NULL PRIMARY KEY,
            school_id TEXT NOT NULL,
            node TEXT NOT NULL,
            trigger TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            ended_at INTEGER,
            status TEXT NOT NULL,
            message TEXT,
            sync_new INTEGER NOT NULL,
            sync_changed INTEGER NOT NULL,
            sync_deleted INTEGER NOT NULL,
            sync_unchanged INTEGER NOT NULL,
            errors INTEGER NOT NULL,
            warnings INTEGER NOT NULL,
            infos INTEGER NOT NULL,
            possible INTEGER NOT NULL,
            failed_metrics INTEGER NOT NULL,
            not_evaluable INTEGER NOT NULL
        );
        CREATE INDEX gateway_runs_school ON gateway_runs (school_id, started_at);
        CREATE UNIQUE INDEX gateway_runs_one_running ON gateway_runs (school_id) WHERE status = 'running';
        CREATE TABLE gateway_documents (
            run_id TEXT NOT NULL REFERENCES gateway_runs (id),
            kind TEXT NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (run_id, kind)
        );
        """,
    };

    public static int CurrentVersion => Migrations.Count;

    public static void Migrate(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = "CREATE TABLE IF NOT EXISTS gateway_schema_version (version INTEGER NOT NULL);";
            create.ExecuteNonQuery();
        }

        int version;
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT MAX(version) FROM gateway_schema_version;";
            var value = read.ExecuteScalar();
            version = value is null or DBNull ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);
        }

        if (version > CurrentVersion)
        {
            throw new GradebookStoreException($"The run history in {connection.DataSource} has schema version {version}, newer than this program knows ({CurrentVersion}): update the program.");
        }

        for (var v = version; v < CurrentVersion; v++)
        {
            using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = Migrations[v] + "\nINSERT INTO gateway_schema_version (version) VALUES (" + (v + 1).ToString(CultureInfo.InvariantCulture) + ");";
            migrate.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
