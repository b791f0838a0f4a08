using System;
using System.Collections.Generic;
using System.Globalization;
using Eljur.Abstractions.Model;

namespace Eljur.Abstractions.Synthetic;

/// <summary>Generates one synthetic school into a <see cref="SyntheticSnapshotGenerator.Sink"/>.</summary>
internal sealed class SchoolBuilder
{
    private const int ClassSize = 25;
    private const int TeacherLoad = 24;
    private const int Minute = 60;

    private static readonly string[] Values = { "1", "2", "3", "4", "5" };

    private readonly SyntheticSnapshotGenerator.GenerationPlan _plan;
    private readonly SyntheticSnapshotOptions _o;
    private readonly int _index;
    private readonly int _week;
    private readonly SyntheticSnapshotGenerator.Sink _sink;
    private readonly SyntheticRandom _rng;
    private readonly Dictionary<DateTime, TimeSpan> _offsets = new();
    private readonly int _academicYear;
    private readonly DateTimeOffset _fetched;
    private readonly double _illStart;
    private readonly List<string> _teachers = new();
    private readonly Dictionary<string, string> _staffNames = new(StringComparer.Ordinal);

    private ClassInfo[] _classes = Array.Empty<ClassInfo>();
    private StudentInfo[] _students = Array.Empty<StudentInfo>();
    private string _deputy = "";
    private int _lessonSerial;
    private int _markSerial;
    private int _staffSerial;

    public SchoolBuilder(SyntheticSnapshotGenerator.GenerationPlan plan, int index, int week, SyntheticSnapshotGenerator.Sink sink)
    {
        _plan = plan;
        _o = plan.Options;
        _index = index;
        _week = week;
        _sink = sink;
        _rng = new SyntheticRandom(SyntheticRandom.Derive(_o.Seed, index));
        _academicYear = SyntheticSnapshotGenerator.AcademicYear(plan.From);
        var fetched = plan.To.AddDays(1).AddHours(6);
        _fetched = new DateTimeOffset(fetched, plan.Zone.GetUtcOffset(fetched));

        // Spells of 1–5 school days (mean 3): starting with probability p gives a share of about 3p / (1 + 3p) days missed.
        _illStart = _o.AbsenceRate / (3 * (1 - _o.AbsenceRate));
        var width = Math.Max(2, _o.Schools.ToString(CultureInfo.InvariantCulture).Length);
        Prefix = _o.Schools == 1 ? "" : "s" + (index + 1).ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "-";
        Header = new School();
    }

    /// <summary>The id prefix of this school's records: empty for a single school, <c>s01-</c> in a bundle.</summary>
    public string Prefix { get; }

    /// <summary>The school header (set by <see cref="Build"/>).</summary>
    public School Header { get; private set; }

    public void Build()
    {
        var number = 1 + ((_index * 7) % 150) + (_index / 150 * 150);
        Header = new School
        {
            Id = "sch-" + (_index + 1).ToString("D3", CultureInfo.InvariantCulture),
            Name = string.Format(CultureInfo.InvariantCulture, "МБОУ «Средняя общеобразовательная школа № {0}»", number),
            TimeZone = _o.TimeZone,
            WorkWeek = _week,
            Region = _o.Region,
        };

        BuildStaffAndClasses();
        BuildStudents();
        BuildTimetables();
        GenerateDays();
        GeneratePlans();
        GenerateAccounts();
        GenerateArchive();
    }

    // ------------------------------------------------------------ structure

