using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using Eljur.Abstractions.Model;
using System.Text.Json;
using N = Eljur.Abstractions.Snapshots.SnapshotNames;

namespace Eljur.Abstractions.Snapshots;

/// <summary>
/// The token loop behind <see cref="SnapshotReader"/>: one instance reads one document with
/// System.Text.Json's <c>Utf8JsonReader</c> over a refilled pooled buffer (<see cref="JsonInput"/>,
/// <see cref="JsonCursor"/>). Each record is read by a method that keeps its fields in locals, switches on
/// property names and builds the immutable record at its end; unknown properties are copied token by
/// token into raw JSON text.
/// </summary>
internal sealed class SnapshotParser
{
    /// <summary>Every property name the format defines, so the names come from a table, not decoded each time.</summary>
    internal static readonly string[] KnownNames =
    {
        "format", "source", "school", "periods", "holidays", "subjects", "classes", "students", "staff",
        "lessons", "absences", "marks", "plans", "giaResults", "accounts", "logins", "operations", "archive",
        "connector", "instance", "fetchedAt", "from", "to", "capabilities", "unmapped", "count", "examples", "vendorId",
        "id", "name", "timeZone", "workWeek",
        "region", "kind", "start", "end", "grade", "homeroomTeacherId", "classId", "enrolledOn", "leftOn",
        "consent", "roles", "employedUntil", "subjectId", "teacherId", "substituteId", "groupId", "date", "held",
        "heldAt", "topic", "topicEnteredAt", "topicEnteredAfter", "homework", "homeworkEnteredAt",
        "homeworkEnteredAfter", "comment", "commentEnteredAt", "lessonId", "studentId", "reason", "late",
        "enteredAt", "enteredAfter", "enteredBy", "periodId", "value", "weight", "revisions", "at", "after", "by",
        "plannedHours", "curriculumHours", "announcedOn", "personId", "role", "studentIds", "createdAt",
        "activatedAt", "active", "lastLoginAt", "accountId", "copies", "scope", "documentType", "schoolYear",
        "archivedOn", "destroyedOn",
    };

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

    /// <summary>Ids and values that repeat (references, mark values), one instance per distinct text.</summary>
    private readonly Utf8Pool _pool = new(MaxPooled, MaxPooledLength);

    /// <summary>Lesson topics and homework: the same plan's texts repeat in every class that follows it.</summary>
    private readonly Utf8Pool _texts = new(1 << 16, 512);

    // The last reference found to exist: records of one lesson come together and share the pooled
    // instance, so a repeat is compared with it instead of looked up in a large table.
    private string? _checkedMarkSubject;
    private string? _checkedMarkLesson;
    private string? _checkedAbsenceLesson;

    private readonly JsonInput _in;
    private readonly string? _file;
    private readonly CancellationToken _ct;
    private readonly MemoryStream _raw = new();
    private int _untilCancellationCheck = CancellationInterval;

    /// <summary>The text of the property <see cref="NextProperty"/> moved to last.</summary>
    private int _nameId = -1;
    private string? _otherName;

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

    internal SnapshotParser(JsonInput input, string? fileName, CancellationToken cancellationToken)
    {
        _in = input;
        _file = fileName;
        _ct = cancellationToken;
    }

    /// <summary>Item reader of <see cref="ReadArray{T}(ref JsonCursor, ItemReader{T}, Func{T, string}?, ref IdIndex?, List{long}?, Action{T, int, long}?, bool)"/>.</summary>
    private delegate T ItemReader<out T>(ref JsonCursor j);

    /// <summary>Reads the whole document and checks its references.</summary>
    internal GradebookSnapshot Parse()
    {
        var j = new JsonCursor(_in);
        try
        {
            var snapshot = ReadDocument(ref j);
            CheckReferences(snapshot);
            return snapshot;
        }
        catch (JsonException e)
        {
            // Syntax errors: the reader knows where it stopped; the path is the cursor's. Json.NET's exception
            // type stays the inner exception, as callers of earlier versions saw it.
            var problem = "error while parsing the JSON text: " + StripLocation(e.Message);
            var line = (int)Math.Min(int.MaxValue, (e.LineNumber ?? 0) + 1);
            var pos = (int)Math.Min(int.MaxValue, (e.BytePositionInLine ?? 0) + 1);
            var path = _in.Path();
            var inner = new Newtonsoft.Json.JsonReaderException(problem, path.Length > 1 ? path.Substring(path[1] == '.' ? 2 : 1) : "", line, pos, e);
            throw new SnapshotFormatException(problem, path, line, pos, _file, inner);
        }
        catch (DecoderFallbackException e)
        {
            var (line, pos) = _in.Locate(j.TokenIndex);
            throw new SnapshotFormatException("the text is not valid UTF-8", _in.Path(), line, pos, _file, e);
        }
        finally
        {
            // The indexes that do not outlive the read give their tables back to the pool.
            foreach (var ids in new[] { _periodIds, _subjectIds, _classIds, _studentIds, _staffIds, _markIds, _accountIds, _archiveIds })
            {
                ids?.Dispose();
            }
        }
    }

    // ---------------------------------------------------------------- the document

