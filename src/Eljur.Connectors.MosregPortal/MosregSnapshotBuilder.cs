using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Model;
using Eljur.Connectors.Shared;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace Eljur.Connectors.MosregPortal;

/// <summary>An edu-group: a class, or a subgroup of one (<see cref="ClassId"/> is then the parent class).</summary>
internal sealed record PortalGroup(string Id, string Name, bool IsClass, string ClassId, int? Grade);

/// <summary>A work type of <c>work-types/{school}</c>: what a numeric <c>workType</c> means.</summary>
internal sealed record PortalWorkType(string Id, string? Kind, string? Title, string? Abbr);

/// <summary>One final mark, from either shape of <c>final-marks</c>; <see cref="PeriodId"/> null is the year mark.</summary>
internal sealed record PortalFinalMark(string? StudentId, string? SubjectId, string? PeriodId, JToken Mark);

/// <summary>
/// Turns the portal's answers into one <see cref="GradebookSnapshot"/>. The decisions are
/// documented in <c>docs/connectors/mosreg.md</c>; the output depends only on the answers, never on
/// the order in which concurrent calls completed, and no record appears twice.
/// </summary>
internal sealed class MosregSnapshotBuilder
{
    /// <summary>Work types (codes or Russian names, lower case) that are written work; everything else is current.</summary>
    internal static readonly string[] WrittenWorkTypes =
    {
        "controlwork", "testwork", "test", "independentwork", "verificationwork", "dictation", "essay", "exposition",
        "laboratorywork", "practicalwork", "writtenwork", "creativework",
    };

    internal static readonly string[] WrittenWorkStems = { "контрольн", "проверочн", "самостоятельн", "письменн", "диктант", "сочинени", "изложени", "тест", "лабораторн", "практическ" };

    /// <summary>Abbreviations of written work types (<c>abbr</c> of <c>work-types</c>).</summary>
    internal static readonly string[] WrittenWorkAbbreviations = { "кр", "ср", "пр", "лр", "кд", "тест", "дикт", "соч", "изл" };

    // ------------------------------------------------------------------ what is read of each answer
    //
    // Each answer is built into JSON only as far as its shape keeps it (see JsonShape): a record of
    // the answer's object or of each element of its list, with every property the Add method below
    // and, for records kept raw (lessons, marks, works, periods, final marks, log entries), the Build
    // methods read; a field read but missing here would silently read as absent. MosregJson.Id(x, "n")
    // reads "n_str" and "n" (an object there is kept whole: Id reads its own id).

    /// <summary>What <see cref="AddSchool"/> reads of <c>schools/{school}</c>.</summary>
    internal static readonly JsonShape SchoolAnswer = JsonShape.Parse("{id, id_str, fullName, name, timeZone}");

    /// <summary>What <see cref="AddWorkTypes"/> reads of <c>work-types/{school}</c>.</summary>
    internal static readonly JsonShape WorkTypesAnswer = JsonShape.Parse("{id, id_str, kind, title, abbr}");

    /// <summary>What <see cref="AddPeople"/> and <see cref="AddStudents"/> read of a person (<see cref="PersonName"/>).</summary>
    internal static readonly JsonShape PeopleAnswer = JsonShape.Parse("{id, id_str, shortName, lastName, firstName, middleName, name}");

    /// <summary>What <see cref="AddGroups"/> reads of <c>schools/{school}/edu-groups</c>.</summary>
    internal static readonly JsonShape GroupsAnswer = JsonShape.Parse("{id, id_str, name, type, parallel, parentIds, parentIds_str}");

    /// <summary>What <see cref="AddSubjects"/> reads of <c>edu-groups/{group}/subjects</c>.</summary>
    internal static readonly JsonShape SubjectsAnswer = JsonShape.Parse("{id, id_str, name}");

    /// <summary>What <see cref="AddPeriods"/> and <see cref="BuildPeriods"/> read of <c>edu-groups/{group}/reporting-periods</c>.</summary>
    internal static readonly JsonShape PeriodsAnswer = JsonShape.Parse("{id, id_str, start, finish, end, name, type, number}");

    /// <summary>A final mark as <see cref="AddFinalMarks"/> and <see cref="BuildFinalMarks"/> read it.</summary>
    private const string FinalMark = "id, id_str, person, person_str, subject, subject_str, value, textValue, date";

    /// <summary>
    /// What <see cref="AddFinalMarks"/> reads of <c>edu-groups/{group}/final-marks</c>: a record per
    /// person and period with the marks nested per subject, or a flat record that is itself the mark.
    /// </summary>
    internal static readonly JsonShape FinalMarksAnswer = JsonShape.Parse(
        "{" + FinalMark + ", reportingPeriod, reportingPeriod_str, period, period_str, "
        + "per-subject-final-marks: {subject, subject_str, final-mark: {" + FinalMark + "}, finalMark: {" + FinalMark + "}}}");

