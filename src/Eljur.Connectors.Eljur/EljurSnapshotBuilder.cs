using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Eljur.Abstractions.Model;
using Microsoft.Extensions.Logging;

namespace Eljur.Connectors.Eljur;

/// <summary>
/// Turns the raw records of every answer into one <see cref="GradebookSnapshot"/>. The decisions are
/// documented in <c>docs/connectors/eljur.md</c>; the output depends only on the answers, never on
/// the order in which concurrent calls completed, and no record appears twice.
/// </summary>
internal sealed class EljurSnapshotBuilder
{
    private const string NoClass = "класс не указан";

    private static readonly Dictionary<string, (AbsenceReason Reason, bool Late)> AbsenceCodes = new(StringComparer.Ordinal)
    {
        ["н"] = (AbsenceReason.Unknown, false),
        ["нб"] = (AbsenceReason.Unknown, false),
        ["оп"] = (AbsenceReason.Unknown, true),
        ["б"] = (AbsenceReason.Valid, false),
        ["уп"] = (AbsenceReason.Valid, false),
        ["ув"] = (AbsenceReason.Valid, false),
        ["нп"] = (AbsenceReason.Invalid, false),
    };

    private static readonly string[] WrittenWorkStems =
    {
        "контрольн", "проверочн", "самостоятельн", "письменн", "диктант", "сочинени", "изложени", "тест", "лабораторн", "практическ", "зачётн", "зачетн",
    };

    private static readonly string[] WrittenWorkShort = { "кр", "ср", "пр", "лр", "кд" };

    private readonly EljurConnectorOptions _options;
    private readonly DateTime _from;
    private readonly DateTime _to;
    private readonly ILogger _log;
    private readonly List<RawPeriod> _periods = new();
    private readonly List<RawLesson> _lessons = new();
    private readonly List<(DateTime Date, string Name)> _holidays = new();
    private readonly List<List<RawMark>> _marks = new();
    private readonly List<RawFinal> _finals = new();
    private readonly List<RawStudent> _students = new();
    private readonly List<string> _classes = new();
    private readonly List<UnmappedRecord> _unmapped = new();
    private RulesInfo? _rules;

    public EljurSnapshotBuilder(EljurConnectorOptions options, DateTime from, DateTime to, ILogger log)
    {
        _options = options;
        _from = from.Date;
        _to = to.Date;
        _log = log;
    }

    public void AddRules(RulesInfo rules)
    {
        _rules = rules;
        _students.AddRange(rules.Students);
    }

    public void AddClass(string name) => _classes.Add(name);

    public void AddPeriods(IEnumerable<RawPeriod> periods) => _periods.AddRange(periods);

    public void AddDiary(IEnumerable<RawLesson> lessons, IEnumerable<(DateTime, string)> holidays, IEnumerable<RawStudent> students)
    {
        _lessons.AddRange(lessons);
        _holidays.AddRange(holidays);
        _students.AddRange(students);
    }

    public void AddMarks(List<RawMark> marks, IEnumerable<RawStudent> students)
    {
        _marks.Add(marks);
        _students.AddRange(students);
    }

    public void AddFinals(IEnumerable<RawFinal> finals, IEnumerable<RawStudent> students)
    {
        _finals.AddRange(finals);
        _students.AddRange(students);
    }

