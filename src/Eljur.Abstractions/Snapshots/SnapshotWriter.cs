using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Eljur.Abstractions.IO;
using Eljur.Abstractions.Model;
using Newtonsoft.Json;

namespace Eljur.Abstractions.Snapshots;

/// <summary>
/// Writes a <see cref="GradebookSnapshot"/> as an <c>eljur.snapshot/1</c> document, streaming
/// record by record. Properties come in the order of the format description; <see langword="null"/>
/// optional values are left out; lists are written when the model holds them (an empty list as
/// <c>[]</c>), except a mark's <c>revisions</c> and an account's <c>studentIds</c>, which are left
/// out when empty. Unknown properties kept by the reader are written back after the known ones.
/// What <see cref="SnapshotReader"/> reads, this writes back without loss.
/// </summary>
public static class SnapshotWriter
{
    private const int BufferSize = 1 << 16;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Writes a snapshot to a stream as UTF-8 without a byte order mark, with <c>\n</c> line ends.
    /// The stream is left open.
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="indented">Indent with two spaces (default) or write compactly.</param>
    /// <exception cref="ArgumentException">
    /// A value cannot be represented: a time of day outside 00:00–23:59:59 or with a fraction of a
    /// second, an undefined enumeration value, or an extension property named like a known one.
    /// </exception>
    public static void Write(GradebookSnapshot snapshot, Stream stream, bool indented = true)
    {
        if (snapshot is null)
        {
            throw new ArgumentNullException(nameof(snapshot));
        }

        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        // Line feeds on every platform, so the same snapshot always gives the same bytes.
        using var text = new StreamWriter(stream, Utf8NoBom, BufferSize, leaveOpen: true) { NewLine = "\n" };
        using (var json = new JsonTextWriter(text)
        {
            Formatting = indented ? Formatting.Indented : Formatting.None,
            Indentation = 2,
            IndentChar = ' ',
            CloseOutput = false,
        })
        {
            new Emitter(json).Snapshot(snapshot);
            json.Flush();
        }

        text.Flush();
    }

    /// <summary>
    /// Writes a snapshot to a file (created or replaced) as UTF-8 without a byte order mark, atomically
    /// (<see cref="AtomicFile"/>): a failure or a kill while writing leaves the previous file as it was.
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="path">Path of the file.</param>
    /// <param name="indented">Indent with two spaces (default) or write compactly.</param>
    /// <exception cref="ArgumentException">A value cannot be represented; see <see cref="Write"/>.</exception>
    public static void WriteFile(GradebookSnapshot snapshot, string path, bool indented = true)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (snapshot is null)
        {
            throw new ArgumentNullException(nameof(snapshot));
        }

