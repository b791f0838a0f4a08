using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Eljur.Connectors.MosregPortal.Tests.Mock;

/// <summary>
/// The mock school, a Moscow-region lyceum over two weeks (Mon 23 September – Sun 6 October 2024,
/// crossing a month boundary). Every id is above 2^53 (2.3·10^18 + n), and neighbours differ by
/// less than a double can tell apart. The data is designed for exact metric values:
/// <list type="bullet">
/// <item>classes 5А, 10А (with the English subgroup «10А англ. 1 гр.») and 11А; 11А has no lessons:
/// classes-with-schedule 2/3;</item>
/// <item>16 lessons, one cancelled (#14): 15 held; topics blank on #4, #10, #15, #12 blank but with
/// homework: lessons-with-topic-or-homework 12/15;</item>
/// <item>no mark, absence or «conducted» status on #4 and #10: lessons-with-journal-entry 13/15;</item>
/// <item>the first entry within 24 h of the end of the lesson day on #1, #3, #5, #6, #9, #12, #13,
/// #16: lessons-filled-within-24h 8/15.</item>
/// </list>
/// The shapes of vendors.md's "More shapes" list live here too: work types by numeric id
/// (<see cref="WorkTypes"/>), a mark with <c>lesson: null</c> that reaches #1 through its homework,
/// final marks per person with a null reporting period for a year mark, teachers named only by
/// <c>people</c> or <c>persons/{p}</c>, and the school found through <c>users/me/context</c>.
/// </summary>
internal sealed class MockSchool
{
    public const long IdBase = 2_300_000_000_000_000_000;

    public const string Token = "mosreg-access-3f9c2a7d1e8b4c6f";
    public const string RefreshToken = "mosreg-refresh-b71e0c9a4d2f";
    public const string ClientId = "eljur-sdk-tests";
    public const string ClientSecret = "client-secret-5a8e2c1f9d3b";

    public static readonly DateTime From = new(2024, 9, 23);
    public static readonly DateTime To = new(2024, 10, 6);