    /// <summary>A work as <see cref="AddWork"/>, <see cref="BuildLessons"/>, <see cref="BuildMarks"/> and <see cref="WorkTypeOf"/> read it.</summary>
    private const string Work = "{id, id_str, type, text, lesson, lesson_str, workType}";

    /// <summary>What <see cref="AddWork"/> reads of <c>works/{work}</c>.</summary>
    internal static readonly JsonShape WorkAnswer = JsonShape.Parse(Work);

    /// <summary>
    /// What <see cref="AddLessons"/>, <see cref="TaughtSubjects"/>, <see cref="WorksToFetch"/>,
    /// <see cref="TeachersToFetch"/> and <see cref="BuildLessons"/> read of
    /// <c>edu-groups/{group}/lessons</c>: works and teachers are ids or objects.
    /// </summary>
    internal static readonly JsonShape LessonsAnswer = JsonShape.Parse(
        "{id, id_str, date, status, title, number, subject, subject_str, teachers: {id, id_str, shortName, name}, works: " + Work + "}");

    /// <summary>What <see cref="AddMarks"/>, <see cref="WorksToFetch"/> and <see cref="BuildMarks"/> read of <c>edu-groups/{group}/marks</c>.</summary>
    internal static readonly JsonShape MarksAnswer = JsonShape.Parse(
        "{id, id_str, value, textValue, person, person_str, work, work_str, lesson, lesson_str, date, workType}");

    /// <summary>What <see cref="BuildAbsences"/> reads of <c>lesson-log-entries/group</c>.</summary>
    internal static readonly JsonShape LogEntriesAnswer = JsonShape.Parse("{lesson, lesson_str, person, person_str, status, createdDate}");

    private readonly MosregPortalOptions _options;
    private readonly DateTime _from;
    private readonly DateTime _to;
    private readonly ILogger _log;
    private readonly Dictionary<string, PortalGroup> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Student> _students = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _subjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JToken> _periods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (PortalGroup Group, DateTime Window, JToken Raw)> _lessons = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JToken> _marks = new(StringComparer.Ordinal);
    private readonly List<PortalFinalMark> _finals = new();
    private readonly Dictionary<string, PortalWorkType> _workTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unknownWorkTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _people = new(StringComparer.Ordinal);
    private readonly List<UnmappedRecord> _unmapped = new();
    private readonly Dictionary<string, JToken> _works = new(StringComparer.Ordinal);
    private readonly List<JToken> _logEntries = new();
    private readonly Dictionary<string, string> _teachers = new(StringComparer.Ordinal);
    private string _schoolName = "";
    private string _schoolId = "";
    private TimeZoneInfo _zone;

    public MosregSnapshotBuilder(MosregPortalOptions options, string schoolId, DateTime from, DateTime to, ILogger log)
    {
        _options = options;
        _from = from.Date;
        _to = to.Date;
        _log = log;
        _schoolId = schoolId;
        ZoneId = options.TimeZone?.Trim() ?? PortalTimeZone.Default;
        _zone = Eljur.Abstractions.Time.SchoolTimeZone.Resolve(ZoneId);
    }

    /// <summary>The school's IANA zone: the option when set, else the school's own <c>timeZone</c>, else Moscow.</summary>
    public string ZoneId { get; private set; }

    public TimeZoneInfo Zone => _zone;

    public void AddSchool(JToken school)
    {
        _schoolId = MosregJson.Id(school) ?? _schoolId;
        _schoolName = MosregJson.Text(school, "fullName") is { Length: > 0 } full ? full : MosregJson.Text(school, "name") ?? "";

        // timeZone arrives as an int (hours from UTC); the option, when set, wins.
        if (_options.TimeZone is null && PortalTimeZone.FromSchool(MosregJson.Get(school, "timeZone")) is { } zone)
        {
            try
            {
                _zone = Eljur.Abstractions.Time.SchoolTimeZone.Resolve(zone);
                ZoneId = zone;
            }
            catch (ArgumentException)
            {
                Log.Drop(_log, $"the school's timeZone «{zone}» is not a known zone; {ZoneId} is used");
            }
        }
    }

    /// <summary>The school's work types (<c>work-types/{school}</c>): what the numeric <c>workType</c> of marks and works means.</summary>
    public void AddWorkTypes(JToken answer)
    {
        foreach (var t in MosregJson.Items(answer))
        {
            if (MosregJson.Id(t) is { } id)
            {
                _workTypes[id] = new PortalWorkType(id, MosregJson.Text(t, "kind")?.Trim(), MosregJson.Text(t, "title")?.Trim(), MosregJson.Text(t, "abbr")?.Trim());
            }
        }
    }

    /// <summary>People of <c>schools/{s}/people</c> or one of <c>persons/{p}</c>: the names of teachers (a person's <c>userId</c> may be null).</summary>
    public void AddPeople(JToken answer)
    {
        foreach (var p in MosregJson.Items(answer))
        {
            if (MosregJson.Id(p) is { } id && PersonName(p) is { } name)
            {
                _people[id] = name;
            }
        }
    }

