using System;
using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Model;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Reports;

/// <summary>Snapshots for the school reports, built in code with the numbers the tests assert.</summary>
internal static class ReportData
{
    public static readonly Period Q1 = new() { Id = "q1", Name = "1 четверть", Kind = PeriodKind.Quarter, Start = D("2024-09-02"), End = D("2024-10-27") };
    public static readonly Period Q2 = new() { Id = "q2", Name = "2 четверть", Kind = PeriodKind.Quarter, Start = D("2024-11-05"), End = D("2024-12-28") };
    public static readonly Period Q3 = new() { Id = "q3", Name = "3 четверть", Kind = PeriodKind.Quarter, Start = D("2025-01-09"), End = D("2025-03-21") };
    public static readonly Period Q4 = new() { Id = "q4", Name = "4 четверть", Kind = PeriodKind.Quarter, Start = D("2025-03-31"), End = D("2025-05-26") };
    public static readonly Period Year = new() { Id = "y", Name = "Учебный год", Kind = PeriodKind.Year, Start = D("2024-09-02"), End = D("2025-05-26") };

    /// <summary>A school with class 9А (students st1…st6), 10Б (st7) and subjects Алгебра, Русский язык, История.</summary>
    public static GradebookSnapshot School(IEnumerable<Mark>? marks = null, IEnumerable<Student>? extraStudents = null, IEnumerable<Lesson>? lessons = null, string? subjectName = null) => new()
    {
        Source = new SnapshotSource
        {
            Connector = "file",
            FetchedAt = T("2025-06-01T00:00:00+05:00"),
            From = D("2024-09-01"),
            To = D("2025-05-31"),
            Capabilities = new[] { Capability.Lessons, Capability.Marks, Capability.Periods, Capability.Accounts, Capability.Logins },
        },
        School = new School { Id = "sch1", Name = "Лицей № 1", TimeZone = "Asia/Yekaterinburg", WorkWeek = 5 },
        Periods = new[] { Q1, Q2, Q3, Q4, Year },
        Subjects = new[]
        {
            new Subject { Id = "alg", Name = subjectName ?? "Алгебра" },
            new Subject { Id = "rus", Name = "Русский язык" },
            new Subject { Id = "his", Name = "История" },
        },
        Classes = new[]
        {
            new SchoolClass { Id = "10b", Name = "10Б", Grade = 10 },
            new SchoolClass { Id = "9a", Name = "9А", Grade = 9, HomeroomTeacherId = "t1" },
        },
        Students = new[]
        {
            new Student { Id = "st1", Name = "Иванов Иван", ClassId = "9a", EnrolledOn = D("2024-09-01") },
            new Student { Id = "st2", Name = "Петрова Мария", ClassId = "9a", EnrolledOn = D("2024-09-01") },
            new Student { Id = "st3", Name = "Сидоров Пётр", ClassId = "9a", EnrolledOn = D("2024-09-01") },
            new Student { Id = "st4", Name = "Кузнецова Анна", ClassId = "9a", EnrolledOn = D("2024-09-01") },
            new Student { Id = "st5", Name = "Смирнов Олег", ClassId = "9a", EnrolledOn = D("2024-09-01") },
            new Student { Id = "st6", Name = "Волкова Ольга", ClassId = "9a", EnrolledOn = D("2024-09-01") },
            new Student { Id = "st7", Name = "Орлов Денис", ClassId = "10b", EnrolledOn = D("2024-09-01") },
        }.Concat(extraStudents ?? Array.Empty<Student>()).ToList(),
        Staff = new[]
        {
            new StaffMember { Id = "t1", Name = "Белова Анна Сергеевна", Roles = new[] { StaffRole.Teacher, StaffRole.ClassTeacher } },
            new StaffMember { Id = "d1", Name = "Соколов Игорь Николаевич", Roles = new[] { StaffRole.Director } },
        },
        Lessons = (lessons ?? new[]
        {
            new Lesson { Id = "l1", ClassId = "9a", SubjectId = "alg", TeacherId = "t1", Date = D("2024-09-10") },
            new Lesson { Id = "l2", ClassId = "9a", SubjectId = "his", TeacherId = "t1", Date = D("2024-09-11") },
            new Lesson { Id = "l3", ClassId = "10b", SubjectId = "alg", TeacherId = "t1", Date = D("2024-09-11") },
        }).ToList(),
        Marks = (marks ?? Array.Empty<Mark>()).ToList(),
    };

    private static int _next;

    /// <summary>A mark.</summary>
    public static Mark M(string student, string subject, string date, string value, MarkKind kind = MarkKind.Current, string? period = null) => new()
    {
        Id = "m" + System.Threading.Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture),
        StudentId = student,
        SubjectId = subject,
        Date = D(date),
        Kind = kind,
        PeriodId = period,
        Value = value,
    };
}
