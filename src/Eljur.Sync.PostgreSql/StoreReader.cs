using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Sync;
using Newtonsoft.Json;
using Npgsql;

namespace Eljur.Sync.PostgreSql;

/// <summary>Reads a school's state and the run log from the store's tables.</summary>
internal static class StoreReader
{
    /// <summary>A school's state over a range; without payloads (as a sync compares hashes) it reads far less.</summary>
    public static async Task<StoredState> LoadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, string schoolId, DateTime from, DateTime to, bool withPayloads, CancellationToken cancellationToken)
    {
        var payload = withPayloads ? "payload" : "''";

        var lessons = new List<StoredLesson>();
        using (var command = Range(connection, transaction, schoolId, from, to, $"""
            SELECT id, date, {payload}, topic_entered_at, topic_entered_after, homework_entered_at, homework_entered_after,
                   first_seen_at, deleted_at, deleted_after, hash
            FROM {schema}.lessons WHERE school_id = @school AND date BETWEEN @from AND @to;
            """))
        using (var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                lessons.Add(new StoredLesson
                {
                    Id = r.GetString(0),
                    Date = r.GetDateTime(1),
                    Payload = r.GetString(2),
                    TopicEnteredAt = Time(r, 3),
                    TopicEnteredAfter = Time(r, 4),
                    HomeworkEnteredAt = Time(r, 5),
                    HomeworkEnteredAfter = Time(r, 6),
                    FirstSeenAt = Time(r, 7)!.Value,
                    DeletedAt = Time(r, 8),
                    DeletedAfter = Time(r, 9),
                    Hash = r.GetInt64(10),
                });
            }
        }

        var marks = new List<StoredMark>();
        using (var command = Range(connection, transaction, schoolId, from, to, $"""
            SELECT id, date, value, {payload}, entered_at, entered_after, revisions, first_seen_at, deleted_at, deleted_after, hash
            FROM {schema}.marks WHERE school_id = @school AND date BETWEEN @from AND @to;
            """))
        using (var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                marks.Add(new StoredMark
                {
                    Id = r.GetString(0),
                    Date = r.GetDateTime(1),
                    Value = r.GetString(2),
                    Payload = r.GetString(3),
                    EnteredAt = Time(r, 4),
                    EnteredAfter = Time(r, 5),
                    Revisions = r.IsDBNull(6) ? Array.Empty<MarkRevision>() : SyncRecordJson.ReadRevisions(r.GetString(6)),
                    FirstSeenAt = Time(r, 7)!.Value,
                    DeletedAt = Time(r, 8),
                    DeletedAfter = Time(r, 9),
                    Hash = r.GetInt64(10),
                });
            }
        }

        var absences = new List<StoredAbsence>();
        using (var command = Range(connection, transaction, schoolId, from, to, $"""
            SELECT lesson_id, student_id, date, {payload}, entered_at, entered_after, first_seen_at, deleted_at, deleted_after, hash
            FROM {schema}.absences WHERE school_id = @school AND date BETWEEN @from AND @to;
            """))
        using (var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                absences.Add(new StoredAbsence
                {
                    LessonId = r.GetString(0),
                    StudentId = r.GetString(1),
                    Date = r.GetDateTime(2),
                    Payload = r.GetString(3),
                    EnteredAt = Time(r, 4),
                    EnteredAfter = Time(r, 5),
                    FirstSeenAt = Time(r, 6)!.Value,
                    DeletedAt = Time(r, 7),
                    DeletedAfter = Time(r, 8),
                    Hash = r.GetInt64(9),
                });
            }
        }

        return await HeaderAsync(connection, transaction, schema, schoolId, cancellationToken).ConfigureAwait(false) with
        {
            Lessons = lessons,
            Marks = marks,
            Absences = absences,
        };
    }

    /// <summary>The school's reference document and successful runs, without records.</summary>
    public static async Task<StoredState> HeaderAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, string schoolId, CancellationToken cancellationToken)
    {
        string? reference;
        using (var command = new NpgsqlCommand($"SELECT reference FROM {schema}.schools WHERE school_id = @school;", connection, transaction))
        {
            command.Parameters.AddWithValue("school", schoolId);
            reference = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }

        return new StoredState
        {
            Reference = reference,
            Runs = await RunsAsync(connection, transaction, schema, schoolId, onlySucceeded: true, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>The run log, oldest first.</summary>
    public static async Task<List<SyncRun>> RunsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string schema, string? schoolId, bool onlySucceeded, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand($"""
            SELECT id, school_id, connector, instance, range_from, range_to, started_at, observed_at, finished_at,
                   succeeded, capabilities::text, counts::text, error
            FROM {schema}.sync_runs
            WHERE (@school::text IS NULL OR school_id = @school::text) AND (NOT @onlySucceeded OR succeeded)
            ORDER BY id;
            """, connection, transaction);
        command.Parameters.AddWithValue("school", NpgsqlTypes.NpgsqlDbType.Text, (object?)schoolId ?? DBNull.Value);
        command.Parameters.AddWithValue("onlySucceeded", onlySucceeded);
        var runs = new List<SyncRun>();
        using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            runs.Add(new SyncRun
            {
                Id = r.GetInt64(0),
                SchoolId = r.GetString(1),
                Connector = r.GetString(2),
                Instance = r.IsDBNull(3) ? null : r.GetString(3),
                From = r.GetDateTime(4),
                To = r.GetDateTime(5),
                StartedAt = Time(r, 6)!.Value,
                ObservedAt = Time(r, 7),
                FinishedAt = Time(r, 8)!.Value,
                Succeeded = r.GetBoolean(9),
                Capabilities = JsonConvert.DeserializeObject<List<string>>(r.GetString(10)) ?? new List<string>(),
                Counts = JsonConvert.DeserializeObject<SyncCounts>(r.GetString(11)) ?? new SyncCounts(),
                Error = r.IsDBNull(12) ? null : r.GetString(12),
            });
        }

        return runs;
    }

    /// <summary>Appends a run to the log; returns it with its id.</summary>
    public static async Task<SyncRun> InsertRunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, SyncRun run, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand($"""
            INSERT INTO {schema}.sync_runs (school_id, connector, instance, range_from, range_to, started_at, observed_at, finished_at,
                                            succeeded, capabilities, counts, error)
            VALUES (@school, @connector, @instance, @from, @to, @started, @observed, @finished, @ok, @caps, @counts, @error)
            RETURNING id;
            """, connection, transaction);
        command.Parameters.AddWithValue("school", run.SchoolId);
        command.Parameters.AddWithValue("connector", run.Connector);
        command.Parameters.AddWithValue("instance", NpgsqlTypes.NpgsqlDbType.Text, (object?)run.Instance ?? DBNull.Value);
        command.Parameters.AddWithValue("from", NpgsqlTypes.NpgsqlDbType.Date, run.From.Date);
        command.Parameters.AddWithValue("to", NpgsqlTypes.NpgsqlDbType.Date, run.To.Date);
        command.Parameters.AddWithValue("started", run.StartedAt.ToUniversalTime());
        command.Parameters.AddWithValue("observed", NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)run.ObservedAt?.ToUniversalTime() ?? DBNull.Value);
        command.Parameters.AddWithValue("finished", run.FinishedAt.ToUniversalTime());
        command.Parameters.AddWithValue("ok", run.Succeeded);
        command.Parameters.AddWithValue("caps", NpgsqlTypes.NpgsqlDbType.Jsonb, JsonConvert.SerializeObject(run.Capabilities));
        command.Parameters.AddWithValue("counts", NpgsqlTypes.NpgsqlDbType.Jsonb, JsonConvert.SerializeObject(run.Counts));
        command.Parameters.AddWithValue("error", NpgsqlTypes.NpgsqlDbType.Text, (object?)run.Error ?? DBNull.Value);
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return run with { Id = id };
    }

    /// <summary>A command of a school's date range (<c>@school</c>, <c>@from</c>, <c>@to</c>).</summary>
    public static NpgsqlCommand Range(NpgsqlConnection connection, NpgsqlTransaction transaction, string schoolId, DateTime from, DateTime to, string sql)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("from", NpgsqlTypes.NpgsqlDbType.Date, from.Date);
        command.Parameters.AddWithValue("to", NpgsqlTypes.NpgsqlDbType.Date, to.Date);
        return command;
    }

    /// <summary>A stored instant, or null.</summary>
    public static DateTimeOffset? Time(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