    /// <summary>Teachers of lessons in range whose name neither the lesson nor the people list gave: fetched one by one.</summary>
    public IEnumerable<string> TeachersToFetch() =>
        _lessons.Values
            .Where(l => LessonDate(l.Raw) is { } d && d >= _from && d <= _to)
            .SelectMany(l => MosregJson.Items(MosregJson.Get(l.Raw, "teachers")).Take(1))
            .Select(MosregJson.IdOf)
            .Where(id => id is not null && !_people.ContainsKey(id) && !_teachers.ContainsKey(id))
            .Select(id => id!)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(id => id, StringComparer.Ordinal);

    /// <summary>Records the connector could not map so far.</summary>
    public IReadOnlyList<UnmappedRecord> Unmapped => _unmapped;

    private void Unmappable(string kind, string? vendorId, string reason)
    {
        _unmapped.Add(new UnmappedRecord { Kind = kind, VendorId = vendorId ?? "без идентификатора", Reason = reason });
        Log.Drop(_log, $"{kind} {vendorId}: {reason}");
    }

    private static string? PersonName(JToken p)
    {
        var name = MosregJson.Text(p, "shortName")?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            name = string.Join(" ", new[] { "lastName", "firstName", "middleName" }.Select(n => MosregJson.Text(p, n)?.Trim()).Where(n => !string.IsNullOrEmpty(n)));
        }

        if (string.IsNullOrEmpty(name))
        {
            name = MosregJson.Text(p, "name")?.Trim();
        }