    private void BuildStaffAndClasses()
    {
        var director = AddStaff(new[] { StaffRole.Director }, null);
        _deputy = AddStaff(new[] { StaffRole.Deputy, StaffRole.Teacher }, null);
        AddStaff(new[] { StaffRole.Deputy }, null);
        AddStaff(new[] { StaffRole.Administrator }, null);
        AddStaff(new[] { StaffRole.Secretary }, null);
        _ = director;

        var count = Math.Max(1, (int)Math.Round(_o.StudentsPerSchool / (double)ClassSize, MidpointRounding.AwayFromZero));
        _classes = new ClassInfo[count];
        var perGrade = new int[12];
        for (var c = 0; c < count; c++)
        {
            // Grades at the midpoints of equal shares, so that a small school still spans several grades.
            var grade = 1 + ((2 * c) + 1) * 11 / (2 * count);
            var letter = SyntheticCurriculum.Letters[perGrade[grade]++ % SyntheticCurriculum.Letters.Length];
            _classes[c] = new ClassInfo(Prefix + "c" + (c + 1).ToString(CultureInfo.InvariantCulture), grade.ToString(CultureInfo.InvariantCulture) + letter, grade);
        }

        // Teachers: a primary class has its own teacher for the core subjects; other subjects (and
        // every subject from grade 5) go to subject teachers filled up to a weekly load.
        var current = new Dictionary<string, (string Id, int Load)>(StringComparer.Ordinal);
        var homerooms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cls in _classes)
        {
            string? primary = null;
            if (cls.Grade <= 4)
            {
                primary = NewTeacher();
                cls.Homeroom = primary;
                homerooms.Add(primary);
            }

            foreach (var (subject, hours) in cls.Hours)
            {
                var id = SyntheticCurriculum.Subjects[subject].Id;
                var groups = id == "eng" ? 2 : 1;
                var teachers = new string[groups];
                for (var g = 0; g < groups; g++)
                {
                    if (primary is not null && id is not ("eng" or "music" or "pe"))
                    {
                        teachers[g] = primary;
                        continue;
                    }

                    var key = TeacherGroup(id) + "/" + g.ToString(CultureInfo.InvariantCulture);
                    var classKey = cls.Id + "/" + key;
                    if (current.TryGetValue(classKey, out var same))
                    {
                        teachers[g] = same.Id;
                        continue;
                    }

                    if (!current.TryGetValue(key, out var t) || t.Load + hours > TeacherLoad)
                    {
                        t = (NewTeacher(), 0);
                    }

                    current[key] = (t.Id, t.Load + hours);
                    current[classKey] = (t.Id, 0);
                    teachers[g] = t.Id;
                }

                cls.Teachers[subject] = teachers;
            }

            if (cls.Homeroom is null)
            {
                foreach (var (subject, _) in cls.Hours)
                {
                    var candidate = cls.Teachers[subject]![0];
                    if (!homerooms.Contains(candidate))
                    {
                        cls.Homeroom = candidate;
                        break;
                    }
                }

                cls.Homeroom ??= cls.Teachers[cls.Hours[0].Subject]![0];
                homerooms.Add(cls.Homeroom);
            }
        }

        foreach (var teacher in _teachers)
        {
            var roles = homerooms.Contains(teacher) ? new[] { StaffRole.Teacher, StaffRole.ClassTeacher } : new[] { StaffRole.Teacher };
            _sink.Staff.Add(new StaffMember { Id = teacher, Name = _staffNames[teacher], Roles = roles });
        }

        // A teacher who left before the range: the account may still be open (access-after-leave).
        AddStaff(new[] { StaffRole.Teacher }, _plan.From.AddDays(-_rng.Between(20, 60)));