    /// <summary>Creates the school.</summary>
    /// <param name="includeUnmappable">Adds one final mark of a reporting period the class does not have: a record no connector can map.</param>
    public MockSchool(bool includeUnmappable = false)
    {
        var c5 = new MockGroup(Id(11), "5А", 5, null);
        var c10 = new MockGroup(Id(12), "10А", 10, null);
        var c11 = new MockGroup(Id(13), "11А", 11, null);
        var sub = new MockGroup(Id(14), "10А англ. 1 гр.", 10, c10.Id);
        Groups = new[] { c5, c10, c11, sub };

        Students = new[]
        {
            new MockStudent(Id(101), "Иванов", "Иван", "Сергеевич", c5),
            new MockStudent(Id(102), "Петрова", "Анна", "Викторовна", c5),
            new MockStudent(Id(103), "Сидоров", "Пётр", "Ильич", c5),
            new MockStudent(Id(104), "Кузнецова", "Мария", "Андреевна", c10),
            new MockStudent(Id(105), "Смирнов", "Алексей", "Олегович", c10),
            new MockStudent(Id(106), "Орлов", "Олег", "Петрович", c11),
        };

        var math = new MockSubject(Id(21), "Математика");
        var russian = new MockSubject(Id(22), "Русский язык");
        var algebra = new MockSubject(Id(23), "Алгебра");
        var english = new MockSubject(Id(24), "Английский язык");
        Subjects = new Dictionary<string, MockSubject[]>
        {
            [c5.Id] = new[] { math, russian },
            [c10.Id] = new[] { algebra },
            [c11.Id] = new[] { algebra, russian },
            [sub.Id] = new[] { english },
        };

        // Васильева and Николаева are listed by schools/{s}/people?role=teacher; Зайцева (a part-timer
        // the list leaves out, with userId null) only by persons/{p}.
        var vasilyeva = new MockTeacher(Id(31), "Васильева Е. П.", "Васильева", "Елена", "Петровна", InPeopleList: true);
        var nikolaeva = new MockTeacher(Id(32), "Николаева О. И.", "Николаева", "Ольга", "Ивановна", InPeopleList: true);
        var zaitseva = new MockTeacher(Id(33), "Зайцева Т. А.", "Зайцева", "Татьяна", "Андреевна", InPeopleList: false);
        Teachers = new[] { vasilyeva, nikolaeva, zaitseva };
        ContextSchools = new List<(string Id, string Name)> { (SchoolId, "Лицей № 5") };

        Periods = new[]
        {
            new MockPeriod(Id(41), "1 четверть", "Quarter", 1, new DateTime(2024, 9, 2), new DateTime(2024, 10, 27)),
            new MockPeriod(Id(42), "2 четверть", "Quarter", 2, new DateTime(2024, 11, 5), new DateTime(2024, 12, 28)),
            new MockPeriod(Id(43), "Учебный год", "Year", 1, new DateTime(2024, 9, 2), new DateTime(2025, 5, 26)),
        };

        var s = Students.ToDictionary(x => x.LastName);
        MockLesson L(int k, int month, int day, MockGroup g, MockSubject subj, MockTeacher t, int number, string? title, string status = "Planned", string? homework = null) =>
            new(k, Id(1000 + k), new DateTime(2024, month, day), g, subj, t, number, title, status, homework is null ? null : new MockWork(Id(2000 + k), homework, "Homework"));

        Lessons = new[]
        {
            L(1, 9, 23, c5, math, vasilyeva, 1, "Натуральные числа и шкалы", homework: "№ 12, 15 на с. 8")
                .Mark(s["Иванов"], "5", "LessonAnswer", At(9, 23, 10, 15, 22, 437)).Mark(s["Петрова"], "4", "LessonAnswer", At(9, 23, 10, 20))
                .HomeworkMark(s["Сидоров"], "4", At(9, 25, 18, 0)),
            L(2, 9, 23, c10, algebra, vasilyeva, 3, "Числовые функции").Control().Mark(s["Кузнецова"], "4", "ControlWork", At(9, 26, 16, 0)),
            L(3, 9, 24, c5, russian, nikolaeva, 2, "Звуки речи").Log(s["Сидоров"], "Ill", At(9, 24, 9, 0)).Log(s["Иванов"], "Attend", At(9, 24, 9, 1)),
            L(4, 9, 25, c5, math, vasilyeva, 1, ""),
            L(5, 9, 25, sub, english, zaitseva, 4, "Present Simple", homework: "Упр. 3, с. 14").Mark(s["Кузнецова"], "5", "LessonAnswer", At(9, 26, 18, 0)),
            L(6, 9, 26, c5, russian, nikolaeva, 2, "Имя существительное").Mark(s["Петрова"], "3", "Dictation", At(9, 26, 12, 0)),
            L(7, 9, 26, c10, algebra, vasilyeva, 3, "Показательная функция").Log(s["Смирнов"], "Pass", At(9, 28, 10, 0)).Mark(s["Кузнецова"], "5", "LessonAnswer", At(10, 1, 9, 0)),
            L(8, 9, 27, c5, math, vasilyeva, 1, "Обыкновенные дроби", status: "Conducted"),
            L(9, 9, 30, c5, math, vasilyeva, 1, "Сложение дробей", homework: "№ 40, 41").Mark(s["Иванов"], "3", "DefaultNewLessonWork", At(9, 30, 11, 0)).Log(s["Петрова"], "Absent", At(9, 30, 8, 40)),
            L(10, 9, 30, c10, algebra, vasilyeva, 3, null),
            L(11, 10, 1, c5, russian, nikolaeva, 2, "Падежи имён существительных").Mark(s["Сидоров"], "4", "Essay", At(10, 8, 15, 0)),
            L(12, 10, 2, c5, math, vasilyeva, 1, "", homework: "Повторить таблицу умножения").Log(s["Иванов"], "Late", At(10, 2, 9, 5)),
            L(13, 10, 2, sub, english, zaitseva, 4, "Past Simple").Mark(s["Смирнов"], "4", "LessonAnswer", At(10, 2, 13, 0)),
            L(14, 10, 3, c5, russian, nikolaeva, 2, "Глагол", status: "Canceled"),
            L(15, 10, 3, c10, algebra, vasilyeva, 3, "   ", status: "Conducted"),
            L(16, 10, 4, c5, math, vasilyeva, 1, "Умножение дробей").Mark(s["Петрова"], "5", "LessonAnswer", At(10, 5, 9, 0)),
        };

        // Year marks come both ways: with no reporting period (null) and with the Year period.
        var finals = new List<MockFinalMark>
        {
            new(Id(4001), s["Иванов"], math, Periods[0], "5", At(10, 25, 14, 0)),
            new(Id(4002), s["Кузнецова"], algebra, Periods[0], "4", At(10, 26, 10, 0)),
            new(Id(4003), s["Петрова"], math, Periods[1], "5", new DateTime(2024, 12, 27, 15, 0, 0)),
            new(Id(4004), s["Иванов"], math, null, "5", new DateTime(2025, 5, 26, 12, 0, 0)),
            new(Id(4005), s["Кузнецова"], algebra, Periods[2], "4", new DateTime(2025, 5, 26, 12, 5, 0)),
            new(Id(4006), s["Иванов"], russian, Periods[0], "4", At(10, 25, 14, 5)),
        };
        if (includeUnmappable)
        {
            finals.Add(new MockFinalMark(Id(4009), s["Петрова"], russian, UnknownPeriod, "4", At(10, 25, 15, 0)));
        }

        FinalMarks = finals;
    }

