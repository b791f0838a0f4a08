using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Text;
using Eljur.Abstractions.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace Eljur.Abstractions.Sync;

/// <summary>
/// The compact JSON form in which stores keep one vendor record (a lesson, mark or absence) with its
/// observed times stripped. The same record always gives the same text, so a store compares texts
/// to find changes. Computed properties are left out, nulls and empty lists are omitted, enums are
/// written by name.
/// </summary>
public static class SyncRecordJson
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new WritableOnlyResolver(),
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
        DateTimeZoneHandling = DateTimeZoneHandling.RoundtripKind,
        Culture = CultureInfo.InvariantCulture,
        Converters = { new StringEnumConverter() },
        Formatting = Formatting.None,
    });

    /// <summary>A lesson without topic and homework entry times.</summary>
    /// <param name="lesson">The lesson.</param>
    /// <returns>The text.</returns>
    public static string Lesson(Lesson lesson) => Fast(w => WriteLesson(w, lesson ?? throw new ArgumentNullException(nameof(lesson))));

    /// <summary>A mark without entry times and revisions.</summary>
    /// <param name="mark">The mark.</param>
    /// <returns>The text.</returns>
    public static string Mark(Mark mark) => Fast(w => WriteMark(w, mark ?? throw new ArgumentNullException(nameof(mark))));

    /// <summary>An absence without entry times.</summary>
    /// <param name="absence">The absence.</param>
    /// <returns>The text.</returns>
    public static string Absence(Absence absence) => Fast(w => WriteAbsence(w, absence ?? throw new ArgumentNullException(nameof(absence))));

    /// <summary>A stable 64-bit hash of what <see cref="Lesson(Model.Lesson)"/> writes; a sync compares hashes and serializes only changed records.</summary>
    /// <param name="lesson">The lesson.</param>
    /// <returns>The hash.</returns>
    public static long LessonHash(Lesson lesson) => Hashed(w => WriteLesson(w, lesson ?? throw new ArgumentNullException(nameof(lesson))));

    /// <summary>A stable 64-bit hash of what <see cref="Mark(Model.Mark)"/> writes.</summary>
    /// <param name="mark">The mark.</param>
    /// <returns>The hash.</returns>
    public static long MarkHash(Mark mark) => Hashed(w => WriteMark(w, mark ?? throw new ArgumentNullException(nameof(mark))));

    /// <summary>A stable 64-bit hash of what <see cref="Absence(Model.Absence)"/> writes.</summary>
    /// <param name="absence">The absence.</param>
    /// <returns>The hash.</returns>
    public static long AbsenceHash(Absence absence) => Hashed(w => WriteAbsence(w, absence ?? throw new ArgumentNullException(nameof(absence))));

    /// <summary>Revisions as a JSON array.</summary>
    /// <param name="revisions">The revisions.</param>
    /// <returns>The text.</returns>
    public static string Revisions(IReadOnlyList<MarkRevision> revisions) => Write(revisions);

    /// <summary>Reads a text written by <see cref="Revisions(IReadOnlyList{MarkRevision})"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The revisions.</returns>
    public static IReadOnlyList<MarkRevision> ReadRevisions(string text) => Read<List<MarkRevision>>(text);

    /// <summary>Reads a record written by one of the writing methods.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="text">The text.</param>
    /// <returns>The record.</returns>
    public static T Read<T>(string text)
        where T : class
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
        return Serializer.Deserialize<T>(reader)
            ?? throw new FormatException("A stored record is empty.");
    }

    /// <summary>The lesson without topic and homework entry times.</summary>
    /// <param name="lesson">The lesson.</param>
    /// <returns>The stripped record.</returns>
    public static Lesson StripTimes(Lesson lesson) => (lesson ?? throw new ArgumentNullException(nameof(lesson))) with
    {
        TopicEnteredAt = null,
        TopicEnteredAfter = null,
        HomeworkEnteredAt = null,
        HomeworkEnteredAfter = null,
    };

    /// <summary>The mark without entry times and revisions.</summary>
    /// <param name="mark">The mark.</param>
    /// <returns>The stripped record.</returns>
    public static Mark StripTimes(Mark mark) => (mark ?? throw new ArgumentNullException(nameof(mark))) with
    {
        EnteredAt = null,
        EnteredAfter = null,
        Revisions = Array.Empty<MarkRevision>(),
    };

    /// <summary>The absence without entry times.</summary>
    /// <param name="absence">The absence.</param>
    /// <returns>The stripped record.</returns>
    public static Absence StripTimes(Absence absence) => (absence ?? throw new ArgumentNullException(nameof(absence))) with
    {
        EnteredAt = null,
        EnteredAfter = null,
    };

    /// <summary>The general (reflection) form of a record; the fast writers must give the same JSON.</summary>
    internal static string Reflected(object value) => Write(value);

    private static string Fast(Action<Sink> write)
    {
        var text = new StringWriter(new StringBuilder(256), CultureInfo.InvariantCulture);
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.None, Culture = CultureInfo.InvariantCulture })
        {
            json.WriteStartObject();
            write(new JsonSink(json));
            json.WriteEndObject();
        }

        return text.ToString();
    }

    private static long Hashed(Action<Sink> write)
    {
        var sink = new HashSink();
        write(sink);
        return sink.Value;
    }

    // Hand-written equivalents of the reflection writer for the three tracked records, which a sync
    // serializes (or hashes) by the hundred thousand; a test checks they agree with it.
    private static void WriteMark(Sink w, Mark m)
    {
        w.Str("id", m.Id);
        w.Str("studentId", m.StudentId);
        w.Str("subjectId", m.SubjectId);
        w.Str("lessonId", m.LessonId);
        w.Date("date", m.Date);
        w.Str("kind", m.Kind.ToString());
        w.Str("periodId", m.PeriodId);
        w.Str("value", m.Value);
        w.Number("weight", m.Weight);
        w.Str("enteredBy", m.EnteredBy);
        w.Extensions(m.ExtensionData);
    }

    private static void WriteLesson(Sink w, Lesson l)
    {
        w.Str("id", l.Id);
        w.Str("classId", l.ClassId);
        w.Str("subjectId", l.SubjectId);
        w.Str("teacherId", l.TeacherId);
        w.Str("substituteId", l.SubstituteId);
        w.Str("groupId", l.GroupId);
        w.Date("date", l.Date);
        w.Time("start", l.Start);
        w.Time("end", l.End);
        w.Str("kind", l.Kind.ToString());
        w.Bool("held", l.Held);
        w.Instant("heldAt", l.HeldAt);
        w.Str("topic", l.Topic);
        w.Str("homework", l.Homework);
        w.Str("comment", l.Comment);
        w.Instant("commentEnteredAt", l.CommentEnteredAt);
        w.Extensions(l.ExtensionData);
    }

    private static void WriteAbsence(Sink w, Absence a)
    {
        w.Str("lessonId", a.LessonId);
        w.Str("studentId", a.StudentId);
        w.Str("reason", a.Reason.ToString());
        w.Bool("late", a.Late);
        w.Str("enteredBy", a.EnteredBy);
        w.Extensions(a.ExtensionData);
    }

    /// <summary>Receives a record's fields in a fixed order; null values are skipped.</summary>
    private abstract class Sink
    {
        public abstract void Str(string name, string? value);

        public abstract void Date(string name, DateTime value);

        public abstract void Time(string name, TimeSpan? value);

        public abstract void Instant(string name, DateTimeOffset? value);

        public abstract void Number(string name, decimal? value);

        public abstract void Bool(string name, bool? value);

        public abstract void Extensions(IReadOnlyDictionary<string, string>? data);
    }

    private sealed class JsonSink : Sink
    {
        private readonly JsonTextWriter _w;

        public JsonSink(JsonTextWriter w) => _w = w;

        public override void Str(string name, string? value)
        {
            if (value is not null)
            {
                _w.WritePropertyName(name);
                _w.WriteValue(value);
            }
        }

        public override void Date(string name, DateTime value)
        {
            _w.WritePropertyName(name);
            _w.WriteValue(value);
        }

        public override void Time(string name, TimeSpan? value)
        {
            if (value is { } v)
            {
                _w.WritePropertyName(name);
                _w.WriteValue(v);
            }
        }

        public override void Instant(string name, DateTimeOffset? value)
        {
            if (value is { } v)
            {
                _w.WritePropertyName(name);
                _w.WriteValue(v);
            }
        }

        public override void Number(string name, decimal? value)
        {
            if (value is { } v)
            {
                _w.WritePropertyName(name);
                _w.WriteValue(v);
            }
        }

        public override void Bool(string name, bool? value)
        {
            if (value is { } v)
            {
                _w.WritePropertyName(name);
                _w.WriteValue(v);
            }
        }

        public override void Extensions(IReadOnlyDictionary<string, string>? data)
        {
            if (data is null || data.Count == 0)
            {
                return;
            }

            _w.WritePropertyName("extensionData");
            _w.WriteStartObject();
            foreach (var pair in data)
            {
                _w.WritePropertyName(pair.Key);
                _w.WriteValue(pair.Value);
            }

            _w.WriteEndObject();
        }
    }

    /// <summary>64-bit FNV-1a over field names and values; stable across processes (unlike string.GetHashCode).</summary>
    private sealed class HashSink : Sink
    {
        private const ulong Prime = 1099511628211UL;
        private ulong _h = 14695981039346656037UL;

        public long Value => unchecked((long)_h);

        public override void Str(string name, string? value)
        {
            if (value is not null)
            {
                Text(name);
                Text(value);
            }
        }

        public override void Date(string name, DateTime value)
        {
            Text(name);
            Mix(value.Ticks);
        }

        public override void Time(string name, TimeSpan? value)
        {
            if (value is { } v)
            {
                Text(name);
                Mix(v.Ticks);
            }
        }

        public override void Instant(string name, DateTimeOffset? value)
        {
            if (value is { } v)
            {
                Text(name);
                Mix(v.UtcTicks);
                Mix(v.Offset.Ticks);
            }
        }

        public override void Number(string name, decimal? value)
        {
            if (value is { } v)
            {
                Text(name);
                Text(v.ToString(CultureInfo.InvariantCulture));
            }
        }

        public override void Bool(string name, bool? value)
        {
            if (value is { } v)
            {
                Text(name);
                Mix(v ? 1 : 2);
            }
        }

        public override void Extensions(IReadOnlyDictionary<string, string>? data)
        {
            if (data is null || data.Count == 0)
            {
                return;
            }

            Text("extensionData");
            foreach (var pair in data)
            {
                Text(pair.Key);
                Text(pair.Value);
            }
        }

        private void Text(string text)
        {
            unchecked
            {
                foreach (var c in text)
                {
                    _h = (_h ^ c) * Prime;
                }

                _h = (_h ^ 0xFFFF) * Prime; // separator: ("ab","c") differs from ("a","bc")
            }
        }

        private void Mix(long value)
        {
            unchecked
            {
                for (var i = 0; i < 8; i++)
                {
                    _h = (_h ^ (byte)(value >> (8 * i))) * Prime;
                }
            }
        }
    }

    private static string Write(object value)
    {
        var text = new StringWriter(new StringBuilder(256), CultureInfo.InvariantCulture);
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            Serializer.Serialize(json, value);
        }

        return text.ToString();
    }

    /// <summary>Serializes settable properties only, and leaves out empty collections.</summary>
    private sealed class WritableOnlyResolver : DefaultContractResolver
    {
        public WritableOnlyResolver()
        {
            NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false, OverrideSpecifiedNames = false };
        }

        protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (member is PropertyInfo info)
            {
                if (!info.CanWrite)
                {
                    property.Ignored = true;
                }
                else if (info.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(info.PropertyType))
                {
                    property.ShouldSerialize = o => info.GetValue(o) is IEnumerable items && items.GetEnumerator().MoveNext();
                }
            }

            return property;
        }
    }
}
