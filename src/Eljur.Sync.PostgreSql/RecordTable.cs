using System;
using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Sync;
using NpgsqlTypes;

namespace Eljur.Sync.PostgreSql;

/// <summary>
/// How one kind of record maps to its table: columns in order (the school first), the key, and the
/// upsert that keeps the stored payload when a record is saved with an empty one.
/// </summary>
/// <typeparam name="T">The stored record type.</typeparam>
internal sealed class RecordTable<T>
{
    private readonly Func<string, T, object?[]> _values;
    private readonly Func<T, string> _key;
    private readonly Func<T, string> _payload;
    private readonly Func<T, string, T> _withPayload;

    private RecordTable(string name, (string Name, NpgsqlDbType Type)[] columns, string[] key, Func<string, T, object?[]> values, Func<T, string> keyOf, Func<T, string> payload, Func<T, string, T> withPayload)
    {
        Name = name;
        Columns = columns.Select(c => c.Name).ToArray();
        Types = columns.Select(c => c.Type).ToArray();
        Key = key;
        _values = values;
        _key = keyOf;
        _payload = payload;
        _withPayload = withPayload;
    }

    /// <summary>The lessons table.</summary>
    public static RecordTable<StoredLesson> Lessons { get; } = new(
        "lessons",
        new[]
        {
            ("school_id", NpgsqlDbType.Text), ("id", NpgsqlDbType.Text), ("date", NpgsqlDbType.Date), ("payload", NpgsqlDbType.Text),
            ("hash", NpgsqlDbType.Bigint), ("topic_entered_at", NpgsqlDbType.TimestampTz), ("topic_entered_after", NpgsqlDbType.TimestampTz),
            ("homework_entered_at", NpgsqlDbType.TimestampTz), ("homework_entered_after", NpgsqlDbType.TimestampTz),
            ("first_seen_at", NpgsqlDbType.TimestampTz), ("deleted_at", NpgsqlDbType.TimestampTz), ("deleted_after", NpgsqlDbType.TimestampTz),
        },
        new[] { "school_id", "id" },
        (school, l) => new object?[]
        {
            school, l.Id, l.Date.Date, l.Payload, l.Hash, Utc(l.TopicEnteredAt), Utc(l.TopicEnteredAfter), Utc(l.HomeworkEnteredAt),
            Utc(l.HomeworkEnteredAfter), Utc(l.FirstSeenAt), Utc(l.DeletedAt), Utc(l.DeletedAfter),
        },
        l => l.Id,
        l => l.Payload,
        (l, payload) => l with { Payload = payload });

    /// <summary>The marks table.</summary>
    public static RecordTable<StoredMark> Marks { get; } = new(
        "marks",
        new[]
        {
            ("school_id", NpgsqlDbType.Text), ("id", NpgsqlDbType.Text), ("date", NpgsqlDbType.Date), ("value", NpgsqlDbType.Text),
            ("payload", NpgsqlDbType.Text), ("hash", NpgsqlDbType.Bigint), ("entered_at", NpgsqlDbType.TimestampTz),
            ("entered_after", NpgsqlDbType.TimestampTz), ("revisions", NpgsqlDbType.Text), ("first_seen_at", NpgsqlDbType.TimestampTz),
            ("deleted_at", NpgsqlDbType.TimestampTz), ("deleted_after", NpgsqlDbType.TimestampTz),
        },
        new[] { "school_id", "id" },
        (school, m) => new object?[]
        {
            school, m.Id, m.Date.Date, m.Value, m.Payload, m.Hash, Utc(m.EnteredAt), Utc(m.EnteredAfter),
            m.Revisions.Count == 0 ? null : SyncRecordJson.Revisions(m.Revisions), Utc(m.FirstSeenAt), Utc(m.DeletedAt), Utc(m.DeletedAfter),
        },
        m => m.Id,
        m => m.Payload,
        (m, payload) => m with { Payload = payload });

    /// <summary>The absences table.</summary>
    public static RecordTable<StoredAbsence> Absences { get; } = new(
        "absences",
        new[]
        {
            ("school_id", NpgsqlDbType.Text), ("lesson_id", NpgsqlDbType.Text), ("student_id", NpgsqlDbType.Text), ("date", NpgsqlDbType.Date),
            ("payload", NpgsqlDbType.Text), ("hash", NpgsqlDbType.Bigint), ("entered_at", NpgsqlDbType.TimestampTz),
            ("entered_after", NpgsqlDbType.TimestampTz), ("first_seen_at", NpgsqlDbType.TimestampTz), ("deleted_at", NpgsqlDbType.TimestampTz),
            ("deleted_after", NpgsqlDbType.TimestampTz),
        },
        new[] { "school_id", "lesson_id", "student_id" },
        (school, a) => new object?[]
        {
            school, a.LessonId, a.StudentId, a.Date.Date, a.Payload, a.Hash, Utc(a.EnteredAt), Utc(a.EnteredAfter), Utc(a.FirstSeenAt),
            Utc(a.DeletedAt), Utc(a.DeletedAfter),
        },
        a => a.Key,
        a => a.Payload,
        (a, payload) => a with { Payload = payload });

    /// <summary>The table's name (unqualified).</summary>
    public string Name { get; }

    /// <summary>Column names, the school first.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Column types, as <see cref="Columns"/>.</summary>
    public IReadOnlyList<NpgsqlDbType> Types { get; }

    /// <summary>The primary key's columns.</summary>
    public IReadOnlyList<string> Key { get; }

    /// <summary>The record's column values (null for SQL NULL).</summary>
    public object?[] Values(string schoolId, T record) => _values(schoolId, record);

    /// <summary>The record's key within a school.</summary>
    public string KeyOf(T record) => _key(record);

    /// <summary>A later save of the same record in one session: an empty payload keeps the earlier one.</summary>
    public T Merge(T earlier, T later) =>
        _payload(later).Length == 0 && _payload(earlier).Length > 0 ? _withPayload(later, _payload(earlier)) : later;

    /// <summary>The upsert of rows given by <paramref name="source"/> (<c>VALUES (…)</c> or <c>SELECT … FROM staging</c>).</summary>
    public string Upsert(string schema, string source)
    {
        var updates = Columns.Where(c => !Key.Contains(c)).Select(c => c == "payload"
            ? "payload = CASE WHEN excluded.payload = '' THEN t.payload ELSE excluded.payload END"
            : $"{c} = excluded.{c}");
        return $"INSERT INTO {schema}.{Name} AS t ({string.Join(", ", Columns)}) {source} " +
               $"ON CONFLICT ({string.Join(", ", Key)}) DO UPDATE SET {string.Join(", ", updates)};";
    }

    private static DateTimeOffset? Utc(DateTimeOffset? time) => time?.ToUniversalTime();
}
