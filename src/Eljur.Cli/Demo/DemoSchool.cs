using System;
using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Model;

namespace Eljur.Cli.Demo;

/// <summary>
/// The embedded demo school: two classes, five subjects, five weeks of lessons from the last two weeks of
/// the first quarter to past the 4 November 2024 holiday, with marks, absences, the first quarter's marks,
/// user accounts and logins, the archive register of past years, and a handful of deliberate breaches of
/// the <see cref="PolicyId"/> preset (Лицей № 68, Уфа). Built in code, deterministically, so the demo needs
/// no files and gives the same report every time.
/// </summary>
internal static class DemoSchool
{
    public const string TimeZone = "Asia/Yekaterinburg";

    /// <summary>The preset the demo is checked against.</summary>
    public const string PolicyId = "lyceum68-ufa-2023";

    // Declared first: the fields below are initialised in textual order and use it.
    private static readonly TimeSpan Offset = TimeSpan.FromHours(5);

    // From the last two weeks of the first quarter (it ends on Friday 25 October), so that its marks are judged.
    public static readonly DateTime From = new(2024, 10, 14);
    public static readonly DateTime To = new(2024, 11, 15);

    /// <summary>The moment the demo is checked "as of": 20 November 2024, noon, school time.</summary>
    public static readonly DateTimeOffset AsOf = new(2024, 11, 20, 12, 0, 0, Offset);

    private static readonly (TimeSpan Start, TimeSpan End)[] Bells =
    {
        (new TimeSpan(8, 30, 0), new TimeSpan(9, 15, 0)),
        (new TimeSpan(9, 25, 0), new TimeSpan(10, 10, 0)),
        (new TimeSpan(10, 30, 0), new TimeSpan(11, 15, 0)),
        (new TimeSpan(11, 35, 0), new TimeSpan(12, 20, 0)),
    };

    private static readonly Dictionary<string, string[]> Timetable = new()
    {
        ["c5a"] = new[]
        {
            "rus math eng lit", "math rus hist eng", "rus lit math hist", "math eng rus hist", "lit math rus eng",
        },
        ["c9b"] = new[]
        {
            "math hist rus eng", "rus math lit hist", "eng math rus lit", "hist rus math eng", "math lit eng rus",
        },
    };

    private static readonly Dictionary<string, string> TeacherOf = new()
    {
        ["rus"] = "t1", ["lit"] = "t1", ["math"] = "t2", ["hist"] = "t3", ["eng"] = "t4",
    };

    private static readonly Dictionary<string, string[]> Topics = new()
    {
        ["rus"] = new[] { "Имя существительное как часть речи", "Правописание безударных гласных", "Склонение имён существительных", "Синтаксический разбор предложения", "Однородные члены предложения", "Обращение и знаки препинания" },
        ["lit"] = new[] { "А. С. Пушкин «Сказка о мёртвой царевне»", "Образ природы в лирике Ф. И. Тютчева", "Н. В. Гоголь «Вечера на хуторе близ Диканьки»", "И. С. Тургенев «Муму»: образ Герасима", "Л. Н. Толстой «Кавказский пленник»" },
        ["math"] = new[] { "Сложение и вычитание натуральных чисел", "Умножение десятичных дробей", "Решение текстовых задач", "Уравнения с одной переменной", "Свойства степени с натуральным показателем", "Квадратные уравнения" },
        ["hist"] = new[] { "Древний Египет", "Культура Древней Греции", "Реформы Петра I", "Отечественная война 1812 года", "Россия в эпоху Великих реформ" },
        ["eng"] = new[] { "Present Simple: утвердительные предложения", "Лексика по теме «Моя семья»", "Чтение текста «Мой город»", "Past Simple: неправильные глаголы" },
    };

