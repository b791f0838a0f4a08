using System.Collections.Generic;

namespace Eljur.Sync.PostgreSql;

/// <summary>The gateway's run history tables (component <c>history</c> in <c>schema_version</c>).</summary>
internal static class PostgreSqlRunHistorySchema
{
    /// <summary>The component name in <c>schema_version</c>.</summary>
    public const string Component = "history";

    /// <summary>Index + 1 is the version a script produces; <c>{schema}</c> is the store's schema. Never edit a shipped one: append.</summary>
    public static readonly IReadOnlyList<string> Migrations = new[]
    {
        // 1: runs and their documents; at most one running run per school, across every node (a partial unique index).
        """
        CREATE TABLE {schema}.gateway_runs (
            id text PRIMARY KEY,
            school_id text NOT NULL,
            node text NOT NULL,
            trigger text NOT NULL,
            started_at timestamptz NOT NULL,
            ended_at timestamptz,
            status text NOT NULL,
            message text,
            sync_new integer NOT NULL DEFAULT 0,
            sync_changed integer NOT NULL DEFAULT 0,
            sync_deleted integer NOT NULL DEFAULT 0,
            sync_unchanged integer NOT NULL DEFAULT 0,
            errors integer NOT NULL DEFAULT 0,
            warnings integer NOT NULL DEFAULT 0,
            infos integer NOT NULL DEFAULT 0,
            possible integer NOT NULL DEFAULT 0,
            failed_metrics integer NOT NULL DEFAULT 0,
            not_evaluable integer NOT NULL DEFAULT 0
        );
        CREATE INDEX gateway_runs_school ON {schema}.gateway_runs (school_id, started_at DESC);
        CREATE UNIQUE INDEX gateway_runs_one_running ON {schema}.gateway_runs (school_id) WHERE status = 'running';
        CREATE TABLE {schema}.gateway_documents (
            run_id text NOT NULL REFERENCES {schema}.gateway_runs (id),
            kind text NOT NULL,
            body text NOT NULL,
            PRIMARY KEY (run_id, kind)
        );
        """,
    };
}
