using System;
using System.Collections.Generic;
using System.Linq;

namespace Eljur.Connectors.Eljur.Tests.Mock;

/// <summary>A student of the mock school. <see cref="IdAsNumber"/>: the API sends this id as a JSON number.</summary>
internal sealed record MockStudent(string Id, string Name, string ClassName, bool IdAsNumber);

/// <summary>A homework entry of a diary lesson.</summary>
internal sealed record MockHomework(long Id, string Value, bool Individual);

/// <summary>
/// A lesson of the mock school as the vendor stores it. <see cref="LessonId"/> is what the API sends
/// (a number, a string, or nothing); <see cref="IsControl"/> is sent as given (1, "1", true or absent).
/// </summary>
internal sealed record MockLesson(
    object? LessonId,
    string ClassName,
    DateTime Date,
    int Number,
    string Subject,
    string TeacherRaw,
    string? Group,
    string Room,
    TimeSpan Start,
    TimeSpan End,
    object? IsControl,
    string TopicRaw,
    IReadOnlyList<MockHomework> Homework)
{
    public bool Control => IsControl is true or 1 or "1";

    /// <summary>An extracurricular lesson (кружок), served in the day's <c>items_extday</c>.</summary>
    public bool Extday { get; init; }
}

/// <summary>A work type (<c>mtype</c>).</summary>
internal sealed record MockWorkType(int Id, string Type, string Short);

/// <summary>A mark cell of the mock journal, sent as is by <c>getmarks</c> (absences and phantoms included).</summary>
internal sealed record MockMark(
    string StudentId,
    MockLesson Lesson,
    string Value,
    object? Weight,
    object? WeightFloat,
    MockWorkType? Type,
    int? Number,
    string Comment,
    bool LessonIdOnMark);

/// <summary>A period of the school year.</summary>
internal sealed record MockPeriod(string Name, string FullName, DateTime Start, DateTime End, bool Disabled);

/// <summary>A final (period or year) mark.</summary>
internal sealed record MockFinal(string StudentId, string Subject, string Period, string Value);

/// <summary>An account of the mock school.</summary>
internal sealed record MockAccount(string Login, string Password, string Title, bool IsStaff, IReadOnlyList<string> Classes, IReadOnlyList<string> HomeClasses, IReadOnlyList<string> StudentIds);

/// <summary>
/// The mock ЭлЖур school: a deterministic half-year of two classes in Russian, with every quirk of
/// <c>vendors.md</c> planted in known places (see the constants). The mock server serves it; the
/// tests compute what the snapshot must hold from it.
/// </summary>
internal sealed class MockSchool
{
    public const string Vendor = "gymnasium7";
    public const string DevKey = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    public const string TeacherLogin = "ivanova.mp";
    public const string TeacherPassword = "Секрет-Учителя&42!";
    public const string ParentLogin = "petrov.parent";
    public const string ParentPassword = "Родитель#Пароль 7";
    public const string TeacherName = "Иванова Мария Петровна";
    public const string HugeLessonId = "9007199254740993"; // 2^53 + 1: a double would make it …992
    public const string Autumn = "Осенние каникулы";

    /// <summary>A school day without lessons (a methodical day): the diary lists it with <c>items: null</c>.</summary>
    public static readonly DateTime NoLessonsDay = new(2024, 10, 4);

    public static readonly DateTime YearStart = new(2024, 9, 2);
    public static readonly DateTime Generated = new(2024, 12, 28);

    private static readonly (TimeSpan Start, TimeSpan End)[] Rings =
    {
        (new TimeSpan(8, 30, 0), new TimeSpan(9, 15, 0)),
        (new TimeSpan(9, 25, 0), new TimeSpan(10, 10, 0)),
        (new TimeSpan(10, 30, 0), new TimeSpan(11, 15, 0)),
        (new TimeSpan(11, 35, 0), new TimeSpan(12, 20, 0)),
        (new TimeSpan(12, 30, 0), new TimeSpan(13, 15, 0)),
        (new TimeSpan(13, 25, 0), new TimeSpan(14, 10, 0)),
    };