    public static GradebookSnapshot Build()
    {
        var subjects = new List<Subject>
        {
            new() { Id = "rus", Name = "Русский язык" },
            new() { Id = "lit", Name = "Литература" },
            new() { Id = "math", Name = "Математика" },
            new() { Id = "hist", Name = "История" },
            new() { Id = "eng", Name = "Английский язык" },
        };
        var staff = new List<StaffMember>
        {
            new() { Id = "t1", Name = "Иванова Мария Петровна", Roles = new[] { StaffRole.Teacher, StaffRole.ClassTeacher } },
            new() { Id = "t2", Name = "Петров Алексей Иванович", Roles = new[] { StaffRole.Teacher } },
            new() { Id = "t3", Name = "Сидорова Елена Викторовна", Roles = new[] { StaffRole.Teacher, StaffRole.ClassTeacher } },
            new() { Id = "t4", Name = "Кузнецова Ольга Андреевна", Roles = new[] { StaffRole.Teacher } },
            new() { Id = "d1", Name = "Смирнова Наталья Юрьевна", Roles = new[] { StaffRole.Deputy } },
        };
        var classes = new List<SchoolClass>
        {
            new() { Id = "c5a", Name = "5А", Grade = 5, HomeroomTeacherId = "t1" },
            new() { Id = "c9b", Name = "9Б", Grade = 9, HomeroomTeacherId = "t3" },
        };
        var students = new List<Student>();
        AddStudents(students, "c5a", "s5", "Алексеев Артём", "Белова Анна", "Волков Даниил", "Григорьева Софья", "Дмитриев Кирилл", "Егорова Полина");
        AddStudents(students, "c9b", "s9", "Жуков Максим", "Зайцева Виктория", "Ильин Егор", "Козлова Дарья", "Лебедев Никита", "Морозова Алиса");

        // Transferred from another school in the middle of the first quarter: no quarter mark is due from him.
        students.Add(new Student { Id = "s5-7", Name = "Фёдоров Тимофей", ClassId = "c5a", EnrolledOn = new DateTime(2024, 10, 21), Consent = true });

        var lessons = new List<Lesson>();
        var marks = new List<Mark>();
        var absences = new List<Absence>();
        for (var date = From; date <= To; date = date.AddDays(1))
        {
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || date == new DateTime(2024, 11, 4))
            {
                continue;
            }

            foreach (var cls in classes)
            {
                var day = Timetable[cls.Id][(int)date.DayOfWeek - 1].Split(' ');
                for (var n = 0; n < day.Length; n++)
                {
                    var lesson = MakeLesson(cls.Id, day[n], date, n, lessons.Count);
                    lessons.Add(lesson);
                    AddCurrentMarks(marks, lesson, students, lessons.Count);
                }
            }
        }

        // The newcomer has no English mark yet and one literature mark: the indicators of clause 3.4.6 show him.
        marks.RemoveAll(m => m.StudentId == "s5-7" && m.SubjectId == "eng");
        var literature = marks.Where(m => m.StudentId == "s5-7" && m.SubjectId == "lit").Skip(1).ToList();
        marks.RemoveAll(literature.Contains);

        AddTests(lessons, marks, students);
        AddAbsences(absences, lessons);
        ApplyBreaches(lessons, marks, absences);
        AddQuarterMarks(marks, students, lessons);
        var (accounts, logins) = AddAccounts(students, staff);

