using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Numerics;
using System.Text;
using System.Threading;
using Eljur.Abstractions.Model;
using Newtonsoft.Json;

namespace Eljur.Abstractions.Snapshots;

/// <summary>
/// The token loop behind <see cref="SnapshotReader"/>: one instance reads one document. Each record
/// is read by a method that keeps its fields in locals, switches on property names and builds the
/// immutable record at its end; unknown properties are copied token by token into raw JSON text.
/// </summary>
internal sealed class SnapshotParser
{
    /// <summary>Every property name the format defines, so the tokenizer returns shared instances.</summary>
    internal static readonly DefaultJsonNameTable Names = BuildNames();

    private const int CancellationInterval = 1000;
    private const int DonePeriods = 1 << 0;
    private const int DoneSubjects = 1 << 1;
    private const int DoneClasses = 1 << 2;
    private const int DoneStudents = 1 << 3;
    private const int DoneStaff = 1 << 4;
    private const int DoneLessons = 1 << 5;
    private const int DoneAccounts = 1 << 6;
    private const int MaxPooled = 1 << 20;
    private const int MaxPooledLength = 64;

    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

    // The last pooled value of fields whose values come in runs (the marks of one lesson), and the last
    // reference found to exist: a repeat is compared with it instead of looked up in a large table.
    private string? _lastMarkSubject;
    private string? _lastMarkLesson;
    private string? _lastMarkAuthor;
    private string? _lastAbsenceLesson;
    private string? _checkedMarkSubject;
    private string? _checkedMarkLesson;
    private string? _checkedAbsenceLesson;

    private readonly JsonTextReader _r;
    private readonly string? _file;
    private readonly CancellationToken _ct;
    private int _untilCancellationCheck = CancellationInterval;

    // Ids of each id-bearing array, filled while reading (duplicates) and used afterwards (references).
    private IdIndex? _periodIds;
    private IdIndex? _subjectIds;
    private IdIndex? _classIds;
    private IdIndex? _studentIds;
    private IdIndex? _staffIds;
    private IdIndex? _lessonIds;
    private IdIndex? _markIds;
    private IdIndex? _accountIds;
    private IdIndex? _archiveIds;

    // Line and position (packed) of each record that holds references, for the deferred check.
    private List<long>? _classAt;
    private List<long>? _studentAt;
    private List<long>? _lessonAt;
    private List<long>? _absenceAt;
    private List<long>? _markAt;
    private List<long>? _planAt;
    private List<long>? _giaAt;
    private List<long>? _accountAt;
    private List<long>? _loginAt;
    private List<long>? _archiveAt;

    // Sections read to their end (bits of Done). A large section whose targets are all read already
    // (the usual order: lessons before absences and marks) checks its references record by record as
    // it is read, while the ids are fresh in memory, and keeps no positions for a later pass.
    private int _done;

    internal SnapshotParser(JsonTextReader reader, string? fileName, CancellationToken cancellationToken)
    {
        _r = reader;
        _file = fileName;
        _ct = cancellationToken;
    }

    /// <summary>Reads the whole document and checks its references.</summary>
    internal GradebookSnapshot Parse()
    {
        try
        {
            var snapshot = ReadDocument();
            CheckReferences(snapshot);
            return snapshot;
        }
        catch (JsonReaderException e)
        {
            throw new SnapshotFormatException(StripLocation(e.Message), JsonPath(e.Path), OneBased(e.LineNumber), OneBased(e.LinePosition), _file, e);
        }
        catch (DecoderFallbackException e)
        {
            throw new SnapshotFormatException("the text is not valid UTF-8", JsonPath(_r.Path), OneBased(_r.LineNumber), OneBased(_r.LinePosition), _file, e);
        }
    }

    private static DefaultJsonNameTable BuildNames()
    {
        var table = new DefaultJsonNameTable();
        foreach (var name in new[]
        {
            "format", "source", "school", "periods", "holidays", "subjects", "classes", "students", "staff",
            "lessons", "absences", "marks", "plans", "giaResults", "accounts", "logins", "operations", "archive",
            "connector", "instance", "fetchedAt", "from", "to", "capabilities", "id", "name", "timeZone", "workWeek",
            "region", "kind", "start", "end", "grade", "homeroomTeacherId", "classId", "enrolledOn", "leftOn",
            "consent", "roles", "employedUntil", "subjectId", "teacherId", "substituteId", "groupId", "date", "held",
            "heldAt", "topic", "topicEnteredAt", "topicEnteredAfter", "homework", "homeworkEnteredAt",
            "homeworkEnteredAfter", "comment", "commentEnteredAt", "lessonId", "studentId", "reason", "late",
            "enteredAt", "enteredAfter", "enteredBy", "periodId", "value", "weight", "revisions", "at", "after", "by",
            "plannedHours", "curriculumHours", "announcedOn", "personId", "role", "studentIds", "createdAt",
            "activatedAt", "active", "lastLoginAt", "accountId", "copies", "scope", "documentType", "schoolYear",
            "archivedOn", "destroyedOn", "unmapped", "count", "examples", "vendorId",
        })
        {
            table.Add(name);
        }

        return table;
    }

    // ---------------------------------------------------------------- the document