        return string.IsNullOrEmpty(name) ? null : name;
    }

    /// <summary>
    /// Reads the edu-groups: a group with a parent (<c>parentIds</c>) or of type <c>Subgroup</c> is a
    /// subgroup of its parent class; the rest are classes. A filter keeps the classes whose name or id
    /// it names, and their subgroups.
    /// </summary>
    public IReadOnlyList<PortalGroup> AddGroups(JToken answer, IReadOnlyList<string>? filter)
    {
        var raw = MosregJson.Items(answer).ToList();
        var parents = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var g in raw)
        {
            if (MosregJson.Id(g) is not { } id)
            {
                Unmappable("group", MosregJson.Text(g, "name"), "класс или группа без идентификатора");
                continue;
            }

            var parent = MosregJson.Items(MosregJson.Get(g, "parentIds_str")).Select(MosregJson.Text).FirstOrDefault(p => !string.IsNullOrWhiteSpace(p))
                ?? MosregJson.Items(MosregJson.Get(g, "parentIds")).Select(MosregJson.IdOf).FirstOrDefault(p => p is not null);
            var type = MosregJson.Text(g, "type") ?? "";
            var isSub = parent is not null || type.Equals("Subgroup", StringComparison.OrdinalIgnoreCase);
            var name = MosregJson.Text(g, "name")?.Trim() is { Length: > 0 } n ? n : id;
            parents[id] = isSub ? parent : null;
            _groups[id] = new PortalGroup(id, name, !isSub, isSub ? parent ?? "" : id, MosregJson.Int(g, "parallel") ?? GradeOf(name));
        }

        // A subgroup whose parent is not a class of this school cannot be placed.
        foreach (var sub in _groups.Values.Where(g => !g.IsClass).ToList())
        {
            if (!_groups.TryGetValue(sub.ClassId, out var parent) || !parent.IsClass)
            {
                Unmappable("group", sub.Id, $"группа «{sub.Name}» не относится ни к одному классу школы");
                _groups.Remove(sub.Id);
            }
        }

        var wanted = filter is { Count: > 0 } ? new HashSet<string>(filter, StringComparer.OrdinalIgnoreCase) : null;
        if (wanted is not null)
        {
            foreach (var g in _groups.Values.ToList())
            {
                var cls = _groups[g.ClassId];
                if (!wanted.Contains(cls.Name) && !wanted.Contains(cls.Id))
                {
                    _groups.Remove(g.Id);
                }
            }
        }

        if (!_groups.Values.Any(g => g.IsClass))
        {
            var what = wanted is null ? "no classes" : "none of the requested classes (" + string.Join(", ", filter!) + ")";
            throw new ConnectorException(MosregApiClient.ConnectorId, "schools/{school}/edu-groups", $"the school has {what}", ConnectorFailureKind.Vendor);
        }

        return _groups.Values.OrderBy(g => g.IsClass ? 0 : 1).ThenBy(g => g.Name, StringComparer.Ordinal).ThenBy(g => g.Id, StringComparer.Ordinal).ToList();
    }

    public void AddStudents(PortalGroup group, JToken answer)
    {
        foreach (var s in MosregJson.Items(answer))
        {
            if (MosregJson.Id(s) is not { } id || _students.ContainsKey(id))
            {
                continue;
            }

            _students[id] = new Student { Id = id, Name = PersonName(s) ?? "ученик " + id, ClassId = group.Id };
        }
    }

    public void AddSubjects(JToken answer)
    {
        foreach (var s in MosregJson.Items(answer))
        {
            if (MosregJson.Id(s) is { } id && MosregJson.Text(s, "name")?.Trim() is { Length: > 0 } name)
            {
                _subjects[id] = name;
            }
        }
    }

    public void AddPeriods(JToken answer)
    {
        foreach (var p in MosregJson.Items(answer))
        {
            if (MosregJson.Id(p) is { } id && !_periods.ContainsKey(id))
            {
                _periods[id] = p;
            }
        }
    }

    /// <summary>
    /// Final marks of a class. The portal answers one record per person and reporting period with the
    /// marks nested per subject (<c>per-subject-final-marks</c> → <c>final-mark</c>); a null
    /// <c>reportingPeriod</c> is the year mark. A flat record per mark (person, subject, reportingPeriod,
    /// value) is read too.
    /// </summary>
    public void AddFinalMarks(JToken answer)
    {
        foreach (var record in MosregJson.Items(answer))
        {
            var student = MosregJson.Id(record, "person");
            var period = MosregJson.Id(record, "reportingPeriod") ?? MosregJson.Id(record, "period");
            if (MosregJson.Get(record, "per-subject-final-marks") is not { } nested)
            {
                _finals.Add(new PortalFinalMark(student, MosregJson.Id(record, "subject"), period, record));
                continue;
            }

            foreach (var perSubject in MosregJson.Items(nested))
            {
                if ((MosregJson.Get(perSubject, "final-mark") ?? MosregJson.Get(perSubject, "finalMark")) is JObject mark)
                {
                    _finals.Add(new PortalFinalMark(student ?? MosregJson.Id(mark, "person"), MosregJson.Id(perSubject, "subject") ?? MosregJson.Id(mark, "subject"), period, mark));
                }
            }
        }
    }

    /// <summary>Lessons of one group and window; both lesson shapes (nested objects, or bare ids with <c>*_str</c>) are read.</summary>
    public void AddLessons(PortalGroup group, DateTime window, JToken answer)
    {
        foreach (var l in MosregJson.Items(answer))
        {
            if (MosregJson.Id(l) is not { } id)
            {
                Unmappable("lesson", null, $"урок группы «{group.Name}» без идентификатора");
                continue;
            }

            if (!_lessons.ContainsKey(id))
            {
                _lessons[id] = (group, window, l);
            }

            foreach (var w in MosregJson.Items(MosregJson.Get(l, "works")))
            {
                if (w is JObject work && MosregJson.Id(work) is { } workId && !_works.ContainsKey(workId))
                {
                    _works[workId] = work;
                }
            }

            foreach (var t in MosregJson.Items(MosregJson.Get(l, "teachers")))
            {
                if (MosregJson.IdOf(t) is { } teacher && !_teachers.ContainsKey(teacher))
                {
                    var name = t is JObject o ? (MosregJson.Text(o, "shortName") ?? MosregJson.Text(o, "name"))?.Trim() : null;
                    if (!string.IsNullOrEmpty(name))
                    {
                        _teachers[teacher] = name!;
                    }
                }
            }

            if (MosregJson.Get(l, "subject") is JObject subject && MosregJson.Id(subject) is { } sid && MosregJson.Text(subject, "name")?.Trim() is { Length: > 0 } sname)
            {
                _subjects[sid] = sname;
            }
        }
    }

    public void AddMarks(JToken answer)
    {
        foreach (var m in MosregJson.Items(answer))
        {
            if (MosregJson.Id(m) is { } id && !_marks.ContainsKey(id))
            {
                _marks[id] = m;
            }
        }
    }

    public void AddWork(JToken work)
    {
        if (MosregJson.Id(work) is { } id)
        {
            _works[id] = work;
        }
    }

    public void AddLogEntries(JToken answer) => _logEntries.AddRange(MosregJson.Items(answer));

    /// <summary>Each group, window and subject with a lesson in range there: what the attendance calls ask for.</summary>
    public IEnumerable<(PortalGroup Group, DateTime Window, string Subject)> TaughtSubjects() =>
        _lessons.Values
            .Where(l => LessonDate(l.Raw) is { } d && d >= _from && d <= _to && MosregJson.Id(l.Raw, "subject") is not null)
            .Select(l => (l.Group, l.Window, Subject: MosregJson.Id(l.Raw, "subject")!))
            .Distinct()
            .OrderBy(x => x.Group.Id, StringComparer.Ordinal).ThenBy(x => x.Window).ThenBy(x => x.Subject, StringComparer.Ordinal);

    /// <summary>
    /// Works that lessons in range list by id only (the second lesson shape), and works of marks that
    /// name no lesson (their lesson comes through the work): fetched one by one.
    /// </summary>
    public IEnumerable<string> WorksToFetch() =>
        _lessons.Values
            .Where(l => LessonDate(l.Raw) is { } d && d >= _from && d <= _to)
            .SelectMany(l => MosregJson.Items(MosregJson.Get(l.Raw, "works")))
            .Where(w => w is not JObject)
            .Select(MosregJson.IdOf)
            .Concat(_marks.Values.Where(m => MosregJson.Id(m, "lesson") is null).Select(m => MosregJson.Id(m, "work")))
            .Where(id => id is not null && !_works.ContainsKey(id))
            .Select(id => id!)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(id => id, StringComparer.Ordinal);

    public GradebookSnapshot Build(DateTimeOffset fetchedAt, IReadOnlyList<string> capabilities)
    {
        var classes = _groups.Values.Where(g => g.IsClass).OrderBy(g => g.Name, StringComparer.Ordinal).ThenBy(g => g.Id, StringComparer.Ordinal)
            .Select(g => new SchoolClass { Id = g.Id, Name = g.Name, Grade = g.Grade }).ToList();
        var periods = BuildPeriods();
        var lessons = BuildLessons();
        var lessonIds = new HashSet<string>(lessons.Select(l => l.Id), StringComparer.Ordinal);
        var marks = BuildMarks(lessons.ToDictionary(l => l.Id, StringComparer.Ordinal));
        marks.AddRange(BuildFinalMarks(periods));
        var absences = BuildAbsences(lessonIds);

        var usedSubjects = new HashSet<string>(lessons.Select(l => l.SubjectId).Concat(marks.Select(m => m.SubjectId)), StringComparer.Ordinal);
        var subjects = usedSubjects.Union(_subjects.Keys, StringComparer.Ordinal)
            .Select(id => new Subject { Id = id, Name = _subjects.TryGetValue(id, out var n) ? n : "предмет " + id })
            .OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var staff = lessons.Select(l => l.TeacherId).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)
            .Select(t => new StaffMember { Id = t, Name = TeacherName(t), Roles = new[] { StaffRole.Teacher } })
            .OrderBy(s => s.Id, StringComparer.Ordinal).ToList();

        return new GradebookSnapshot
        {
            Source = new SnapshotSource
            {
                Connector = MosregApiClient.ConnectorId,
                Instance = _schoolId,
                FetchedAt = fetchedAt,
                From = _from,
                To = _to,
                Capabilities = capabilities.ToList(),
                Unmapped = UnmappedRecords.From(_unmapped),
            },
            School = new School
            {
                Id = _schoolId,
                Name = string.IsNullOrWhiteSpace(_schoolName) ? "школа " + _schoolId : _schoolName.Trim(),
                TimeZone = ZoneId,
                WorkWeek = _options.WorkWeek,
                Region = string.IsNullOrWhiteSpace(_options.Region) ? null : _options.Region,
            },
            Periods = periods.Values.OrderBy(p => p.Start).ThenBy(p => p.Id, StringComparer.Ordinal).ToList(),
            Subjects = subjects,
            Classes = classes,
            Students = _students.Values.OrderBy(s => s.ClassId, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal).ToList(),
            Staff = staff,
            Lessons = lessons,
            Absences = absences,
            Marks = marks,
        };
    }

    // ------------------------------------------------------------------ mapping

    private Dictionary<string, Period> BuildPeriods()
    {
        var periods = new Dictionary<string, Period>(StringComparer.Ordinal);
        foreach (var pair in _periods)
        {
            var p = pair.Value;
            var start = MosregJson.Local(MosregJson.Text(p, "start"), _zone)?.Date;
            var end = MosregJson.Local(MosregJson.Text(p, "finish") ?? MosregJson.Text(p, "end"), _zone)?.Date;
            var name = MosregJson.Text(p, "name")?.Trim();
            var kind = PeriodKindOf(MosregJson.Text(p, "type"), name);
            if (start is null || end is null || end < start || kind is null)
            {
                Unmappable("period", pair.Key, "у учебного периода нет начала, конца или типа");
                continue;
            }

            if (string.IsNullOrEmpty(name))
            {
                name = $"{MosregJson.Text(p, "number") ?? ""} {KindName(kind.Value)}".Trim();
            }

            periods[pair.Key] = new Period { Id = pair.Key, Name = name!, Kind = kind.Value, Start = start.Value, End = end.Value };
        }

        return periods;
    }

    private List<Lesson> BuildLessons()
    {
        var homework = new Dictionary<string, List<(string Id, string Text)>>(StringComparer.Ordinal);
        var lessonOfListedWork = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in _lessons)
        {
            foreach (var w in MosregJson.Items(MosregJson.Get(pair.Value.Raw, "works")))
            {
                if (MosregJson.IdOf(w) is { } workId)
                {
                    lessonOfListedWork[workId] = pair.Key;
                }
            }
        }

        foreach (var pair in _works)
        {
            var w = pair.Value;
            if (!string.Equals(MosregJson.Text(w, "type"), "Homework", StringComparison.OrdinalIgnoreCase)
                || MosregJson.Text(w, "text")?.Trim() is not { Length: > 0 } text)
            {
                continue;
            }

            // Homework belongs to the lesson it was set at (work.lesson), else to the lesson that lists it.
            var lesson = MosregJson.Id(w, "lesson") ?? (lessonOfListedWork.TryGetValue(pair.Key, out var l) ? l : null);
            if (lesson is null)
            {
                continue;
            }

            if (!homework.TryGetValue(lesson, out var list))
            {
                homework[lesson] = list = new List<(string, string)>();
            }

            list.Add((pair.Key, text));
        }

        var lessons = new List<Lesson>();
        foreach (var pair in _lessons)
        {
            var (group, _, raw) = pair.Value;
            var date = LessonDate(raw);
            if (date is null || date < _from || date > _to)
            {
                continue;
            }

            var subject = MosregJson.Id(raw, "subject");
            if (subject is null)
            {
                Unmappable("lesson", pair.Key, "у урока не указан предмет");
                continue;
            }

            var status = MosregJson.Text(raw, "status") ?? "";
            bool? held = status.ToLowerInvariant() switch
            {
                "conducted" => true,
                "canceled" or "cancelled" or "notconducted" => false,
                _ => null,
            };
            var teacher = MosregJson.Items(MosregJson.Get(raw, "teachers")).Select(MosregJson.IdOf).FirstOrDefault(t => t is not null) ?? "";
            var works = MosregJson.Items(MosregJson.Get(raw, "works")).Select(MosregJson.IdOf).Where(id => id is not null && _works.ContainsKey(id)).Select(id => _works[id!]).ToList();
            var text = homework.TryGetValue(pair.Key, out var hw) ? string.Join("\n", hw.OrderBy(h => h.Id, StringComparer.Ordinal).Select(h => h.Text)) : null;
            var title = MosregJson.Text(raw, "title")?.Trim();
            lessons.Add(new Lesson
            {
                Id = pair.Key,
                ClassId = group.ClassId,
                SubjectId = subject,
                TeacherId = teacher,
                GroupId = group.IsClass ? null : group.Id,
                Date = date.Value,
                Kind = works.Any(w => IsControlWork(WorkTypeOf(w))) ? LessonKind.Test : LessonKind.Regular,
                Held = held,
                Topic = string.IsNullOrEmpty(title) ? null : title,
                Homework = text,
            });
        }

        return lessons
            .OrderBy(l => l.Date).ThenBy(l => l.ClassId, StringComparer.Ordinal).ThenBy(l => MosregJson.Int(_lessons[l.Id].Raw, "number") ?? 0)
            .ThenBy(l => l.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Lesson marks. A mark's lesson is its <c>lesson</c>, or for a mark of a work (<c>lesson: null</c>)
    /// the work's lesson. Its kind comes from its work type (a numeric id resolved through
    /// <c>work-types</c>, or a code or name), else from its work's. A mark of a lesson outside the range
    /// is left out as out of range; one of an unknown pupil, or with no lesson and no work that names
    /// one, is counted as unmapped.
    /// </summary>
    private List<Mark> BuildMarks(Dictionary<string, Lesson> lessons)
    {
        var marks = new List<Mark>();
        var outside = 0;
        foreach (var pair in _marks.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var m = pair.Value;
            var value = MosregJson.Text(m, "value")?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                value = MosregJson.Text(m, "textValue")?.Trim();
            }

            if (string.IsNullOrEmpty(value))
            {
                outside++; // an empty cell, not a mark
                continue;
            }

            var student = MosregJson.Id(m, "person");
            var workId = MosregJson.Id(m, "work");
            var work = workId is not null && _works.TryGetValue(workId, out var found) ? found : null;
            var lessonId = MosregJson.Id(m, "lesson") ?? (work is null ? null : MosregJson.Id(work, "lesson"));
            if (student is null || !_students.ContainsKey(student))
            {
                Unmappable("mark", pair.Key, student is null ? "у отметки не указан ученик" : $"ученик {student} не найден в классах школы");
                continue;
            }

            if (lessonId is null)
            {
                Unmappable("mark", pair.Key, workId is null ? "отметка не связана ни с уроком, ни с работой" : $"ни отметка, ни её работа {workId} не называют урок");
                continue;
            }

            if (!lessons.TryGetValue(lessonId, out var lesson))
            {
                outside++; // its lesson is outside the range (or was itself unmapped)
                continue;
            }

            var entered = MosregJson.Local(MosregJson.Text(m, "date"), _zone);
            var workType = MosregJson.Get(m, "workType") is { } t ? ResolveWorkType(t) : work is null ? null : WorkTypeOf(work);
            marks.Add(new Mark
            {
                Id = pair.Key,
                StudentId = student,
                SubjectId = lesson.SubjectId,
                LessonId = lesson.Id,
                Date = lesson.Date,
                Kind = IsWritten(workType) ? MarkKind.Written : MarkKind.Current,
                Value = value!,
                EnteredAt = entered is { } e ? MosregJson.At(e, _zone) : null,
            });
        }

        if (outside > 0)
        {
            Log.Drop(_log, $"{outside} marks left out: empty, or of a lesson outside the range");
        }

        if (_unknownWorkTypes.Count > 0)
        {
            Log.Drop(_log, $"work types not listed by work-types/{{school}} ({string.Join(", ", _unknownWorkTypes.OrderBy(x => x, StringComparer.Ordinal))}): their marks are taken as current");
        }

        return marks;
    }

    /// <summary>
    /// Final marks: of a reporting period of type Year, or with no reporting period (the year mark),
    /// a <c>year</c> mark; of any other period a <c>period</c> mark; dated at the period's end (the year
    /// mark at the year period's end, else the last period's). Marks of periods that do not overlap the
    /// range are left out; a mark naming an unknown pupil, subject or period is counted as unmapped.
    /// </summary>
    private IEnumerable<Mark> BuildFinalMarks(Dictionary<string, Period> periods)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var year = periods.Values.Where(p => p.Kind == PeriodKind.Year).OrderByDescending(p => p.End).FirstOrDefault();
        var lastEnd = periods.Count == 0 ? (DateTime?)null : periods.Values.Max(p => p.End);
        var firstStart = periods.Count == 0 ? (DateTime?)null : periods.Values.Min(p => p.Start);
        foreach (var f in _finals)
        {
            var value = MosregJson.Text(f.Mark, "value")?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                value = MosregJson.Text(f.Mark, "textValue")?.Trim();
            }

            if (string.IsNullOrEmpty(value))
            {
                continue; // not given yet
            }

            var id = MosregJson.Id(f.Mark) ?? $"{f.StudentId}:{f.SubjectId}:{f.PeriodId ?? "year"}";
            if (f.StudentId is null || !_students.ContainsKey(f.StudentId))
            {
                Unmappable("finalMark", id, f.StudentId is null ? "у итоговой отметки не указан ученик" : $"ученик {f.StudentId} не найден в классах школы");
                continue;
            }

            if (f.SubjectId is null)
            {
                Unmappable("finalMark", id, "у итоговой отметки не указан предмет");
                continue;
            }

            Period? period;
            DateTime date, start;
            if (f.PeriodId is null)
            {
                period = year;
                if ((year?.End ?? lastEnd) is not { } end)
                {
                    Unmappable("finalMark", id, "годовая отметка, но у класса нет учебных периодов, чтобы её датировать");
                    continue;
                }

                date = end;
                start = year?.Start ?? firstStart!.Value;
            }
            else if (periods.TryGetValue(f.PeriodId, out var found))
            {
                period = found;
                date = found.End;
                start = found.Start;
            }
            else
            {
                Unmappable("finalMark", id, $"учебный период {f.PeriodId} не найден среди периодов класса");
                continue;
            }

            // A period mark belongs to a range that overlaps its period (it is dated at the period's end).
            if (date < _from || start > _to || !seen.Add(id))
            {
                continue;
            }

            if (!_subjects.ContainsKey(f.SubjectId))
            {
                _subjects[f.SubjectId] = "предмет " + f.SubjectId;
            }

            var entered = MosregJson.Local(MosregJson.Text(f.Mark, "date"), _zone);
            var isYear = f.PeriodId is null || period!.Kind == PeriodKind.Year;
            yield return new Mark
            {
                Id = id,
                StudentId = f.StudentId,
                SubjectId = f.SubjectId,
                Date = date,
                Kind = isYear ? MarkKind.Year : MarkKind.Period,
                PeriodId = isYear ? null : period!.Id,
                Value = value!,
                EnteredAt = entered is { } e ? MosregJson.At(e, _zone) : null,
            };
        }
    }

    /// <summary>
    /// Absences from the lesson log: <c>Absent</c>, <c>Pass</c> — reason unknown; <c>Ill</c> and other
    /// valid reasons — valid; <c>Late</c> — late; <c>Attend</c> (present) is not an absence. The entry
    /// time is <c>createdDate</c>; of two entries for one student and lesson the earlier wins.
    /// </summary>
    private List<Absence> BuildAbsences(HashSet<string> lessonIds)
    {
        var absences = new Dictionary<(string Lesson, string Student), Absence>();
        foreach (var e in _logEntries)
        {
            var lesson = MosregJson.Id(e, "lesson");
            var student = MosregJson.Id(e, "person");
            var status = (MosregJson.Text(e, "status") ?? "").Trim();
            if (AbsenceOf(status) is not { } kind)
            {
                continue; // present
            }

            if (lesson is null || student is null || !lessonIds.Contains(lesson) || !_students.ContainsKey(student))
            {
                Unmappable(
                    "absence",
                    $"{lesson ?? "?"}:{student ?? "?"}",
                    lesson is null || !lessonIds.Contains(lesson) ? $"урок {lesson ?? "(не указан)"} не найден среди уроков" : $"ученик {student ?? "(не указан)"} не найден в классах школы");
                continue;
            }

            var created = MosregJson.Local(MosregJson.Text(e, "createdDate"), _zone) is { } c ? MosregJson.At(c, _zone) : (DateTimeOffset?)null;
            var absence = new Absence { LessonId = lesson, StudentId = student, Reason = kind.Reason, Late = kind.Late, EnteredAt = created };
            if (!absences.TryGetValue((lesson, student), out var existing) || (created is { } a && (existing.EnteredAt is not { } b || a < b)))
            {
                absences[(lesson, student)] = absence;
            }
        }

        return absences.Values.OrderBy(a => a.LessonId, StringComparer.Ordinal).ThenBy(a => a.StudentId, StringComparer.Ordinal).ToList();
    }

    // ------------------------------------------------------------------ codes

    internal static (AbsenceReason Reason, bool Late)? AbsenceOf(string status) => status.ToLowerInvariant() switch
    {
        "" or "attend" or "present" or "notset" or "none" => null,
        "late" => (AbsenceReason.Unknown, true),
        "ill" or "sick" or "valid" or "validabsence" or "validpass" => (AbsenceReason.Valid, false),
        "invalid" or "invalidabsence" or "invalidpass" or "unvalid" => (AbsenceReason.Invalid, false),
        _ => (AbsenceReason.Unknown, false), // Absent, Pass and anything new: an absence of unknown reason
    };

    /// <summary>Whether a work type (a code such as <c>ControlWork</c>, or a Russian name) is written work.</summary>
    internal static bool IsWritten(string? workType)
    {
        if (string.IsNullOrWhiteSpace(workType))
        {
            return false;
        }

        var type = workType!.Trim().ToLowerInvariant();
        return type.Split(' ').Any(WrittenWorkTypes.Contains) || WrittenWorkStems.Any(type.Contains);
    }

    private static bool IsControlWork(string? workType) =>
        workType is not null && (workType.Split(' ').Any(w => w.Equals("ControlWork", StringComparison.OrdinalIgnoreCase)) || workType.IndexOf("контрольн", StringComparison.OrdinalIgnoreCase) >= 0);

    private string? WorkTypeOf(JToken work) => MosregJson.Get(work, "workType") is { } t ? ResolveWorkType(t) : null;

    /// <summary>
    /// A work type as text to classify: a numeric id is looked up in the school's work types (its kind,
    /// title and abbreviation, joined so that any of them can say «written»); a code or name is itself.
    /// </summary>
    private string? ResolveWorkType(JToken type)
    {
        if (type is JValue && MosregJson.IdOf(type) is { } id)
        {
            if (_workTypes.TryGetValue(id, out var known))
            {
                return string.Join(" ", new[] { known.Kind, known.Title }.Where(x => !string.IsNullOrEmpty(x)))
                    + (known.Abbr is { Length: > 0 } abbr && WrittenWorkAbbreviations.Contains(abbr.ToLowerInvariant()) ? " writtenwork" : "");
            }

            lock (_unknownWorkTypes)
            {
                _unknownWorkTypes.Add(id);
            }

            return null;
        }

        return WorkTypeName(type);
    }

    private string TeacherName(string id) =>
        _people.TryGetValue(id, out var person) ? person : _teachers.TryGetValue(id, out var named) ? named : "учитель " + id;

    /// <summary>A work type given as a code, a name, or an object with <c>name</c>/<c>code</c>/<c>title</c>.</summary>
    private static string? WorkTypeName(JToken type) => type is JObject o
        ? MosregJson.Text(o, "code") ?? MosregJson.Text(o, "name") ?? MosregJson.Text(o, "title")
        : MosregJson.Text(type);

    private DateTime? LessonDate(JToken lesson) => MosregJson.Local(MosregJson.Text(lesson, "date"), _zone)?.Date;

    internal static PeriodKind? PeriodKindOf(string? type, string? name)
    {
        switch ((type ?? "").Trim().ToLowerInvariant())
        {
            case "quarter": return PeriodKind.Quarter;
            case "trimester": return PeriodKind.Trimester;
            case "halfyear" or "semester": return PeriodKind.HalfYear;
            case "year": return PeriodKind.Year;
        }

        var n = (name ?? "").ToLowerInvariant();
        return n.Contains("четверт") ? PeriodKind.Quarter
            : n.Contains("триместр") ? PeriodKind.Trimester
            : n.Contains("полугоди") || n.Contains("семестр") ? PeriodKind.HalfYear
            : n.Contains("год") ? PeriodKind.Year
            : null;
    }

    private static string KindName(PeriodKind kind) => kind switch
    {
        PeriodKind.Quarter => "четверть",
        PeriodKind.Trimester => "триместр",
        PeriodKind.HalfYear => "полугодие",
        _ => "год",
    };

    private static int? GradeOf(string name)
    {
        var digits = new string(name.TakeWhile(char.IsDigit).ToArray());
        return int.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var g) && g is >= 1 and <= 11 ? g : null;
    }
}
