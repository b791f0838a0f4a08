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

    private static string Fast(Action<JsonTextWriter> write)
    {
        var text = new StringWriter(new StringBuilder(256), CultureInfo.InvariantCulture);
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.None, Culture = CultureInfo.InvariantCulture })
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        return text.ToString();
    }

    // Hand-written equivalents of the reflection writer for the three tracked records, which a sync
    // serializes by the hundred thousand; a test checks they agree with it.
    private static void WriteMark(JsonTextWriter w, Mark m)
    {
        Prop(w, "id", m.Id);
        Prop(w, "studentId", m.StudentId);
        Prop(w, "subjectId", m.SubjectId);
        Prop(w, "lessonId", m.LessonId);
        w.WritePropertyName("date");
        w.WriteValue(m.Date);
        Prop(w, "kind", m.Kind.ToString());
        Prop(w, "periodId", m.PeriodId);
        Prop(w, "value", m.Value);
        if (m.Weight is { } weight)
        {
            w.WritePropertyName("weight");
            w.WriteValue(weight);
        }

        Prop(w, "enteredBy", m.EnteredBy);
        Extensions(w, m.ExtensionData);
    }

    private static void WriteLesson(JsonTextWriter w, Lesson l)
    {
        Prop(w, "id", l.Id);
        Prop(w, "classId", l.ClassId);
        Prop(w, "subjectId", l.SubjectId);
        Prop(w, "teacherId", l.TeacherId);
        Prop(w, "substituteId", l.SubstituteId);
        Prop(w, "groupId", l.GroupId);
        w.WritePropertyName("date");
        w.WriteValue(l.Date);
        if (l.Start is { } start)
        {
            w.WritePropertyName("start");
            w.WriteValue(start);
        }

        if (l.End is { } end)
        {
            w.WritePropertyName("end");
            w.WriteValue(end);
        }

        Prop(w, "kind", l.Kind.ToString());
        if (l.Held is { } held)
        {
            w.WritePropertyName("held");
            w.WriteValue(held);
        }

        Prop(w, "heldAt", l.HeldAt);
        Prop(w, "topic", l.Topic);
        Prop(w, "homework", l.Homework);
        Prop(w, "comment", l.Comment);
        Prop(w, "commentEnteredAt", l.CommentEnteredAt);
        Extensions(w, l.ExtensionData);
    }

    private static void WriteAbsence(JsonTextWriter w, Absence a)
    {
        Prop(w, "lessonId", a.LessonId);
        Prop(w, "studentId", a.StudentId);
        Prop(w, "reason", a.Reason.ToString());
        w.WritePropertyName("late");
        w.WriteValue(a.Late);
        Prop(w, "enteredBy", a.EnteredBy);
        Extensions(w, a.ExtensionData);
    }

    private static void Prop(JsonTextWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WritePropertyName(name);
            w.WriteValue(value);
        }
    }

    private static void Prop(JsonTextWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            w.WritePropertyName(name);
            w.WriteValue(v);
        }
    }

    private static void Extensions(JsonTextWriter w, IReadOnlyDictionary<string, string>? data)
    {
        if (data is null || data.Count == 0)
        {
            return;
        }

        w.WritePropertyName("extensionData");
        w.WriteStartObject();
        foreach (var pair in data)
        {
            w.WritePropertyName(pair.Key);
            w.WriteValue(pair.Value);
        }

        w.WriteEndObject();
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