    public GradebookSnapshot Build(DateTimeOffset fetchedAt, IReadOnlyList<string> capabilities)
    {
        var periods = BuildPeriods();
        var students = BuildStudents();
        string ClassOf(string studentId) => students.TryGetValue(studentId, out var s) ? s.ClassId : NoClass;

        // Lessons, keyed by their snapshot id; the first sighting wins (siblings share a class diary).
        var lessons = new Dictionary<string, LessonDraft>(StringComparer.Ordinal);
        var byVendorId = new Dictionary<string, LessonDraft>(StringComparer.Ordinal);
        var bySlot = new Dictionary<(string Class, DateTime Date, string Subject), List<LessonDraft>>();
        foreach (var raw in _lessons)
        {
            if (raw.Date < _from || raw.Date > _to)
            {
                continue;
            }

            var id = raw.VendorId ?? LessonKey(raw);
            if (lessons.ContainsKey(id))
            {
                continue;
            }

            var draft = new LessonDraft(id, raw);
            foreach (var type in raw.ControlTypes ?? Array.Empty<string>())
            {
                draft.WorkTypes.Add(type);
            }

            lessons.Add(id, draft);
            if (raw.VendorId is not null)
            {
                byVendorId[raw.VendorId] = draft;
            }

            var slot = (raw.ClassName, raw.Date, raw.Subject);
            if (!bySlot.TryGetValue(slot, out var list))
            {
                bySlot[slot] = list = new List<LessonDraft>();
            }

            list.Add(draft);
        }

        foreach (var list in bySlot.Values)
        {
            list.Sort((a, b) => CompareNumbers(a.Raw.Number, b.Raw.Number));
        }

        LessonDraft? Find(string studentId, string? vendorLessonId, DateTime? date, string subject)
        {
            if (vendorLessonId is not null && byVendorId.TryGetValue(vendorLessonId, out var byId))
            {
                return byId;
            }

            return date is { } d && bySlot.TryGetValue((ClassOf(studentId), d, subject), out var candidates) ? candidates[0] : null;
        }

        // Marks and absences. Marks of one answer keep the answer's order for their ordinals.
        var marks = new Dictionary<string, (RawMark Raw, LessonDraft? Lesson, DateTime Date)>(StringComparer.Ordinal);
        var absences = new Dictionary<string, Absence>(StringComparer.Ordinal);
        foreach (var answer in _marks)
        {
            var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var raw in answer)
            {
                var lesson = Find(raw.StudentId, raw.LessonId, raw.Date, raw.Subject);
                var date = raw.Date ?? lesson?.Raw.Date;
                if (date is null)
                {
                    Unmappable("mark", $"{raw.StudentId}:{raw.Subject}:{raw.LessonId ?? "-"}:{raw.Value}", "у отметки нет даты, и её урок не найден в дневнике");
                    continue;
                }

                if (date < _from || date > _to)
                {
                    continue;
                }

                if (AbsenceCodes.TryGetValue(raw.Value.ToLowerInvariant(), out var code))
                {
                    if (lesson is null)
                    {
                        Unmappable("absence", $"{raw.StudentId}:{raw.Subject}:{EljurResponses.Day(date.Value)}", $"пропуск «{raw.Value}» не привязан ни к одному уроку дневника");
                        continue;
                    }

                    var absence = new Absence { LessonId = lesson.Id, StudentId = raw.StudentId, Reason = code.Reason, Late = code.Late };
                    if (!absences.ContainsKey(absence.Key))
                    {
                        absences.Add(absence.Key, absence);
                    }

                    continue;
                }

                var prefix = string.Join(":", raw.StudentId, raw.Subject, EljurResponses.Day(date.Value), raw.LessonId ?? "-");
                string id;
                if (raw.Number is not null)
                {
                    id = prefix + ":n" + raw.Number;
                }
                else
                {
                    ordinals.TryGetValue(prefix, out var n);
                    ordinals[prefix] = ++n;
                    id = prefix + ":#" + n.ToString(CultureInfo.InvariantCulture);
                }

                if (!marks.ContainsKey(id))
                {
                    marks.Add(id, (raw, lesson, date.Value));
                    if (lesson is not null && raw.WorkType is not null)
                    {
                        lesson.WorkTypes.Add(raw.WorkType);
                    }
                }
            }
        }