    public static readonly MockWorkType Oral = new(1, "Ответ на уроке", "УО");
    public static readonly MockWorkType Homework = new(2, "Домашняя работа", "ДЗ");
    public static readonly MockWorkType Independent = new(3, "Самостоятельная работа", "СР");
    public static readonly MockWorkType Control = new(5, "Контрольная работа", "КР");

    /// <summary>The teachers' ids: sent as <c>teacher_id</c> (except on Mondays); Орлова has none, so she is known by name.</summary>
    public static readonly IReadOnlyDictionary<string, int> TeacherIds = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [TeacherName] = 301,
        ["Смирнова Ольга Викторовна"] = 302,
        ["Кузнецов Андрей Игоревич"] = 303,
        ["Соколова Елена Николаевна"] = 304,
        ["Лебедева Анна Юрьевна"] = 305,
        ["Морозов Денис Ильич"] = 306,
        ["Никитина Вера Алексеевна"] = 307,
        ["Волков Глеб Сергеевич"] = 308,
    };

    /// <summary>Creates the school.</summary>
    /// <param name="includeUnmappable">Adds one absence mark («Н») on a Saturday without lessons: a record no connector can place.</param>
    public MockSchool(bool includeUnmappable = false)
    {
        Students = new List<MockStudent>
        {
            new("1001", "Петров Пётр Сергеевич", "10А", true),
            new("1002", "Алексеева Дарья Игоревна", "10А", false),
            new("1003", "Белов Кирилл Андреевич", "10А", true),
            new("1004", "Гусева Полина Олеговна", "10А", false),
            new("1005", "Дмитриев Артём Павлович", "10А", true),
            new("2001", "Петрова Анна Сергеевна", "9Б", false),
            new("2002", "Егоров Иван Романович", "9Б", true),
            new("2003", "Жукова Софья Максимовна", "9Б", false),
            new("2004", "Зайцев Лев Денисович", "9Б", true),
        };

        Accounts = new List<MockAccount>
        {
            new(TeacherLogin, TeacherPassword, TeacherName, true, new[] { "10А", "9Б" }, new[] { "10А" }, Array.Empty<string>()),
            new(ParentLogin, ParentPassword, "Петров Сергей Николаевич", false, Array.Empty<string>(), Array.Empty<string>(), new[] { "1001", "2001" }),
        };

        Periods = new List<MockPeriod>
        {
            new("1 четверть", "1-я четверть", new DateTime(2024, 9, 2), new DateTime(2024, 10, 27), false),
            new("2 четверть", "2-я четверть", new DateTime(2024, 11, 5), new DateTime(2024, 12, 28), false),
            new("3 четверть", "3-я четверть", new DateTime(2025, 1, 9), new DateTime(2025, 3, 23), true),
            new("4 четверть", "4-я четверть", new DateTime(2025, 3, 31), new DateTime(2025, 5, 26), true),
        };

        Generate();
        GenerateExtracurricular();
        if (includeUnmappable)
        {
            var nowhere = new MockLesson(null, "10А", UnmappableDay, 1, "Алгебра", "Смирнова Ольга Викторовна", null, "", Rings[0].Start, Rings[0].End, null, "", Array.Empty<MockHomework>());
            Marks.Add(new MockMark("1001", nowhere, "Н", null, null, null, null, "", false));
        }
    }

    /// <summary>The Saturday the unmappable absence is dated on.</summary>
    public static readonly DateTime UnmappableDay = new(2024, 9, 14);

    public List<MockStudent> Students { get; }

    public List<MockAccount> Accounts { get; }

    public List<MockPeriod> Periods { get; }

    public List<MockLesson> Lessons { get; } = new();

    public List<MockMark> Marks { get; } = new();

    public List<MockFinal> Finals { get; } = new();

    /// <summary>Days of a vacation (Mon–Sat) that the diary reports with <c>holiday_name</c>.</summary>
    public List<DateTime> HolidayDays { get; } = new();

    public MockStudent Student(string id) => Students.Single(s => s.Id == id);

    public static bool IsAbsenceCode(string value) => value is "н" or "оп" or "Н" or "ОП";

    /// <summary>
    /// Extracurricular lessons (<c>items_extday</c>): 10А's robotics club on Thursdays (a lesson id,
    /// a teacher id, homework with one pupil's task) and 9Б's school theatre on Tuesdays (no ids).
    /// Built after the timetable so the seeded randomness of the rest stays as it was.
    /// </summary>
    private void GenerateExtracurricular()
    {
        long nextId = 880000;
        long nextHomeworkId = 90000;
        var week = 0;
        for (var date = YearStart; date <= Generated; date = date.AddDays(1))
        {
            var vacation = date >= new DateTime(2024, 10, 28) && date <= new DateTime(2024, 11, 4);
            if (vacation || date == NoLessonsDay)
            {
                continue;
            }

            if (date.DayOfWeek == DayOfWeek.Thursday)
            {
                week++;
                var homework = new List<MockHomework> { new(nextHomeworkId++, $"Собрать модель №&nbsp;{week}", false) };
                if (week % 3 == 0)
                {
                    homework.Add(new MockHomework(nextHomeworkId++, "Подготовить доклад о датчиках (Петров)", true));
                }

                Lessons.Add(new MockLesson(nextId++, "10А", date, 1, "Робототехника", "Волков Глеб Сергеевич", null, "301", new TimeSpan(15, 0, 0), new TimeSpan(15, 45, 0), null, week % 4 == 0 ? "" : $"Занятие {week}: датчики и моторы", homework) { Extday = true });
            }

            if (date.DayOfWeek == DayOfWeek.Tuesday)
            {
                Lessons.Add(new MockLesson(null, "9Б", date, 1, "Школьный театр", "Орлова Татьяна Михайловна", null, "Актовый зал", new TimeSpan(14, 30, 0), new TimeSpan(15, 15, 0), null, "Репетиция", Array.Empty<MockHomework>()) { Extday = true });
            }
        }
    }

    private void Generate()
    {
        var random = new Random(20240902);
        var weekTemplates = new Dictionary<string, (string Subject, string Teacher, string? Group)[][]>
        {
            ["10А"] = new[]
            {
                new[] { ("Алгебра", "Смирнова Ольга Викторовна", (string?)null), ("Русский язык", TeacherName, null), ("Физика", "Кузнецов Андрей Игоревич", null), ("История", "Соколова Елена Николаевна", null), ("Английский язык", "Лебедева Анна Юрьевна", "1 группа") },
                new[] { ("Литература", TeacherName, (string?)null), ("Алгебра", "Смирнова Ольга Викторовна", null), ("Английский язык", "Морозов Денис Ильич", "2 группа"), ("Физика", "Кузнецов Андрей Игоревич", null) },
                new[] { ("Русский язык", TeacherName, (string?)null), ("История", "Соколова Елена Николаевна", null), ("Алгебра", "Смирнова Ольга Викторовна", null), ("Литература", TeacherName, null), ("Физика", "Кузнецов Андрей Игоревич", null) },
                new[] { ("Алгебра", "Смирнова Ольга Викторовна", (string?)null), ("Английский язык", "Лебедева Анна Юрьевна", "1 группа"), ("Русский язык", TeacherName, null), ("История", "Соколова Елена Николаевна", null) },
                new[] { ("Физика", "Кузнецов Андрей Игоревич", (string?)null), ("Литература", TeacherName, null), ("Алгебра", "Смирнова Ольга Викторовна", null), ("Русский язык", TeacherName, null) },
            },
            ["9Б"] = new[]
            {
                new[] { ("Геометрия", "Смирнова Ольга Викторовна", (string?)null), ("Биология", "Орлова Татьяна Михайловна", null), ("Русский язык", TeacherName, null), ("Информатика", "Волков Глеб Сергеевич", null) },
                new[] { ("Химия", "Никитина Вера Алексеевна", (string?)null), ("Русский язык", TeacherName, null), ("Геометрия", "Смирнова Ольга Викторовна", null), ("Биология", "Орлова Татьяна Михайловна", null), ("Информатика", "Волков Глеб Сергеевич", null) },
                new[] { ("Русский язык", TeacherName, (string?)null), ("Химия", "Никитина Вера Алексеевна", null), ("Геометрия", "Смирнова Ольга Викторовна", null), ("Биология", "Орлова Татьяна Михайловна", null) },
                new[] { ("Информатика", "Волков Глеб Сергеевич", (string?)null), ("Геометрия", "Смирнова Ольга Викторовна", null), ("Русский язык", TeacherName, null), ("Химия", "Никитина Вера Алексеевна", null) },
                new[] { ("Биология", "Орлова Татьяна Михайловна", (string?)null), ("Русский язык", TeacherName, null), ("Геометрия", "Смирнова Ольга Викторовна", null), ("Химия", "Никитина Вера Алексеевна", null) },
            },
        };

        var topics = new[]
        {
            "Квадратные уравнения&nbsp;&mdash; решение задач",
            "Повторение: &laquo;Война и мир&raquo;, том&nbsp;1",
            "Законы Ньютона",
            "Реформы Петра&nbsp;I",
            "Present Perfect &amp; Past Simple",
            "Сложноподчинённые предложения",
            "Клетка &ndash; единица живого",
            "Строение атома",
            "Алгоритмы и исполнители",
            "Подобие треугольников",
        };

        long nextLessonId = 700100;
        long nextHomeworkId = 50000;
        var lessonCounter = 0;
        for (var date = YearStart; date <= Generated; date = date.AddDays(1))
        {
            var vacation = date >= new DateTime(2024, 10, 28) && date <= new DateTime(2024, 11, 4);
            if (vacation)
            {
                if (date.DayOfWeek != DayOfWeek.Sunday)
                {
                    HolidayDays.Add(date);
                }

                continue;
            }

            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || date == NoLessonsDay)
            {
                continue;
            }

            foreach (var (className, week) in weekTemplates)
            {
                var day = week[(int)date.DayOfWeek - 1];
                for (var i = 0; i < day.Length; i++)
                {
                    var (subject, teacher, group) = day[i];
                    lessonCounter++;
                    object? lessonId = (lessonCounter % 7) switch
                    {
                        0 => (nextLessonId++).ToString(System.Globalization.CultureInfo.InvariantCulture), // a string id
                        _ => nextLessonId++, // a number id
                    };

                    if (subject == "Информатика")
                    {
                        lessonId = null; // this subject's lessons come without lesson_id
                    }

                    if (className == "10А" && date == new DateTime(2024, 9, 4) && i == 0)
                    {
                        lessonId = ulong.Parse(HugeLessonId, System.Globalization.CultureInfo.InvariantCulture);
                    }

                    var weekOfYear = (date - YearStart).Days / 7;
                    object? isControl = null;
                    if ((subject is "Алгебра" or "Геометрия") && weekOfYear % 4 == 3 && date.DayOfWeek == DayOfWeek.Thursday)
                    {
                        isControl = 1;
                    }
                    else if (subject == "Русский язык" && weekOfYear % 5 == 4 && date.DayOfWeek == DayOfWeek.Wednesday)
                    {
                        isControl = "1";
                    }
                    else if (subject == "Физика" && weekOfYear == 5 && date.DayOfWeek == DayOfWeek.Friday)
                    {
                        isControl = true;
                    }

                    var topic = random.Next(12) == 0 ? "" : topics[random.Next(topics.Length)];
                    var homework = new List<MockHomework>();
                    var h = random.Next(10);
                    if (h < 6)
                    {
                        homework.Add(new MockHomework(nextHomeworkId++, $"§&nbsp;{random.Next(1, 30)}, упр.&nbsp;{random.Next(100, 400)}", false));
                    }

                    if (h == 6)
                    {
                        homework.Add(new MockHomework(nextHomeworkId++, "Прочитать &laquo;Капитанскую дочку&raquo;", false));
                        homework.Add(new MockHomework(nextHomeworkId++, "Доклад о Пушкине", true));
                    }

                    // The same teacher is sometimes written with a no-break space.
                    var teacherRaw = random.Next(6) == 0 ? teacher.Replace(" ", "&nbsp;", StringComparison.Ordinal) : teacher;
                    var lesson = new MockLesson(
                        lessonId, className, date, i + 1, subject, teacherRaw, group, (200 + random.Next(30)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Rings[i].Start, Rings[i].End, isControl, topic, homework);
                    Lessons.Add(lesson);
                    AddMarks(lesson, random);
                }
            }
        }

        foreach (var student in Students)
        {
            var subjects = Lessons.Where(l => l.ClassName == student.ClassName).Select(l => l.Subject).Distinct().OrderBy(s => s, StringComparer.Ordinal);
            foreach (var subject in subjects)
            {
                var value = random.Next(8) == 0 ? "" : random.Next(6) == 0 ? "зач" : (3 + random.Next(3)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Finals.Add(new MockFinal(student.Id, subject, "1 четверть", value));
                Finals.Add(new MockFinal(student.Id, subject, "2 четверть", ""));
                Finals.Add(new MockFinal(student.Id, subject, "Год", ""));
            }
        }
    }

    private void AddMarks(MockLesson lesson, Random random)
    {
        var classStudents = Students.Where(s => s.ClassName == lesson.ClassName).ToList();
        foreach (var student in classStudents)
        {
            var roll = random.Next(100);
            // Absences come in lower case (weighted, with mtype) and in capitals (no weight, no mtype).
            if (roll < 3)
            {
                Marks.Add(Marks.Count % 2 == 0
                    ? new MockMark(student.Id, lesson, "Н", null, null, null, null, "", true)
                    : new MockMark(student.Id, lesson, "н", 1, 1.0m, Oral, null, "", true));
                continue;
            }

            if (roll < 4)
            {
                Marks.Add(Marks.Count % 2 == 0
                    ? new MockMark(student.Id, lesson, "ОП", null, null, null, null, "", true)
                    : new MockMark(student.Id, lesson, "оп", 1, 1.0m, Oral, null, "", true));
            }

            var marks = lesson.Control ? 1 : roll < 30 ? 1 : roll < 33 ? 2 : 0;
            for (var k = 0; k < marks; k++)
            {
                var type = lesson.Control ? Control : random.Next(5) == 0 ? Independent : random.Next(4) == 0 ? Homework : Oral;
                var v = random.Next(40);
                var value = v switch
                {
                    0 => "3/5",
                    1 => "",
                    2 => "зач",
                    _ => (2 + random.Next(4)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                };

                object? weight = type == Control ? "2" : type == Independent ? 1.5m : random.Next(3) == 0 ? "1" : 1;
                object? weightFloat = type == Control ? 2.0m : type == Independent ? "1.5" : 1.0m;
                int? number = marks == 2 ? null : random.Next(10) == 0 ? null : k + 1;
                var comment = random.Next(10) == 0 ? "Молодец&nbsp;&mdash; так держать!" : "";
                Marks.Add(new MockMark(student.Id, lesson, value, weight, weightFloat, type, number, comment, random.Next(20) != 0));
            }
        }
    }
}