        AtomicFile.Write(path, file => Write(snapshot, file, indented));
    }

    /// <summary>Writes the records; one instance per document.</summary>
    private sealed class Emitter
    {
        private static readonly HashSet<string> TopNames = Set(
            "format", "source", "school", "periods", "holidays", "subjects", "classes", "students", "staff", "lessons",
            "absences", "marks", "plans", "giaResults", "accounts", "logins", "operations", "archive");

        private static readonly HashSet<string> SourceNames = Set("connector", "instance", "fetchedAt", "from", "to", "capabilities", "unmapped");
        private static readonly HashSet<string> UnmappedNames = Set("count", "examples");
        private static readonly HashSet<string> UnmappedRecordNames = Set("kind", "vendorId", "reason");
        private static readonly HashSet<string> SchoolNames = Set("id", "name", "timeZone", "workWeek", "region");
        private static readonly HashSet<string> PeriodNames = Set("id", "name", "kind", "start", "end");
        private static readonly HashSet<string> VacationNames = Set("start", "end", "name");
        private static readonly HashSet<string> SubjectNames = Set("id", "name");
        private static readonly HashSet<string> ClassNames = Set("id", "name", "grade", "homeroomTeacherId");
        private static readonly HashSet<string> StudentNames = Set("id", "name", "classId", "enrolledOn", "leftOn", "consent");
        private static readonly HashSet<string> StaffNames = Set("id", "name", "roles", "employedUntil");

        private static readonly HashSet<string> LessonNames = Set(
            "id", "classId", "subjectId", "teacherId", "substituteId", "groupId", "date", "start", "end", "kind", "held",
            "heldAt", "topic", "topicEnteredAt", "topicEnteredAfter", "homework", "homeworkEnteredAt",
            "homeworkEnteredAfter", "comment", "commentEnteredAt");

        private static readonly HashSet<string> AbsenceNames = Set(
            "lessonId", "studentId", "reason", "late", "enteredAt", "enteredAfter", "enteredBy");

        private static readonly HashSet<string> MarkNames = Set(
            "id", "studentId", "subjectId", "lessonId", "date", "kind", "periodId", "value", "weight", "enteredAt",
            "enteredAfter", "enteredBy", "revisions");

        private static readonly HashSet<string> RevisionNames = Set("at", "after", "by", "from", "to");
        private static readonly HashSet<string> PlanNames = Set("classId", "subjectId", "plannedHours", "curriculumHours", "enteredAt");
        private static readonly HashSet<string> GiaNames = Set("studentId", "subjectId", "value", "announcedOn", "enteredAt");

        private static readonly HashSet<string> AccountNames = Set(
            "id", "personId", "role", "studentIds", "createdAt", "activatedAt", "active", "lastLoginAt");

        private static readonly HashSet<string> LoginNames = Set("accountId", "at");
        private static readonly HashSet<string> OperationNames = Set("kind", "at", "copies", "scope");
        private static readonly HashSet<string> ArchiveNames = Set("id", "documentType", "schoolYear", "classId", "archivedOn", "destroyedOn");

        private const int MaxCachedDates = 4096;

        private readonly JsonWriter _w;

        // A year holds a few hundred dates, written again and again: each is formatted once. A timestamp
        // is formatted through one buffer, so it costs its string and nothing else.
        private readonly Dictionary<DateTime, string> _dates = new();
        private readonly char[] _stamp = new char[SnapshotText.TimestampLength];

        internal Emitter(JsonWriter writer) => _w = writer;

        internal void Snapshot(GradebookSnapshot s)
        {
            _w.WriteStartObject();
            Str("format", GradebookSnapshot.FormatId);
            _w.WritePropertyName("source");
            Source(s.Source ?? new SnapshotSource());
            _w.WritePropertyName("school");
            School(s.School ?? new School());
            Array("periods", s.Periods, Period);
            Array("holidays", s.Holidays, Vacation);
            Array("subjects", s.Subjects, Subject);
            Array("classes", s.Classes, Class);
            Array("students", s.Students, Student);
            Array("staff", s.Staff, Staff);
            Array("lessons", s.Lessons, Lesson);
            Array("absences", s.Absences, Absence);
            Array("marks", s.Marks, Mark);
            Array("plans", s.Plans, Plan);
            Array("giaResults", s.GiaResults, GiaResult);
            Array("accounts", s.Accounts, Account);
            Array("logins", s.Logins, Login);
            Array("operations", s.Operations, Operation);
            Array("archive", s.Archive, ArchiveRecord);
            End(s, TopNames);
        }

        private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);

        private void Source(SnapshotSource r)
        {
            _w.WriteStartObject();
            Str("connector", r.Connector);
            OptStr("instance", r.Instance);
            Stamp("fetchedAt", r.FetchedAt);
            Date("from", r.From);
            Date("to", r.To);
            _w.WritePropertyName("capabilities");
            _w.WriteStartArray();
            foreach (var c in r.Capabilities ?? System.Array.Empty<string>())
            {
                _w.WriteValue(c ?? "");
            }

            _w.WriteEndArray();
            if (r.Unmapped is { } unmapped)
            {
                _w.WritePropertyName("unmapped");
                Unmapped(unmapped);
            }

            End(r, SourceNames);
        }

        private void Unmapped(UnmappedRecords r)
        {
            _w.WriteStartObject();
            _w.WritePropertyName("count");
            _w.WriteValue(r.Count);
            _w.WritePropertyName("examples");
            _w.WriteStartArray();
            foreach (var e in r.Examples ?? System.Array.Empty<UnmappedRecord>())
            {
                _w.WriteStartObject();
                Str("kind", e.Kind);
                Str("vendorId", e.VendorId);
                Str("reason", e.Reason);
                End(e, UnmappedRecordNames);
            }

            _w.WriteEndArray();
            End(r, UnmappedNames);
        }

        private void School(School r)
        {
            _w.WriteStartObject();
            Str("id", r.Id);
            Str("name", r.Name);
            Str("timeZone", r.TimeZone);
            _w.WritePropertyName("workWeek");
            _w.WriteValue(r.WorkWeek);
            OptStr("region", r.Region);
            End(r, SchoolNames);
        }

        private void Period(Period r)
        {
            _w.WriteStartObject();
            Str("id", r.Id);
            Str("name", r.Name);
            Enum("kind", r.Kind);
            Date("start", r.Start);
            Date("end", r.End);
            End(r, PeriodNames);
        }

        private void Vacation(Vacation r)
        {
            _w.WriteStartObject();
            Date("start", r.Start);
            Date("end", r.End);
            Str("name", r.Name);
            End(r, VacationNames);
        }

        private void Subject(Subject r)
        {
            _w.WriteStartObject();
            Str("id", r.Id);
            Str("name", r.Name);
            End(r, SubjectNames);
        }

        private void Class(SchoolClass r)
        {
            _w.WriteStartObject();
            Str("id", r.Id);
            Str("name", r.Name);
            if (r.Grade is { } grade)
            {
                _w.WritePropertyName("grade");
                _w.WriteValue(grade);
            }

            OptStr("homeroomTeacherId", r.HomeroomTeacherId);
            End(r, ClassNames);
        }

        private void Student(Student r)
        {
            _w.WriteStartObject();
            Str("id", r.Id);
            Str("name", r.Name);
            Str("classId", r.ClassId);
            OptDate("enrolledOn", r.EnrolledOn);
            OptDate("leftOn", r.LeftOn);
            OptBool("consent", r.Consent);
            End(r, StudentNames);
        }

        private void Staff(StaffMember r)
        {
            _w.WriteStartObject();
            Str("id", r.Id);
            Str("name", r.Name);
            _w.WritePropertyName("roles");
            _w.WriteStartArray();
            foreach (var role in r.Roles ?? System.Array.Empty<StaffRole>())
            {
                _w.WriteValue(Name(role));
            }

            _w.WriteEndArray();
            OptDate("employedUntil", r.EmployedUntil);
            End(r, StaffNames);
        }

        private void Lesson(Lesson r)
        {
            _w.WriteStartObject();
            Str("id", r.Id);
            Str("classId", r.ClassId);
            Str("subjectId", r.SubjectId);
            Str("teacherId", r.TeacherId);
            OptStr("substituteId", r.SubstituteId);
            OptStr("groupId", r.GroupId);
            Date("date", r.Date);
            OptTime("start", r.Start);
            OptTime("end", r.End);
            Enum("kind", r.Kind);
            OptBool("held", r.Held);
            OptStamp("heldAt", r.HeldAt);
            OptStr("topic", r.Topic);
            OptStamp("topicEnteredAt", r.TopicEnteredAt);
            OptStamp("topicEnteredAfter", r.TopicEnteredAfter);
            OptStr("homework", r.Homework);
            OptStamp("homeworkEnteredAt", r.HomeworkEnteredAt);
            OptStamp("homeworkEnteredAfter", r.HomeworkEnteredAfter);
            OptStr("comment", r.Comment);
            OptStamp("commentEnteredAt", r.CommentEnteredAt);
            End(r, LessonNames);
        }

        private void Absence(Absence r)
        {
            _w.WriteStartObject();
            Str("lessonId", r.LessonId);
            Str("studentId", r.StudentId);
            Enum("reason", r.Reason);
            _w.WritePropertyName("late");
            _w.WriteValue(r.Late);
            OptStamp("enteredAt", r.EnteredAt);
            OptStamp("enteredAfter", r.EnteredAfter);
            OptStr("enteredBy", r.EnteredBy);
            End(r, AbsenceNames);
        }

        private void Mark(Mark r)
        {
            _w.WriteStartObject();
            Str("id", r.Id);
            Str("studentId", r.StudentId);
            Str("subjectId", r.SubjectId);
            OptStr("lessonId", r.LessonId);
            Date("date", r.Date);
            Enum("kind", r.Kind);
            OptStr("periodId", r.PeriodId);
            Str("value", r.Value);
            OptDecimal("weight", r.Weight);
            OptStamp("enteredAt", r.EnteredAt);
            OptStamp("enteredAfter", r.EnteredAfter);
            OptStr("enteredBy", r.EnteredBy);
            if (r.Revisions is { Count: > 0 } revisions)
            {
                _w.WritePropertyName("revisions");
                _w.WriteStartArray();
                for (var i = 0; i < revisions.Count; i++)
                {
                    Revision(revisions[i]);
                }

                _w.WriteEndArray();
            }

            End(r, MarkNames);
        }

        private void Revision(MarkRevision r)
        {
            _w.WriteStartObject();
            Stamp("at", r.At);
            OptStamp("after", r.After);
            OptStr("by", r.By);
            Str("from", r.From);
            Str("to", r.To);
            End(r, RevisionNames);
        }

        private void Plan(Plan r)
        {
            _w.WriteStartObject();
            Str("classId", r.ClassId);
            Str("subjectId", r.SubjectId);
            OptDecimal("plannedHours", r.PlannedHours);
            OptDecimal("curriculumHours", r.CurriculumHours);
            OptStamp("enteredAt", r.EnteredAt);
            End(r, PlanNames);
        }

        private void GiaResult(GiaResult r)
        {
            _w.WriteStartObject();
            Str("studentId", r.StudentId);
            Str("subjectId", r.SubjectId);
            Str("value", r.Value);
            Date("announcedOn", r.AnnouncedOn);
            OptStamp("enteredAt", r.EnteredAt);
            End(r, GiaNames);
        }

        private void Account(Account r)
        {
            _w.WriteStartObject();
            Str("id", r.Id);
            Str("personId", r.PersonId);
            Enum("role", r.Role);
            if (r.StudentIds is { Count: > 0 } ids)
            {
                _w.WritePropertyName("studentIds");
                _w.WriteStartArray();
                for (var i = 0; i < ids.Count; i++)
                {
                    _w.WriteValue(ids[i] ?? "");
                }

                _w.WriteEndArray();
            }

            OptStamp("createdAt", r.CreatedAt);
            OptStamp("activatedAt", r.ActivatedAt);
            _w.WritePropertyName("active");
            _w.WriteValue(r.Active);
            OptStamp("lastLoginAt", r.LastLoginAt);
            End(r, AccountNames);
        }

        private void Login(Login r)
        {
            _w.WriteStartObject();
            Str("accountId", r.AccountId);
            Stamp("at", r.At);
            End(r, LoginNames);
        }

        private void Operation(Operation r)
        {
            _w.WriteStartObject();
            Enum("kind", r.Kind);
            Stamp("at", r.At);
            if (r.Copies is { } copies)
            {
                _w.WritePropertyName("copies");
                _w.WriteValue(copies);
            }

            OptStr("scope", r.Scope);
            End(r, OperationNames);
        }

        private void ArchiveRecord(ArchiveRecord r)
        {
            _w.WriteStartObject();
            Str("id", r.Id);
            Enum("documentType", r.DocumentType);
            Str("schoolYear", r.SchoolYear);
            OptStr("classId", r.ClassId);
            Date("archivedOn", r.ArchivedOn);
            OptDate("destroyedOn", r.DestroyedOn);
            End(r, ArchiveNames);
        }

        // ------------------------------------------------------------ helpers

        private void Array<T>(string name, IReadOnlyList<T>? items, Action<T> write)
            where T : SnapshotRecord
        {
            if (items is null)
            {
                return;
            }

            _w.WritePropertyName(name);
            _w.WriteStartArray();
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i] ?? throw new ArgumentException("$." + name + "[" + i.ToString(CultureInfo.InvariantCulture) + "] is null", nameof(items));
                write(item);
            }

            _w.WriteEndArray();
        }

        /// <summary>Writes the extension data and closes the record's object.</summary>
        private void End(SnapshotRecord r, HashSet<string> known)
        {
            if (r.ExtensionData is { Count: > 0 } ext)
            {
                foreach (var pair in ext)
                {
                    if (known.Contains(pair.Key))
                    {
                        throw new ArgumentException(
                            "extension property \"" + pair.Key + "\" of " + r.GetType().Name + " has the name of a known property",
                            nameof(r));
                    }

                    _w.WritePropertyName(pair.Key);
                    _w.WriteRawValue(string.IsNullOrEmpty(pair.Value) ? "null" : pair.Value);
                }
            }

            _w.WriteEndObject();
        }

        private void Str(string name, string? value)
        {
            _w.WritePropertyName(name);
            _w.WriteValue(value ?? "");
        }

        private void OptStr(string name, string? value)
        {
            if (value is not null)
            {
                _w.WritePropertyName(name);
                _w.WriteValue(value);
            }
        }

        private void OptBool(string name, bool? value)
        {
            if (value is { } v)
            {
                _w.WritePropertyName(name);
                _w.WriteValue(v);
            }
        }

        private void OptDecimal(string name, decimal? value)
        {
            if (value is { } v)
            {
                _w.WritePropertyName(name);

                // As is: no exponent, trailing zeros neither added (Json.NET would write 1 as 1.0) nor dropped.
                _w.WriteRawValue(v.ToString(CultureInfo.InvariantCulture));
            }
        }

        private void Date(string name, DateTime value)
        {
            if (!_dates.TryGetValue(value, out var text))
            {
                text = SnapshotText.FormatDate(value);
                if (_dates.Count < MaxCachedDates)
                {
                    _dates.Add(value, text);
                }
            }

            _w.WritePropertyName(name);
            _w.WriteValue(text);
        }

        private void OptDate(string name, DateTime? value)
        {
            if (value is { } v)
            {
                Date(name, v);
            }
        }

        private void OptTime(string name, TimeSpan? value)
        {
            if (value is { } v)
            {
                _w.WritePropertyName(name);
                _w.WriteValue(SnapshotText.FormatTime(v) ?? throw new ArgumentException(
                    "time of day \"" + name + "\" must be whole seconds between 00:00 and 23:59:59, found " + v.ToString("c", CultureInfo.InvariantCulture),
                    nameof(value)));
            }
        }

        private void Stamp(string name, DateTimeOffset value)
        {
            _w.WritePropertyName(name);
            _w.WriteValue(new string(_stamp, 0, SnapshotText.PutTimestamp(_stamp, value)));
        }

        private void OptStamp(string name, DateTimeOffset? value)
        {
            if (value is { } v)
            {
                Stamp(name, v);
            }
        }

        private void Enum<T>(string name, T value)
            where T : struct, Enum
        {
            _w.WritePropertyName(name);
            _w.WriteValue(Name(value));
        }

        private static string Name<T>(T value)
            where T : struct, Enum =>
            JsonNames.TryOf(value, out var name)
                ? name
                : throw new ArgumentException("undefined " + typeof(T).Name + " value " + Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), nameof(value));
    }
}
