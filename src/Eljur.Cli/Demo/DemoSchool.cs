using System;
using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Model;

namespace Eljur.Cli.Demo;

/// <summary>
/// The embedded demo school: two classes, five subjects, four weeks of lessons around the
/// 4 November 2024 holiday, with marks, absences and a handful of deliberate breaches. Built in code,
/// deterministically, so the demo needs no files and gives the same report every time.
/// </summary>
internal static class DemoSchool
{
    public const string TimeZone = "Asia/Yekaterinburg";

    // Declared first: the fields below are initialised in textual order and use it.
    private static readonly TimeSpan Offset = TimeSpan.FromHours(5);

    public static readonly DateTime From = new(2024, 10, 21);
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

        AddTests(lessons, marks, students);
        AddAbsences(absences, lessons);
        ApplyBreaches(lessons, marks, absences);

        return new GradebookSnapshot
        {
            Source = new SnapshotSource
            {
                Connector = "demo",
                Instance = "demo-school",
                FetchedAt = new DateTimeOffset(2024, 11, 20, 11, 30, 0, Offset),
                From = From,
                To = To,
                Capabilities = new[]
                {
                    Capability.Lessons, Capability.Topics, Capability.Homework, Capability.Marks, Capability.Absences,
                    Capability.Periods, Capability.EntryTimes, Capability.Revisions, Capability.Authors, Capability.LessonTimes,
                },
            },
            School = new School { Id = "demo", Name = "Демонстрационная школа № 1", TimeZone = TimeZone, WorkWeek = 5, Region = "Республика Башкортостан" },
            Periods = new[]
            {
                new Period { Id = "q1", Name = "1 четверть", Kind = PeriodKind.Quarter, Start = new DateTime(2024, 9, 2), End = new DateTime(2024, 10, 25) },
                new Period { Id = "q2", Name = "2 четверть", Kind = PeriodKind.Quarter, Start = new DateTime(2024, 11, 5), End = new DateTime(2024, 12, 28) },
            },
            Holidays = new[]
            {
                new Vacation { Start = new DateTime(2024, 12, 30), End = new DateTime(2025, 1, 8), Name = "Зимние каникулы" },
            },
            Subjects = subjects,
            Classes = classes,
            Students = students,
            Staff = staff,
            Lessons = lessons,
            Absences = absences,
            Marks = marks,
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
        var classmates = students.Where(s => s.ClassId == lesson.ClassId).ToList();
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
        var classmates = students.Where(s => s.ClassId == lesson.ClassId).ToList();
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