        // Staff are keyed by teacher_id when the diary sends it; a lesson that names the teacher
        // without the id takes the id another lesson gave that name.
        var staffNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var idOfName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in lessons.Values.Select(l => l.Raw).Where(r => r.TeacherId is not null))
        {
            if (raw.Teacher is { } name && !idOfName.ContainsKey(name))
            {
                idOfName[name] = raw.TeacherId!;
            }

            if (!staffNames.ContainsKey(raw.TeacherId!) && raw.Teacher is not null)
            {
                staffNames[raw.TeacherId!] = raw.Teacher;
            }
        }

        string StaffId(string? teacherId, string? name) =>
            teacherId ?? (name is null ? "" : idOfName.TryGetValue(name, out var id) ? id : name);

        var builtLessons = lessons.Values.Select(d => BuildLesson(d, StaffId(d.Raw.TeacherId, d.Raw.Teacher))).ToDictionary(l => l.Id, StringComparer.Ordinal);
        var markList = marks.Select(m => new Mark
        {
            Id = m.Key,
            StudentId = m.Value.Raw.StudentId,
            SubjectId = m.Value.Raw.Subject,
            LessonId = m.Value.Lesson?.Id,
            Date = m.Value.Date,
            Kind = IsWrittenWork(m.Value.Raw.WorkType) || (m.Value.Lesson is { } l && builtLessons[l.Id].Kind == LessonKind.Test) ? MarkKind.Written : MarkKind.Current,
            Value = m.Value.Raw.Value,
            Weight = m.Value.Raw.Weight,
        }).ToList();

        markList.AddRange(BuildFinals(periods));

        // Every referenced student, class, subject and teacher exists.
        foreach (var m in markList)
        {
            EnsureStudent(students, m.StudentId);
        }

        foreach (var a in absences.Values)
        {
            EnsureStudent(students, a.StudentId);
        }

        var classNames = new SortedSet<string>(StringComparer.Ordinal);
        classNames.UnionWith(_classes);
        classNames.UnionWith(students.Values.Select(s => s.ClassId));
        classNames.UnionWith(builtLessons.Values.Select(l => l.ClassId));

        var staff = new Dictionary<string, HashSet<StaffRole>>(StringComparer.Ordinal);
        foreach (var l in builtLessons.Values.Where(l => l.TeacherId.Length > 0))
        {
            AddRole(staff, l.TeacherId, StaffRole.Teacher);
        }

        var homeClasses = new HashSet<string>(StringComparer.Ordinal);
        string? homeroomTeacher = null;
        if (_rules is { IsStaff: true, UserName: { } user } && _rules.HomeClasses.Count > 0)
        {
            homeroomTeacher = StaffId(null, user);
            AddRole(staff, homeroomTeacher, StaffRole.ClassTeacher);
            if (!staffNames.ContainsKey(homeroomTeacher))
            {
                staffNames[homeroomTeacher] = user;
            }
            homeClasses.UnionWith(_rules.HomeClasses);
        }

        var subjects = new SortedSet<string>(StringComparer.Ordinal);
        subjects.UnionWith(builtLessons.Values.Select(l => l.SubjectId));
        subjects.UnionWith(markList.Select(m => m.SubjectId));


        return new GradebookSnapshot
        {
            Source = new SnapshotSource
            {
                Connector = EljurApiClient.ConnectorId,
                Instance = _options.Vendor,
                FetchedAt = fetchedAt,
                From = _from,
                To = _to,
                Capabilities = capabilities,
                Unmapped = UnmappedRecords.From(_unmapped),
            },
            School = new School
            {
                Id = _options.Vendor ?? "",
                Name = string.IsNullOrWhiteSpace(_options.SchoolName) ? _options.Vendor ?? "" : _options.SchoolName!,
                TimeZone = _options.TimeZone ?? "",
                WorkWeek = _options.WorkWeek,
                Region = string.IsNullOrWhiteSpace(_options.Region) ? null : _options.Region,
            },
            Periods = periods.Select(p => p.Period).ToList(),
            Holidays = BuildHolidays(),
            Subjects = subjects.Select(s => new Subject { Id = s, Name = s }).ToList(),
            Classes = classNames.Select(c => new SchoolClass
            {
                Id = c,
                Name = c,
                Grade = Grade(c),
                HomeroomTeacherId = homeClasses.Contains(c) ? homeroomTeacher : null,
            }).ToList(),
            Students = students.Values
                .OrderBy(s => s.ClassId, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal)
                .ToList(),
            Staff = staff.OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => new StaffMember { Id = s.Key, Name = staffNames.TryGetValue(s.Key, out var name) ? name : s.Key, Roles = s.Value.OrderBy(r => r).ToList() })
                .ToList(),
            Lessons = builtLessons.Values
                .OrderBy(l => l.Date).ThenBy(l => l.ClassId, StringComparer.Ordinal).ThenBy(l => l.Start ?? TimeSpan.MaxValue)
                .ThenBy(l => l.Id, StringComparer.Ordinal)
                .ToList(),
            Absences = absences.Values.OrderBy(a => a.LessonId, StringComparer.Ordinal).ThenBy(a => a.StudentId, StringComparer.Ordinal).ToList(),
            Marks = markList.OrderBy(m => m.Date).ThenBy(m => m.StudentId, StringComparer.Ordinal).ThenBy(m => m.Id, StringComparer.Ordinal).ToList(),
        };
    }

    private void Unmappable(string kind, string vendorId, string reason)
    {
        _unmapped.Add(new UnmappedRecord { Kind = kind, VendorId = vendorId, Reason = reason });
        Log.Drop(_log, $"{kind} {vendorId}: {reason}");
    }

    // ------------------------------------------------------------------ periods and finals

    private List<(Period Period, RawPeriod Raw)> BuildPeriods()
    {
        var unique = _periods
            .GroupBy(p => (p.Name, p.Start, p.End))
            .Select(g => g.First())
            .OrderBy(p => p.Start).ThenBy(p => p.End).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        var partsOfYear = unique.Count(p => KindFromName(p) is not PeriodKind.Year);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<(Period, RawPeriod)>();
        foreach (var p in unique)
        {
            // Parallels with different calendars may share a name: the later ones carry their start.
            var id = used.Add(p.Name) ? p.Name : p.Name + "@" + EljurResponses.Day(p.Start);
            used.Add(id);
            result.Add((new Period { Id = id, Name = p.FullName ?? p.Name, Kind = KindFromName(p) ?? KindFromCount(partsOfYear), Start = p.Start, End = p.End }, p));
        }

        return result;
    }

    private static PeriodKind? KindFromName(RawPeriod p)
    {
        var text = (p.Name + " " + p.FullName).ToLowerInvariant();
        if (text.Contains("четверт"))
        {
            return PeriodKind.Quarter;
        }

        if (text.Contains("триместр"))
        {
            return PeriodKind.Trimester;
        }

        if (text.Contains("полугод"))
        {
            return PeriodKind.HalfYear;
        }

        return text.Contains("год") ? PeriodKind.Year : null;
    }

    private static PeriodKind KindFromCount(int count) => count switch
    {
        2 => PeriodKind.HalfYear,
        3 => PeriodKind.Trimester,
        _ => PeriodKind.Quarter,
    };

    private IEnumerable<Mark> BuildFinals(List<(Period Period, RawPeriod Raw)> periods)
    {
        var yearEnd = periods.Count == 0 ? _to : periods.Max(p => p.Period.End);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in _finals)
        {
            var label = f.Period.ToLowerInvariant();
            var match = periods.FirstOrDefault(p =>
                string.Equals(p.Raw.Name, f.Period, StringComparison.OrdinalIgnoreCase)
                || string.Equals(p.Raw.FullName, f.Period, StringComparison.OrdinalIgnoreCase));
            MarkKind kind;
            string? periodId = null;
            DateTime date;
            if (match.Period is { } period && period.Kind != PeriodKind.Year)
            {
                kind = MarkKind.Period;
                periodId = period.Id;
                date = period.End;
            }
            else if (match.Period is { } year)
            {
                kind = MarkKind.Year;
                date = year.End;
            }
            else if (label.Contains("итог"))
            {
                kind = MarkKind.Final;
                date = yearEnd;
            }
            else if (label.Contains("экзам"))
            {
                kind = MarkKind.Exam;
                date = yearEnd;
            }
            else if (label.Contains("год") && !label.Contains("полугод"))
            {
                kind = MarkKind.Year;
                date = yearEnd;
            }
            else
            {
                // A period the school's calendar does not list: kept, dated at the range's end.
                kind = MarkKind.Period;
                date = _to;
            }

            if (date < _from || date > _to)
            {
                continue;
            }

            var id = string.Join(":", f.StudentId, f.Subject, "final", f.Period);
            if (seen.Add(id))
            {
                yield return new Mark
                {
                    Id = id,
                    StudentId = f.StudentId,
                    SubjectId = f.Subject,
                    Date = date,
                    Kind = kind,
                    PeriodId = periodId,
                    Value = f.Value,
                };
            }
        }
    }

    // ------------------------------------------------------------------ people and places

    private Dictionary<string, Student> BuildStudents()
    {
        var result = new Dictionary<string, Student>(StringComparer.Ordinal);
        foreach (var s in _students)
        {
            if (result.TryGetValue(s.Id, out var known))
            {
                if ((known.Name == known.Id && s.Name is not null) || (known.ClassId == NoClass && s.ClassName is not null))
                {
                    result[s.Id] = known with
                    {
                        Name = known.Name == known.Id && s.Name is not null ? s.Name : known.Name,
                        ClassId = known.ClassId == NoClass && s.ClassName is not null ? s.ClassName : known.ClassId,
                    };
                }

                continue;
            }

            result.Add(s.Id, new Student { Id = s.Id, Name = s.Name ?? s.Id, ClassId = s.ClassName ?? NoClass });
        }

        return result;
    }

    private static void EnsureStudent(Dictionary<string, Student> students, string id)
    {
        if (!students.ContainsKey(id))
        {
            students.Add(id, new Student { Id = id, Name = id, ClassId = NoClass });
        }
    }

    private static void AddRole(Dictionary<string, HashSet<StaffRole>> staff, string id, StaffRole role)
    {
        if (!staff.TryGetValue(id, out var roles))
        {
            staff[id] = roles = new HashSet<StaffRole>();
        }

        roles.Add(role);
    }

    private static int? Grade(string className)
    {
        var digits = new string(className.TakeWhile(char.IsDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var g) && g is >= 1 and <= 11 ? g : null;
    }

    private List<Vacation> BuildHolidays()
    {
        var result = new List<Vacation>();
        foreach (var group in _holidays.Distinct().GroupBy(h => h.Name, StringComparer.Ordinal))
        {
            Vacation? current = null;
            foreach (var day in group.Select(h => h.Date).OrderBy(d => d))
            {
                // Days of one vacation arrive without the weekends between them: a gap of up to 3 days joins.
                if (current is not null && (day - current.End).TotalDays <= 3)
                {
                    current = current with { End = day };
                    continue;
                }

                if (current is not null)
                {
                    result.Add(current);
                }

                current = new Vacation { Start = day, End = day, Name = group.Key };
            }

            if (current is not null)
            {
                result.Add(current);
            }
        }

        return result.Where(v => v.End >= _from && v.Start <= _to).OrderBy(v => v.Start).ThenBy(v => v.Name, StringComparer.Ordinal).ToList();
    }

    // ------------------------------------------------------------------ lessons

    private static string LessonKey(RawLesson raw) =>
        string.Join(":", raw.ClassName, EljurResponses.Day(raw.Date), raw.Number, raw.Subject) + (raw.Group is null ? "" : ":" + raw.Group);

    private static Lesson BuildLesson(LessonDraft draft, string teacherId)
    {
        var raw = draft.Raw;
        return new Lesson
        {
            Id = draft.Id,
            ClassId = raw.ClassName,
            SubjectId = raw.Subject,
            TeacherId = teacherId,
            GroupId = raw.Group,
            Date = raw.Date,
            Start = raw.Start,
            End = raw.End,
            Kind = raw.IsControl ? LessonKind.Test : KindFromWorks(draft.WorkTypes),
            Topic = raw.Topic,
            Homework = raw.Homework,
        };
    }

    private static LessonKind KindFromWorks(IEnumerable<string> workTypes)
    {
        var kind = LessonKind.Regular;
        foreach (var type in workTypes.Select(t => t.ToLowerInvariant()))
        {
            if (type.Contains("контрольн") || type == "кр")
            {
                return LessonKind.Test;
            }

            if (type.Contains("лабораторн") || type == "лр")
            {
                kind = LessonKind.Lab;
            }
            else if (type.Contains("практическ") && kind == LessonKind.Regular)
            {
                kind = LessonKind.Practical;
            }
        }

        return kind;
    }

    internal static bool IsWrittenWork(string? workType)
    {
        if (workType is null)
        {
            return false;
        }

        var type = workType.ToLowerInvariant();
        return WrittenWorkStems.Any(type.Contains) || WrittenWorkShort.Contains(type);
    }

    private static int CompareNumbers(string a, string b)
    {
        var hasA = int.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out var x);
        var hasB = int.TryParse(b, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y);
        return hasA && hasB ? x.CompareTo(y) : string.CompareOrdinal(a, b);
    }

    private sealed class LessonDraft
    {
        public LessonDraft(string id, RawLesson raw)
        {
            Id = id;
            Raw = raw;
        }

        public string Id { get; }

        public RawLesson Raw { get; }

        public SortedSet<string> WorkTypes { get; } = new(StringComparer.Ordinal);
    }
}