        foreach (var cls in _classes)
        {
            _sink.Classes.Add(new SchoolClass { Id = cls.Id, Name = cls.Name, Grade = cls.Grade, HomeroomTeacherId = cls.Homeroom });
        }
    }

    private static string TeacherGroup(string subject) => subject switch
    {
        "rus" or "lit" => "rus",
        "math" or "alg" or "geom" or "prob" => "math",
        "hist" or "soc" => "hist",
        "music" or "art" => "art",
        _ => subject,
    };

    private string NewTeacher()
    {
        var id = Prefix + "t" + (_teachers.Count + 1).ToString(CultureInfo.InvariantCulture);
        _teachers.Add(id);
        _staffNames[id] = StaffName();
        return id;
    }

    private string AddStaff(StaffRole[] roles, DateTime? employedUntil)
    {
        var id = Prefix + "a" + (++_staffSerial).ToString(CultureInfo.InvariantCulture);
        _sink.Staff.Add(new StaffMember { Id = id, Name = StaffName(), Roles = roles, EmployedUntil = employedUntil });
        return id;
    }

    private string StaffName()
    {
        var female = _rng.Chance(0.8);
        var surname = _rng.Pick(SyntheticCurriculum.Surnames);
        var patronymic = _rng.Pick(SyntheticCurriculum.Patronymics);
        return female
            ? SyntheticCurriculum.Female(surname) + " " + _rng.Pick(SyntheticCurriculum.GirlNames) + " " + SyntheticCurriculum.Female(patronymic)
            : surname + " " + _rng.Pick(SyntheticCurriculum.BoyNames) + " " + patronymic;
    }

    private void BuildStudents()
    {
        _students = new StudentInfo[_o.StudentsPerSchool];
        var positions = new int[_classes.Length];
        for (var i = 0; i < _students.Length; i++)
        {
            var classIndex = i % _classes.Length;
            var cls = _classes[classIndex];
            var girl = _rng.Chance(0.5);
            var surname = _rng.Pick(SyntheticCurriculum.Surnames);
            var name = girl
                ? SyntheticCurriculum.Female(surname) + " " + _rng.Pick(SyntheticCurriculum.GirlNames)
                : surname + " " + _rng.Pick(SyntheticCurriculum.BoyNames);
            var enrolled = new DateTime(_academicYear - cls.Grade + 1, 9, 1);
            DateTime? left = null;
            var roll = _rng.NextDouble();
            if (roll < 0.01)
            {
                enrolled = RandomDay();
            }
            else if (roll < 0.02)
            {
                left = RandomDay();
            }

            var consentRoll = _rng.NextDouble();
            bool? consent = consentRoll < 0.95 ? true : consentRoll < 0.98 ? false : null;
            var id = Prefix + "st" + (i + 1).ToString(CultureInfo.InvariantCulture);
            _students[i] = new StudentInfo(id, classIndex, positions[classIndex]++, enrolled, left, (_rng.NextDouble() * 2) - 1);
            cls.Students.Add(i);
            _sink.Students.Add(new Student { Id = id, Name = name, ClassId = cls.Id, EnrolledOn = enrolled, LeftOn = left, Consent = consent });
        }
    }

    private void BuildTimetables()
    {
        foreach (var cls in _classes)
        {
            var ordered = new List<(int Subject, int Hours)>(cls.Hours);

            // Stable by hours, descending, so that a subject's lessons fall on different days.
            for (var i = 1; i < ordered.Count; i++)
            {
                var item = ordered[i];
                var j = i - 1;
                while (j >= 0 && ordered[j].Hours < item.Hours)
                {
                    ordered[j + 1] = ordered[j];
                    j--;
                }

                ordered[j + 1] = item;
            }

            var days = new List<int>[_week];
            for (var d = 0; d < _week; d++)
            {
                days[d] = new List<int>();
            }

            var n = 0;
            foreach (var (subject, hours) in ordered)
            {
                for (var h = 0; h < hours; h++)
                {
                    days[n++ % _week].Add(subject);
                }
            }

            cls.Timetable = new int[_week][];
            for (var d = 0; d < _week; d++)
            {
                var day = days[d].ToArray();
                _rng.Shuffle(day);
                cls.Timetable[d] = day;
            }
        }
    }

    // ------------------------------------------------------------ the school year

    private void GenerateDays()
    {
        var days = _plan.IsVacation.Length;
        var periods = _plan.Periods;
        for (var i = 0; i < days; i++)
        {
            var date = _plan.From.AddDays(i);
            var working = _plan.Calendar.IsWorkingDay(date, _week);
            if (working && !_plan.IsVacation[i])
            {
                Attendance(date);
                foreach (var cls in _classes)
                {
                    SchoolDay(cls, date);
                }
            }

            Operations(date, working);
            foreach (var period in periods)
            {
                if (period.End == date)
                {
                    PeriodMarks(period);
                }
            }
        }
    }

    private void Attendance(DateTime date)
    {
        foreach (var s in _students)
        {
            s.Present = s.EnrolledOn <= date && (s.LeftOn is not { } left || date < left);
            if (!s.Present)
            {
                continue;
            }

            if (s.IllDaysLeft > 0)
            {
                s.IllDaysLeft--;
                s.Present = false;
            }
            else if (_rng.Chance(_illStart))
            {
                s.IllDaysLeft = _rng.Between(1, 5) - 1;
                var r = _rng.NextDouble();
                s.Reason = r < 0.55 ? AbsenceReason.Valid : r < 0.7 ? AbsenceReason.Invalid : AbsenceReason.Unknown;
                s.Present = false;
            }
        }
    }

    private void SchoolDay(ClassInfo cls, DateTime date)
    {
        var dow = (int)date.DayOfWeek;
        var slots = cls.Timetable![(dow == 0 ? 6 : dow - 1) % _week];
        for (var n = 0; n < slots.Length; n++)
        {
            var subject = slots[n];
            var k = cls.LessonCount[subject]++;
            var teachers = cls.Teachers[subject]!;
            for (var g = 0; g < teachers.Length; g++)
            {
                Lesson(cls, subject, teachers.Length == 1 ? 0 : g + 1, teachers[g], date, n, k);
            }
        }
    }

    private void Lesson(ClassInfo cls, int subject, int group, string teacher, DateTime date, int slot, int k)
    {
        var info = SyntheticCurriculum.Subjects[subject];
        var (start, end) = SyntheticCurriculum.Bells[slot];
        var id = Prefix + "L" + (++_lessonSerial).ToString(CultureInfo.InvariantCulture);
        var test = info.TestEvery > 0 && cls.Grade >= 2 && k % info.TestEvery == info.TestEvery - 1;
        var kind = test ? LessonKind.Test
            : info.Id is "phys" or "chem" or "bio" && k % 9 == 4 ? LessonKind.Lab
            : info.Id == "inf" && k % 7 == 3 ? LessonKind.Practical
            : LessonKind.Regular;
        string? substitute = null;
        if (_rng.Chance(0.02) && _teachers.Count > 1)
        {
            substitute = _teachers[_rng.Next(_teachers.Count)];
            if (substitute == teacher)
            {
                substitute = null;
            }
        }

        var conductor = substitute ?? teacher;
        var groupId = group == 0 ? null : cls.Id + "-g" + group.ToString(CultureInfo.InvariantCulture);
        if (_rng.Chance(0.003))
        {
            _sink.Lessons.Add(new Lesson
            {
                Id = id, ClassId = cls.Id, SubjectId = info.Id, TeacherId = teacher, GroupId = groupId, Date = date,
                Start = Time(start), End = Time(end), Kind = kind, Held = false, HeldAt = Stamp(date, start - 30),
                Comment = "Урок отменён", CommentEnteredAt = Stamp(date, start - 30),
            });
            return;
        }

        string? topic = null;
        DateTimeOffset? topicAt = null, topicAfter = null;
        if (!_rng.Chance(_o.LateEntryRate / 10))
        {
            topic = Topic(info, k, kind);
            (topicAt, topicAfter) = SameDay(date, end);
        }

        string? homework = null;
        DateTimeOffset? homeworkAt = null, homeworkAfter = null;
        if (info.Homework != SubjectHomework.None && _rng.Chance(0.8))
        {
            homework = Homework(info, k);
            (homeworkAt, homeworkAfter) = SameDay(date, end);
        }

        bool? held = null;
        DateTimeOffset? heldAt = null;
        if (_rng.Chance(0.9))
        {
            held = true;
            heldAt = Stamp(date, start + _rng.Between(0, 5));
        }

        string? comment = null;
        DateTimeOffset? commentAt = null;
        if (_rng.Chance(0.02))
        {
            comment = _rng.Chance(0.5) ? "Работа в парах" : "Повторение пройденного материала";
            commentAt = Stamp(date, end + _rng.Between(0, 30));
        }

        _sink.Lessons.Add(new Lesson
        {
            Id = id, ClassId = cls.Id, SubjectId = info.Id, TeacherId = teacher, SubstituteId = substitute, GroupId = groupId,
            Date = date, Start = Time(start), End = Time(end), Kind = kind, Held = held, HeldAt = heldAt,
            Topic = topic, TopicEnteredAt = topicAt, TopicEnteredAfter = topicAfter,
            Homework = homework, HomeworkEnteredAt = homeworkAt, HomeworkEnteredAfter = homeworkAfter,
            Comment = comment, CommentEnteredAt = commentAt,
        });

        // Written work is marked in one sitting for the whole class.
        DateTimeOffset writtenAt = default;
        DateTimeOffset? writtenAfter = null;
        if (test)
        {
            (writtenAt, writtenAfter) = WorkingDays(date, info.WrittenDays, end);
        }

        var marked = 0;
        foreach (var i in cls.Students)
        {
            var s = _students[i];
            if (group != 0 && s.Position % 2 != group - 1)
            {
                continue;
            }

            if (!s.Present)
            {
                if (s.EnrolledOn <= date && (s.LeftOn is not { } left || date < left))
                {
                    var (at, after) = SameDay(date, start + 5);
                    _sink.Absences.Add(new Absence
                    {
                        LessonId = id, StudentId = s.Id, Reason = s.Reason, EnteredAt = at, EnteredAfter = after, EnteredBy = conductor,
                    });
                }

                continue;
            }

            if (_rng.Chance(0.004))
            {
                var (at, after) = SameDay(date, start + 10);
                _sink.Absences.Add(new Absence
                {
                    LessonId = id, StudentId = s.Id, Reason = AbsenceReason.Unknown, Late = true, EnteredAt = at, EnteredAfter = after, EnteredBy = conductor,
                });
            }

            if (cls.Grade < 2)
            {
                continue;
            }

            if (test)
            {
                AddMark(s, subject, id, date, MarkKind.Written, null, writtenAt.AddSeconds(20 * marked++), writtenAfter, conductor, 2m);
            }
            else if (_rng.Chance(_o.CurrentMarkRate))
            {
                var (at, after) = SameDay(date, end);
                AddMark(s, subject, id, date, MarkKind.Current, null, at, after, conductor, null);
            }
        }
    }

    private void AddMark(StudentInfo s, int subject, string? lessonId, DateTime date, MarkKind kind, string? periodId, DateTimeOffset at, DateTimeOffset? after, string by, decimal? weight)
    {
        string value;
        if (kind == MarkKind.Period)
        {
            value = s.Count[subject] == 0 ? "н/а" : Values[(int)Math.Round(s.Sum[subject] / (double)s.Count[subject], MidpointRounding.AwayFromZero) - 1];
        }
        else
        {
            var r = _rng.NextDouble() + (s.Ability * 0.2);
            var v = r < 0.08 ? 2 : r < 0.3 ? 3 : r < 0.7 ? 4 : 5;
            s.Sum[subject] += v;
            s.Count[subject]++;
            value = Values[v - 1];
        }

        IReadOnlyList<MarkRevision> revisions = Array.Empty<MarkRevision>();
        if (kind != MarkKind.Period && _rng.Chance(_o.RevisionRate))
        {
            var revisedAt = at.AddMinutes(_rng.Between(10, 10 * 24 * Minute));
            if (revisedAt < _fetched)
            {
                // Any other of 2–5.
                var from = Values[1 + ((value[0] - '0' - 1 + _rng.Between(0, 2)) % 4)];
                revisions = new[]
                {
                    new MarkRevision { At = revisedAt, By = _rng.Chance(0.15) ? _deputy : by, From = from, To = value },
                };
            }
        }

        _sink.Marks.Add(new Mark
        {
            Id = Prefix + "M" + (++_markSerial).ToString(CultureInfo.InvariantCulture),
            StudentId = s.Id,
            SubjectId = SyntheticCurriculum.Subjects[subject].Id,
            LessonId = lessonId,
            Date = date,
            Kind = kind,
            PeriodId = periodId,
            Value = value,
            Weight = weight,
            EnteredAt = at,
            EnteredAfter = after,
            EnteredBy = by,
            Revisions = revisions,
        });
    }

    private void PeriodMarks(Period period)
    {
        foreach (var cls in _classes)
        {
            if (cls.Grade < 2)
            {
                continue;
            }

            foreach (var (subject, _) in cls.Hours)
            {
                var teacher = cls.Teachers[subject]![0];
                DateTimeOffset at;
                DateTimeOffset? after = null;
                if (_rng.Chance(_o.LateEntryRate))
                {
                    (at, after) = Late(period.End);
                }
                else
                {
                    var day = period.End.AddDays(-_rng.Between(0, 3));
                    at = Stamp(day < period.Start ? period.Start : day, _rng.Between(9 * Minute, 21 * Minute));
                }

                var n = 0;
                foreach (var i in cls.Students)
                {
                    var s = _students[i];
                    if (s.EnrolledOn <= period.Start && (s.LeftOn is not { } left || left > period.End))
                    {
                        AddMark(s, subject, null, period.End, MarkKind.Period, period.Id, at.AddSeconds(20 * n++), after, teacher, null);
                    }
                }
            }
        }

        foreach (var s in _students)
        {
            Array.Clear(s.Sum, 0, s.Sum.Length);
            Array.Clear(s.Count, 0, s.Count.Length);
        }
    }

    // ------------------------------------------------------------ entry times

    /// <summary>An entry due by the end of <paramref name="date"/>, made from minute <paramref name="earliest"/> on.</summary>
    private (DateTimeOffset At, DateTimeOffset? After) SameDay(DateTime date, int earliest)
    {
        if (_rng.Chance(_o.LateEntryRate))
        {
            return Late(date);
        }

        var minute = _rng.Chance(0.7) ? earliest + _rng.Between(0, 15) : Math.Max(earliest, _rng.Between(17 * Minute, (23 * Minute) + 30));
        return (Stamp(date, Math.Min(minute, (24 * Minute) - 1)), null);
    }

    /// <summary>An entry due by the end of the <paramref name="days"/>-th working day after <paramref name="date"/>.</summary>
    private (DateTimeOffset At, DateTimeOffset? After) WorkingDays(DateTime date, int days, int earliest)
    {
        var due = _plan.Calendar.AddWorkingDays(date, days, _week);

        // A late entry past the end of the range could not be in the snapshot yet.
        if (due < _plan.To && _rng.Chance(_o.LateEntryRate))
        {
            return Late(due);
        }

        var j = _rng.Between(0, days);
        if (j == 0)
        {
            return (Stamp(date, Math.Min(earliest + _rng.Between(30, 300), (24 * Minute) - 1)), null);
        }

        var at = Stamp(_plan.Calendar.AddWorkingDays(date, j, _week), _rng.Between(8 * Minute, 22 * Minute));
        return (at > _fetched ? _fetched.AddMinutes(-1) : at, null);
    }

    /// <summary>
    /// An entry made one to four days after the end of <paramref name="dueDay"/>; a quarter of them
    /// observed by polling, with the previous poll before the deadline (a possible breach).
    /// </summary>
    private (DateTimeOffset At, DateTimeOffset? After) Late(DateTime dueDay)
    {
        var at = Stamp(dueDay.AddDays(_rng.Between(1, 4)), _rng.Between(7 * Minute, 23 * Minute));
        if (at > _fetched)
        {
            at = _fetched.AddMinutes(-1);
        }

        DateTimeOffset? after = _rng.Chance(0.25) ? Stamp(dueDay, _rng.Between(18 * Minute, 23 * Minute)) : null;
        return (at, after);
    }

    // ------------------------------------------------------------ the rest of the journal

    private void Operations(DateTime date, bool working)
    {
        var day = (int)(date - _plan.From).TotalDays;
        var late = _o.LateEntryRate;
        if (working && !_rng.Chance(late / 5))
        {
            var minute = _rng.Chance(late) ? _rng.Between((17 * Minute) + 1, 20 * Minute) : _rng.Between(14 * Minute, (16 * Minute) + 59);
            _sink.Operations.Add(new Operation { Kind = OperationKind.Export, At = Stamp(date, minute), Copies = 1, Scope = "journal" });
        }

        if (working && IsFirstWorkingDayOfMonth(date))
        {
            _sink.Operations.Add(new Operation { Kind = OperationKind.Archive, At = Stamp(date, 18 * Minute), Copies = 2, Scope = "journal" });
        }

        foreach (var period in _plan.Periods)
        {
            if (period.End.AddDays(1) == date)
            {
                _sink.Operations.Add(new Operation { Kind = OperationKind.Print, At = Stamp(date, 11 * Minute), Copies = 1, Scope = "summarySheet" });
            }
        }

        if (day % 7 == 6 && !_rng.Chance(late))
        {
            _sink.Operations.Add(new Operation { Kind = OperationKind.Backup, At = Stamp(date, 21 * Minute), Copies = 2, Scope = "journal" });
        }
    }

    private bool IsFirstWorkingDayOfMonth(DateTime date)
    {
        for (var d = new DateTime(date.Year, date.Month, 1); d < date; d = d.AddDays(1))
        {
            if (_plan.Calendar.IsWorkingDay(d, _week))
            {
                return false;
            }
        }

        return true;
    }

    private void GeneratePlans()
    {
        foreach (var cls in _classes)
        {
            foreach (var (subject, hours) in cls.Hours)
            {
                var curriculum = hours * 34m;
                var entered = _rng.Chance(_o.LateEntryRate)
                    ? new DateTime(_academicYear, 9, _rng.Between(2, 20))
                    : new DateTime(_academicYear, 8, _rng.Between(20, 31));
                _sink.Plans.Add(new Plan
                {
                    ClassId = cls.Id,
                    SubjectId = SyntheticCurriculum.Subjects[subject].Id,
                    PlannedHours = _rng.Chance(0.03) ? curriculum - 2 : curriculum,
                    CurriculumHours = curriculum,
                    EnteredAt = Stamp(entered, _rng.Between(9 * Minute, 20 * Minute)),
                });
            }
        }
    }

    private void GenerateAccounts()
    {
        var created = Stamp(new DateTime(_academicYear, 8, 25), 10 * Minute);
        var serial = 0;
        foreach (var s in _students)
        {
            var left = s.LeftOn is not null;
            Account(s.Id, AccountRole.Student, Array.Empty<string>(), 0.85, 0.5, left);
            Account(Prefix + "p" + s.Id.Substring(Prefix.Length + 2), AccountRole.Parent, new[] { s.Id }, 0.75, 0.6, left);
        }

        foreach (var staff in _sink.Staff)
        {
            if (!staff.Id.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var role = staff.Roles.Count > 0 && staff.Roles[0] is StaffRole.Teacher or StaffRole.ClassTeacher ? AccountRole.Teacher : AccountRole.Administration;
            Account(staff.Id, role, Array.Empty<string>(), 0.98, 0.95, staff.EmployedUntil is not null);
        }

        void Account(string person, AccountRole role, string[] children, double activation, double weekly, bool gone)
        {
            var id = Prefix + "u" + (++serial).ToString(CultureInfo.InvariantCulture);
            DateTimeOffset? activated = null;
            DateTimeOffset? last = null;
            if (_rng.Chance(activation))
            {
                activated = created.AddMinutes(_rng.Between(60, 40 * 24 * Minute));
                if (activated > _fetched)
                {
                    activated = _fetched.AddHours(-1);
                }

                var start = activated.Value;
                for (var week = start; week < _fetched; week = week.AddDays(7))
                {
                    if (gone && !_rng.Chance(_o.LateEntryRate))
                    {
                        break;
                    }

                    if (_rng.Chance(weekly))
                    {
                        var at = week.AddMinutes(_rng.Between(0, (7 * 24 * Minute) - 1));
                        if (at < _fetched)
                        {
                            _sink.Logins.Add(new Login { AccountId = id, At = at });
                            last = at;
                        }
                    }
                }
            }

            _sink.Accounts.Add(new Account
            {
                Id = id,
                PersonId = person,
                Role = role,
                StudentIds = children,
                CreatedAt = created,
                ActivatedAt = activated,
                Active = !gone || _rng.Chance(_o.LateEntryRate),
                LastLoginAt = last,
            });
        }
    }

    private void GenerateArchive()
    {
        var serial = 0;
        for (var year = _academicYear - 6; year < _academicYear; year++)
        {
            var label = string.Format(CultureInfo.InvariantCulture, "{0}/{1}", year, year + 1);
            foreach (var cls in _classes)
            {
                Add(ArchiveDocumentType.ClassJournal, cls.Id, year, label, 5);
                Add(ArchiveDocumentType.ElectronicCopy, cls.Id, year, label, 0);
            }

            Add(ArchiveDocumentType.SummarySheet, null, year, label, 75);
        }

        void Add(ArchiveDocumentType type, string? classId, int year, string label, int keepYears)
        {
            var archived = new DateTime(year + 1, 6, _rng.Between(15, 29));
            if (_rng.Chance(_o.LateEntryRate))
            {
                archived = archived.AddDays(_rng.Between(5, 60));
            }

            DateTime? destroyed = null;
            if (keepYears > 0)
            {
                var expiry = new DateTime(archived.Year + 1 + keepYears, 1, 1);
                if (expiry.AddDays(200) <= _plan.From)
                {
                    destroyed = expiry.AddDays(_rng.Between(10, 200));
                }
                else if (_rng.Chance(_o.LateEntryRate / 4))
                {
                    destroyed = archived.AddDays(_rng.Between(100, 700));
                }

                if (destroyed > _plan.To)
                {
                    destroyed = null;
                }
            }

            _sink.Archive.Add(new ArchiveRecord
            {
                Id = Prefix + "ar" + (++serial).ToString(CultureInfo.InvariantCulture),
                DocumentType = type,
                SchoolYear = label,
                ClassId = classId,
                ArchivedOn = archived,
                DestroyedOn = destroyed,
            });
        }
    }

    // ------------------------------------------------------------ text and time

    private static string Topic(SubjectInfo info, int k, LessonKind kind)
    {
        var stem = info.Topics[(k / 3) % info.Topics.Length];
        return kind switch
        {
            LessonKind.Test => "Контрольная работа по теме «" + stem + "»",
            LessonKind.Lab => "Лабораторная работа: " + stem,
            LessonKind.Practical => "Практическая работа: " + stem,
            _ => (k % 3) switch { 0 => stem, 1 => stem + ": закрепление", _ => stem + ": решение задач и упражнений" },
        };
    }

    private string Homework(SubjectInfo info, int k)
    {
        var n = 1 + (k % 40);
        return info.Homework switch
        {
            SubjectHomework.Exercises => string.Format(CultureInfo.InvariantCulture, "§ {0}, упр. {1}", n, _rng.Between(1, 600)),
            SubjectHomework.Reading => string.Format(CultureInfo.InvariantCulture, "Прочитать с. {0}–{1}, ответить на вопросы", 10 + (k * 4), 16 + (k * 4)),
            SubjectHomework.Problems => string.Format(CultureInfo.InvariantCulture, "№ {0}, {1}, {2}", 10 + (k * 5), 12 + (k * 5), 15 + (k * 5)),
            _ => string.Format(CultureInfo.InvariantCulture, "§ {0}, вопросы 1–{1} после параграфа", n, _rng.Between(3, 6)),
        };
    }

    private static TimeSpan Time(int minutes) => TimeSpan.FromMinutes(minutes);

    private DateTimeOffset Stamp(DateTime date, int minute)
    {
        if (!_offsets.TryGetValue(date, out var offset))
        {
            offset = _plan.Zone.GetUtcOffset(date.AddHours(12));
            _offsets.Add(date, offset);
        }

        return new DateTimeOffset(date.AddMinutes(minute), offset);
    }

    private DateTime RandomDay() => _plan.From.AddDays(_rng.Next(_plan.IsVacation.Length));

    // ------------------------------------------------------------ working state

    private sealed class ClassInfo
    {
        public ClassInfo(string id, string name, int grade)
        {
            Id = id;
            Name = name;
            Grade = grade;
            var hours = new List<(int, int)>();
            foreach (var item in SyntheticCurriculum.Hours[grade].Split(' '))
            {
                var colon = item.IndexOf(':');
                hours.Add((SyntheticCurriculum.IndexOf(item.Substring(0, colon)), int.Parse(item.Substring(colon + 1), CultureInfo.InvariantCulture)));
            }

            Hours = hours;
            Teachers = new string[]?[SyntheticCurriculum.Subjects.Length];
            LessonCount = new int[SyntheticCurriculum.Subjects.Length];
        }

        public string Id { get; }

        public string Name { get; }

        public int Grade { get; }

        public List<(int Subject, int Hours)> Hours { get; }

        /// <summary>By subject index: the teacher of each group (one unless the class is split).</summary>
        public string[]?[] Teachers { get; }

        public int[] LessonCount { get; }

        public int[][]? Timetable { get; set; }

        public string? Homeroom { get; set; }

        public List<int> Students { get; } = new();
    }

    private sealed class StudentInfo
    {
        public StudentInfo(string id, int classIndex, int position, DateTime enrolledOn, DateTime? leftOn, double ability)
        {
            Id = id;
            ClassIndex = classIndex;
            Position = position;
            EnrolledOn = enrolledOn;
            LeftOn = leftOn;
            Ability = ability;
            Sum = new int[SyntheticCurriculum.Subjects.Length];
            Count = new int[SyntheticCurriculum.Subjects.Length];
        }

        public string Id { get; }

        public int ClassIndex { get; }

        /// <summary>Position in the class list: even positions are in group 1, odd in group 2.</summary>
        public int Position { get; }

        public DateTime EnrolledOn { get; }

        public DateTime? LeftOn { get; }

        public double Ability { get; }

        /// <summary>Mark sums and counts per subject in the current period.</summary>
        public int[] Sum { get; }

        public int[] Count { get; }

        public bool Present { get; set; }

        public int IllDaysLeft { get; set; }

        public AbsenceReason Reason { get; set; }
    }
}