    private GradebookSnapshot ReadDocument(ref JsonCursor j)
    {
        if (_in.IsBlank())
        {
            throw new SnapshotFormatException("the document is empty", "$", 1, 1, _file);
        }

        if (!ReadToken(ref j))
        {
            throw Error(ref j, "the document is empty");
        }

        if (j.Type != JsonTokenType.StartObject)
        {
            throw Error(ref j, "expected a JSON object, found " + j.TypeName());
        }

        var (line, pos) = _in.Locate(j.TokenIndex);
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

        while (NextProperty(ref j, out var name))
        {
            switch (name)
            {
                case N.Format:
                    Once(ref j, ref seen, 1 << 0, CurrentName);
                    format = ReadString(ref j);
                    if (format is not null && format != GradebookSnapshot.FormatId)
                    {
                        throw Error(ref j, "unsupported format \"" + format + "\"; expected \"" + GradebookSnapshot.FormatId + "\"");
                    }

                    break;
                case N.Source:
                    Once(ref j, ref seen, 1 << 1, CurrentName);
                    source = ReadSource(ref j);
                    break;
                case N.School:
                    Once(ref j, ref seen, 1 << 2, CurrentName);
                    school = ReadSchool(ref j);
                    break;
                case N.Periods:
                    Once(ref j, ref seen, 1 << 3, CurrentName);
                    periods = ReadArray(ref j, ReadPeriod, p => p.Id, ref _periodIds, null);
                    _done |= DonePeriods;
                    break;
                case N.Holidays:
                    Once(ref j, ref seen, 1 << 4, CurrentName);
                    holidays = ReadArray(ref j, ReadVacation);
                    break;
                case N.Subjects:
                    Once(ref j, ref seen, 1 << 5, CurrentName);
                    subjects = ReadArray(ref j, ReadSubject, s => s.Id, ref _subjectIds, null);
                    _done |= DoneSubjects;
                    break;
                case N.Classes:
                    Once(ref j, ref seen, 1 << 6, CurrentName);
                    classes = ReadArray(ref j, ReadClass, c => c.Id, ref _classIds, _classAt = new List<long>());
                    _done |= DoneClasses;
                    break;
                case N.Students:
                    Once(ref j, ref seen, 1 << 7, CurrentName);
                    students = ReadArray(ref j, ReadStudent, s => s.Id, ref _studentIds, _studentAt = new List<long>());
                    _done |= DoneStudents;
                    break;
                case N.Staff:
                    Once(ref j, ref seen, 1 << 8, CurrentName);
                    staff = ReadArray(ref j, ReadStaff, s => s.Id, ref _staffIds, null);
                    _done |= DoneStaff;
                    break;
                case N.Lessons:
                    Once(ref j, ref seen, 1 << 9, CurrentName);
                    lessons = Ready(DoneClasses | DoneSubjects | DoneStaff)
                        ? ReadArray(ref j, ReadLesson, l => l.Id, ref _lessonIds, null, CheckLesson, keepIds: true)
                        : ReadArray(ref j, ReadLesson, l => l.Id, ref _lessonIds, _lessonAt = new List<long>(), keepIds: true);
                    _done |= DoneLessons;
                    break;
                case N.Absences:
                    Once(ref j, ref seen, 1 << 10, CurrentName);
                    absences = Ready(DoneLessons | DoneStudents)
                        ? ReadArray(ref j, ReadAbsence, null, CheckAbsence)
                        : ReadArray(ref j, ReadAbsence, _absenceAt = new List<long>());
                    break;
                case N.Marks:
                    Once(ref j, ref seen, 1 << 11, CurrentName);
                    marks = Ready(DoneStudents | DoneSubjects | DoneLessons | DonePeriods)
                        ? ReadArray(ref j, ReadMark, m => m.Id, ref _markIds, null, CheckMark)
                        : ReadArray(ref j, ReadMark, m => m.Id, ref _markIds, _markAt = new List<long>());
                    break;
                case N.Plans:
                    Once(ref j, ref seen, 1 << 12, CurrentName);
                    plans = ReadArray(ref j, ReadPlan, _planAt = new List<long>());
                    break;
                case N.GiaResults:
                    Once(ref j, ref seen, 1 << 13, CurrentName);
                    giaResults = ReadArray(ref j, ReadGiaResult, _giaAt = new List<long>());
                    break;
                case N.Accounts:
                    Once(ref j, ref seen, 1 << 14, CurrentName);
                    accounts = ReadArray(ref j, ReadAccount, a => a.Id, ref _accountIds, _accountAt = new List<long>());
                    _done |= DoneAccounts;
                    break;
                case N.Logins:
                    Once(ref j, ref seen, 1 << 15, CurrentName);
                    logins = Ready(DoneAccounts)
                        ? ReadArray(ref j, ReadLogin, null, CheckLogin)
                        : ReadArray(ref j, ReadLogin, _loginAt = new List<long>());
                    break;
                case N.Operations:
                    Once(ref j, ref seen, 1 << 16, CurrentName);
                    operations = ReadArray(ref j, ReadOperation);
                    break;
                case N.Archive:
                    Once(ref j, ref seen, 1 << 17, CurrentName);
                    archive = ReadArray(ref j, ReadArchiveRecord, a => a.Id, ref _archiveIds, _archiveAt = new List<long>());
                    break;
                default:
                    AddExtension(ref j, ref ext, CurrentName);
                    break;
            }
        }

        if (ReadToken(ref j))
        {
            throw Error(ref j, "unexpected " + j.TypeName() + " after the end of the snapshot object");
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

    private void Once(ref JsonCursor j, ref int seen, int bit, string name)
    {
        if ((seen & bit) != 0)
        {
            throw Error(ref j, "property \"" + name + "\" appears twice");
        }

        seen |= bit;
    }

    private List<T>? ReadArray<T>(ref JsonCursor j, ItemReader<T> readItem, List<long>? positions = null, Action<T, int, long>? check = null)
    {
        IdIndex? none = null;
        return ReadArray(ref j, readItem, null, ref none, positions, check);
    }

    /// <summary>
    /// Reads an array of records: duplicate ids are an error at once; references are either checked at
    /// once by <paramref name="check"/> (given the record, its index and packed position) or, when their
    /// targets may still follow, after the document, from the <paramref name="positions"/> kept here.
    /// The id index goes back to the pool after the read unless <paramref name="keepIds"/> (the lessons',
    /// which the engine finds lessons by).
    /// </summary>
    private List<T>? ReadArray<T>(ref JsonCursor j, ItemReader<T> readItem, Func<T, string>? idOf, ref IdIndex? ids, List<long>? positions, Action<T, int, long>? check = null, bool keepIds = false)
    {
        if (j.Type == JsonTokenType.Null)
        {
            return null;
        }

        if (j.Type != JsonTokenType.StartArray)
        {
            throw Error(ref j, "expected an array, found " + j.TypeName());
        }

        var list = new List<T>();
        if (idOf is not null)
        {
            ids = new IdIndex(i => idOf(list[i]), pooled: !keepIds);
        }

        while (true)
        {
            Next(ref j);
            if (j.Type == JsonTokenType.EndArray)
            {
                return list;
            }

            var at = _in.LocatePacked(j.TokenIndex);
            var item = readItem(ref j);
            if (idOf is not null)
            {
                var id = idOf(item);
                if (!ids!.TryAdd(id, list.Count))
                {
                    ids.TryGetPosition(id, out var first);

                    var path = _in.Path();
                    throw new SnapshotFormatException(
                        "duplicate id \"" + id + "\"; first used at " + Index(path, first),
                        path + ".id",
                        (int)(at >> 32),
                        (int)at,
                        _file);
                }
            }

            positions?.Add(at);
            check?.Invoke(item, list.Count, at);
            list.Add(item);
            if (--_untilCancellationCheck == 0)
            {
                _untilCancellationCheck = CancellationInterval;
                _ct.ThrowIfCancellationRequested();
            }
        }
    }

    // ---------------------------------------------------------------- records

    private SnapshotSource ReadSource(ref JsonCursor j)
    {
        var (line, pos) = StartRecord(ref j);
        string? connector = null, instance = null;
        DateTimeOffset? fetchedAt = null;
        DateTime? from = null, to = null;
        List<string>? capabilities = null;
        UnmappedRecords? unmapped = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(ref j, out var name))
        {
            switch (name)
            {
                case N.Connector: connector = ReadString(ref j); break;
                case N.Instance: instance = ReadString(ref j); break;
                case N.FetchedAt: fetchedAt = ReadTimestamp(ref j); break;
                case N.From: from = ReadDate(ref j); break;
                case N.To: to = ReadDate(ref j); break;
                case N.Capabilities: capabilities = ReadStringArray(ref j, ids: false); break;
                case N.Unmapped: unmapped = ReadUnmapped(ref j); break;
                default: AddExtension(ref j, ref ext, CurrentName); break;
            }
        }

        return new SnapshotSource
        {
            Connector = connector ?? throw Missing(ref j, "connector", line, pos),
            Instance = instance,
            FetchedAt = fetchedAt ?? throw Missing(ref j, "fetchedAt", line, pos),
            From = from ?? throw Missing(ref j, "from", line, pos),
            To = to ?? throw Missing(ref j, "to", line, pos),
            Capabilities = (IReadOnlyList<string>?)capabilities ?? Array.Empty<string>(),
            Unmapped = unmapped,
            ExtensionData = ext,
        };
    }

    /// <summary><c>source.unmapped</c>: <c>{ "count", "examples": [ { "kind", "vendorId", "reason" } ] }</c>; null stays null.</summary>
    private UnmappedRecords? ReadUnmapped(ref JsonCursor j)
    {
        if (j.Type == JsonTokenType.Null)
        {
            return null;
        }

        var (line, pos) = StartRecord(ref j);
        int? count = null;
        List<UnmappedRecord>? examples = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(ref j, out var prop))
        {
            switch (prop)
            {
                case N.Count:
                    count = ReadInt(ref j);
                    if (count < 0)
                    {
                        throw Error(ref j, "count must not be negative");
                    }

                    break;
                case N.Examples: examples = ReadArray(ref j, ReadUnmappedRecord); break;
                default: AddExtension(ref j, ref ext, CurrentName); break;
            }
        }

        return new UnmappedRecords
        {
            Count = count ?? throw Missing(ref j, "count", line, pos),
            Examples = (IReadOnlyList<UnmappedRecord>?)examples ?? Array.Empty<UnmappedRecord>(),
            ExtensionData = ext,
        };
    }

