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

    public MockSchool()
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

        var vasilyeva = new MockTeacher(Id(31), "Васильева Е. П.");
        var nikolaeva = new MockTeacher(Id(32), "Николаева О. И.");
        var zaitseva = new MockTeacher(Id(33), "Зайцева Т. А.");

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
                .Mark(s["Иванов"], "5", "LessonAnswer", At(9, 23, 10, 15, 22, 437)).Mark(s["Петрова"], "4", "LessonAnswer", At(9, 23, 10, 20)),
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

        FinalMarks = new[]
        {
            new MockFinalMark(Id(4001), s["Иванов"], math, Periods[0], "5", At(10, 25, 14, 0)),
            new MockFinalMark(Id(4002), s["Кузнецова"], algebra, Periods[0], "4", At(10, 26, 10, 0)),
            new MockFinalMark(Id(4003), s["Петрова"], math, Periods[1], "5", new DateTime(2024, 12, 27, 15, 0, 0)),
        };
    }

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

internal sealed record MockTeacher(string Id, string ShortName);

internal sealed record MockPeriod(string Id, string Name, string Type, int Number, DateTime Start, DateTime Finish);

internal sealed record MockWork(string Id, string Text, string Type);

internal sealed record MockMark(string Id, MockStudent Student, string Value, string WorkType, DateTime Entered);

internal sealed record MockLogEntry(MockStudent Student, string Status, DateTime Created);

internal sealed record MockFinalMark(string Id, MockStudent Student, MockSubject Subject, MockPeriod Period, string Value, DateTime Entered);

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
