using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Model;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace Eljur.Connectors.MosregPortal;

/// <summary>An edu-group: a class, or a subgroup of one (<see cref="ClassId"/> is then the parent class).</summary>
internal sealed record PortalGroup(string Id, string Name, bool IsClass, string ClassId, int? Grade);

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

    private readonly MosregPortalOptions _options;
    private readonly TimeZoneInfo _zone;
    private readonly DateTime _from;
    private readonly DateTime _to;
    private readonly ILogger _log;
    private readonly Dictionary<string, PortalGroup> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Student> _students = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _subjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JToken> _periods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (PortalGroup Group, DateTime Window, JToken Raw)> _lessons = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JToken> _marks = new(StringComparer.Ordinal);
    private readonly List<JToken> _finals = new();
    private readonly Dictionary<string, JToken> _works = new(StringComparer.Ordinal);
    private readonly List<JToken> _logEntries = new();
    private readonly Dictionary<string, string> _teachers = new(StringComparer.Ordinal);
    private string _schoolName = "";
    private string _schoolId = "";

    public MosregSnapshotBuilder(MosregPortalOptions options, TimeZoneInfo zone, DateTime from, DateTime to, ILogger log)
    {
        _options = options;
        _zone = zone;
        _from = from.Date;
        _to = to.Date;
        _log = log;
        _schoolId = options.SchoolId!.Trim();
    }

    public void AddSchool(JToken school)
    {
        _schoolId = MosregJson.Id(school) ?? _schoolId;
        _schoolName = MosregJson.Text(school, "fullName") is { Length: > 0 } full ? full : MosregJson.Text(school, "name") ?? "";
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
                Log.Drop(_log, "an edu-group without an id");
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
                Log.Drop(_log, $"subgroup «{sub.Name}» ({sub.Id}) has no class of this school as its parent");
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

            var name = MosregJson.Text(s, "shortName")?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                name = string.Join(" ", new[] { "lastName", "firstName", "middleName" }.Select(p => MosregJson.Text(s, p)?.Trim()).Where(p => !string.IsNullOrEmpty(p)));
            }

            _students[id] = new Student { Id = id, Name = string.IsNullOrEmpty(name) ? "ученик " + id : name!, ClassId = group.Id };
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

    public void AddFinalMarks(JToken answer) => _finals.AddRange(MosregJson.Items(answer));

    /// <summary>Lessons of one group and window; both lesson shapes (nested objects, or bare ids with <c>*_str</c>) are read.</summary>
    public void AddLessons(PortalGroup group, DateTime window, JToken answer)
    {
        foreach (var l in MosregJson.Items(answer))
        {
            if (MosregJson.Id(l) is not { } id)
            {
                Log.Drop(_log, $"a lesson of «{group.Name}» without an id");
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
                    _teachers[teacher] = string.IsNullOrEmpty(name) ? "учитель " + teacher : name!;
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

    /// <summary>Works that lessons in range list by id only (the second lesson shape): fetched one by one.</summary>
    public IEnumerable<string> WorksToFetch() =>
        _lessons.Values
            .Where(l => LessonDate(l.Raw) is { } d && d >= _from && d <= _to)
            .SelectMany(l => MosregJson.Items(MosregJson.Get(l.Raw, "works")))
            .Where(w => w is not JObject)
            .Select(MosregJson.IdOf)
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
            .Select(t => new StaffMember { Id = t, Name = _teachers.TryGetValue(t, out var n) ? n : "учитель " + t, Roles = new[] { StaffRole.Teacher } })
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
            },
            School = new School
            {
                Id = _schoolId,
                Name = string.IsNullOrWhiteSpace(_schoolName) ? "школа " + _schoolId : _schoolName.Trim(),
                TimeZone = _options.TimeZone,
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
                Log.Drop(_log, $"reporting period {pair.Key}: no usable start, finish or type");
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
                Log.Drop(_log, $"lesson {pair.Key} has no subject");
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
            var works = MosregJson.Items(MosregJson.Get(raw, "works")).Select(MosregJson.IdOf).Where(id => id is not null && _works.ContainsKey(id)).Select(id => _works[id!]);
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

    private List<Mark> BuildMarks(Dictionary<string, Lesson> lessons)
    {
        var marks = new List<Mark>();
        var dropped = 0;
        foreach (var pair in _marks.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var m = pair.Value;
            var value = MosregJson.Text(m, "value")?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                value = MosregJson.Text(m, "textValue")?.Trim();
            }

            var student = MosregJson.Id(m, "person");
            var work = MosregJson.Id(m, "work") is { } w && _works.TryGetValue(w, out var found) ? found : null;
            var lessonId = MosregJson.Id(m, "lesson") ?? (work is null ? null : MosregJson.Id(work, "lesson"));
            if (string.IsNullOrEmpty(value) || student is null || !_students.ContainsKey(student) || lessonId is null || !lessons.TryGetValue(lessonId, out var lesson))
            {
                // Outside the range (its lesson was not fetched), of a student of another class, or empty.
                dropped++;
                continue;
            }

            var entered = MosregJson.Local(MosregJson.Text(m, "date"), _zone);
            var workType = MosregJson.Get(m, "workType") is { } t ? WorkTypeName(t) : work is null ? null : WorkTypeOf(work);
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

        if (dropped > 0)
        {
            Log.Drop(_log, $"{dropped} marks left out: empty, of an unknown student, or of a lesson outside the range");
        }

        return marks;
    }

    /// <summary>Final marks: a reporting period of type Year gives a <c>year</c> mark, any other a <c>period</c> mark; dated at the period's end.</summary>
    private IEnumerable<Mark> BuildFinalMarks(Dictionary<string, Period> periods)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in _finals)
        {
            var student = MosregJson.Id(f, "person");
            var subject = MosregJson.Id(f, "subject");
            var periodId = MosregJson.Id(f, "reportingPeriod") ?? MosregJson.Id(f, "period");
            var value = MosregJson.Text(f, "value")?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                value = MosregJson.Text(f, "textValue")?.Trim();
            }

            if (student is null || subject is null || periodId is null || string.IsNullOrEmpty(value) || !_students.ContainsKey(student)
                || !periods.TryGetValue(periodId, out var period) || period.End < _from || period.Start > _to)
            {
                continue;
            }

            var id = MosregJson.Id(f) ?? $"{student}:{subject}:{periodId}";
            if (!seen.Add(id))
            {
                continue;
            }

            if (!_subjects.ContainsKey(subject))
            {
                _subjects[subject] = "предмет " + subject;
            }

            var entered = MosregJson.Local(MosregJson.Text(f, "date"), _zone);
            var year = period.Kind == PeriodKind.Year;
            yield return new Mark
            {
                Id = id,
                StudentId = student,
                SubjectId = subject,
                Date = period.End,
                Kind = year ? MarkKind.Year : MarkKind.Period,
                PeriodId = year ? null : period.Id,
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
            if (lesson is null || student is null || !lessonIds.Contains(lesson) || !_students.ContainsKey(student) || AbsenceOf(status) is not { } kind)
            {
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
        return WrittenWorkTypes.Contains(type) || WrittenWorkStems.Any(type.Contains);
    }

    private static bool IsControlWork(string? workType) =>
        workType is not null && (workType.Equals("ControlWork", StringComparison.OrdinalIgnoreCase) || workType.IndexOf("контрольн", StringComparison.OrdinalIgnoreCase) >= 0);

    private static string? WorkTypeOf(JToken work) => MosregJson.Get(work, "workType") is { } t ? WorkTypeName(t) : null;

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