        return new GradebookSnapshot
        {
            Source = new SnapshotSource
            {
                Connector = "demo",
                Instance = "demo-school",
                FetchedAt = new DateTimeOffset(2024, 11, 20, 11, 30, 0, Offset),
                From = From,
                To = To,
                // No GIA results, plans or operations log: the rules that need them are listed as not evaluable.
                Capabilities = new[]
                {
                    Capability.Lessons, Capability.Topics, Capability.Homework, Capability.Marks, Capability.Absences,
                    Capability.Periods, Capability.EntryTimes, Capability.Revisions, Capability.Authors, Capability.LessonTimes,
                    Capability.Accounts, Capability.Logins, Capability.Consents, Capability.Archive,
                },
            },
            School = new School { Id = "demo", Name = "Демонстрационная школа № 1", TimeZone = TimeZone, WorkWeek = 5, Region = "Республика Башкортостан" },
            Periods = new[]
            {
                new Period { Id = "q1", Name = "1 четверть", Kind = PeriodKind.Quarter, Start = new DateTime(2024, 9, 2), End = new DateTime(2024, 10, 25) },
                new Period { Id = "q2", Name = "2 четверть", Kind = PeriodKind.Quarter, Start = new DateTime(2024, 10, 28), End = new DateTime(2024, 12, 28) },
                new Period { Id = "q3", Name = "3 четверть", Kind = PeriodKind.Quarter, Start = new DateTime(2025, 1, 9), End = new DateTime(2025, 3, 21) },
                new Period { Id = "q4", Name = "4 четверть", Kind = PeriodKind.Quarter, Start = new DateTime(2025, 3, 31), End = new DateTime(2025, 5, 26) },
            },
            Holidays = new[]
            {
                new Vacation { Start = new DateTime(2024, 12, 30), End = new DateTime(2025, 1, 8), Name = "Зимние каникулы" },
                new Vacation { Start = new DateTime(2025, 3, 22), End = new DateTime(2025, 3, 30), Name = "Весенние каникулы" },
            },
            Subjects = subjects,
            Classes = classes,
            Students = students,
            Staff = staff,
            Lessons = lessons,
            Absences = absences,
            Marks = marks,
            Accounts = accounts,
            Logins = logins,
            Archive = ArchiveRegister(),
        };
    }

    private static void AddStudents(List<Student> students, string classId, string prefix, params string[] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            students.Add(new Student { Id = $"{prefix}-{i + 1}", Name = names[i], ClassId = classId, EnrolledOn = new DateTime(2024, 9, 1), Consent = true });
        }
    }

    private static DateTimeOffset At(DateTime date, TimeSpan time) => new(date.Date + time, Offset);

    private static List<Student> Enrolled(List<Student> students, string classId, DateTime date) =>
        students.Where(s => s.ClassId == classId && (s.EnrolledOn is not { } on || on <= date)).ToList();

    private static Lesson MakeLesson(string classId, string subject, DateTime date, int number, int serial)
    {
        var (start, end) = Bells[number];
        var topics = Topics[subject];
        var topic = topics[(date.DayOfYear + number) % topics.Length];
        var entered = At(date, end.Add(TimeSpan.FromMinutes(5 + (serial % 7))));
        var hasHomework = number % 2 == 0;
        return new Lesson
        {
            Id = $"L-{classId}-{date:yyyyMMdd}-{number + 1}",
            ClassId = classId,
            SubjectId = subject,
            TeacherId = TeacherOf[subject],
            Date = date,
            Start = start,
            End = end,
            Kind = LessonKind.Regular,
            Held = true,
            HeldAt = At(date, start.Add(TimeSpan.FromMinutes(2))),
            Topic = topic,
            TopicEnteredAt = entered,
            Homework = hasHomework ? $"§ {(date.Day % 20) + 1}, упр. {(date.Day * 3 % 40) + 1}" : null,
            HomeworkEnteredAt = hasHomework ? entered : null,
        };
    }

    private static void AddCurrentMarks(List<Mark> marks, Lesson lesson, List<Student> students, int serial)
    {
        var classmates = Enrolled(students, lesson.ClassId, lesson.Date);
        for (var k = 0; k < 2; k++)
        {
            var student = classmates[(serial + (k * 3)) % classmates.Count];
            var value = ((serial + k) % 5) switch { 0 => "3", 1 or 2 => "4", _ => "5" };
            marks.Add(new Mark
            {
                Id = $"M-{lesson.Id}-{k + 1}",
                StudentId = student.Id,
                SubjectId = lesson.SubjectId,
                LessonId = lesson.Id,
                Date = lesson.Date,
                Kind = MarkKind.Current,
                Value = value,
                EnteredAt = At(lesson.Date, lesson.End!.Value.Add(TimeSpan.FromMinutes(3))),
                EnteredBy = lesson.TeacherId,
            });
        }
    }

    private static void AddTests(List<Lesson> lessons, List<Mark> marks, List<Student> students)
    {
        // 5А, mathematics test on Monday 28 October: 5 working days end on the working Saturday 2 November.
        WrittenWork(lessons, marks, students, "L-c5a-20241028-2", i => i < 4 ? At(new DateTime(2024, 11, 1), new TimeSpan(15, 0, 0)) : At(new DateTime(2024, 11, 5), new TimeSpan(9, 12, 0)));

        // 9Б, Russian dictation on Tuesday 29 October: 10 working days (clause 5.4) end on 12 November.
        WrittenWork(lessons, marks, students, "L-c9b-20241029-1", _ => At(new DateTime(2024, 11, 11), new TimeSpan(18, 40, 0)));

        // 9Б, algebra test on Thursday 7 November: due 14 November, marked a day late.
        WrittenWork(lessons, marks, students, "L-c9b-20241107-3", _ => At(new DateTime(2024, 11, 15), new TimeSpan(16, 5, 0)));
    }

    private static void WrittenWork(List<Lesson> lessons, List<Mark> marks, List<Student> students, string lessonId, Func<int, DateTimeOffset> enteredAt)
    {
        var index = lessons.FindIndex(l => l.Id == lessonId);
        var lesson = lessons[index] = lessons[index] with { Kind = LessonKind.Test, Topic = "Контрольная работа: " + lessons[index].Topic };
        var classmates = Enrolled(students, lesson.ClassId, lesson.Date);
        for (var i = 0; i < classmates.Count; i++)
        {
            marks.Add(new Mark
            {
                Id = $"W-{lesson.Id}-{i + 1}",
                StudentId = classmates[i].Id,
                SubjectId = lesson.SubjectId,
                LessonId = lesson.Id,
                Date = lesson.Date,
                Kind = MarkKind.Written,
                Value = (i % 4) switch { 0 => "5", 1 => "4", 2 => "3", _ => "4" },
                Weight = 2m,
                EnteredAt = enteredAt(i),
                EnteredBy = lesson.TeacherId,
            });
        }
    }

    private static void AddAbsences(List<Absence> absences, List<Lesson> lessons)
    {
        // A pupil of 9Б is ill on 24 October: every lesson of the day, marked during the lesson.
        foreach (var lesson in lessons.Where(l => l.ClassId == "c9b" && l.Date == new DateTime(2024, 10, 24)))
        {
            absences.Add(new Absence { LessonId = lesson.Id, StudentId = "s9-3", Reason = AbsenceReason.Valid, EnteredAt = At(lesson.Date, lesson.Start!.Value.Add(TimeSpan.FromMinutes(10))), EnteredBy = lesson.TeacherId });
        }

        // A late arrival in 5А, marked at once.
        absences.Add(new Absence { LessonId = "L-c5a-20241112-1", StudentId = "s5-2", Reason = AbsenceReason.Unknown, Late = true, EnteredAt = At(new DateTime(2024, 11, 12), new TimeSpan(8, 45, 0)), EnteredBy = "t2" });

        // Breach: an absence on Friday 1 November entered only after the long weekend.
        absences.Add(new Absence { LessonId = "L-c9b-20241101-2", StudentId = "s9-5", Reason = AbsenceReason.Invalid, EnteredAt = At(new DateTime(2024, 11, 5), new TimeSpan(8, 40, 0)), EnteredBy = "t1" });
    }

    private static void AddQuarterMarks(List<Mark> marks, List<Student> students, List<Lesson> lessons)
    {
        // First quarter marks (clause 3.6.5: in the last week of the quarter), entered on Thursday 24 or Friday 25 October
        // from the quarter's current and written marks. Only students enrolled for the whole quarter get one.
        var start = new DateTime(2024, 9, 2);
        var end = new DateTime(2024, 10, 25);
        var serial = 0;
        foreach (var student in students.Where(s => s.EnrolledOn is not { } on || on <= start))
        {
            var subjects = lessons.Where(l => l.ClassId == student.ClassId && l.Date <= end).Select(l => l.SubjectId).Distinct().ToList();
            foreach (var subject in subjects)
            {
                serial++;

                // Breach: Козлова Дарья (9Б) has no quarter mark in history.
                if (student.Id == "s9-4" && subject == "hist")
                {
                    continue;
                }

                var day = serial % 2 == 0 ? new DateTime(2024, 10, 24) : end;
                var entered = At(day, new TimeSpan(14, 0, 0).Add(TimeSpan.FromMinutes(serial * 7 % 180)));

                // Breach: Егорова Полина (5А) got her English quarter mark only after the quarter had ended.
                if (student.Id == "s5-6" && subject == "eng")
                {
                    entered = At(new DateTime(2024, 10, 28), new TimeSpan(10, 15, 0));
                }

                marks.Add(new Mark
                {
                    Id = $"P-{student.Id}-{subject}-q1",
                    StudentId = student.Id,
                    SubjectId = subject,
                    PeriodId = "q1",
                    Date = end,
                    Kind = MarkKind.Period,
                    Value = QuarterMark(marks, student.Id, subject, end),
                    EnteredAt = entered,
                    EnteredBy = TeacherOf[subject],
                });
            }
        }
    }

    // The weighted mean of the quarter's current and written marks, rounded half up; «4» when there are none in the demo's weeks.
    private static string QuarterMark(List<Mark> marks, string studentId, string subjectId, DateTime end)
    {
        decimal sum = 0, weights = 0;
        foreach (var mark in marks.Where(m => m.StudentId == studentId && m.SubjectId == subjectId && m.Date <= end && m.Kind is MarkKind.Current or MarkKind.Written))
        {
            var weight = mark.Weight ?? 1m;
            sum += decimal.Parse(mark.Value, System.Globalization.CultureInfo.InvariantCulture) * weight;
            weights += weight;
        }

        return weights == 0 ? "4" : Math.Round(sum / weights, MidpointRounding.AwayFromZero).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static (List<Account> Accounts, List<Login> Logins) AddAccounts(List<Student> students, List<StaffMember> staff)
    {
        var accounts = new List<Account>();
        var logins = new List<Login>();
        var created = At(new DateTime(2024, 8, 26), new TimeSpan(10, 0, 0));

        void Log(string accountId, DateTime date, TimeSpan time) => logins.Add(new Login { AccountId = accountId, At = At(date, time) });

        // Staff sign in on Mondays and Thursdays before lessons.
        for (var i = 0; i < staff.Count; i++)
        {
            var id = "u-" + staff[i].Id;
            for (var date = From; date <= To; date = date.AddDays(1))
            {
                if (date.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Thursday && date != new DateTime(2024, 11, 4))
                {
                    Log(id, date, new TimeSpan(8, 5 + i, 0));
                }
            }

            accounts.Add(new Account
            {
                Id = id,
                PersonId = staff[i].Id,
                Role = staff[i].Roles.Contains(StaffRole.Deputy) ? AccountRole.Administration : AccountRole.Teacher,
                CreatedAt = created,
                ActivatedAt = created.AddHours(23 + i),
                Active = true,
            });
        }

        // Pupils and parents: accounts made at the start of the year (or on enrolment); not all are activated or used.
        for (var i = 0; i < students.Count; i++)
        {
            var student = students[i];
            var since = student.EnrolledOn is { } on && on > new DateTime(2024, 9, 2) ? At(on, new TimeSpan(9, 0, 0)) : At(new DateTime(2024, 9, 2), new TimeSpan(9, 0, 0));
            var newcomer = since > At(From, TimeSpan.Zero);

            var pupilActivated = !newcomer && i % 4 != 3;
            var pupilId = "u-" + student.Id;
            if (pupilActivated && i % 3 != 2)
            {
                Log(pupilId, From.AddDays(i * 2 % 20), new TimeSpan(18, 30, 0));
                Log(pupilId, From.AddDays(21 + (i % 10)), new TimeSpan(19, 10, 0));
            }

            accounts.Add(new Account
            {
                Id = pupilId,
                PersonId = student.Id,
                Role = AccountRole.Student,
                CreatedAt = since,
                ActivatedAt = pupilActivated ? since.AddDays(1 + (i % 5)) : null,
                Active = pupilActivated,
            });

            var parentActivated = newcomer || i % 6 != 5;
            var parentId = "u-p-" + student.Id;
            if (parentActivated && (newcomer || i % 2 == 0))
            {
                Log(parentId, newcomer ? new DateTime(2024, 10, 22) : From.AddDays(i % 7), new TimeSpan(20, 15, 0));
            }

            accounts.Add(new Account
            {
                Id = parentId,
                PersonId = "p-" + student.Id,
                Role = AccountRole.Parent,
                StudentIds = new[] { student.Id },
                CreatedAt = since,
                ActivatedAt = parentActivated ? since.AddHours(6 + i) : null,
                Active = parentActivated,
            });
        }

        var last = logins.GroupBy(l => l.AccountId).ToDictionary(g => g.Key, g => g.Max(l => l.At));
        for (var i = 0; i < accounts.Count; i++)
        {
            if (last.TryGetValue(accounts[i].Id, out var at))
            {
                accounts[i] = accounts[i] with { LastLoginAt = at };
            }
        }

        return (accounts, logins.OrderBy(l => l.At).ThenBy(l => l.AccountId, StringComparer.Ordinal).ToList());
    }

    private static List<ArchiveRecord> ArchiveRegister()
    {
        ArchiveRecord Record(string id, ArchiveDocumentType type, string year, DateTime archivedOn, DateTime? destroyedOn = null) =>
            new() { Id = id, DocumentType = type, SchoolYear = year, ArchivedOn = archivedOn, DestroyedOn = destroyedOn };

        // On 18 October 2024 the old papers were cleared out by one act of destruction: the 2018/2019 journals
        // (5 years of clause 6.2 count from 1 January 2020, so they were due only on 1 January 2025) and, by mistake,
        // that year's summary sheet (75 years, clause 6.3). The 2017/2018 journals, due since 1 January 2024, stayed.
        var cleared = new DateTime(2024, 10, 18);
        return new List<ArchiveRecord>
        {
            Record("AR-2018-1", ArchiveDocumentType.ClassJournal, "2017/2018", new DateTime(2018, 6, 27)),
            Record("AR-2018-2", ArchiveDocumentType.SummarySheet, "2017/2018", new DateTime(2018, 6, 27)),
            Record("AR-2019-1", ArchiveDocumentType.ClassJournal, "2018/2019", new DateTime(2019, 6, 27), cleared),
            Record("AR-2019-2", ArchiveDocumentType.SummarySheet, "2018/2019", new DateTime(2019, 6, 27), cleared),
            Record("AR-2020-1", ArchiveDocumentType.ClassJournal, "2019/2020", new DateTime(2020, 6, 26)),
            Record("AR-2020-2", ArchiveDocumentType.SummarySheet, "2019/2020", new DateTime(2020, 6, 26)),
            Record("AR-2024-1", ArchiveDocumentType.ClassJournal, "2023/2024", new DateTime(2024, 6, 27)),
            Record("AR-2024-2", ArchiveDocumentType.SummarySheet, "2023/2024", new DateTime(2024, 6, 27)),
            Record("AR-2024-3", ArchiveDocumentType.ElectronicCopy, "2023/2024", new DateTime(2024, 6, 28)),
        };
    }

    private static void ApplyBreaches(List<Lesson> lessons, List<Mark> marks, List<Absence> absences)
    {
        void Lesson(string id, Func<Lesson, Lesson> change)
        {
            var i = lessons.FindIndex(l => l.Id == id);
            lessons[i] = change(lessons[i]);
        }

        void MarkOf(string id, Func<Mark, Mark> change)
        {
            var i = marks.FindIndex(m => m.Id == id);
            marks[i] = change(marks[i]);
        }

        // Topic written only after the holiday weekend.
        Lesson("L-c5a-20241101-3", l => l with { TopicEnteredAt = At(new DateTime(2024, 11, 5), new TimeSpan(9, 12, 0)) });

        // No topic at all.
        Lesson("L-c9b-20241114-1", l => l with { Topic = null, TopicEnteredAt = null });

        // Topic first seen by a sync the next morning; the previous sync (20:00) did not see it: a possible breach.
        Lesson("L-c5a-20241108-4", l => l with { TopicEnteredAfter = At(l.Date, new TimeSpan(20, 0, 0)), TopicEnteredAt = At(l.Date.AddDays(1), new TimeSpan(10, 0, 0)) });

        // Homework entered the next evening.
        Lesson("L-c9b-20241112-3", l => l with { Homework = "Выучить наизусть стихотворение (по выбору)", HomeworkEnteredAt = At(new DateTime(2024, 11, 13), new TimeSpan(19, 0, 0)) });

        // A cancelled lesson without a topic: excluded from every rule.
        Lesson("L-c5a-20241113-4", l => l with { Held = false, HeldAt = null, Topic = null, TopicEnteredAt = null, Homework = null, HomeworkEnteredAt = null });
        marks.RemoveAll(m => m.LessonId == "L-c5a-20241113-4");

        // Midnight: one current mark at 23:59 (on time), one 30 seconds after midnight (late).
        MarkOf("M-L-c5a-20241031-4-1", m => m with { EnteredAt = At(m.Date, new TimeSpan(23, 59, 0)) });
        MarkOf("M-L-c5a-20241031-4-2", m => m with { EnteredAt = At(m.Date.AddDays(1), new TimeSpan(0, 0, 30)) });

        // A mark corrected five days later; clause 3.6.8 forbids corrections.
        MarkOf("M-L-c9b-20241106-2-1", m => m with
        {
            Value = "3",
            Revisions = new[] { new MarkRevision { At = At(new DateTime(2024, 11, 11), new TimeSpan(17, 20, 0)), By = "t2", From = "2", To = "3" } },
        });
    }
}
