using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using NpgsqlTypes;

namespace Eljur.Sync.PostgreSql;

/// <summary>
/// The records a sync session saved and has not yet written: written in one round trip as a batch of
/// upserts when few, or by binary <c>COPY</c> into a temporary table and one upsert from it when many
/// (a first sync of a school-year writes hundreds of thousands of marks).
/// </summary>
/// <typeparam name="T">The stored record type.</typeparam>
internal sealed class RecordBuffer<T>
{
    /// <summary>From this many rows on, <c>COPY</c> pays for its temporary table.</summary>
    public const int CopyThreshold = 64;

    private readonly RecordTable<T> _table;
    private readonly Dictionary<string, (string School, T Record)> _rows = new(StringComparer.Ordinal);
    private bool _stagingCreated;

    public RecordBuffer(RecordTable<T> table) => _table = table;

    /// <summary>How many rows wait.</summary>
    public int Count => _rows.Count;

    /// <summary>Copies so far (for tests and measurements).</summary>
    public int Copies { get; private set; }

    /// <summary>Adds a record; a second save of the same record replaces the first (keeping its payload when the new one has none).</summary>
    public void Add(string schoolId, T record)
    {
        var key = schoolId + "\n" + _table.KeyOf(record);
        _rows[key] = _rows.TryGetValue(key, out var earlier) ? (schoolId, _table.Merge(earlier.Record, record)) : (schoolId, record);
    }

    /// <summary>Writes every waiting row inside the session's transaction.</summary>
    public async Task FlushAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken cancellationToken)
    {
        if (_rows.Count == 0)
        {
            return;
        }

        if (_rows.Count >= CopyThreshold)
        {
            await CopyAsync(connection, transaction, schema, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await BatchAsync(connection, transaction, schema, cancellationToken).ConfigureAwait(false);
        }

        _rows.Clear();
    }

    private async Task BatchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken cancellationToken)
    {
        var sql = _table.Upsert(schema, "VALUES (" + string.Join(", ", Enumerable.Range(1, _table.Columns.Count).Select(i => "$" + i)) + ")");
        using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (school, record) in _rows.Values)
        {
            var command = new NpgsqlBatchCommand(sql);
            var values = _table.Values(school, record);
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = _table.Types[i], Value = values[i] ?? DBNull.Value });
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task CopyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken cancellationToken)
    {
        var staging = "eljur_staging_" + _table.Name;
        var columns = string.Join(", ", _table.Columns);
        if (!_stagingCreated)
        {
            // Dropped with the transaction; a session is one transaction.
            using var create = new NpgsqlCommand($"CREATE TEMP TABLE {staging} (LIKE {schema}.{_table.Name}) ON COMMIT DROP;", connection, transaction);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _stagingCreated = true;
        }

        using (var importer = await connection.BeginBinaryImportAsync($"COPY {staging} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var (school, record) in _rows.Values)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                var values = _table.Values(school, record);
                for (var i = 0; i < values.Length; i++)
                {
                    await WriteAsync(importer, values[i], _table.Types[i], cancellationToken).ConfigureAwait(false);
                }
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        using (var merge = new NpgsqlCommand(_table.Upsert(schema, $"SELECT {columns} FROM {staging}") + $" TRUNCATE {staging};", connection, transaction))
        {
            await merge.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        Copies++;
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, NpgsqlDbType type, CancellationToken cancellationToken) => value switch
    {
        null => importer.WriteNullAsync(cancellationToken),
        string text => importer.WriteAsync(text, type, cancellationToken),
        long number => importer.WriteAsync(number, type, cancellationToken),
        DateTime date => importer.WriteAsync(date, type, cancellationToken),
        DateTimeOffset time => importer.WriteAsync(time, type, cancellationToken),
        _ => throw new InvalidOperationException("No COPY writer for " + value.GetType().Name + "."),
    };
}
