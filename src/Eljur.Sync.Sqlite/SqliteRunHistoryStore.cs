using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Sync;
using Microsoft.Data.Sqlite;

namespace Eljur.Sync.Sqlite;

/// <summary>
/// The gateway's run history in the same SQLite file as a <see cref="SqliteGradebookStore"/>: its own
/// tables (<c>gateway_runs</c>, <c>gateway_documents</c>) and its own schema version
/// (<c>gateway_schema_version</c>), migrated when opened.
/// </summary>
public sealed class SqliteRunHistoryStore : IRunHistoryStore
{
    private const string Columns =
        "id, school_id, node, trigger, started_at, ended_at, status, message, sync_new, sync_changed, sync_deleted, sync_unchanged, errors, warnings, infos, possible, failed_metrics, not_evaluable";

    private readonly string _connectionString;

    /// <summary>Opens (creating when missing) the run history in a database file.</summary>
    /// <param name="path">The database file (usually the sync store's).</param>
    public SqliteRunHistoryStore(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("A database path is required.", nameof(path));
        }

        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = Open();
        SqliteRunHistorySchema.Migrate(connection);
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public Task<bool> TryBeginAsync(GatewayRun run, CancellationToken cancellationToken = default)
    {
        if (run is null)
        {
            throw new ArgumentNullException(nameof(run));
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO gateway_runs (" + Columns + ") SELECT $id, $school, $node, $trigger, $started, NULL, 'running', NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 " +
            "WHERE NOT EXISTS (SELECT 1 FROM gateway_runs WHERE school_id = $school AND status = 'running');";
        command.Parameters.AddWithValue("$id", run.Id);
        command.Parameters.AddWithValue("$school", run.SchoolId);
        command.Parameters.AddWithValue("$node", run.Node);
        command.Parameters.AddWithValue("$trigger", run.Trigger);
        command.Parameters.AddWithValue("$started", run.StartedAt.UtcTicks);
        return Task.FromResult(command.ExecuteNonQuery() == 1);
    }

    /// <inheritdoc/>
    public Task CompleteAsync(GatewayRun run, GatewayRunDocuments? documents, CancellationToken cancellationToken = default)
    {
        if (run is null)
        {
            throw new ArgumentNullException(nameof(run));
        }

        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "UPDATE gateway_runs SET node = $node, ended_at = $ended, status = $status, message = $message, sync_new = $n, sync_changed = $c, sync_deleted = $d, sync_unchanged = $u, " +
                "errors = $e, warnings = $w, infos = $i, possible = $p, failed_metrics = $f, not_evaluable = $ne WHERE id = $id;";
            command.Parameters.AddWithValue("$id", run.Id);
            command.Parameters.AddWithValue("$node", run.Node);
            command.Parameters.AddWithValue("$ended", (object?)run.EndedAt?.UtcTicks ?? DBNull.Value);
            command.Parameters.AddWithValue("$status", run.Status);
            command.Parameters.AddWithValue("$message", (object?)run.Message ?? DBNull.Value);
            command.Parameters.AddWithValue("$n", run.SyncNew);
            command.Parameters.AddWithValue("$c", run.SyncChanged);
            command.Parameters.AddWithValue("$d", run.SyncDeleted);
            command.Parameters.AddWithValue("$u", run.SyncUnchanged);
            command.Parameters.AddWithValue("$e", run.Errors);
            command.Parameters.AddWithValue("$w", run.Warnings);
            command.Parameters.AddWithValue("$i", run.Infos);
            command.Parameters.AddWithValue("$p", run.Possible);
            command.Parameters.AddWithValue("$f", run.FailedMetrics);
            command.Parameters.AddWithValue("$ne", run.NotEvaluable);
            if (command.ExecuteNonQuery() != 1)
            {
                throw new GradebookStoreException($"The run {run.Id} was never begun in {Path}.");
            }
        }

        if (documents is not null)
        {
            Document(connection, transaction, run.Id, GatewayRunDocuments.Json, documents.ReportJson);
            Document(connection, transaction, run.Id, GatewayRunDocuments.HtmlKind, documents.Html);
            Document(connection, transaction, run.Id, GatewayRunDocuments.MarkdownKind, documents.Markdown);
            Document(connection, transaction, run.Id, GatewayRunDocuments.ViewKind, documents.View);
        }

        transaction.Commit();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<GatewayRun?> GetAsync(string runId, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        var runs = Query(connection, "SELECT " + Columns + " FROM gateway_runs WHERE id = $id;", ("$id", runId));
        return Task.FromResult(runs.Count == 0 ? null : runs[0]);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<GatewayRun>> ListAsync(string schoolId, int limit, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        return Task.FromResult<IReadOnlyList<GatewayRun>>(Query(
            connection,
            "SELECT " + Columns + " FROM gateway_runs WHERE school_id = $school ORDER BY started_at DESC, id DESC LIMIT $limit;",
            ("$school", schoolId),
            ("$limit", Math.Max(0, limit))));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<GatewayRun>> LatestAsync(int perSchool, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        return Task.FromResult<IReadOnlyList<GatewayRun>>(Query(
            connection,
            "SELECT " + Columns + " FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY school_id ORDER BY started_at DESC, id DESC) AS n FROM gateway_runs) " +
            "WHERE n <= $n ORDER BY school_id, started_at DESC, id DESC;",
            ("$n", Math.Max(1, perSchool))));
    }

    /// <inheritdoc/>
    public Task<string?> GetDocumentAsync(string runId, string kind, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM gateway_documents WHERE run_id = $id AND kind = $kind;";
        command.Parameters.AddWithValue("$id", runId);
        command.Parameters.AddWithValue("$kind", kind);
        return Task.FromResult(command.ExecuteScalar() as string);
    }

    /// <inheritdoc/>
    public Task<int> AbandonAsync(string? node, string message, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE gateway_runs SET status = 'failed', message = $message, ended_at = $at WHERE status = 'running'" +
            (node is null ? ";" : " AND node = $node;");
        command.Parameters.AddWithValue("$message", message);
        command.Parameters.AddWithValue("$at", at.UtcTicks);
        if (node is not null)
        {
            command.Parameters.AddWithValue("$node", node);
        }

        return Task.FromResult(command.ExecuteNonQuery());
    }

    private static void Document(SqliteConnection connection, SqliteTransaction transaction, string runId, string kind, string? body)
    {
        if (body is null)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR REPLACE INTO gateway_documents (run_id, kind, body) VALUES ($id, $kind, $body);";
        command.Parameters.AddWithValue("$id", runId);
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$body", body);
        command.ExecuteNonQuery();
    }

    private static List<GatewayRun> Query(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var runs = new List<GatewayRun>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            runs.Add(new GatewayRun
            {
                Id = reader.GetString(0),
                SchoolId = reader.GetString(1),
                Node = reader.GetString(2),
                Trigger = reader.GetString(3),
                StartedAt = new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
                EndedAt = reader.IsDBNull(5) ? null : new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero),
                Status = reader.GetString(6),
                Message = reader.IsDBNull(7) ? null : reader.GetString(7),
                SyncNew = reader.GetInt32(8),
                SyncChanged = reader.GetInt32(9),
                SyncDeleted = reader.GetInt32(10),
                SyncUnchanged = reader.GetInt32(11),
                Errors = reader.GetInt32(12),
                Warnings = reader.GetInt32(13),
                Infos = reader.GetInt32(14),
                Possible = reader.GetInt32(15),
                FailedMetrics = reader.GetInt32(16),
                NotEvaluable = reader.GetInt32(17),
            });
        }

        return runs;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
