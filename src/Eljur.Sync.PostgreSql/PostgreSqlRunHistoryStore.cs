using System;
using System.Collections.Generic;
using System.Data;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Sync;
using Npgsql;
using NpgsqlTypes;

namespace Eljur.Sync.PostgreSql;

/// <summary>
/// The gateway's run history in the database of a <see cref="PostgreSqlGradebookStore"/> (its schema, its
/// connections): tables <c>gateway_runs</c> and <c>gateway_documents</c>, migrated as their own component.
/// At most one running run per school holds across every node sharing the database (a unique index decides).
/// </summary>
public sealed class PostgreSqlRunHistoryStore : IRunHistoryStore
{
    private const string Columns =
        "id, school_id, node, trigger, started_at, ended_at, status, message, sync_new, sync_changed, sync_deleted, sync_unchanged, errors, warnings, infos, possible, failed_metrics, not_evaluable";

    private readonly PostgreSqlGradebookStore _store;
    private readonly SemaphoreSlim _migrate = new(1, 1);
    private volatile bool _migrated;

    /// <summary>Creates the history on the store's database; its tables are migrated on first use.</summary>
    /// <param name="store">The store whose database and schema the history shares.</param>
    public PostgreSqlRunHistoryStore(PostgreSqlGradebookStore store) => _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <summary>Creates or migrates the history's tables now (otherwise the first call does).</summary>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>A task.</returns>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (_migrated)
        {
            return;
        }