    /// <summary>A reporting period the classes do not have (only an unmappable final mark names it).</summary>
    public static MockPeriod UnknownPeriod { get; } = new(Id(49), "3 четверть", "Quarter", 3, new DateTime(2024, 9, 2), new DateTime(2024, 10, 27));

    /// <summary>The school's work types (<c>work-types/{school}</c>); marks and works of classes carry these ids.</summary>
    public static IReadOnlyList<MockWorkType> WorkTypes { get; } = new[]
    {
        new MockWorkType(1, "LessonAnswer", "CommonWork", "Ответ на уроке", "О", 1),
        new MockWorkType(2, "DefaultNewLessonWork", "CommonWork", "Работа на уроке", "Р", 1),
        new MockWorkType(3, "Homework", "Homework", "Домашнее задание", "ДЗ", 1),
        new MockWorkType(31, "ControlWork", "Test", "Контрольная работа", "КР", 2),
        new MockWorkType(35, "Dictation", "CommonWork", "Диктант", "Д", 2),
        new MockWorkType(36, "Essay", "CommonWork", "Сочинение", "Соч", 2),
    };

    public static long WorkTypeId(string code) => WorkTypes.Single(t => t.Code == code).Id;

    public IReadOnlyList<MockTeacher> Teachers { get; }

    /// <summary>The schools <c>users/me/context</c> lists (one by default; a test may add more).</summary>
    public List<(string Id, string Name)> ContextSchools { get; }

    /// <summary>The school's <c>timeZone</c>: an int, hours from UTC.</summary>
    public int TimeZoneHours { get; set; } = 3;

    public string SchoolId { get; } = Id(1);

    public string SchoolName { get; } = "МБОУ «Лицей № 5» г. Красногорска";

    public IReadOnlyList<MockGroup> Groups { get; }

    public IReadOnlyList<MockStudent> Students { get; }

    public IReadOnlyDictionary<string, MockSubject[]> Subjects { get; }

    public IReadOnlyList<MockPeriod> Periods { get; }

    public IReadOnlyList<MockLesson> Lessons { get; }

