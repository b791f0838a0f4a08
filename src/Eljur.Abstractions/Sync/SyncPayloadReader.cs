using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;

namespace Eljur.Abstractions.Sync;

/// <summary>
/// Reads the stored payloads of <see cref="SyncRecordJson"/> (a lesson, mark or absence without its
/// entry times) with System.Text.Json's <see cref="Utf8JsonReader"/>, building each record once with its
/// times, and sharing repeated ids and values between records. Returns null for a payload of a shape it
/// does not know (an older writer's, a number where an enum's name was expected); the caller then takes
/// the general Json.NET path, so nothing a store holds is refused here.
/// </summary>
internal sealed class SyncPayloadReader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };
    private static readonly byte[] Midnight = Encoding.ASCII.GetBytes("T00:00:00");

    private readonly Utf8Pool _pool = new(1 << 20, 64);
    private byte[] _bytes = new byte[1024];
    private int _length;

    /// <summary>A mark with its entry times and revisions, or null when the payload is of another shape.</summary>
    public Mark? Mark(string payload, DateTimeOffset? enteredAt, DateTimeOffset? enteredAfter, IReadOnlyList<MarkRevision> revisions)
    {
        Load(payload);
        return Mark(enteredAt, enteredAfter, revisions);
    }

    /// <summary>The <see cref="Load(string)"/>ed payload as a mark, or null when it is of another shape.</summary>
    public Mark? Mark(DateTimeOffset? enteredAt, DateTimeOffset? enteredAfter, IReadOnlyList<MarkRevision> revisions)
    {
        var r = Begin();
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? id = null, studentId = null, subjectId = null, lessonId = null, periodId = null, value = null, enteredBy = null;
        DateTime date = default;
        MarkKind kind = default;
        decimal? weight = null;
        Dictionary<string, string>? ext = null;
        while (Property(ref r, out var name))
        {
            var ok = true switch
            {
                _ when name.SequenceEqual("id"u8) => Unique(ref r, out id),
                _ when name.SequenceEqual("studentId"u8) => Str(ref r, out studentId),
                _ when name.SequenceEqual("subjectId"u8) => Str(ref r, out subjectId),
                _ when name.SequenceEqual("lessonId"u8) => Str(ref r, out lessonId),
                _ when name.SequenceEqual("date"u8) => Date(ref r, out date),
                _ when name.SequenceEqual("kind"u8) => Enum(ref r, out kind),
                _ when name.SequenceEqual("periodId"u8) => Str(ref r, out periodId),
                _ when name.SequenceEqual("value"u8) => Str(ref r, out value),
                _ when name.SequenceEqual("weight"u8) => Number(ref r, out weight),
                _ when name.SequenceEqual("enteredBy"u8) => Str(ref r, out enteredBy),
                _ when name.SequenceEqual("extensionData"u8) => Extensions(ref r, out ext),
                _ => false,
            };
            if (!ok)
            {
                return null;
            }
        }

        if (r.TokenType != JsonTokenType.EndObject || r.Read())
        {
            return null;
        }

        return new Mark
        {
            Id = id ?? "",
            StudentId = studentId ?? "",
            SubjectId = subjectId ?? "",
            LessonId = lessonId,
            Date = date,
            Kind = kind,
            PeriodId = periodId,
            Value = value ?? "",
            Weight = weight,
            EnteredAt = enteredAt,
            EnteredAfter = enteredAfter,
            EnteredBy = enteredBy,
            Revisions = revisions,
            ExtensionData = ext,
        };
    }

    /// <summary>A lesson with its topic and homework entry times, or null when the payload is of another shape.</summary>
    public Lesson? Lesson(string payload, DateTimeOffset? topicAt, DateTimeOffset? topicAfter, DateTimeOffset? homeworkAt, DateTimeOffset? homeworkAfter)
    {
        Load(payload);
        return Lesson(topicAt, topicAfter, homeworkAt, homeworkAfter);
    }

    /// <summary>The <see cref="Load(string)"/>ed payload as a lesson, or null when it is of another shape.</summary>
    public Lesson? Lesson(DateTimeOffset? topicAt, DateTimeOffset? topicAfter, DateTimeOffset? homeworkAt, DateTimeOffset? homeworkAfter)
    {
        var r = Begin();
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? id = null, classId = null, subjectId = null, teacherId = null, substituteId = null, groupId = null, topic = null, homework = null, comment = null;
        DateTime date = default;
        TimeSpan? start = null, end = null;
        LessonKind kind = default;
        bool? held = null;
        DateTimeOffset? heldAt = null, commentAt = null;
        Dictionary<string, string>? ext = null;
        while (Property(ref r, out var name))
        {
            var ok = true switch
            {
                _ when name.SequenceEqual("id"u8) => Str(ref r, out id),
                _ when name.SequenceEqual("classId"u8) => Str(ref r, out classId),
                _ when name.SequenceEqual("subjectId"u8) => Str(ref r, out subjectId),
                _ when name.SequenceEqual("teacherId"u8) => Str(ref r, out teacherId),
                _ when name.SequenceEqual("substituteId"u8) => Str(ref r, out substituteId),
                _ when name.SequenceEqual("groupId"u8) => Str(ref r, out groupId),
                _ when name.SequenceEqual("date"u8) => Date(ref r, out date),
                _ when name.SequenceEqual("start"u8) => Time(ref r, out start),
                _ when name.SequenceEqual("end"u8) => Time(ref r, out end),
                _ when name.SequenceEqual("kind"u8) => Enum(ref r, out kind),
                _ when name.SequenceEqual("held"u8) => Bool(ref r, out held),
                _ when name.SequenceEqual("heldAt"u8) => Instant(ref r, out heldAt),
                _ when name.SequenceEqual("topic"u8) => Str(ref r, out topic),
                _ when name.SequenceEqual("homework"u8) => Str(ref r, out homework),
                _ when name.SequenceEqual("comment"u8) => Str(ref r, out comment),
                _ when name.SequenceEqual("commentEnteredAt"u8) => Instant(ref r, out commentAt),
                _ when name.SequenceEqual("extensionData"u8) => Extensions(ref r, out ext),
                _ => false,
            };
            if (!ok)
            {
                return null;
            }
        }

        if (r.TokenType != JsonTokenType.EndObject || r.Read())
        {
            return null;
        }

        return new Lesson
        {
            Id = id ?? "",
            ClassId = classId ?? "",
            SubjectId = subjectId ?? "",
            TeacherId = teacherId ?? "",
            SubstituteId = substituteId,
            GroupId = groupId,
            Date = date,
            Start = start,
            End = end,
            Kind = kind,
            Held = held,
            HeldAt = heldAt,
            Topic = topic,
            TopicEnteredAt = topicAt,
            TopicEnteredAfter = topicAfter,
            Homework = homework,
            HomeworkEnteredAt = homeworkAt,
            HomeworkEnteredAfter = homeworkAfter,
            Comment = comment,
            CommentEnteredAt = commentAt,
            ExtensionData = ext,
        };
    }

    /// <summary>An absence with its entry times, or null when the payload is of another shape.</summary>
    public Absence? Absence(string payload, DateTimeOffset? enteredAt, DateTimeOffset? enteredAfter)
    {
        Load(payload);
        return Absence(enteredAt, enteredAfter);
    }

    /// <summary>The <see cref="Load(string)"/>ed payload as an absence, or null when it is of another shape.</summary>
    public Absence? Absence(DateTimeOffset? enteredAt, DateTimeOffset? enteredAfter)
    {
        var r = Begin();
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? lessonId = null, studentId = null, enteredBy = null;
        AbsenceReason reason = default;
        bool? late = null;
        Dictionary<string, string>? ext = null;
        while (Property(ref r, out var name))
        {
            var ok = true switch
            {
                _ when name.SequenceEqual("lessonId"u8) => Str(ref r, out lessonId),
                _ when name.SequenceEqual("studentId"u8) => Str(ref r, out studentId),
                _ when name.SequenceEqual("reason"u8) => Enum(ref r, out reason),
                _ when name.SequenceEqual("late"u8) => Bool(ref r, out late),
                _ when name.SequenceEqual("enteredBy"u8) => Str(ref r, out enteredBy),
                _ when name.SequenceEqual("extensionData"u8) => Extensions(ref r, out ext),
                _ => false,
            };
            if (!ok)
            {
                return null;
            }
        }

        if (r.TokenType != JsonTokenType.EndObject || r.Read())
        {
            return null;
        }

        return new Absence
        {
            LessonId = lessonId ?? "",
            StudentId = studentId ?? "",
            Reason = reason,
            Late = late ?? false,
            EnteredAt = enteredAt,
            EnteredAfter = enteredAfter,
            EnteredBy = enteredBy,
            ExtensionData = ext,
        };
    }

    /// <summary>The loaded payload's text (for the general path, when this reader does not know its shape).</summary>
    public string Text => Encoding.UTF8.GetString(_bytes, 0, _length);

    /// <summary>Takes a payload's text into the buffer as UTF-8, to be read by the next <c>Mark</c>, <c>Lesson</c> or <c>Absence</c>.</summary>
    public void Load(string payload)
    {
        Reserve(Encoding.UTF8.GetMaxByteCount(payload.Length));
        _length = Encoding.UTF8.GetBytes(payload, 0, payload.Length, _bytes, 0);
    }

    /// <summary>Takes a payload's UTF-8 bytes into the buffer, as <see cref="Load(string)"/> (a copy: the bytes are only lent).</summary>
    public void Load(ReadOnlySpan<byte> payload)
    {
        Reserve(payload.Length);
        payload.CopyTo(_bytes);
        _length = payload.Length;
    }

    private void Reserve(int bytes)
    {
        if (_bytes.Length < bytes)
        {
            _bytes = new byte[Math.Max(bytes, _bytes.Length * 2)];
        }
    }

    private Utf8JsonReader Begin()
    {
        var r = new Utf8JsonReader(new ReadOnlySpan<byte>(_bytes, 0, _length), Options);
        try
        {
            return r.Read() && r.TokenType == JsonTokenType.StartObject ? r : default;
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>The next property's name (its value is the current token then); false at the end of the object.</summary>
    private static bool Property(ref Utf8JsonReader r, out ReadOnlySpan<byte> name)
    {
        name = default;
        try
        {
            if (!r.Read() || r.TokenType != JsonTokenType.PropertyName || r.ValueIsEscaped)
            {
                return false;
            }

            name = r.ValueSpan;
            return r.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private bool Str(ref Utf8JsonReader r, out string? value)
    {
        value = null;
        if (r.TokenType != JsonTokenType.String)
        {
            return r.TokenType == JsonTokenType.Null;
        }

        value = r.ValueIsEscaped ? _pool.Intern(r.GetString()!) : _pool.Get(_bytes, (int)r.TokenStartIndex + 1, r.ValueSpan.Length, Encoding.UTF8);
        return true;
    }

    /// <summary>A string that does not repeat (a mark's own id): decoded, not looked up in the pool.</summary>
    private static bool Unique(ref Utf8JsonReader r, out string? value)
    {
        value = null;
        if (r.TokenType != JsonTokenType.String)
        {
            return r.TokenType == JsonTokenType.Null;
        }

        value = r.GetString();
        return true;
    }

    private static bool Date(ref Utf8JsonReader r, out DateTime value)
    {
        value = default;
        var s = r.ValueSpan;
        return r.TokenType == JsonTokenType.String && !r.ValueIsEscaped && s.Length == 19
            && s.Slice(10).SequenceEqual(Midnight) && SnapshotUtf8.TryParseDate(s.Slice(0, 10), out value);
    }

    private static bool Time(ref Utf8JsonReader r, out TimeSpan? value)
    {
        value = null;
        if (r.TokenType != JsonTokenType.String || r.ValueIsEscaped || !SnapshotUtf8.TryParseTime(r.ValueSpan, out var t))
        {
            return false;
        }

        value = t;
        return true;
    }

    private static bool Instant(ref Utf8JsonReader r, out DateTimeOffset? value)
    {
        value = null;
        if (r.TokenType != JsonTokenType.String || r.ValueIsEscaped
            || SnapshotUtf8.TryParseTimestamp(r.ValueSpan, out var t) != SnapshotText.StampResult.Ok)
        {
            return false;
        }

        value = t;
        return true;
    }

    private static bool Bool(ref Utf8JsonReader r, out bool? value)
    {
        value = r.TokenType switch { JsonTokenType.True => true, JsonTokenType.False => false, _ => null };
        return value is not null;
    }

    private static bool Number(ref Utf8JsonReader r, out decimal? value)
    {
        value = null;
        if (r.TokenType != JsonTokenType.Number || !r.TryGetDecimal(out var d))
        {
            return false;
        }

        value = d;
        return true;
    }

    private static bool Enum<T>(ref Utf8JsonReader r, out T value)
        where T : struct, Enum
    {
        value = default;
        if (r.TokenType != JsonTokenType.String || r.ValueIsEscaped)
        {
            return false;
        }

        var names = EnumNames<T>.Utf8;
        for (var i = 0; i < names.Length; i++)
        {
            if (r.ValueSpan.SequenceEqual(names[i]))
            {
                value = EnumNames<T>.Values[i];
                return true;
            }
        }

        return false;
    }

    private static bool Extensions(ref Utf8JsonReader r, out Dictionary<string, string>? value)
    {
        value = null;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        value = new Dictionary<string, string>(StringComparer.Ordinal);
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var key = r.GetString()!;
            if (!r.Read() || r.TokenType != JsonTokenType.String)
            {
                return false;
            }

            value[key] = r.GetString()!;
        }

        return r.TokenType == JsonTokenType.EndObject;
    }

    /// <summary>The names <c>ToString()</c> gives an enumeration's values (what the payloads hold), as UTF-8.</summary>
    private static class EnumNames<T>
        where T : struct, Enum
    {
        internal static readonly T[] Values = (T[])System.Enum.GetValues(typeof(T));

        internal static readonly byte[][] Utf8 = Array.ConvertAll(Values, v => Encoding.UTF8.GetBytes(v.ToString()));
    }
}