        await _migrate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_migrated)
            {
                await _store.MigrateAsync(cancellationToken).ConfigureAwait(false);
                await _store.MigrateComponentAsync(PostgreSqlRunHistorySchema.Component, PostgreSqlRunHistorySchema.Migrations, cancellationToken).ConfigureAwait(false);
                _migrated = true;
            }
        }
        finally
        {
            _migrate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<bool> TryBeginAsync(GatewayRun run, CancellationToken cancellationToken = default)
    {
        if (run is null)
        {
            throw new ArgumentNullException(nameof(run));
        }

        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = new NpgsqlCommand($"""
            INSERT INTO {_store.Schema}.gateway_runs (id, school_id, node, trigger, started_at, status)
            VALUES (@id, @school, @node, @trigger, @started, 'running')
            ON CONFLICT (school_id) WHERE status = 'running' DO NOTHING;
            """, connection);
        command.Parameters.AddWithValue("id", run.Id);
        command.Parameters.AddWithValue("school", run.SchoolId);
        command.Parameters.AddWithValue("node", run.Node);
        command.Parameters.AddWithValue("trigger", run.Trigger);
        command.Parameters.AddWithValue("started", run.StartedAt.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public async Task CompleteAsync(GatewayRun run, GatewayRunDocuments? documents, CancellationToken cancellationToken = default)
    {
        if (run is null)
        {
            throw new ArgumentNullException(nameof(run));
        }

        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await Transactions.BeginAsync(connection, IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        using (var command = new NpgsqlCommand($"""
            UPDATE {_store.Schema}.gateway_runs SET node = @node, ended_at = @ended, status = @status, message = @message,
                sync_new = @n, sync_changed = @c, sync_deleted = @d, sync_unchanged = @u, errors = @e, warnings = @w, infos = @i,
                possible = @p, failed_metrics = @f, not_evaluable = @ne
            WHERE id = @id;
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("id", run.Id);
            command.Parameters.AddWithValue("node", run.Node);
            command.Parameters.AddWithValue("ended", NpgsqlDbType.TimestampTz, (object?)run.EndedAt?.ToUniversalTime() ?? DBNull.Value);
            command.Parameters.AddWithValue("status", run.Status);
            command.Parameters.AddWithValue("message", NpgsqlDbType.Text, (object?)run.Message ?? DBNull.Value);
            command.Parameters.AddWithValue("n", run.SyncNew);
            command.Parameters.AddWithValue("c", run.SyncChanged);
            command.Parameters.AddWithValue("d", run.SyncDeleted);
            command.Parameters.AddWithValue("u", run.SyncUnchanged);
            command.Parameters.AddWithValue("e", run.Errors);
            command.Parameters.AddWithValue("w", run.Warnings);
            command.Parameters.AddWithValue("i", run.Infos);
            command.Parameters.AddWithValue("p", run.Possible);
            command.Parameters.AddWithValue("f", run.FailedMetrics);
            command.Parameters.AddWithValue("ne", run.NotEvaluable);
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                throw new GradebookStoreException($"The run {run.Id} was never begun in {_store.Describe()}.");
            }
        }

        if (documents is not null)
        {
            foreach (var (kind, body) in new[]
            {
                (GatewayRunDocuments.Json, (string?)documents.ReportJson), (GatewayRunDocuments.HtmlKind, documents.Html),
                (GatewayRunDocuments.MarkdownKind, documents.Markdown), (GatewayRunDocuments.ViewKind, documents.View),
            })
            {
                if (body is null)
                {
                    continue;
                }

                using var insert = new NpgsqlCommand($"""
                    INSERT INTO {_store.Schema}.gateway_documents (run_id, kind, body) VALUES (@id, @kind, @body)
                    ON CONFLICT (run_id, kind) DO UPDATE SET body = excluded.body;
                    """, connection, transaction);
                insert.Parameters.AddWithValue("id", run.Id);
                insert.Parameters.AddWithValue("kind", kind);
                insert.Parameters.AddWithValue("body", body);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<GatewayRun?> GetAsync(string runId, CancellationToken cancellationToken = default)
    {
        var runs = await QueryAsync($"SELECT {Columns} FROM {_store.Schema}.gateway_runs WHERE id = @id;", cancellationToken, ("id", runId)).ConfigureAwait(false);
        return runs.Count == 0 ? null : runs[0];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<GatewayRun>> ListAsync(string schoolId, int limit, CancellationToken cancellationToken = default) =>
        await QueryAsync(
            $"SELECT {Columns} FROM {_store.Schema}.gateway_runs WHERE school_id = @school ORDER BY started_at DESC, id DESC LIMIT @limit;",
            cancellationToken,
            ("school", schoolId),
            ("limit", Math.Max(0, limit))).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<GatewayRun>> LatestAsync(int perSchool, CancellationToken cancellationToken = default) =>
        await QueryAsync(
            $"""
            SELECT {Columns} FROM (
                SELECT *, row_number() OVER (PARTITION BY school_id ORDER BY started_at DESC, id DESC) AS n FROM {_store.Schema}.gateway_runs) ranked
            WHERE n <= @n ORDER BY school_id COLLATE "C", started_at DESC, id DESC;
            """,
            cancellationToken,
            ("n", Math.Max(1, perSchool))).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<string?> GetDocumentAsync(string runId, string kind, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = new NpgsqlCommand($"SELECT body FROM {_store.Schema}.gateway_documents WHERE run_id = @id AND kind = @kind;", connection);
        command.Parameters.AddWithValue("id", runId);
        command.Parameters.AddWithValue("kind", kind);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <inheritdoc/>
    public async Task<int> AbandonAsync(string? node, string message, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = new NpgsqlCommand($"""
            UPDATE {_store.Schema}.gateway_runs SET status = 'failed', message = @message, ended_at = @at
            WHERE status = 'running' AND (@node::text IS NULL OR node = @node::text);
            """, connection);
        command.Parameters.AddWithValue("message", message);
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        command.Parameters.AddWithValue("node", NpgsqlDbType.Text, (object?)node ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        return await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<GatewayRun>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var runs = new List<GatewayRun>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            runs.Add(new GatewayRun
            {
                Id = reader.GetString(0),
                SchoolId = reader.GetString(1),
                Node = reader.GetString(2),
                Trigger = reader.GetString(3),
                StartedAt = reader.GetFieldValue<DateTimeOffset>(4),
                EndedAt = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
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
}