    public IReadOnlyList<MockFinalMark> FinalMarks { get; }

    public IEnumerable<MockWork> Works => Lessons.Where(l => l.Homework is not null).Select(l => l.Homework!);

    public static string Id(long n) => (IdBase + n).ToString(CultureInfo.InvariantCulture);

    private static DateTime At(int month, int day, int hour, int minute, int second = 0, int ms = 0) => new(2024, month, day, hour, minute, second, ms);
}

internal sealed record MockGroup(string Id, string Name, int Grade, string? ParentId)
{
    public bool IsClass => ParentId is null;
}

internal sealed record MockStudent(string Id, string LastName, string FirstName, string MiddleName, MockGroup Class)
{
    public string ShortName => $"{LastName} {FirstName}";
}

internal sealed record MockSubject(string Id, string Name);

internal sealed record MockTeacher(string Id, string ShortName, string LastName, string FirstName, string MiddleName, bool InPeopleList);

/// <summary>A work type: <see cref="Code"/> is what the old string <c>workType</c> said.</summary>
internal sealed record MockWorkType(long Id, string Code, string Kind, string Title, string Abbr, int Weight);

internal sealed record MockPeriod(string Id, string Name, string Type, int Number, DateTime Start, DateTime Finish);

internal sealed record MockWork(string Id, string Text, string Type);

/// <summary>A mark; <see cref="ForWork"/>: sent with <c>lesson: null</c>, its lesson reached through its homework work.</summary>
internal sealed record MockMark(string Id, MockStudent Student, string Value, string WorkType, DateTime Entered, bool ForWork = false);

internal sealed record MockLogEntry(MockStudent Student, string Status, DateTime Created);

/// <summary>A final mark; <see cref="Period"/> null is the year mark sent with <c>reportingPeriod: null</c>.</summary>
internal sealed record MockFinalMark(string Id, MockStudent Student, MockSubject Subject, MockPeriod? Period, string Value, DateTime Entered);

internal sealed class MockLesson
{
    public MockLesson(int number, string id, DateTime date, MockGroup group, MockSubject subject, MockTeacher teacher, int lessonNumber, string? title, string status, MockWork? homework)
    {
        Index = number;
        Id = id;
        Date = date;
        Group = group;
        Subject = subject;
        Teacher = teacher;
        Number = lessonNumber;
        Title = title;
        Status = status;
        Homework = homework;
    }

    /// <summary>The lesson's number in the design table (#1–#16).</summary>
    public int Index { get; }

    public string Id { get; }

    public DateTime Date { get; }

    public MockGroup Group { get; }

    public MockSubject Subject { get; }

    public MockTeacher Teacher { get; }

    public int Number { get; }

    public string? Title { get; }

    public string Status { get; }

    public MockWork? Homework { get; }

    /// <summary>A control work (контрольная) was set at this lesson.</summary>
    public bool IsControl { get; private set; }

    public List<MockMark> Marks { get; } = new();

    public List<MockLogEntry> LogEntries { get; } = new();

    public string CommonWorkId => MockSchool.Id(5000 + Index);

    public MockLesson Mark(MockStudent student, string value, string workType, DateTime entered)
    {
        Marks.Add(new MockMark(MockSchool.Id(3000 + (Index * 10) + Marks.Count), student, value, workType, entered));
        return this;
    }

    /// <summary>A mark for this lesson's homework, sent with <c>lesson: null</c> and the work's id.</summary>
    public MockLesson HomeworkMark(MockStudent student, string value, DateTime entered)
    {
        Marks.Add(new MockMark(MockSchool.Id(3000 + (Index * 10) + Marks.Count), student, value, "Homework", entered, ForWork: true));
        return this;
    }

    public MockLesson Log(MockStudent student, string status, DateTime created)
    {
        LogEntries.Add(new MockLogEntry(student, status, created));
        return this;
    }

    public MockLesson Control()
    {
        IsControl = true;
        return this;
    }
}
