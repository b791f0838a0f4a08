using System;
using System.Collections.Generic;
using Eljur.Abstractions.Sync;
using Microsoft.Data.Sqlite;

namespace Eljur.Sync.Sqlite;

/// <summary>The store's schema migrations, applied in order inside one transaction.</summary>
internal static class SqliteSchema
{
    /// <summary>Migration scripts; index + 1 is the schema version they produce. Never edit a shipped one: append.</summary>
    public static readonly IReadOnlyList<string> Migrations = new[]
    {
        // 1: the initial schema.
        """
        CREATE TABLE schools (
            school_id TEXT NOT NULL PRIMARY KEY,
            reference TEXT NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE TABLE sync_runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            school_id TEXT NOT NULL,
            connector TEXT NOT NULL,
            instance TEXT,
            range_from TEXT NOT NULL,
            range_to TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            observed_at INTEGER,
            finished_at INTEGER NOT NULL,
            succeeded INTEGER NOT NULL,
            capabilities TEXT NOT NULL,
            counts TEXT NOT NULL,
            error TEXT
        );
        CREATE INDEX sync_runs_school ON sync_runs (school_id, succeeded);
        CREATE TABLE lessons (
            school_id TEXT NOT NULL,
            id TEXT NOT NULL,
            date TEXT NOT NULL,
            payload TEXT NOT NULL,
            hash INTEGER NOT NULL,
            topic_entered_at INTEGER,
            topic_entered_after INTEGER,
            homework_entered_at INTEGER,
            homework_entered_after INTEGER,
            first_seen_at INTEGER NOT NULL,
            deleted_at INTEGER,
            deleted_after INTEGER,
            PRIMARY KEY (school_id, id)
        ) WITHOUT ROWID;
        CREATE INDEX lessons_date ON lessons (school_id, date);
        CREATE TABLE marks (
            school_id TEXT NOT NULL,
            id TEXT NOT NULL,
            date TEXT NOT NULL,
            value TEXT NOT NULL,
            payload TEXT NOT NULL,
            hash INTEGER NOT NULL,
            entered_at INTEGER,
            entered_after INTEGER,
            revisions TEXT,
            first_seen_at INTEGER NOT NULL,
            deleted_at INTEGER,
            deleted_after INTEGER,
            PRIMARY KEY (school_id, id)
        ) WITHOUT ROWID;
        CREATE INDEX marks_date ON marks (school_id, date);
        CREATE TABLE absences (
            school_id TEXT NOT NULL,
            lesson_id TEXT NOT NULL,
            student_id TEXT NOT NULL,
            date TEXT NOT NULL,
            payload TEXT NOT NULL,
            hash INTEGER NOT NULL,
            entered_at INTEGER,
            entered_after INTEGER,
            first_seen_at INTEGER NOT NULL,
            deleted_at INTEGER,
            deleted_after INTEGER,
            PRIMARY KEY (school_id, lesson_id, student_id)
        ) WITHOUT ROWID;
        CREATE INDEX absences_date ON absences (school_id, date);
        """,
    };

    /// <summary>The version this build writes.</summary>
    public static int CurrentVersion => Migrations.Count;

    /// <summary>Brings the database to <see cref="CurrentVersion"/>; refuses a newer one.</summary>
    public static void Migrate(SqliteConnection connection, string path)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL);");
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        var version = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (version > CurrentVersion)
        {
            throw new GradebookStoreException(
                $"The store {path} has schema version {version}, newer than this program knows ({CurrentVersion}): update eljur.");
        }

        for (var v = version + 1; v <= CurrentVersion; v++)
        {
            Execute(connection, transaction, Migrations[v - 1]);
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES ($v, $at);";
            insert.Parameters.AddWithValue("$v", v);
            insert.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