    private GradebookSnapshot ReadDocument()
    {
        if (!ReadToken())
        {
            throw Error("the document is empty");
        }

        if (_r.TokenType != JsonToken.StartObject)
        {
            throw Error("expected a JSON object, found " + _r.TokenType);
        }

        var line = _r.LineNumber;
        var pos = _r.LinePosition;
        string? format = null;
        SnapshotSource? source = null;
        School? school = null;
        List<Period>? periods = null;
        List<Vacation>? holidays = null;
        List<Subject>? subjects = null;
        List<SchoolClass>? classes = null;
        List<Student>? students = null;
        List<StaffMember>? staff = null;
        List<Lesson>? lessons = null;
        List<Absence>? absences = null;
        List<Mark>? marks = null;
        List<Plan>? plans = null;
        List<GiaResult>? giaResults = null;
        List<Account>? accounts = null;
        List<Login>? logins = null;
        List<Operation>? operations = null;
        List<ArchiveRecord>? archive = null;
        Dictionary<string, string>? ext = null;
        var seen = 0;

        while (NextProperty(out var name))
        {
            switch (name)
            {
                case "format":
                    Once(ref seen, 1 << 0, name);
                    format = ReadString();
                    if (format is not null && format != GradebookSnapshot.FormatId)
                    {
                        throw Error("unsupported format \"" + format + "\"; expected \"" + GradebookSnapshot.FormatId + "\"");
                    }

                    break;
                case "source":
                    Once(ref seen, 1 << 1, name);
                    source = ReadSource();
                    break;
                case "school":
                    Once(ref seen, 1 << 2, name);
                    school = ReadSchool();
                    break;
                case "periods":
                    Once(ref seen, 1 << 3, name);
                    periods = ReadArray(ReadPeriod, p => p.Id, ref _periodIds, null);
                    _done |= DonePeriods;
                    break;
                case "holidays":
                    Once(ref seen, 1 << 4, name);
                    holidays = ReadArray(ReadVacation);
                    break;
                case "subjects":
                    Once(ref seen, 1 << 5, name);
                    subjects = ReadArray(ReadSubject, s => s.Id, ref _subjectIds, null);
                    _done |= DoneSubjects;
                    break;
                case "classes":
                    Once(ref seen, 1 << 6, name);
                    classes = ReadArray(ReadClass, c => c.Id, ref _classIds, _classAt = new List<long>());
                    _done |= DoneClasses;
                    break;
                case "students":
                    Once(ref seen, 1 << 7, name);
                    students = ReadArray(ReadStudent, s => s.Id, ref _studentIds, _studentAt = new List<long>());
                    _done |= DoneStudents;
                    break;
                case "staff":
                    Once(ref seen, 1 << 8, name);
                    staff = ReadArray(ReadStaff, s => s.Id, ref _staffIds, null);
                    _done |= DoneStaff;
                    break;
                case "lessons":
                    Once(ref seen, 1 << 9, name);
                    lessons = Ready(DoneClasses | DoneSubjects | DoneStaff)
                        ? ReadArray(ReadLesson, l => l.Id, ref _lessonIds, null, CheckLesson)
                        : ReadArray(ReadLesson, l => l.Id, ref _lessonIds, _lessonAt = new List<long>());
                    _done |= DoneLessons;
                    break;
                case "absences":
                    Once(ref seen, 1 << 10, name);
                    absences = Ready(DoneLessons | DoneStudents)
                        ? ReadArray(ReadAbsence, null, CheckAbsence)
                        : ReadArray(ReadAbsence, _absenceAt = new List<long>());
                    break;
                case "marks":
                    Once(ref seen, 1 << 11, name);
                    marks = Ready(DoneStudents | DoneSubjects | DoneLessons | DonePeriods)
                        ? ReadArray(ReadMark, m => m.Id, ref _markIds, null, CheckMark)
                        : ReadArray(ReadMark, m => m.Id, ref _markIds, _markAt = new List<long>());
                    break;
                case "plans":
                    Once(ref seen, 1 << 12, name);
                    plans = ReadArray(ReadPlan, _planAt = new List<long>());
                    break;
                case "giaResults":
                    Once(ref seen, 1 << 13, name);
                    giaResults = ReadArray(ReadGiaResult, _giaAt = new List<long>());
                    break;
                case "accounts":
                    Once(ref seen, 1 << 14, name);
                    accounts = ReadArray(ReadAccount, a => a.Id, ref _accountIds, _accountAt = new List<long>());
                    _done |= DoneAccounts;
                    break;
                case "logins":
                    Once(ref seen, 1 << 15, name);
                    logins = Ready(DoneAccounts)
                        ? ReadArray(ReadLogin, null, CheckLogin)
                        : ReadArray(ReadLogin, _loginAt = new List<long>());
                    break;
                case "operations":
                    Once(ref seen, 1 << 16, name);
                    operations = ReadArray(ReadOperation);
                    break;
                case "archive":
                    Once(ref seen, 1 << 17, name);
                    archive = ReadArray(ReadArchiveRecord, a => a.Id, ref _archiveIds, _archiveAt = new List<long>());
                    break;
                default:
                    AddExtension(ref ext, name);
                    break;
            }
        }

        if (ReadToken())
        {
            throw Error("unexpected " + _r.TokenType + " after the end of the snapshot object");
        }

        if (format is null)
        {
            throw new SnapshotFormatException(
                "required field \"format\" is missing or null; expected \"" + GradebookSnapshot.FormatId + "\"", "$.format", line, pos, _file);
        }

        if (source is null)
        {
            throw new SnapshotFormatException("required field \"source\" is missing or null", "$.source", line, pos, _file);
        }

        if (school is null)
        {
            throw new SnapshotFormatException("required field \"school\" is missing or null", "$.school", line, pos, _file);
        }

        // Lessons and marks are handed out read-only: the marks' entry table is computed against these
        // lessons once, and must not go stale.
        IReadOnlyList<Lesson>? readOnlyLessons = lessons is null ? null : new SnapshotLessonList(lessons, _lessonIds!);
        return new GradebookSnapshot
        {
            Format = format,
            Source = source,
            School = school,
            Periods = periods,
            Holidays = holidays,
            Subjects = subjects,
            Classes = classes,
            Students = students,
            Staff = staff,
            Lessons = readOnlyLessons,
            Absences = absences,
            Marks = marks is null ? null : new SnapshotMarkList(marks, readOnlyLessons),
            Plans = plans,
            GiaResults = giaResults,
            Accounts = accounts,
            Logins = logins,
            Operations = operations,
            Archive = archive,
            ExtensionData = ext,
        };
    }

    private void Once(ref int seen, int bit, string name)
    {
        if ((seen & bit) != 0)
        {
            throw Error("property \"" + name + "\" appears twice");
        }

        seen |= bit;
    }

    private List<T>? ReadArray<T>(Func<T> readItem, List<long>? positions = null, Action<T, int, long>? check = null)
    {
        IdIndex? none = null;
        return ReadArray(readItem, null, ref none, positions, check);
    }

    /// <summary>
    /// Reads an array of records: duplicate ids are an error at once; references are either checked at
    /// once by <paramref name="check"/> (given the record, its index and packed position) or, when their
    /// targets may still follow, after the document, from the <paramref name="positions"/> kept here.
    /// </summary>
    private List<T>? ReadArray<T>(Func<T> readItem, Func<T, string>? idOf, ref IdIndex? ids, List<long>? positions, Action<T, int, long>? check = null)
    {
        if (_r.TokenType == JsonToken.Null)
        {
            return null;
        }

        if (_r.TokenType != JsonToken.StartArray)
        {
            throw Error("expected an array, found " + _r.TokenType);
        }

        var list = new List<T>();
        if (idOf is not null)
        {
            ids = new IdIndex();
        }

        while (true)
        {
            Next();
            if (_r.TokenType == JsonToken.EndArray)
            {
                return list;
            }

            var line = _r.LineNumber;
            var pos = _r.LinePosition;
            var item = readItem();
            if (idOf is not null)
            {
                var id = idOf(item);
                if (!ids!.TryAdd(id, list.Count))
                {
                    ids.TryGetPosition(id, out var first);

                    var path = JsonPath(_r.Path);
                    throw new SnapshotFormatException(
                        "duplicate id \"" + id + "\"; first used at " + Index(path, first),
                        path + ".id",
                        line,
                        pos,
                        _file);
                }
            }

            positions?.Add(Pack(line, pos));
            check?.Invoke(item, list.Count, Pack(line, pos));
            list.Add(item);
            if (--_untilCancellationCheck == 0)
            {
                _untilCancellationCheck = CancellationInterval;
                _ct.ThrowIfCancellationRequested();
            }
        }
    }

