using System;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Sync;
using Npgsql;

namespace Eljur.Sync.PostgreSql;

/// <summary>
/// One sync on PostgreSQL: one connection and one transaction from start to commit, holding the sync's
/// advisory lock as a transaction lock (released by the commit, the rollback, or the server when the
/// connection dies). Record saves are buffered and written in bulk before a read and at the commit.
/// </summary>
internal sealed class PostgreSqlSyncSession : IGradebookStoreSession
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly string _schema;
    private readonly RecordBuffer<StoredLesson> _lessons = new(RecordTable<StoredLesson>.Lessons);
    private readonly RecordBuffer<StoredMark> _marks = new(RecordTable<StoredMark>.Marks);
    private readonly RecordBuffer<StoredAbsence> _absences = new(RecordTable<StoredAbsence>.Absences);
    private bool _done;

    public PostgreSqlSyncSession(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema)
    {
        _connection = connection;
        _transaction = transaction;
        _schema = schema;
    }

    /// <summary>Bulk copies done so far (for tests).</summary>
    public int Copies => _lessons.Copies + _marks.Copies + _absences.Copies;

    public async Task<StoredState> LoadAsync(string schoolId, DateTime from, DateTime to, CancellationToken cancellationToken = default)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        return await StoreReader.LoadAsync(_connection, _transaction, _schema, schoolId, from, to, withPayloads: false, cancellationToken).ConfigureAwait(false);
    }

    public async Task SaveReferenceAsync(string schoolId, string reference, CancellationToken cancellationToken = default)
    {
        Check();
        using var command = new NpgsqlCommand($"""
            INSERT INTO {_schema}.schools (school_id, reference, updated_at) VALUES (@school, @reference, now())
            ON CONFLICT (school_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at;
            """, _connection, _transaction);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("reference", reference);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task SaveLessonAsync(string schoolId, StoredLesson lesson, CancellationToken cancellationToken = default)
    {
        Check();
        _lessons.Add(schoolId, lesson);
        return Task.CompletedTask;
    }

    public Task SaveMarkAsync(string schoolId, StoredMark mark, CancellationToken cancellationToken = default)
    {
        Check();
        _marks.Add(schoolId, mark);
        return Task.CompletedTask;
    }

    public Task SaveAbsenceAsync(string schoolId, StoredAbsence absence, CancellationToken cancellationToken = default)
    {
        Check();
        _absences.Add(schoolId, absence);
        return Task.CompletedTask;
    }

    public async Task<SyncRun> CommitAsync(SyncRun run, CancellationToken cancellationToken = default)
    {
        if (run is null)
        {
            throw new ArgumentNullException(nameof(run));
        }

        cancellationToken.ThrowIfCancellationRequested();
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        using (var school = new NpgsqlCommand($"""
            INSERT INTO {_schema}.schools (school_id, reference, updated_at) VALUES (@school, '', now()) ON CONFLICT (school_id) DO NOTHING;
            """, _connection, _transaction))
        {
            school.Parameters.AddWithValue("school", run.SchoolId);
            await school.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var stored = await StoreReader.InsertRunAsync(_connection, _transaction, _schema, run, cancellationToken).ConfigureAwait(false);
        await _transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        Dispose();
        return stored;
    }

    public void Dispose()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        try
        {
            _transaction.Dispose(); // rolls back an uncommitted transaction, and with it the advisory lock
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or System.IO.IOException)
        {
            // A broken connection: the server rolls the transaction back and drops the lock by itself.
        }
        finally
        {
            _connection.Dispose();
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        Check();
        await _lessons.FlushAsync(_connection, _transaction, _schema, cancellationToken).ConfigureAwait(false);
        await _marks.FlushAsync(_connection, _transaction, _schema, cancellationToken).ConfigureAwait(false);
        await _absences.FlushAsync(_connection, _transaction, _schema, cancellationToken).ConfigureAwait(false);
    }

    private void Check()
    {
        if (_done)
        {
            throw new ObjectDisposedException(nameof(IGradebookStoreSession), "The sync session has ended.");
        }
    }
}
