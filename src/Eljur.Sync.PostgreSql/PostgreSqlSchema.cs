using System.Collections.Generic;

namespace Eljur.Sync.PostgreSql;

/// <summary>The store's migrations (component <c>store</c>), applied in order inside one transaction.</summary>
internal static class PostgreSqlSchema
{
    /// <summary>The component name in <c>schema_version</c>.</summary>
    public const string Component = "store";

    /// <summary>Index + 1 is the version a script produces; <c>{schema}</c> is the store's schema. Never edit a shipped one: append.</summary>
    public static readonly IReadOnlyList<string> Migrations = new[]
    {
        // 1: the initial schema. Instants are timestamptz (microseconds), dates are date.
        """
        CREATE TABLE {schema}.schools (
            school_id text PRIMARY KEY,
            reference text NOT NULL,
            updated_at timestamptz NOT NULL
        );
        CREATE TABLE {schema}.sync_runs (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            school_id text NOT NULL,
            connector text NOT NULL,
            instance text,
            range_from date NOT NULL,
            range_to date NOT NULL,
            started_at timestamptz NOT NULL,
            observed_at timestamptz,
            finished_at timestamptz NOT NULL,
            succeeded boolean NOT NULL,
            capabilities jsonb NOT NULL,
            counts jsonb NOT NULL,
            error text
        );
        CREATE INDEX sync_runs_school ON {schema}.sync_runs (school_id, succeeded);
        CREATE TABLE {schema}.lessons (
            school_id text NOT NULL,
            id text NOT NULL,
            date date NOT NULL,
            payload text NOT NULL,
            hash bigint NOT NULL,
            topic_entered_at timestamptz,
            topic_entered_after timestamptz,
            homework_entered_at timestamptz,
            homework_entered_after timestamptz,
            first_seen_at timestamptz NOT NULL,
            deleted_at timestamptz,
            deleted_after timestamptz,
            PRIMARY KEY (school_id, id)
        );
        CREATE INDEX lessons_date ON {schema}.lessons (school_id, date);
        CREATE TABLE {schema}.marks (
            school_id text NOT NULL,
            id text NOT NULL,
            date date NOT NULL,
            value text NOT NULL,
            payload text NOT NULL,
            hash bigint NOT NULL,
            entered_at timestamptz,
            entered_after timestamptz,
            revisions text,
            first_seen_at timestamptz NOT NULL,
            deleted_at timestamptz,
            deleted_after timestamptz,
            PRIMARY KEY (school_id, id)
        );
        CREATE INDEX marks_date ON {schema}.marks (school_id, date);
        CREATE TABLE {schema}.absences (
            school_id text NOT NULL,
            lesson_id text NOT NULL,
            student_id text NOT NULL,
            date date NOT NULL,
            payload text NOT NULL,
            hash bigint NOT NULL,
            entered_at timestamptz,
            entered_after timestamptz,
            first_seen_at timestamptz NOT NULL,
            deleted_at timestamptz,
            deleted_after timestamptz,
            PRIMARY KEY (school_id, lesson_id, student_id)
        );
        CREATE INDEX absences_date ON {schema}.absences (school_id, date);
        """,
    };

    /// <summary>The version this build writes.</summary>
    public static int CurrentVersion => Migrations.Count;
}