    // ---------------------------------------------------------------- records

    private SnapshotSource ReadSource()
    {
        var (line, pos) = StartRecord();
        string? connector = null, instance = null;
        DateTimeOffset? fetchedAt = null;
        DateTime? from = null, to = null;
        List<string>? capabilities = null;
        UnmappedRecords? unmapped = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(out var name))
        {
            switch (name)
            {
                case "connector": connector = ReadString(); break;
                case "instance": instance = ReadString(); break;
                case "fetchedAt": fetchedAt = ReadTimestamp(); break;
                case "from": from = ReadDate(); break;
                case "to": to = ReadDate(); break;
                case "capabilities": capabilities = ReadStringArray(ids: false); break;
                case "unmapped": unmapped = ReadUnmapped(); break;
                default: AddExtension(ref ext, name); break;
            }
        }

        return new SnapshotSource
        {
            Connector = connector ?? throw Missing("connector", line, pos),
            Instance = instance,
            FetchedAt = fetchedAt ?? throw Missing("fetchedAt", line, pos),
            From = from ?? throw Missing("from", line, pos),
            To = to ?? throw Missing("to", line, pos),
            Capabilities = (IReadOnlyList<string>?)capabilities ?? Array.Empty<string>(),
            Unmapped = unmapped,
            ExtensionData = ext,
        };
    }

    /// <summary><c>source.unmapped</c>: <c>{ "count", "examples": [ { "kind", "vendorId", "reason" } ] }</c>; null stays null.</summary>
    private UnmappedRecords? ReadUnmapped()
    {
        if (_r.TokenType == JsonToken.Null)
        {
            return null;
        }

        var (line, pos) = StartRecord();
        int? count = null;
        List<UnmappedRecord>? examples = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(out var prop))
        {
            switch (prop)
            {
                case "count":
                    count = ReadInt();
                    if (count < 0)
                    {
                        throw Error("count must not be negative");
                    }

                    break;
                case "examples": examples = ReadArray(ReadUnmappedRecord); break;
                default: AddExtension(ref ext, prop); break;
            }
        }

        return new UnmappedRecords
        {
            Count = count ?? throw Missing("count", line, pos),
            Examples = (IReadOnlyList<UnmappedRecord>?)examples ?? Array.Empty<UnmappedRecord>(),
            ExtensionData = ext,
        };
    }

    private UnmappedRecord ReadUnmappedRecord()
    {
        StartRecord();
        string? kind = null, vendorId = null, reason = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(out var prop))
        {
            switch (prop)
            {
                case "kind": kind = ReadString(); break;
                case "vendorId": vendorId = ReadId(); break;
                case "reason": reason = ReadString(); break;
                default: AddExtension(ref ext, prop); break;
            }
        }

        return new UnmappedRecord { Kind = kind ?? "", VendorId = vendorId ?? "", Reason = reason ?? "", ExtensionData = ext };
    }

    private School ReadSchool()
    {
        var (line, pos) = StartRecord();
        string? id = null, name = null, timeZone = null, region = null;
        int? workWeek = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(out var prop))
        {
            switch (prop)
            {
                case "id": id = ReadRequiredId(); break;
                case "name": name = ReadString(); break;
                case "timeZone": timeZone = ReadString(); break;
                case "workWeek":
                    workWeek = ReadInt();
                    if (workWeek is not null && workWeek != 5 && workWeek != 6)
                    {
                        throw Error("workWeek must be 5 or 6, found " + workWeek.Value.ToString(CultureInfo.InvariantCulture));
                    }

                    break;
                case "region": region = ReadString(); break;
                default: AddExtension(ref ext, prop); break;
            }
        }

        return new School
        {
            Id = id ?? throw Missing("id", line, pos),
            Name = name ?? "",
            TimeZone = timeZone ?? throw Missing("timeZone", line, pos),
            WorkWeek = workWeek ?? throw Missing("workWeek", line, pos),
            Region = region,
            ExtensionData = ext,
        };
    }

    private Period ReadPeriod()
    {
        var (line, pos) = StartRecord();
        string? id = null, name = null;
        PeriodKind? kind = null;
        DateTime? start = null, end = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(out var prop))
        {
            switch (prop)
            {
                case "id": id = Pool(ReadRequiredId()); break;
                case "name": name = ReadString(); break;
                case "kind": kind = ReadEnum<PeriodKind>(); break;
                case "start": start = ReadDate(); break;
                case "end": end = ReadDate(); break;
                default: AddExtension(ref ext, prop); break;
            }
        }

        return new Period
        {
            Id = id ?? throw Missing("id", line, pos),
            Name = name ?? "",
            Kind = kind ?? throw Missing("kind", line, pos),
            Start = start ?? throw Missing("start", line, pos),
            End = end ?? throw Missing("end", line, pos),
            ExtensionData = ext,
        };
    }

    private Vacation ReadVacation()
    {
        var (line, pos) = StartRecord();
        string? name = null;
        DateTime? start = null, end = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(out var prop))
        {
            switch (prop)
            {
                case "start": start = ReadDate(); break;
                case "end": end = ReadDate(); break;
                case "name": name = ReadString(); break;
                default: AddExtension(ref ext, prop); break;
            }
        }

        return new Vacation
        {
            Start = start ?? throw Missing("start", line, pos),
            End = end ?? throw Missing("end", line, pos),
            Name = name ?? "",
            ExtensionData = ext,
        };
    }

    private Subject ReadSubject()
    {
        var (line, pos) = StartRecord();
        string? id = null, name = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(out var prop))
        {
            switch (prop)
            {
                case "id": id = Pool(ReadRequiredId()); break;
                case "name": name = ReadString(); break;
                default: AddExtension(ref ext, prop); break;
            }
        }

        return new Subject { Id = id ?? throw Missing("id", line, pos), Name = name ?? "", ExtensionData = ext };
    }

    private SchoolClass ReadClass()
    {
        var (line, pos) = StartRecord();
        string? id = null, name = null, homeroom = null;
        int? grade = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(out var prop))
        {
            switch (prop)
            {
                case "id": id = Pool(ReadRequiredId()); break;
                case "name": name = ReadString(); break;
                case "grade": grade = ReadInt(); break;
                case "homeroomTeacherId": homeroom = Pool(ReadId()); break;
                default: AddExtension(ref ext, prop); break;
            }
        }

        return new SchoolClass
        {
            Id = id ?? throw Missing("id", line, pos),
            Name = name ?? "",
            Grade = grade,
            HomeroomTeacherId = homeroom,
            ExtensionData = ext,
        };
    }

    private Student ReadStudent()
    {
        var (line, pos) = StartRecord();
        string? id = null, name = null, classId = null;
        DateTime? enrolledOn = null, leftOn = null;
        bool? consent = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(out var prop))
        {
            switch (prop)
            {
                case "id": id = Pool(ReadRequiredId()); break;
                case "name": name = ReadString(); break;
                case "classId": classId = Pool(ReadRequiredId()); break;
                case "enrolledOn": enrolledOn = ReadDate(); break;
                case "leftOn": leftOn = ReadDate(); break;
                case "consent": consent = ReadBool(); break;
                default: AddExtension(ref ext, prop); break;
            }
        }

        return new Student
        {
            Id = id ?? throw Missing("id", line, pos),
            Name = name ?? "",
            ClassId = classId ?? throw Missing("classId", line, pos),
            EnrolledOn = enrolledOn,
            LeftOn = leftOn,
            Consent = consent,
            ExtensionData = ext,
        };
    }

    private StaffMember ReadStaff()
    {
        var (line, pos) = StartRecord();
        string? id = null, name = null;
        List<StaffRole>? roles = null;
        DateTime? employedUntil = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(out var prop))
        {
            switch (prop)
            {
                case "id": id = Pool(ReadRequiredId()); break;
                case "name": name = ReadString(); break;
                case "roles": roles = ReadRoles(); break;
                case "employedUntil": employedUntil = ReadDate(); break;
                default: AddExtension(ref ext, prop); break;
            }
        }

        return new StaffMember
        {
            Id = id ?? throw Missing("id", line, pos),
            Name = name ?? "",
            Roles = (IReadOnlyList<StaffRole>?)roles ?? Array.Empty<StaffRole>(),
            EmployedUntil = employedUntil,
            ExtensionData = ext,
        };
    }

    private Lesson ReadLesson()
    {
        var (line, pos) = StartRecord();
        string? id = null, classId = null, subjectId = null, teacherId = null, substituteId = null, groupId = null;
        string? topic = null, homework = null, comment = null;
        DateTime? date = null;
        TimeSpan? start = null, end = null;
        LessonKind? kind = null;
        bool? held = null;
        DateTimeOffset? heldAt = null, topicAt = null, topicAfter = null, homeworkAt = null, homeworkAfter = null, commentAt = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(out var prop))
        {
            switch (prop)
            {
                case "id": id = Pool(ReadRequiredId()); break;
                case "classId": classId = Pool(ReadRequiredId()); break;
                case "subjectId": subjectId = Pool(ReadRequiredId()); break;
                case "teacherId": teacherId = Pool(ReadId()); break;
                case "substituteId": substituteId = Pool(ReadId()); break;
                case "groupId": groupId = Pool(ReadId()); break;
                case "date": date = ReadDate(); break;
                case "start": start = ReadTime(); break;
                case "end": end = ReadTime(); break;
                case "kind": kind = ReadEnum<LessonKind>(); break;
                case "held": held = ReadBool(); break;
                case "heldAt": heldAt = ReadTimestamp(); break;
                case "topic": topic = ReadString(); break;
                case "topicEnteredAt": topicAt = ReadTimestamp(); break;
                case "topicEnteredAfter": topicAfter = ReadTimestamp(); break;
                case "homework": homework = ReadString(); break;
                case "homeworkEnteredAt": homeworkAt = ReadTimestamp(); break;
                case "homeworkEnteredAfter": homeworkAfter = ReadTimestamp(); break;
                case "comment": comment = ReadString(); break;
                case "commentEnteredAt": commentAt = ReadTimestamp(); break;
                default: AddExtension(ref ext, prop); break;
            }
        }

        return new Lesson
        {
            Id = id ?? throw Missing("id", line, pos),
            ClassId = classId ?? throw Missing("classId", line, pos),
            SubjectId = subjectId ?? throw Missing("subjectId", line, pos),
            TeacherId = teacherId ?? "",
            SubstituteId = substituteId,
            GroupId = groupId,
            Date = date ?? throw Missing("date", line, pos),
            Start = start,
            End = end,
            Kind = kind ?? LessonKind.Regular,
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

    private Absence ReadAbsence()
    {
        var (line, pos) = StartRecord();
        string? lessonId = null, studentId = null, enteredBy = null;
        AbsenceReason? reason = null;
        bool? late = null;
        DateTimeOffset? enteredAt = null, enteredAfter = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(out var prop))
        {
            switch (prop)
            {
                case "lessonId": lessonId = PoolRun(ref _lastAbsenceLesson, ReadRequiredId()); break;
                case "studentId": studentId = Pool(ReadRequiredId()); break;
                case "reason": reason = ReadEnum<AbsenceReason>(); break;
                case "late": late = ReadBool(); break;
                case "enteredAt": enteredAt = ReadTimestamp(); break;
                case "enteredAfter": enteredAfter = ReadTimestamp(); break;
                case "enteredBy": enteredBy = Pool(ReadId()); break;
                default: AddExtension(ref ext, prop); break;
            }
        }

        return new Absence
        {
            LessonId = lessonId ?? throw Missing("lessonId", line, pos),
            StudentId = studentId ?? throw Missing("studentId", line, pos),
            Reason = reason ?? AbsenceReason.Unknown,
            Late = late ?? false,
            EnteredAt = enteredAt,
            EnteredAfter = enteredAfter,
            EnteredBy = enteredBy,
            ExtensionData = ext,
        };
    }

    private Mark ReadMark()
    {
        var (line, pos) = StartRecord();
        string? id = null, studentId = null, subjectId = null, lessonId = null, periodId = null, value = null, enteredBy = null;
        DateTime? date = null;
        MarkKind? kind = null;
        decimal? weight = null;
        DateTimeOffset? enteredAt = null, enteredAfter = null;
        List<MarkRevision>? revisions = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(out var prop))
        {
            switch (prop)
            {
                case "id": id = ReadRequiredId(); break;
                case "studentId": studentId = Pool(ReadRequiredId()); break;
                case "subjectId": subjectId = PoolRun(ref _lastMarkSubject, ReadRequiredId()); break;
                case "lessonId": lessonId = PoolRun(ref _lastMarkLesson, ReadId()); break;
                case "date": date = ReadDate(); break;
                case "kind": kind = ReadEnum<MarkKind>(); break;
                case "periodId": periodId = Pool(ReadId()); break;
                case "value": value = Pool(ReadString()); break;
                case "weight": weight = ReadDecimal(); break;
                case "enteredAt": enteredAt = ReadTimestamp(); break;
                case "enteredAfter": enteredAfter = ReadTimestamp(); break;
                case "enteredBy": enteredBy = PoolRun(ref _lastMarkAuthor, ReadId()); break;
                case "revisions": revisions = ReadArray(ReadRevision); break;
                default: AddExtension(ref ext, prop); break;
            }
        }

        return new Mark
        {
            Id = id ?? throw Missing("id", line, pos),
            StudentId = studentId ?? throw Missing("studentId", line, pos),
            SubjectId = subjectId ?? throw Missing("subjectId", line, pos),
            LessonId = lessonId,
            Date = date ?? throw Missing("date", line, pos),
            Kind = kind ?? throw Missing("kind", line, pos),
            PeriodId = periodId,
            Value = value ?? throw Missing("value", line, pos),
            Weight = weight,
            EnteredAt = enteredAt,
            EnteredAfter = enteredAfter,
            EnteredBy = enteredBy,
            Revisions = (IReadOnlyList<MarkRevision>?)revisions ?? Array.Empty<MarkRevision>(),
            ExtensionData = ext,
        };
    }

    private MarkRevision ReadRevision()
    {
        var (line, pos) = StartRecord();
        DateTimeOffset? at = null, after = null;
        string? by = null, from = null, to = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(out var prop))
        {
            switch (prop)
            {
                case "at": at = ReadTimestamp(); break;
                case "after": after = ReadTimestamp(); break;
                case "by": by = Pool(ReadId()); break;
                case "from": from = Pool(ReadString()); break;
                case "to": to = Pool(ReadString()); break;
                default: AddExtension(ref ext, prop); break;
            }
        }

        return new MarkRevision
        {
            At = at ?? throw Missing("at", line, pos),
            After = after,
            By = by,
            From = from ?? "",
            To = to ?? throw Missing("to", line, pos),
            ExtensionData = ext,
        };
    }

    private Plan ReadPlan()
    {
        var (line, pos) = StartRecord();
        string? classId = null, subjectId = null;
        decimal? planned = null, curriculum = null;
        DateTimeOffset? enteredAt = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(out var prop))
        {
            switch (prop)
            {
                case "classId": classId = Pool(ReadRequiredId()); break;
                case "subjectId": subjectId = Pool(ReadRequiredId()); break;
                case "plannedHours": planned = ReadDecimal(); break;
                case "curriculumHours": curriculum = ReadDecimal(); break;
                case "enteredAt": enteredAt = ReadTimestamp(); break;
                default: AddExtension(ref ext, prop); break;
            }
        }

        return new Plan
        {
            ClassId = classId ?? throw Missing("classId", line, pos),
            SubjectId = subjectId ?? throw Missing("subjectId", line, pos),
            PlannedHours = planned,
            CurriculumHours = curriculum,
            EnteredAt = enteredAt,
            ExtensionData = ext,
        };
    }

    private GiaResult ReadGiaResult()
    {
        var (line, pos) = StartRecord();
        string? studentId = null, subjectId = null, value = null;
        DateTime? announcedOn = null;
        DateTimeOffset? enteredAt = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(out var prop))
        {
            switch (prop)
            {
                case "studentId": studentId = Pool(ReadRequiredId()); break;
                case "subjectId": subjectId = Pool(ReadRequiredId()); break;
                case "value": value = Pool(ReadString()); break;
                case "announcedOn": announcedOn = ReadDate(); break;
                case "enteredAt": enteredAt = ReadTimestamp(); break;
                default: AddExtension(ref ext, prop); break;
            }
        }

        return new GiaResult
        {
            StudentId = studentId ?? throw Missing("studentId", line, pos),
            SubjectId = subjectId ?? throw Missing("subjectId", line, pos),
            Value = value ?? throw Missing("value", line, pos),
            AnnouncedOn = announcedOn ?? throw Missing("announcedOn", line, pos),
            EnteredAt = enteredAt,
            ExtensionData = ext,
        };
    }

    private Account ReadAccount()
    {
        var (line, pos) = StartRecord();
        string? id = null, personId = null;
        AccountRole? role = null;
        List<string>? studentIds = null;
        DateTimeOffset? createdAt = null, activatedAt = null, lastLoginAt = null;
        bool? active = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(out var prop))
        {
            switch (prop)
            {
                case "id": id = Pool(ReadRequiredId()); break;
                case "personId": personId = Pool(ReadId()); break;
                case "role": role = ReadEnum<AccountRole>(); break;
                case "studentIds": studentIds = ReadStringArray(ids: true); break;
                case "createdAt": createdAt = ReadTimestamp(); break;
                case "activatedAt": activatedAt = ReadTimestamp(); break;
                case "active": active = ReadBool(); break;
                case "lastLoginAt": lastLoginAt = ReadTimestamp(); break;
                default: AddExtension(ref ext, prop); break;
            }
        }

        return new Account
        {
            Id = id ?? throw Missing("id", line, pos),
            PersonId = personId ?? "",
            Role = role ?? throw Missing("role", line, pos),
            StudentIds = (IReadOnlyList<string>?)studentIds ?? Array.Empty<string>(),
            CreatedAt = createdAt,
            ActivatedAt = activatedAt,
            Active = active ?? false,
            LastLoginAt = lastLoginAt,
            ExtensionData = ext,
        };
    }

    private Login ReadLogin()
    {
        var (line, pos) = StartRecord();
        string? accountId = null;
        DateTimeOffset? at = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(out var prop))
        {
            switch (prop)
            {
                case "accountId": accountId = Pool(ReadRequiredId()); break;
                case "at": at = ReadTimestamp(); break;
                default: AddExtension(ref ext, prop); break;
            }
        }

        return new Login
        {
            AccountId = accountId ?? throw Missing("accountId", line, pos),
            At = at ?? throw Missing("at", line, pos),
            ExtensionData = ext,
        };
    }

    private Operation ReadOperation()
    {
        var (line, pos) = StartRecord();
        OperationKind? kind = null;
        DateTimeOffset? at = null;
        int? copies = null;
        string? scope = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(out var prop))
        {
            switch (prop)
            {
                case "kind": kind = ReadEnum<OperationKind>(); break;
                case "at": at = ReadTimestamp(); break;
                case "copies": copies = ReadInt(); break;
                case "scope": scope = ReadString(); break;
                default: AddExtension(ref ext, prop); break;
            }
        }

        return new Operation
        {
            Kind = kind ?? throw Missing("kind", line, pos),
            At = at ?? throw Missing("at", line, pos),
            Copies = copies,
            Scope = scope,
            ExtensionData = ext,
        };
    }

    private ArchiveRecord ReadArchiveRecord()
    {
        var (line, pos) = StartRecord();
        string? id = null, schoolYear = null, classId = null;
        ArchiveDocumentType? type = null;
        DateTime? archivedOn = null, destroyedOn = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(out var prop))
        {
            switch (prop)
            {
                case "id": id = ReadRequiredId(); break;
                case "documentType": type = ReadEnum<ArchiveDocumentType>(); break;
                case "schoolYear": schoolYear = ReadString(); break;
                case "classId": classId = Pool(ReadId()); break;
                case "archivedOn": archivedOn = ReadDate(); break;
                case "destroyedOn": destroyedOn = ReadDate(); break;
                default: AddExtension(ref ext, prop); break;
            }
        }

        return new ArchiveRecord
        {
            Id = id ?? throw Missing("id", line, pos),
            DocumentType = type ?? throw Missing("documentType", line, pos),
            SchoolYear = schoolYear ?? throw Missing("schoolYear", line, pos),
            ClassId = classId,
            ArchivedOn = archivedOn ?? throw Missing("archivedOn", line, pos),
            DestroyedOn = destroyedOn,
            ExtensionData = ext,
        };
    }

    // ---------------------------------------------------------------- references

    private void CheckReferences(GradebookSnapshot s)
    {
        if (s.Classes is { } classes)
        {
            for (var i = 0; i < classes.Count; i++)
            {
                Ref(_staffIds, classes[i].HomeroomTeacherId, "classes", i, "homeroomTeacherId", _classAt!, "staff member", "staff");
            }
        }

        if (s.Students is { } students)
        {
            for (var i = 0; i < students.Count; i++)
            {
                Ref(_classIds, students[i].ClassId, "students", i, "classId", _studentAt!, "class", "classes");
            }
        }

        if (s.Lessons is { } lessons && _lessonAt is not null)
        {
            for (var i = 0; i < lessons.Count; i++)
            {
                var l = lessons[i];
                Ref(_classIds, l.ClassId, "lessons", i, "classId", _lessonAt!, "class", "classes");
                Ref(_subjectIds, l.SubjectId, "lessons", i, "subjectId", _lessonAt!, "subject", "subjects");
                Ref(_staffIds, l.TeacherId, "lessons", i, "teacherId", _lessonAt!, "staff member", "staff");
                Ref(_staffIds, l.SubstituteId, "lessons", i, "substituteId", _lessonAt!, "staff member", "staff");
            }
        }

        if (s.Absences is { } absences && _absenceAt is not null)
        {
            for (var i = 0; i < absences.Count; i++)
            {
                Ref(_lessonIds, absences[i].LessonId, "absences", i, "lessonId", _absenceAt!, "lesson", "lessons");
                Ref(_studentIds, absences[i].StudentId, "absences", i, "studentId", _absenceAt!, "student", "students");
            }
        }

        if (s.Marks is { } marks && _markAt is not null)
        {
            for (var i = 0; i < marks.Count; i++)
            {
                var m = marks[i];
                Ref(_studentIds, m.StudentId, "marks", i, "studentId", _markAt!, "student", "students");
                Ref(_subjectIds, m.SubjectId, "marks", i, "subjectId", _markAt!, "subject", "subjects");
                Ref(_lessonIds, m.LessonId, "marks", i, "lessonId", _markAt!, "lesson", "lessons");
                Ref(_periodIds, m.PeriodId, "marks", i, "periodId", _markAt!, "period", "periods");
            }
        }

        if (s.Plans is { } plans)
        {
            for (var i = 0; i < plans.Count; i++)
            {
                Ref(_classIds, plans[i].ClassId, "plans", i, "classId", _planAt!, "class", "classes");
                Ref(_subjectIds, plans[i].SubjectId, "plans", i, "subjectId", _planAt!, "subject", "subjects");
            }
        }

        if (s.GiaResults is { } gia)
        {
            for (var i = 0; i < gia.Count; i++)
            {
                Ref(_studentIds, gia[i].StudentId, "giaResults", i, "studentId", _giaAt!, "student", "students");
                Ref(_subjectIds, gia[i].SubjectId, "giaResults", i, "subjectId", _giaAt!, "subject", "subjects");
            }
        }

        if (s.Accounts is { } accounts && _studentIds is not null)
        {
            for (var i = 0; i < accounts.Count; i++)
            {
                var ids = accounts[i].StudentIds;
                for (var k = 0; k < ids.Count; k++)
                {
                    Ref(_studentIds, ids[k], "accounts", i, "studentIds", _accountAt!, "student", "students", k);
                }
            }
        }

        if (s.Logins is { } logins && _loginAt is not null)
        {
            for (var i = 0; i < logins.Count; i++)
            {
                Ref(_accountIds, logins[i].AccountId, "logins", i, "accountId", _loginAt!, "account", "accounts");
            }
        }

        if (s.Archive is { } archive)
        {
            for (var i = 0; i < archive.Count; i++)
            {
                Ref(_classIds, archive[i].ClassId, "archive", i, "classId", _archiveAt!, "class", "classes");
            }
        }
    }

    private bool Ready(int sections) => (_done & sections) == sections;

    private void CheckLesson(Lesson l, int i, long at)
    {
        RefAt(_classIds, l.ClassId, "lessons", i, "classId", at, "class", "classes");
        RefAt(_subjectIds, l.SubjectId, "lessons", i, "subjectId", at, "subject", "subjects");
        RefAt(_staffIds, l.TeacherId, "lessons", i, "teacherId", at, "staff member", "staff");
        RefAt(_staffIds, l.SubstituteId, "lessons", i, "substituteId", at, "staff member", "staff");
    }

    private void CheckAbsence(Absence a, int i, long at)
    {
        // Records of one lesson come together and share the pooled id: a reference checked once is not looked up again.
        if (!ReferenceEquals(a.LessonId, _checkedAbsenceLesson))
        {
            RefAt(_lessonIds, a.LessonId, "absences", i, "lessonId", at, "lesson", "lessons");
            _checkedAbsenceLesson = a.LessonId;
        }

        RefAt(_studentIds, a.StudentId, "absences", i, "studentId", at, "student", "students");
    }

    private void CheckMark(Mark m, int i, long at)
    {
        RefAt(_studentIds, m.StudentId, "marks", i, "studentId", at, "student", "students");
        if (!ReferenceEquals(m.SubjectId, _checkedMarkSubject))
        {
            RefAt(_subjectIds, m.SubjectId, "marks", i, "subjectId", at, "subject", "subjects");
            _checkedMarkSubject = m.SubjectId;
        }

        if (!ReferenceEquals(m.LessonId, _checkedMarkLesson))
        {
            RefAt(_lessonIds, m.LessonId, "marks", i, "lessonId", at, "lesson", "lessons");
            _checkedMarkLesson = m.LessonId;
        }

        RefAt(_periodIds, m.PeriodId, "marks", i, "periodId", at, "period", "periods");
    }

    private void CheckLogin(Login l, int i, long at) =>
        RefAt(_accountIds, l.AccountId, "logins", i, "accountId", at, "account", "accounts");

    private void Ref(
        IdIndex? targets,
        string? id,
        string section,
        int index,
        string field,
        List<long> at,
        string what,
        string targetSection,
        int fieldIndex = -1) => RefAt(targets, id, section, index, field, at[index], what, targetSection, fieldIndex);

    private void RefAt(
        IdIndex? targets,
        string? id,
        string section,
        int index,
        string field,
        long packed,
        string what,
        string targetSection,
        int fieldIndex = -1)
    {
        if (targets is null || string.IsNullOrEmpty(id) || targets.Contains(id!))
        {
            return;
        }

        throw new SnapshotFormatException(
            "refers to " + what + " \"" + id + "\" which is not in $." + targetSection,
            "$." + section + "[" + index.ToString(CultureInfo.InvariantCulture) + "]." + field
                + (fieldIndex < 0 ? "" : "[" + fieldIndex.ToString(CultureInfo.InvariantCulture) + "]"),
            (int)(packed >> 32),
            (int)packed,
            _file);
    }

    // ---------------------------------------------------------------- values

    /// <summary>
    /// Returns one shared instance per distinct reference or value text, so a million marks of a
    /// thousand students hold a thousand student id strings, not a million.
    /// </summary>
    private string? Pool(string? s)
    {
        if (s is null || s.Length > MaxPooledLength)
        {
            return s;
        }

        if (_pool.TryGetValue(s, out var shared))
        {
            return shared;
        }

        if (_pool.Count < MaxPooled)
        {
            _pool.Add(s, s);
        }

        return s;
    }

    /// <summary><see cref="Pool"/> for a field whose values come in runs: a repeat of the last value is that value's instance.</summary>
    private string? PoolRun(ref string? last, string? s)
    {
        if (s is not null && last is not null && string.Equals(s, last, StringComparison.Ordinal))
        {
            return last;
        }

        last = Pool(s);
        return last;
    }

    private string? ReadString()
    {
        switch (_r.TokenType)
        {
            case JsonToken.String: return (string)_r.Value!;
            case JsonToken.Null: return null;
            default: throw Expected("a string");
        }
    }

    private string? ReadId()
    {
        switch (_r.TokenType)
        {
            case JsonToken.String: return (string)_r.Value!;
            case JsonToken.Null: return null;
            case JsonToken.Integer:
            case JsonToken.Float:
                throw Error("expected a string id, found " + _r.TokenType + " (ids must be JSON strings: numbers lose digits beyond 2^53)");
            default: throw Expected("a string id");
        }
    }

    private string? ReadRequiredId()
    {
        var id = ReadId();
        if (id is not null && id.Length == 0)
        {
            throw Error("an id must not be empty");
        }

        return id;
    }

    private DateTime? ReadDate()
    {
        var s = ReadString();
        if (s is null)
        {
            return null;
        }

        if (!SnapshotText.TryParseDate(s, out var value))
        {
            throw Error("expected a date YYYY-MM-DD, found \"" + s + "\"");
        }

        return value;
    }

    private TimeSpan? ReadTime()
    {
        var s = ReadString();
        if (s is null)
        {
            return null;
        }

        if (!SnapshotText.TryParseTime(s, out var value))
        {
            throw Error("expected a time of day HH:mm, found \"" + s + "\"");
        }

        return value;
    }

    private DateTimeOffset? ReadTimestamp()
    {
        var s = ReadString();
        if (s is null)
        {
            return null;
        }

        switch (SnapshotText.TryParseTimestamp(s, out var value))
        {
            case SnapshotText.StampResult.Ok:
                return value;
            case SnapshotText.StampResult.NoOffset:
                throw Error("timestamp needs an offset, e.g. \"" + s + "+03:00\" or \"" + s + "Z\"");
            default:
                throw Error("expected a timestamp like 2024-10-01T18:05:00+05:00, found \"" + s + "\"");
        }
    }

    private decimal? ReadDecimal()
    {
        switch (_r.TokenType)
        {
            case JsonToken.Null:
                return null;
            case JsonToken.Float:
                return _r.Value is decimal d ? d : throw Error("number out of range: " + _r.Value);
            case JsonToken.Integer:
                if (_r.Value is long l)
                {
                    return l;
                }

                var big = (BigInteger)_r.Value!;
                if (big > new BigInteger(decimal.MaxValue) || big < new BigInteger(decimal.MinValue))
                {
                    throw Error("number out of range: " + big.ToString(CultureInfo.InvariantCulture));
                }

                return (decimal)big;
            default:
                throw Expected("a number");
        }
    }

    private int? ReadInt()
    {
        switch (_r.TokenType)
        {
            case JsonToken.Null:
                return null;
            case JsonToken.Integer:
                if (_r.Value is long l && l >= int.MinValue && l <= int.MaxValue)
                {
                    return (int)l;
                }

                throw Error("integer out of range: " + Convert.ToString(_r.Value, CultureInfo.InvariantCulture));
            default:
                throw Expected("an integer");
        }
    }

    private bool? ReadBool()
    {
        switch (_r.TokenType)
        {
            case JsonToken.Boolean: return (bool)_r.Value!;
            case JsonToken.Null: return null;
            default: throw Expected("true or false");
        }
    }

    private T? ReadEnum<T>()
        where T : struct, Enum
    {
        var s = ReadString();
        if (s is null)
        {
            return null;
        }

        var names = EnumNames<T>.Names;
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], s, StringComparison.Ordinal))
            {
                return EnumNames<T>.Values[i];
            }
        }

        throw Error("unknown value \"" + s + "\"; expected one of: " + string.Join(", ", names));
    }

    private List<string>? ReadStringArray(bool ids)
    {
        if (_r.TokenType == JsonToken.Null)
        {
            return null;
        }

        if (_r.TokenType != JsonToken.StartArray)
        {
            throw Expected("an array");
        }

        var list = new List<string>();
        while (true)
        {
            Next();
            if (_r.TokenType == JsonToken.EndArray)
            {
                return list;
            }

            list.Add((ids ? ReadRequiredId() : ReadString()) ?? throw Error("null is not allowed in this list"));
        }
    }

    private List<StaffRole>? ReadRoles()
    {
        if (_r.TokenType == JsonToken.Null)
        {
            return null;
        }

        if (_r.TokenType != JsonToken.StartArray)
        {
            throw Expected("an array");
        }

        var list = new List<StaffRole>();
        while (true)
        {
            Next();
            if (_r.TokenType == JsonToken.EndArray)
            {
                return list;
            }

            list.Add(ReadEnum<StaffRole>() ?? throw Error("null is not allowed in this list"));
        }
    }

    // ---------------------------------------------------------------- tokens

    /// <summary>Reads the next token that is not a comment; false at the end of the input.</summary>
    private bool ReadToken()
    {
        while (_r.Read())
        {
            if (_r.TokenType != JsonToken.Comment)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the next token that is not a comment; the end of the input is an error.</summary>
    private void Next()
    {
        if (!ReadToken())
        {
            throw Error("unexpected end of the document");
        }
    }

    /// <summary>Checks that the current token opens an object and returns its line and position.</summary>
    private (int Line, int Position) StartRecord()
    {
        if (_r.TokenType != JsonToken.StartObject)
        {
            throw Expected("an object");
        }

        return (_r.LineNumber, _r.LinePosition);
    }

    /// <summary>Moves to the next property's value; false at the end of the object.</summary>
    private bool NextProperty(out string name)
    {
        Next();
        if (_r.TokenType == JsonToken.EndObject)
        {
            name = "";
            return false;
        }

        name = (string)_r.Value!;
        Next();
        return true;
    }

    /// <summary>Copies the current value (and its subtree) as compact JSON text into the extension data.</summary>
    private void AddExtension(ref Dictionary<string, string>? ext, string name)
    {
        ext ??= new Dictionary<string, string>(StringComparer.Ordinal);
        ext[name] = CaptureRaw();
    }

    private string CaptureRaw()
    {
        var sw = new StringWriter(CultureInfo.InvariantCulture);
        using (var w = new JsonTextWriter(sw) { Formatting = Formatting.None, CloseOutput = false })
        {
            var depth = 0;
            while (true)
            {
                switch (_r.TokenType)
                {
                    case JsonToken.StartObject:
                        w.WriteStartObject();
                        depth++;
                        break;
                    case JsonToken.StartArray:
                        w.WriteStartArray();
                        depth++;
                        break;
                    case JsonToken.EndObject:
                        w.WriteEndObject();
                        depth--;
                        break;
                    case JsonToken.EndArray:
                        w.WriteEndArray();
                        depth--;
                        break;
                    case JsonToken.PropertyName:
                        w.WritePropertyName((string)_r.Value!);
                        break;
                    case JsonToken.String:
                        w.WriteValue((string)_r.Value!);
                        break;
                    case JsonToken.Integer:
                    case JsonToken.Float:
                    case JsonToken.Boolean:
                        w.WriteValue(_r.Value);
                        break;
                    case JsonToken.Null:
                    case JsonToken.Undefined:
                        w.WriteNull();
                        break;
                    default:
                        throw Error("unexpected " + _r.TokenType);
                }

                if (depth == 0)
                {
                    break;
                }

                Next();
            }
        }

        return sw.ToString();
    }

    // ---------------------------------------------------------------- errors

    private SnapshotFormatException Error(string problem) =>
        new(problem, JsonPath(_r.Path), OneBased(_r.LineNumber), OneBased(_r.LinePosition), _file);

    private SnapshotFormatException Expected(string what) => Error("expected " + what + ", found " + _r.TokenType);

    /// <summary>A missing required field of the record that ends at the current token.</summary>
    private SnapshotFormatException Missing(string field, int line, int pos) =>
        new("required field \"" + field + "\" is missing or null", JsonPath(_r.Path) + "." + field, line, pos, _file);

    private static string JsonPath(string? path) =>
        string.IsNullOrEmpty(path) ? "$" : path![0] == '[' ? "$" + path : "$." + path;

    /// <summary>The path of element <paramref name="index"/> of the array whose element is at <paramref name="elementPath"/>.</summary>
    private static string Index(string elementPath, int index)
    {
        var bracket = elementPath.LastIndexOf('[');
        return elementPath.Substring(0, bracket) + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
    }

    private static long Pack(int line, int pos) => ((long)line << 32) | (uint)pos;

    /// <summary>Json.NET counts 0 before the first character of the text or of a line; that is 1 in 1-based terms.</summary>
    private static int OneBased(int value) => value < 1 ? 1 : value;

    /// <summary>Removes Json.NET's " Path '…', line n, position m." suffix: the exception carries those separately.</summary>
    private static string StripLocation(string message)
    {
        var i = message.IndexOf(" Path '", StringComparison.Ordinal);
        if (i < 0)
        {
            i = message.IndexOf(", line ", StringComparison.Ordinal);
        }

        return i > 0 ? message.Substring(0, i).TrimEnd('.', ' ') : message;
    }

    /// <summary>The <see cref="JsonNames"/> spellings of an enumeration as arrays, so parsing does not box.</summary>
    private static class EnumNames<T>
        where T : struct, Enum
    {
        internal static readonly string[] Names = Build(out Values);

        internal static readonly T[] Values;

        private static string[] Build(out T[] values)
        {
            var names = new string[JsonNames.AllOf<T>().Count];
            values = new T[names.Length];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = JsonNames.AllOf<T>()[i];
                JsonNames.TryParse(names[i], out values[i]);
            }

            return names;
        }
    }
}
