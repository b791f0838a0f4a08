using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Sync;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;

namespace Eljur.Sync.Sqlite;

/// <summary>
/// An <see cref="IGradebookStore"/> in one SQLite file, holding any number of schools (keyed by
/// <c>school.id</c>). The schema is versioned (<c>schema_version</c>) and migrated in one
/// transaction when the store is opened; every sync is one transaction; a sync holds an exclusive
/// lock on <c>FILE.lock</c>, released by the operating system if the process dies.
/// </summary>
public sealed class SqliteGradebookStore : IGradebookStore, IGradebookRowSource
{
    private readonly string _connectionString;

    /// <summary>Opens (and, unless told otherwise, creates) a store, applying pending migrations.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="createIfMissing">Create the file when it does not exist; otherwise a missing file is an error.</param>
    /// <exception cref="GradebookStoreException">The file is missing, not a store, or of a newer schema version.</exception>
    public SqliteGradebookStore(string path, bool createIfMissing = true)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("A store path is required.", nameof(path));
        }

        Path = System.IO.Path.GetFullPath(path);
        if (!createIfMissing && !File.Exists(Path))
        {
            throw new GradebookStoreException($"The store {Path} does not exist: run eljur sync first.");
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();

        try
        {
            using var connection = Open();
            SqliteSchema.Migrate(connection, Path);
        }
        catch (SqliteException ex)
        {
            throw new GradebookStoreException($"The file {Path} is not a usable store: {ex.Message}", ex);
        }
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>The path of the lock file a running sync holds.</summary>
    public string LockPath => Path + ".lock";

    /// <summary>The schema version of the store (after migration).</summary>
    public int SchemaVersion => SqliteSchema.CurrentVersion;

    /// <inheritdoc/>
    public Task<IGradebookStoreSession> BeginSyncAsync(CancellationToken cancellationToken = default)
    {
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException ex)
        {
            throw new GradebookStoreLockedException(
                $"The store {Path} is being synced by another process (lock {LockPath} is held). Try again after it finishes.", ex);
        }

        try
        {
            var connection = Open();
            return Task.FromResult<IGradebookStoreSession>(new Session(connection, lockFile));
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public Task<StoredState> ReadAsync(string schoolId, DateTime from, DateTime to, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: true);
        return Task.FromResult(Load(connection, transaction, schoolId, from, to, withPayloads: true, cancellationToken));
    }

    /// <inheritdoc/>
    public Task ReadRowsAsync(string schoolId, DateTime from, DateTime to, IGradebookRowSink sink, CancellationToken cancellationToken = default)
    {
        if (sink is null)
        {
            throw new ArgumentNullException(nameof(sink));
        }

        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: true);
        sink.Begin(Header(connection, transaction, schoolId));
        SqliteRows.Read(connection, schoolId, from.Date, to.Date, sink, cancellationToken);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>> GetSchoolIdsAsync(CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT school_id FROM schools ORDER BY school_id;";
        var ids = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return Task.FromResult<IReadOnlyList<string>>(ids);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<SyncRun>> GetRunsAsync(string? schoolId = null, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        return Task.FromResult<IReadOnlyList<SyncRun>>(Runs(connection, null, schoolId, onlySucceeded: false));
    }

    /// <inheritdoc/>
    public Task<SyncRun> RecordFailedRunAsync(SyncRun run, CancellationToken cancellationToken = default)
    {
        if (run is null)
        {
            throw new ArgumentNullException(nameof(run));
        }

        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var stored = InsertRun(connection, transaction, run with { Succeeded = false });
        transaction.Commit();
        return Task.FromResult(stored);
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

    /// <summary>Instants are stored as UTC ticks (100 ns since 0001-01-01); exports show them in the school's zone.</summary>
    private static object Time(DateTimeOffset? time) => time is { } t ? t.UtcTicks : DBNull.Value;

    /// <summary>An instant selected as <c>ifnull(column, -1)</c>: one call per column instead of two (no instant is before year 1).</summary>
    private static DateTimeOffset? Instant(SqliteDataReader reader, int ordinal) =>
        reader.GetInt64(ordinal) is var ticks && ticks >= 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    private static DateTimeOffset? ParseTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero);

    /// <summary>Reads a school's state; without payloads (as a sync needs it, comparing hashes) it reads far less.</summary>
    private static StoredState Load(SqliteConnection connection, SqliteTransaction transaction, string schoolId, DateTime from, DateTime to, bool withPayloads, CancellationToken cancellationToken)
    {
        var payload = withPayloads ? "payload" : "''";
        var range = SqliteText.InRange(from, to);
        var lessons = new List<StoredLesson>();
        using (var command = Command(connection, transaction, $"""
            SELECT id, date, {payload}, ifnull(topic_entered_at, -1), ifnull(topic_entered_after, -1), ifnull(homework_entered_at, -1), ifnull(homework_entered_after, -1),
                   ifnull(first_seen_at, -1), ifnull(deleted_at, -1), ifnull(deleted_after, -1), hash
            FROM lessons WHERE {range};
            """))
        {
            Range(command, schoolId, from, to);
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                lessons.Add(new StoredLesson
                {
                    Id = r.GetString(0),
                    Date = SqliteText.ParseDate(r.GetString(1)),
                    Payload = r.GetString(2),
                    TopicEnteredAt = Instant(r, 3),
                    TopicEnteredAfter = Instant(r, 4),
                    HomeworkEnteredAt = Instant(r, 5),
                    HomeworkEnteredAfter = Instant(r, 6),
                    FirstSeenAt = Instant(r, 7)!.Value,
                    DeletedAt = Instant(r, 8),
                    DeletedAfter = Instant(r, 9),
                    Hash = r.GetInt64(10),
                });
            }
        }

        var marks = new List<StoredMark>();
        using (var command = Command(connection, transaction, $"""
            SELECT id, date, value, {payload}, ifnull(entered_at, -1), ifnull(entered_after, -1), revisions, ifnull(first_seen_at, -1), ifnull(deleted_at, -1), ifnull(deleted_after, -1), hash
            FROM marks WHERE {range};
            """))
        {
            Range(command, schoolId, from, to);
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                if ((marks.Count & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                marks.Add(new StoredMark
                {
                    Id = r.GetString(0),
                    Date = SqliteText.ParseDate(r.GetString(1)),
                    Value = r.GetString(2),
                    Payload = r.GetString(3),
                    EnteredAt = Instant(r, 4),
                    EnteredAfter = Instant(r, 5),
                    Revisions = r.IsDBNull(6) ? Array.Empty<MarkRevision>() : SyncRecordJson.ReadRevisions(r.GetString(6)),
                    FirstSeenAt = Instant(r, 7)!.Value,
                    DeletedAt = Instant(r, 8),
                    DeletedAfter = Instant(r, 9),
                    Hash = r.GetInt64(10),
                });
            }
        }

        var absences = new List<StoredAbsence>();
        using (var command = Command(connection, transaction, $"""
            SELECT lesson_id, student_id, date, {payload}, ifnull(entered_at, -1), ifnull(entered_after, -1), ifnull(first_seen_at, -1), ifnull(deleted_at, -1), ifnull(deleted_after, -1), hash
            FROM absences WHERE {range};
            """))
        {
            Range(command, schoolId, from, to);
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                absences.Add(new StoredAbsence
                {
                    LessonId = r.GetString(0),
                    StudentId = r.GetString(1),
                    Date = SqliteText.ParseDate(r.GetString(2)),
                    Payload = r.GetString(3),
                    EnteredAt = Instant(r, 4),
                    EnteredAfter = Instant(r, 5),
                    FirstSeenAt = Instant(r, 6)!.Value,
                    DeletedAt = Instant(r, 7),
                    DeletedAfter = Instant(r, 8),
                    Hash = r.GetInt64(9),
                });
            }
        }

        return Header(connection, transaction, schoolId) with
        {
            Lessons = lessons,
            Marks = marks,
            Absences = absences,
        };
    }

    /// <summary>The school's reference document and successful runs, without records.</summary>
    private static StoredState Header(SqliteConnection connection, SqliteTransaction transaction, string schoolId)
    {
        using var command = Command(connection, transaction, "SELECT reference FROM schools WHERE school_id = $school;");
        command.Parameters.AddWithValue("$school", schoolId);
        return new StoredState
        {
            Reference = command.ExecuteScalar() as string,
            Runs = Runs(connection, transaction, schoolId, onlySucceeded: true),
        };
    }

    private static void Range(SqliteCommand command, string schoolId, DateTime from, DateTime to)
    {
        command.Parameters.AddWithValue("$school", schoolId);
        command.Parameters.AddWithValue("$from", SqliteText.Date(from));
        command.Parameters.AddWithValue("$to", SqliteText.Date(to));
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static List<SyncRun> Runs(SqliteConnection connection, SqliteTransaction? transaction, string? schoolId, bool onlySucceeded)
    {
        using var command = Command(connection, transaction, """
            SELECT id, school_id, connector, instance, range_from, range_to, started_at, observed_at, finished_at,
                   succeeded, capabilities, counts, error
            FROM sync_runs
            WHERE ($school IS NULL OR school_id = $school) AND ($all = 1 OR succeeded = 1)
            ORDER BY id;
            """);
        command.Parameters.AddWithValue("$school", (object?)schoolId ?? DBNull.Value);
        command.Parameters.AddWithValue("$all", onlySucceeded ? 0 : 1);
        var runs = new List<SyncRun>();
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            runs.Add(new SyncRun
            {
                Id = r.GetInt64(0),
                SchoolId = r.GetString(1),
                Connector = r.GetString(2),
                Instance = r.IsDBNull(3) ? null : r.GetString(3),
                From = SqliteText.ParseDate(r.GetString(4)),
                To = SqliteText.ParseDate(r.GetString(5)),
                StartedAt = ParseTime(r, 6)!.Value,
                ObservedAt = ParseTime(r, 7),
                FinishedAt = ParseTime(r, 8)!.Value,
                Succeeded = r.GetInt64(9) != 0,
                Capabilities = JsonConvert.DeserializeObject<List<string>>(r.GetString(10)) ?? new List<string>(),
                Counts = JsonConvert.DeserializeObject<SyncCounts>(r.GetString(11)) ?? new SyncCounts(),
                Error = r.IsDBNull(12) ? null : r.GetString(12),
            });
        }

        return runs;
    }

    private static SyncRun InsertRun(SqliteConnection connection, SqliteTransaction transaction, SyncRun run)
    {
        using var command = Command(connection, transaction, """
            INSERT INTO sync_runs (school_id, connector, instance, range_from, range_to, started_at, observed_at, finished_at,
                                   succeeded, capabilities, counts, error)
            VALUES ($school, $connector, $instance, $from, $to, $started, $observed, $finished, $ok, $caps, $counts, $error);
            SELECT last_insert_rowid();
            """);
        command.Parameters.AddWithValue("$school", run.SchoolId);
        command.Parameters.AddWithValue("$connector", run.Connector);
        command.Parameters.AddWithValue("$instance", (object?)run.Instance ?? DBNull.Value);
        command.Parameters.AddWithValue("$from", SqliteText.Date(run.From));
        command.Parameters.AddWithValue("$to", SqliteText.Date(run.To));
        command.Parameters.AddWithValue("$started", Time(run.StartedAt));
        command.Parameters.AddWithValue("$observed", Time(run.ObservedAt));
        command.Parameters.AddWithValue("$finished", Time(run.FinishedAt));
        command.Parameters.AddWithValue("$ok", run.Succeeded ? 1 : 0);
        command.Parameters.AddWithValue("$caps", JsonConvert.SerializeObject(run.Capabilities));
        command.Parameters.AddWithValue("$counts", JsonConvert.SerializeObject(run.Counts));
        command.Parameters.AddWithValue("$error", (object?)run.Error ?? DBNull.Value);
        var id = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        return run with { Id = id };
    }

    /// <summary>One sync: the lock, one connection and one write transaction.</summary>
    private sealed class Session : IGradebookStoreSession
    {
        private readonly SqliteConnection _connection;
        private readonly FileStream _lock;
        private SqliteTransaction? _transaction;
        private SqliteCommand? _saveLesson;
        private SqliteCommand? _saveMark;
        private SqliteCommand? _saveAbsence;
        private bool _done;

        public Session(SqliteConnection connection, FileStream lockFile)
        {
            _connection = connection;
            _lock = lockFile;
        }

        public Task<StoredState> LoadAsync(string schoolId, DateTime from, DateTime to, CancellationToken cancellationToken = default) =>
            Task.FromResult(Load(_connection, Transaction(), schoolId, from, to, withPayloads: false, cancellationToken));

        public Task SaveReferenceAsync(string schoolId, string reference, CancellationToken cancellationToken = default)
        {
            using var command = Command(_connection, Transaction(), """
                INSERT INTO schools (school_id, reference, updated_at) VALUES ($school, $reference, $at)
                ON CONFLICT (school_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at;
                """);
            command.Parameters.AddWithValue("$school", schoolId);
            command.Parameters.AddWithValue("$reference", reference);
            command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.UtcTicks);
            command.ExecuteNonQuery();
            return Task.CompletedTask;
        }

        public Task SaveLessonAsync(string schoolId, StoredLesson lesson, CancellationToken cancellationToken = default)
        {
            var command = _saveLesson ??= Prepare("""
                INSERT INTO lessons (school_id, id, date, payload, topic_entered_at, topic_entered_after,
                    homework_entered_at, homework_entered_after, first_seen_at, deleted_at, deleted_after, hash)
                VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11)
                ON CONFLICT (school_id, id) DO UPDATE SET date = excluded.date,
                    payload = CASE excluded.payload WHEN '' THEN lessons.payload ELSE excluded.payload END,
                    topic_entered_at = excluded.topic_entered_at, topic_entered_after = excluded.topic_entered_after,
                    homework_entered_at = excluded.homework_entered_at, homework_entered_after = excluded.homework_entered_after,
                    first_seen_at = excluded.first_seen_at, deleted_at = excluded.deleted_at, deleted_after = excluded.deleted_after,
                    hash = excluded.hash;
                """, 12);
            Run(command, schoolId, lesson.Id, SqliteText.Date(lesson.Date), lesson.Payload, Time(lesson.TopicEnteredAt), Time(lesson.TopicEnteredAfter),
                Time(lesson.HomeworkEnteredAt), Time(lesson.HomeworkEnteredAfter), Time(lesson.FirstSeenAt), Time(lesson.DeletedAt), Time(lesson.DeletedAfter), lesson.Hash);
            return Task.CompletedTask;
        }

        public Task SaveMarkAsync(string schoolId, StoredMark mark, CancellationToken cancellationToken = default)
        {
            var command = _saveMark ??= Prepare("""
                INSERT INTO marks (school_id, id, date, value, payload, entered_at, entered_after, revisions,
                    first_seen_at, deleted_at, deleted_after, hash)
                VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11)
                ON CONFLICT (school_id, id) DO UPDATE SET date = excluded.date, value = excluded.value,
                    payload = CASE excluded.payload WHEN '' THEN marks.payload ELSE excluded.payload END,
                    entered_at = excluded.entered_at, entered_after = excluded.entered_after, revisions = excluded.revisions,
                    first_seen_at = excluded.first_seen_at, deleted_at = excluded.deleted_at, deleted_after = excluded.deleted_after,
                    hash = excluded.hash;
                """, 12);
            Run(command, schoolId, mark.Id, SqliteText.Date(mark.Date), mark.Value, mark.Payload, Time(mark.EnteredAt), Time(mark.EnteredAfter),
                mark.Revisions.Count == 0 ? DBNull.Value : SyncRecordJson.Revisions(mark.Revisions),
                Time(mark.FirstSeenAt), Time(mark.DeletedAt), Time(mark.DeletedAfter), mark.Hash);
            return Task.CompletedTask;
        }

        public Task SaveAbsenceAsync(string schoolId, StoredAbsence absence, CancellationToken cancellationToken = default)
        {
            var command = _saveAbsence ??= Prepare("""
                INSERT INTO absences (school_id, lesson_id, student_id, date, payload, entered_at, entered_after,
                    first_seen_at, deleted_at, deleted_after, hash)
                VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10)
                ON CONFLICT (school_id, lesson_id, student_id) DO UPDATE SET date = excluded.date,
                    payload = CASE excluded.payload WHEN '' THEN absences.payload ELSE excluded.payload END,
                    entered_at = excluded.entered_at, entered_after = excluded.entered_after,
                    first_seen_at = excluded.first_seen_at, deleted_at = excluded.deleted_at, deleted_after = excluded.deleted_after,
                    hash = excluded.hash;
                """, 11);
            Run(command, schoolId, absence.LessonId, absence.StudentId, SqliteText.Date(absence.Date), absence.Payload, Time(absence.EnteredAt),
                Time(absence.EnteredAfter), Time(absence.FirstSeenAt), Time(absence.DeletedAt), Time(absence.DeletedAfter), absence.Hash);
            return Task.CompletedTask;
        }

        public Task<SyncRun> CommitAsync(SyncRun run, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var transaction = Transaction();
            using (var school = Command(_connection, transaction, """
                INSERT INTO schools (school_id, reference, updated_at) VALUES ($school, '', $at) ON CONFLICT (school_id) DO NOTHING;
                """))
            {
                school.Parameters.AddWithValue("$school", run.SchoolId);
                school.Parameters.AddWithValue("$at", Time(run.FinishedAt));
                school.ExecuteNonQuery();
            }

            var stored = InsertRun(_connection, transaction, run);
            transaction.Commit();
            _transaction = null;
            Dispose();
            return Task.FromResult(stored);
        }

        public void Dispose()
        {
            if (_done)
            {
                return;
            }

            _done = true;
            _saveLesson?.Dispose();
            _saveMark?.Dispose();
            _saveAbsence?.Dispose();
            _transaction?.Dispose(); // rolls back an uncommitted transaction
            _connection.Dispose();
            _lock.Dispose();
        }

        private SqliteTransaction Transaction()
        {
            if (_done)
            {
                throw new ObjectDisposedException(nameof(IGradebookStoreSession), "The sync session has ended.");
            }

            return _transaction ??= _connection.BeginTransaction(deferred: false);
        }

        private SqliteCommand Prepare(string sql, int parameters)
        {
            var command = Command(_connection, Transaction(), sql);
            for (var i = 0; i < parameters; i++)
            {
                command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null));
            }

            command.Prepare();
            return command;
        }

        private void Run(SqliteCommand command, params object[] values)
        {
            command.Transaction = Transaction();
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i];
            }

            command.ExecuteNonQuery();
        }
    }
}