    private UnmappedRecord ReadUnmappedRecord(ref JsonCursor j)
    {
        StartRecord(ref j);
        string? kind = null, vendorId = null, reason = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(ref j, out var prop))
        {
            switch (prop)
            {
                case N.Kind: kind = ReadString(ref j); break;
                case N.VendorId: vendorId = ReadId(ref j); break;
                case N.Reason: reason = ReadString(ref j); break;
                default: AddExtension(ref j, ref ext, CurrentName); break;
            }
        }

        return new UnmappedRecord { Kind = kind ?? "", VendorId = vendorId ?? "", Reason = reason ?? "", ExtensionData = ext };
    }

    private School ReadSchool(ref JsonCursor j)
    {
        var (line, pos) = StartRecord(ref j);
        string? id = null, name = null, timeZone = null, region = null;
        int? workWeek = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(ref j, out var prop))
        {
            switch (prop)
            {
                case N.Id: id = ReadRequiredId(ref j); break;
                case N.Name: name = ReadString(ref j); break;
                case N.TimeZone: timeZone = ReadString(ref j); break;
                case N.WorkWeek:
                    workWeek = ReadInt(ref j);
                    if (workWeek is not null && workWeek != 5 && workWeek != 6)
                    {
                        throw Error(ref j, "workWeek must be 5 or 6, found " + workWeek.Value.ToString(CultureInfo.InvariantCulture));
                    }

                    break;
                case N.Region: region = ReadString(ref j); break;
                default: AddExtension(ref j, ref ext, CurrentName); break;
            }
        }

        return new School
        {
            Id = id ?? throw Missing(ref j, "id", line, pos),
            Name = name ?? "",
            TimeZone = timeZone ?? throw Missing(ref j, "timeZone", line, pos),
            WorkWeek = workWeek ?? throw Missing(ref j, "workWeek", line, pos),
            Region = region,
            ExtensionData = ext,
        };
    }

    private Period ReadPeriod(ref JsonCursor j)
    {
        var (line, pos) = StartRecord(ref j);
        string? id = null, name = null;
        PeriodKind? kind = null;
        DateTime? start = null, end = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(ref j, out var prop))
        {
            switch (prop)
            {
                case N.Id: id = PoolRequiredId(ref j); break;
                case N.Name: name = ReadString(ref j); break;
                case N.Kind: kind = ReadEnum<PeriodKind>(ref j); break;
                case N.Start: start = ReadDate(ref j); break;
                case N.End: end = ReadDate(ref j); break;
                default: AddExtension(ref j, ref ext, CurrentName); break;
            }
        }

        return new Period
        {
            Id = id ?? throw Missing(ref j, "id", line, pos),
            Name = name ?? "",
            Kind = kind ?? throw Missing(ref j, "kind", line, pos),
            Start = start ?? throw Missing(ref j, "start", line, pos),
            End = end ?? throw Missing(ref j, "end", line, pos),
            ExtensionData = ext,
        };
    }

    private Vacation ReadVacation(ref JsonCursor j)
    {
        var (line, pos) = StartRecord(ref j);
        string? name = null;
        DateTime? start = null, end = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(ref j, out var prop))
        {
            switch (prop)
            {
                case N.Start: start = ReadDate(ref j); break;
                case N.End: end = ReadDate(ref j); break;
                case N.Name: name = ReadString(ref j); break;
                default: AddExtension(ref j, ref ext, CurrentName); break;
            }
        }

        return new Vacation
        {
            Start = start ?? throw Missing(ref j, "start", line, pos),
            End = end ?? throw Missing(ref j, "end", line, pos),
            Name = name ?? "",
            ExtensionData = ext,
        };
    }

    private Subject ReadSubject(ref JsonCursor j)
    {
        var (line, pos) = StartRecord(ref j);
        string? id = null, name = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(ref j, out var prop))
        {
            switch (prop)
            {
                case N.Id: id = PoolRequiredId(ref j); break;
                case N.Name: name = ReadString(ref j); break;
                default: AddExtension(ref j, ref ext, CurrentName); break;
            }
        }

        return new Subject { Id = id ?? throw Missing(ref j, "id", line, pos), Name = name ?? "", ExtensionData = ext };
    }

    private SchoolClass ReadClass(ref JsonCursor j)
    {
        var (line, pos) = StartRecord(ref j);
        string? id = null, name = null, homeroom = null;
        int? grade = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(ref j, out var prop))
        {
            switch (prop)
            {
                case N.Id: id = PoolRequiredId(ref j); break;
                case N.Name: name = ReadString(ref j); break;
                case N.Grade: grade = ReadInt(ref j); break;
                case N.HomeroomTeacherId: homeroom = PoolId(ref j); break;
                default: AddExtension(ref j, ref ext, CurrentName); break;
            }
        }

        return new SchoolClass
        {
            Id = id ?? throw Missing(ref j, "id", line, pos),
            Name = name ?? "",
            Grade = grade,
            HomeroomTeacherId = homeroom,
            ExtensionData = ext,
        };
    }

    private Student ReadStudent(ref JsonCursor j)
    {
        var (line, pos) = StartRecord(ref j);
        string? id = null, name = null, classId = null;
        DateTime? enrolledOn = null, leftOn = null;
        bool? consent = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(ref j, out var prop))
        {
            switch (prop)
            {
                case N.Id: id = PoolRequiredId(ref j); break;
                case N.Name: name = ReadString(ref j); break;
                case N.ClassId: classId = PoolRequiredId(ref j); break;
                case N.EnrolledOn: enrolledOn = ReadDate(ref j); break;
                case N.LeftOn: leftOn = ReadDate(ref j); break;
                case N.Consent: consent = ReadBool(ref j); break;
                default: AddExtension(ref j, ref ext, CurrentName); break;
            }
        }

        return new Student
        {
            Id = id ?? throw Missing(ref j, "id", line, pos),
            Name = name ?? "",
            ClassId = classId ?? throw Missing(ref j, "classId", line, pos),
            EnrolledOn = enrolledOn,
            LeftOn = leftOn,
            Consent = consent,
            ExtensionData = ext,
        };
    }

    private StaffMember ReadStaff(ref JsonCursor j)
    {
        var (line, pos) = StartRecord(ref j);
        string? id = null, name = null;
        List<StaffRole>? roles = null;
        DateTime? employedUntil = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(ref j, out var prop))
        {
            switch (prop)
            {
                case N.Id: id = PoolRequiredId(ref j); break;
                case N.Name: name = ReadString(ref j); break;
                case N.Roles: roles = ReadRoles(ref j); break;
                case N.EmployedUntil: employedUntil = ReadDate(ref j); break;
                default: AddExtension(ref j, ref ext, CurrentName); break;
            }
        }

        return new StaffMember
        {
            Id = id ?? throw Missing(ref j, "id", line, pos),
            Name = name ?? "",
            Roles = (IReadOnlyList<StaffRole>?)roles ?? Array.Empty<StaffRole>(),
            EmployedUntil = employedUntil,
            ExtensionData = ext,
        };
    }

    private Lesson ReadLesson(ref JsonCursor j)
    {
        var (line, pos) = StartRecord(ref j);
        string? id = null, classId = null, subjectId = null, teacherId = null, substituteId = null, groupId = null;
        string? topic = null, homework = null, comment = null;
        DateTime? date = null;
        TimeSpan? start = null, end = null;
        LessonKind? kind = null;
        bool? held = null;
        DateTimeOffset? heldAt = null, topicAt = null, topicAfter = null, homeworkAt = null, homeworkAfter = null, commentAt = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(ref j, out var prop))
        {
            switch (prop)
            {
                case N.Id: id = PoolRequiredId(ref j); break;
                case N.ClassId: classId = PoolRequiredId(ref j); break;
                case N.SubjectId: subjectId = PoolRequiredId(ref j); break;
                case N.TeacherId: teacherId = PoolId(ref j); break;
                case N.SubstituteId: substituteId = PoolId(ref j); break;
                case N.GroupId: groupId = PoolId(ref j); break;
                case N.Date: date = ReadDate(ref j); break;
                case N.Start: start = ReadTime(ref j); break;
                case N.End: end = ReadTime(ref j); break;
                case N.Kind: kind = ReadEnum<LessonKind>(ref j); break;
                case N.Held: held = ReadBool(ref j); break;
                case N.HeldAt: heldAt = ReadTimestamp(ref j); break;
                case N.Topic: topic = PoolText(ref j); break;
                case N.TopicEnteredAt: topicAt = ReadTimestamp(ref j); break;
                case N.TopicEnteredAfter: topicAfter = ReadTimestamp(ref j); break;
                case N.Homework: homework = PoolText(ref j); break;
                case N.HomeworkEnteredAt: homeworkAt = ReadTimestamp(ref j); break;
                case N.HomeworkEnteredAfter: homeworkAfter = ReadTimestamp(ref j); break;
                case N.Comment: comment = ReadString(ref j); break;
                case N.CommentEnteredAt: commentAt = ReadTimestamp(ref j); break;
                default: AddExtension(ref j, ref ext, CurrentName); break;
            }
        }

        return new Lesson
        {
            Id = id ?? throw Missing(ref j, "id", line, pos),
            ClassId = classId ?? throw Missing(ref j, "classId", line, pos),
            SubjectId = subjectId ?? throw Missing(ref j, "subjectId", line, pos),
            TeacherId = teacherId ?? "",
            SubstituteId = substituteId,
            GroupId = groupId,
            Date = date ?? throw Missing(ref j, "date", line, pos),
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

    private Absence ReadAbsence(ref JsonCursor j)
    {
        var (line, pos) = StartRecord(ref j);
        string? lessonId = null, studentId = null, enteredBy = null;
        AbsenceReason? reason = null;
        bool? late = null;
        DateTimeOffset? enteredAt = null, enteredAfter = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(ref j, out var prop))
        {
            switch (prop)
            {
                case N.LessonId: lessonId = PoolRequiredId(ref j); break;
                case N.StudentId: studentId = PoolRequiredId(ref j); break;
                case N.Reason: reason = ReadEnum<AbsenceReason>(ref j); break;
                case N.Late: late = ReadBool(ref j); break;
                case N.EnteredAt: enteredAt = ReadTimestamp(ref j); break;
                case N.EnteredAfter: enteredAfter = ReadTimestamp(ref j); break;
                case N.EnteredBy: enteredBy = PoolId(ref j); break;
                default: AddExtension(ref j, ref ext, CurrentName); break;
            }
        }

        return new Absence
        {
            LessonId = lessonId ?? throw Missing(ref j, "lessonId", line, pos),
            StudentId = studentId ?? throw Missing(ref j, "studentId", line, pos),
            Reason = reason ?? AbsenceReason.Unknown,
            Late = late ?? false,
            EnteredAt = enteredAt,
            EnteredAfter = enteredAfter,
            EnteredBy = enteredBy,
            ExtensionData = ext,
        };
    }

    private Mark ReadMark(ref JsonCursor j)
    {
        var (line, pos) = StartRecord(ref j);
        string? id = null, studentId = null, subjectId = null, lessonId = null, periodId = null, value = null, enteredBy = null;
        DateTime? date = null;
        MarkKind? kind = null;
        decimal? weight = null;
        DateTimeOffset? enteredAt = null, enteredAfter = null;
        List<MarkRevision>? revisions = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(ref j, out var prop))
        {
            switch (prop)
            {
                case N.Id: id = ReadRequiredId(ref j); break;
                case N.StudentId: studentId = PoolRequiredId(ref j); break;
                case N.SubjectId: subjectId = PoolRequiredId(ref j); break;
                case N.LessonId: lessonId = PoolId(ref j); break;
                case N.Date: date = ReadDate(ref j); break;
                case N.Kind: kind = ReadEnum<MarkKind>(ref j); break;
                case N.PeriodId: periodId = PoolId(ref j); break;
                case N.Value: value = PoolString(ref j); break;
                case N.Weight: weight = ReadDecimal(ref j); break;
                case N.EnteredAt: enteredAt = ReadTimestamp(ref j); break;
                case N.EnteredAfter: enteredAfter = ReadTimestamp(ref j); break;
                case N.EnteredBy: enteredBy = PoolId(ref j); break;
                case N.Revisions: revisions = ReadArray(ref j, ReadRevision); break;
                default: AddExtension(ref j, ref ext, CurrentName); break;
            }
        }

        return new Mark
        {
            Id = id ?? throw Missing(ref j, "id", line, pos),
            StudentId = studentId ?? throw Missing(ref j, "studentId", line, pos),
            SubjectId = subjectId ?? throw Missing(ref j, "subjectId", line, pos),
            LessonId = lessonId,
            Date = date ?? throw Missing(ref j, "date", line, pos),
            Kind = kind ?? throw Missing(ref j, "kind", line, pos),
            PeriodId = periodId,
            Value = value ?? throw Missing(ref j, "value", line, pos),
            Weight = weight,
            EnteredAt = enteredAt,
            EnteredAfter = enteredAfter,
            EnteredBy = enteredBy,
            Revisions = (IReadOnlyList<MarkRevision>?)revisions ?? Array.Empty<MarkRevision>(),
            ExtensionData = ext,
        };
    }

    private MarkRevision ReadRevision(ref JsonCursor j)
    {
        var (line, pos) = StartRecord(ref j);
        DateTimeOffset? at = null, after = null;
        string? by = null, from = null, to = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(ref j, out var prop))
        {
            switch (prop)
            {
                case N.At: at = ReadTimestamp(ref j); break;
                case N.After: after = ReadTimestamp(ref j); break;
                case N.By: by = PoolId(ref j); break;
                case N.From: from = PoolString(ref j); break;
                case N.To: to = PoolString(ref j); break;
                default: AddExtension(ref j, ref ext, CurrentName); break;
            }
        }

        return new MarkRevision
        {
            At = at ?? throw Missing(ref j, "at", line, pos),
            After = after,
            By = by,
            From = from ?? "",
            To = to ?? throw Missing(ref j, "to", line, pos),
            ExtensionData = ext,
        };
    }

    private Plan ReadPlan(ref JsonCursor j)
    {
        var (line, pos) = StartRecord(ref j);
        string? classId = null, subjectId = null;
        decimal? planned = null, curriculum = null;
        DateTimeOffset? enteredAt = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(ref j, out var prop))
        {
            switch (prop)
            {
                case N.ClassId: classId = PoolRequiredId(ref j); break;
                case N.SubjectId: subjectId = PoolRequiredId(ref j); break;
                case N.PlannedHours: planned = ReadDecimal(ref j); break;
                case N.CurriculumHours: curriculum = ReadDecimal(ref j); break;
                case N.EnteredAt: enteredAt = ReadTimestamp(ref j); break;
                default: AddExtension(ref j, ref ext, CurrentName); break;
            }
        }

        return new Plan
        {
            ClassId = classId ?? throw Missing(ref j, "classId", line, pos),
            SubjectId = subjectId ?? throw Missing(ref j, "subjectId", line, pos),
            PlannedHours = planned,
            CurriculumHours = curriculum,
            EnteredAt = enteredAt,
            ExtensionData = ext,
        };
    }

    private GiaResult ReadGiaResult(ref JsonCursor j)
    {
        var (line, pos) = StartRecord(ref j);
        string? studentId = null, subjectId = null, value = null;
        DateTime? announcedOn = null;
        DateTimeOffset? enteredAt = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(ref j, out var prop))
        {
            switch (prop)
            {
                case N.StudentId: studentId = PoolRequiredId(ref j); break;
                case N.SubjectId: subjectId = PoolRequiredId(ref j); break;
                case N.Value: value = PoolString(ref j); break;
                case N.AnnouncedOn: announcedOn = ReadDate(ref j); break;
                case N.EnteredAt: enteredAt = ReadTimestamp(ref j); break;
                default: AddExtension(ref j, ref ext, CurrentName); break;
            }
        }

        return new GiaResult
        {
            StudentId = studentId ?? throw Missing(ref j, "studentId", line, pos),
            SubjectId = subjectId ?? throw Missing(ref j, "subjectId", line, pos),
            Value = value ?? throw Missing(ref j, "value", line, pos),
            AnnouncedOn = announcedOn ?? throw Missing(ref j, "announcedOn", line, pos),
            EnteredAt = enteredAt,
            ExtensionData = ext,
        };
    }

    private Account ReadAccount(ref JsonCursor j)
    {
        var (line, pos) = StartRecord(ref j);
        string? id = null, personId = null;
        AccountRole? role = null;
        List<string>? studentIds = null;
        DateTimeOffset? createdAt = null, activatedAt = null, lastLoginAt = null;
        bool? active = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(ref j, out var prop))
        {
            switch (prop)
            {
                case N.Id: id = PoolRequiredId(ref j); break;
                case N.PersonId: personId = PoolId(ref j); break;
                case N.Role: role = ReadEnum<AccountRole>(ref j); break;
                case N.StudentIds: studentIds = ReadStringArray(ref j, ids: true); break;
                case N.CreatedAt: createdAt = ReadTimestamp(ref j); break;
                case N.ActivatedAt: activatedAt = ReadTimestamp(ref j); break;
                case N.Active: active = ReadBool(ref j); break;
                case N.LastLoginAt: lastLoginAt = ReadTimestamp(ref j); break;
                default: AddExtension(ref j, ref ext, CurrentName); break;
            }
        }

        return new Account
        {
            Id = id ?? throw Missing(ref j, "id", line, pos),
            PersonId = personId ?? "",
            Role = role ?? throw Missing(ref j, "role", line, pos),
            StudentIds = (IReadOnlyList<string>?)studentIds ?? Array.Empty<string>(),
            CreatedAt = createdAt,
            ActivatedAt = activatedAt,
            Active = active ?? false,
            LastLoginAt = lastLoginAt,
            ExtensionData = ext,
        };
    }

    private Login ReadLogin(ref JsonCursor j)
    {
        var (line, pos) = StartRecord(ref j);
        string? accountId = null;
        DateTimeOffset? at = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(ref j, out var prop))
        {
            switch (prop)
            {
                case N.AccountId: accountId = PoolRequiredId(ref j); break;
                case N.At: at = ReadTimestamp(ref j); break;
                default: AddExtension(ref j, ref ext, CurrentName); break;
            }
        }

        return new Login
        {
            AccountId = accountId ?? throw Missing(ref j, "accountId", line, pos),
            At = at ?? throw Missing(ref j, "at", line, pos),
            ExtensionData = ext,
        };
    }

    private Operation ReadOperation(ref JsonCursor j)
    {
        var (line, pos) = StartRecord(ref j);
        OperationKind? kind = null;
        DateTimeOffset? at = null;
        int? copies = null;
        string? scope = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(ref j, out var prop))
        {
            switch (prop)
            {
                case N.Kind: kind = ReadEnum<OperationKind>(ref j); break;
                case N.At: at = ReadTimestamp(ref j); break;
                case N.Copies: copies = ReadInt(ref j); break;
                case N.Scope: scope = ReadString(ref j); break;
                default: AddExtension(ref j, ref ext, CurrentName); break;
            }
        }

        return new Operation
        {
            Kind = kind ?? throw Missing(ref j, "kind", line, pos),
            At = at ?? throw Missing(ref j, "at", line, pos),
            Copies = copies,
            Scope = scope,
            ExtensionData = ext,
        };
    }

    private ArchiveRecord ReadArchiveRecord(ref JsonCursor j)
    {
        var (line, pos) = StartRecord(ref j);
        string? id = null, schoolYear = null, classId = null;
        ArchiveDocumentType? type = null;
        DateTime? archivedOn = null, destroyedOn = null;
        Dictionary<string, string>? ext = null;
        while (NextProperty(ref j, out var prop))
        {
            switch (prop)
            {
                case N.Id: id = ReadRequiredId(ref j); break;
                case N.DocumentType: type = ReadEnum<ArchiveDocumentType>(ref j); break;
                case N.SchoolYear: schoolYear = ReadString(ref j); break;
                case N.ClassId: classId = PoolId(ref j); break;
                case N.ArchivedOn: archivedOn = ReadDate(ref j); break;
                case N.DestroyedOn: destroyedOn = ReadDate(ref j); break;
                default: AddExtension(ref j, ref ext, CurrentName); break;
            }
        }

        return new ArchiveRecord
        {
            Id = id ?? throw Missing(ref j, "id", line, pos),
            DocumentType = type ?? throw Missing(ref j, "documentType", line, pos),
            SchoolYear = schoolYear ?? throw Missing(ref j, "schoolYear", line, pos),
            ClassId = classId,
            ArchivedOn = archivedOn ?? throw Missing(ref j, "archivedOn", line, pos),
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

    /// <summary>A string shared through the pool (a reference or a value that repeats), or null.</summary>
    private string? PoolString(ref JsonCursor j)
    {
        switch (j.Type)
        {
            case JsonTokenType.String: return j.GetPooled(_pool);
            case JsonTokenType.Null: return null;
            default: throw Expected(ref j, "a string");
        }
    }

    /// <summary>A lesson's topic or homework, shared through the text pool, or null.</summary>
    private string? PoolText(ref JsonCursor j)
    {
        switch (j.Type)
        {
            case JsonTokenType.String: return j.GetPooled(_texts);
            case JsonTokenType.Null: return null;
            default: throw Expected(ref j, "a string");
        }
    }

    /// <summary>An id shared through the pool, or null.</summary>
    private string? PoolId(ref JsonCursor j)
    {
        if (j.Type == JsonTokenType.String)
        {
            return j.GetPooled(_pool);
        }

        return ReadId(ref j);
    }

    /// <summary>A non-empty id shared through the pool, or null.</summary>
    private string? PoolRequiredId(ref JsonCursor j)
    {
        if (j.Type == JsonTokenType.String && j.Raw.Length > 0)
        {
            return j.GetPooled(_pool);
        }

        return ReadRequiredId(ref j);
    }

    private string? ReadString(ref JsonCursor j)
    {
        switch (j.Type)
        {
            case JsonTokenType.String: return j.GetString();
            case JsonTokenType.Null: return null;
            default: throw Expected(ref j, "a string");
        }
    }

    private string? ReadId(ref JsonCursor j)
    {
        switch (j.Type)
        {
            case JsonTokenType.String: return j.GetString();
            case JsonTokenType.Null: return null;
            case JsonTokenType.Number:
                throw Error(ref j, "expected a string id, found " + j.TypeName() + " (ids must be JSON strings: numbers lose digits beyond 2^53)");
            default: throw Expected(ref j, "a string id");
        }
    }

    private string? ReadRequiredId(ref JsonCursor j)
    {
        var id = ReadId(ref j);
        if (id is not null && id.Length == 0)
        {
            throw Error(ref j, "an id must not be empty");
        }

        return id;
    }

    private DateTime? ReadDate(ref JsonCursor j)
    {
        if (j.Type == JsonTokenType.String && !j.IsEscaped)
        {
            if (SnapshotUtf8.TryParseDate(j.Raw, out var parsed))
            {
                return parsed;
            }
        }
        else if (j.Type == JsonTokenType.String && SnapshotText.TryParseDate(j.GetString(), out var unescaped))
        {
            return unescaped;
        }

        var s = ReadString(ref j);
        return s is null ? null : throw Error(ref j, "expected a date YYYY-MM-DD, found \"" + s + "\"");
    }

    private TimeSpan? ReadTime(ref JsonCursor j)
    {
        if (j.Type == JsonTokenType.String && !j.IsEscaped)
        {
            if (SnapshotUtf8.TryParseTime(j.Raw, out var parsed))
            {
                return parsed;
            }
        }
        else if (j.Type == JsonTokenType.String && SnapshotText.TryParseTime(j.GetString(), out var unescaped))
        {
            return unescaped;
        }

        var s = ReadString(ref j);
        return s is null ? null : throw Error(ref j, "expected a time of day HH:mm, found \"" + s + "\"");
    }

    private DateTimeOffset? ReadTimestamp(ref JsonCursor j)
    {
        if (j.Type == JsonTokenType.Null)
        {
            return null;
        }

        DateTimeOffset value;
        var result = j.Type == JsonTokenType.String && !j.IsEscaped
            ? SnapshotUtf8.TryParseTimestamp(j.Raw, out value)
            : SnapshotText.TryParseTimestamp(ReadString(ref j)!, out value);
        switch (result)
        {
            case SnapshotText.StampResult.Ok:
                return value;
            case SnapshotText.StampResult.NoOffset:
                var s = j.GetString();
                throw Error(ref j, "timestamp needs an offset, e.g. \"" + s + "+03:00\" or \"" + s + "Z\"");
            default:
                throw Error(ref j, "expected a timestamp like 2024-10-01T18:05:00+05:00, found \"" + j.GetString() + "\"");
        }
    }

    private decimal? ReadDecimal(ref JsonCursor j)
    {
        switch (j.Type)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                return j.TryGetDecimal(out var d) ? d : throw Error(ref j, "number out of range: " + j.RawText());
            default:
                throw Expected(ref j, "a number");
        }
    }

    private int? ReadInt(ref JsonCursor j)
    {
        switch (j.Type)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when j.IsInteger():
                return j.TryGetInt32(out var i) ? i : throw Error(ref j, "integer out of range: " + j.RawText());
            default:
                throw Expected(ref j, "an integer");
        }
    }

    private bool? ReadBool(ref JsonCursor j)
    {
        switch (j.Type)
        {
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.Null: return null;
            default: throw Expected(ref j, "true or false");
        }
    }

    private T? ReadEnum<T>(ref JsonCursor j)
        where T : struct, Enum
    {
        if (j.Type == JsonTokenType.String && !j.IsEscaped)
        {
            var raw = j.Raw;
            var utf8 = EnumNames<T>.Utf8;
            for (var i = 0; i < utf8.Length; i++)
            {
                if (raw.SequenceEqual(utf8[i]))
                {
                    return EnumNames<T>.Values[i];
                }
            }
        }

        var s = ReadString(ref j);
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

        throw Error(ref j, "unknown value \"" + s + "\"; expected one of: " + string.Join(", ", names));
    }

    private List<string>? ReadStringArray(ref JsonCursor j, bool ids)
    {
        if (j.Type == JsonTokenType.Null)
        {
            return null;
        }

        if (j.Type != JsonTokenType.StartArray)
        {
            throw Expected(ref j, "an array");
        }

        var list = new List<string>();
        while (true)
        {
            Next(ref j);
            if (j.Type == JsonTokenType.EndArray)
            {
                return list;
            }

            list.Add((ids ? PoolRequiredId(ref j) : PoolString(ref j)) ?? throw Error(ref j, "null is not allowed in this list"));
        }
    }

    private List<StaffRole>? ReadRoles(ref JsonCursor j)
    {
        if (j.Type == JsonTokenType.Null)
        {
            return null;
        }

        if (j.Type != JsonTokenType.StartArray)
        {
            throw Expected(ref j, "an array");
        }

        var list = new List<StaffRole>();
        while (true)
        {
            Next(ref j);
            if (j.Type == JsonTokenType.EndArray)
            {
                return list;
            }

            list.Add(ReadEnum<StaffRole>(ref j) ?? throw Error(ref j, "null is not allowed in this list"));
        }
    }

    // ---------------------------------------------------------------- tokens

    /// <summary>Reads the next token (comments are skipped by the reader); false at the end of the input.</summary>
    private static bool ReadToken(ref JsonCursor j) => j.Read();

    /// <summary>Reads the next token; the end of the input is an error.</summary>
    private void Next(ref JsonCursor j)
    {
        if (!j.Read())
        {
            throw Error(ref j, "unexpected end of the document");
        }
    }

    /// <summary>Checks that the current token opens an object and returns its line and position.</summary>
    private (int Line, int Position) StartRecord(ref JsonCursor j)
    {
        if (j.Type != JsonTokenType.StartObject)
        {
            throw Expected(ref j, "an object");
        }

        return _in.Locate(j.TokenIndex);
    }

    /// <summary>
    /// Moves to the next property's value; false at the end of the object. <paramref name="name"/> is the
    /// name's number in <see cref="SnapshotNames"/> (-1 for a name the format does not define), and
    /// <see cref="CurrentName"/> its text.
    /// </summary>
    private bool NextProperty(ref JsonCursor j, out int name)
    {
        Next(ref j);
        if (j.Type == JsonTokenType.EndObject)
        {
            name = -1;
            return false;
        }

        name = _in.NameId;
        _nameId = name;
        if (name < 0)
        {
            _otherName = _in.Name;
        }

        Next(ref j);
        return true;
    }

    /// <summary>The text of the property name <see cref="NextProperty"/> read last.</summary>
    private string CurrentName => _nameId >= 0 ? KnownNames[_nameId] : _otherName ?? "";

    /// <summary>Copies the current value (and its subtree) as compact JSON text into the extension data.</summary>
    private void AddExtension(ref JsonCursor j, ref Dictionary<string, string>? ext, string name)
    {
        ext ??= new Dictionary<string, string>(StringComparer.Ordinal);
        ext[name] = CaptureRaw(ref j);
    }

    /// <summary>
    /// The current value as compact JSON: the tokens' own text (strings keep their escapes, numbers their
    /// spelling), joined without white space.
    /// </summary>
    private string CaptureRaw(ref JsonCursor j)
    {
        _raw.SetLength(0);
        var depth = 0;
        var comma = false;
        while (true)
        {
            switch (j.Type)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    Separate(ref comma);
                    _raw.WriteByte(j.Type == JsonTokenType.StartObject ? (byte)'{' : (byte)'[');
                    depth++;
                    comma = false;
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    _raw.WriteByte(j.Type == JsonTokenType.EndObject ? (byte)'}' : (byte)']');
                    depth--;
                    comma = true;
                    break;
                case JsonTokenType.PropertyName:
                    Separate(ref comma);
                    WriteQuoted(j.Raw);
                    _raw.WriteByte((byte)':');
                    comma = false;
                    break;
                case JsonTokenType.String:
                    Separate(ref comma);
                    WriteQuoted(j.Raw);
                    comma = true;
                    break;
                default:
                    Separate(ref comma);
                    WriteRaw(j.Raw);
                    comma = true;
                    break;
            }

            if (depth == 0)
            {
                break;
            }

            Next(ref j);
        }

        return JsonInput.StrictUtf8.GetString(_raw.GetBuffer(), 0, (int)_raw.Length);
    }

    private void Separate(ref bool comma)
    {
        if (comma)
        {
            _raw.WriteByte((byte)',');
        }
    }

    private void WriteQuoted(ReadOnlySpan<byte> raw)
    {
        _raw.WriteByte((byte)'"');
        WriteRaw(raw);
        _raw.WriteByte((byte)'"');
    }

    private void WriteRaw(ReadOnlySpan<byte> raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            _raw.WriteByte(raw[i]);
        }
    }

    // ---------------------------------------------------------------- errors

    private SnapshotFormatException Error(ref JsonCursor j, string problem)
    {
        var (line, pos) = _in.Locate(j.TokenIndex);
        return new(problem, _in.Path(), line, pos, _file);
    }

    private SnapshotFormatException Expected(ref JsonCursor j, string what) => Error(ref j, "expected " + what + ", found " + j.TypeName());

    /// <summary>A missing required field of the record that ends at the current token.</summary>
    private SnapshotFormatException Missing(ref JsonCursor j, string field, int line, int pos) =>
        new("required field \"" + field + "\" is missing or null", _in.Path() + "." + field, line, pos, _file);

    /// <summary>The path of element <paramref name="index"/> of the array whose element is at <paramref name="elementPath"/>.</summary>
    private static string Index(string elementPath, int index)
    {
        var bracket = elementPath.LastIndexOf('[');
        return elementPath.Substring(0, bracket) + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
    }

    /// <summary>Removes System.Text.Json's " LineNumber: n | BytePositionInLine: m." suffix: the exception carries those separately.</summary>
    private static string StripLocation(string message)
    {
        var i = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return i > 0 ? message.Substring(0, i).TrimEnd('.', ' ') : message;
    }

    /// <summary>The <see cref="JsonNames"/> spellings of an enumeration as arrays, so parsing does not box.</summary>
    private static class EnumNames<T>
        where T : struct, Enum
    {
        internal static readonly string[] Names = Build(out Values, out Utf8);

        internal static readonly T[] Values;

        internal static readonly byte[][] Utf8;

        private static string[] Build(out T[] values, out byte[][] utf8)
        {
            var names = new string[JsonNames.AllOf<T>().Count];
            values = new T[names.Length];
            utf8 = new byte[names.Length][];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = JsonNames.AllOf<T>()[i];
                utf8[i] = Encoding.UTF8.GetBytes(names[i]);
                JsonNames.TryParse(names[i], out values[i]);
            }

            return names;
        }
    }
}
