using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;

namespace Eljur.Cli.Tests;

/// <summary>A small school year written as a snapshot file for the <c>eljur report</c> tests.</summary>
internal static class ReportSnapshot
{
    public static string Write(string dir, bool withPeriods = true)
    {
        static DateTime D(string s) => DateTime.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        static DateTimeOffset T(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);
        static Mark M(string id, string student, string subject, string date, string value, MarkKind kind = MarkKind.Current, string? period = null) =>
            new() { Id = id, StudentId = student, SubjectId = subject, Date = D(date), Kind = kind, PeriodId = period, Value = value };

        var snapshot = new GradebookSnapshot
        {
            Source = new SnapshotSource
            {
                Connector = "file",
                FetchedAt = T("2025-06-01T00:00:00+05:00"),
                From = D("2024-09-01"),
                To = D("2025-05-31"),
                Capabilities = new[] { Capability.Lessons, Capability.Marks, Capability.Periods, Capability.Accounts, Capability.Logins },
            },
            School = new School { Id = "s1", Name = "Гимназия № 7", TimeZone = "Asia/Yekaterinburg", WorkWeek = 5 },
            Periods = new[]
            {
                new Period { Id = "h1", Name = "1 полугодие", Kind = PeriodKind.HalfYear, Start = D("2024-09-02"), End = D("2024-12-28") },
                new Period { Id = "h2", Name = "2 полугодие", Kind = PeriodKind.HalfYear, Start = D("2025-01-09"), End = D("2025-05-26") },
            },
            Subjects = new[] { new Subject { Id = "math", Name = "Математика" }, new Subject { Id = "bio", Name = "Биология <b>&</b>" } },
            Classes = new[] { new SchoolClass { Id = "c7", Name = "7В", Grade = 7, HomeroomTeacherId = "t1" } },
            Students = new[]
            {
                new Student { Id = "p1", Name = "Алексеева Дарья", ClassId = "c7", EnrolledOn = D("2024-09-01") },
                new Student { Id = "p2", Name = "Борисов Глеб", ClassId = "c7", EnrolledOn = D("2024-09-01") },
                new Student { Id = "p3", Name = "Власова Ева", ClassId = "c7", EnrolledOn = D("2024-09-01") },
            },
            Staff = new[] { new StaffMember { Id = "t1", Name = "Гусева Нина Петровна", Roles = new[] { StaffRole.Teacher, StaffRole.ClassTeacher } } },
            Lessons = new[]
            {
                new Lesson { Id = "l1", ClassId = "c7", SubjectId = "math", TeacherId = "t1", Date = D("2024-09-10"), Topic = "Дроби" },
                new Lesson { Id = "l2", ClassId = "c7", SubjectId = "bio", TeacherId = "t1", Date = D("2024-09-11"), Topic = "Клетка" },
            },
            Marks = new[]
            {
                M("m1", "p1", "math", "2024-09-10", "5"), M("m2", "p2", "math", "2024-09-10", "3/4"), M("m3", "p3", "math", "2024-09-10", "2"),
                M("m4", "p1", "bio", "2024-09-11", "4"),
                M("m5", "p1", "math", "2024-12-28", "5", MarkKind.Period, "h1"), M("m6", "p2", "math", "2024-12-28", "4", MarkKind.Period, "h1"),
                M("m7", "p1", "math", "2025-05-26", "5", MarkKind.Year), M("m8", "p2", "math", "2025-05-26", "4", MarkKind.Year),
                M("m9", "p3", "math", "2025-05-26", "3", MarkKind.Year), M("m10", "p1", "bio", "2025-05-26", "5", MarkKind.Year),
            },
            Accounts = new[]
            {
                new Account { Id = "a1", PersonId = "p1", Role = AccountRole.Student, CreatedAt = T("2024-09-01T09:00:00+05:00"), ActivatedAt = T("2024-09-03T09:00:00+05:00"), Active = true },
                new Account { Id = "a2", PersonId = "par2", Role = AccountRole.Parent, StudentIds = new[] { "p2" }, CreatedAt = T("2024-09-01T09:00:00+05:00"), Active = true },
                new Account { Id = "a3", PersonId = "t1", Role = AccountRole.Teacher, CreatedAt = T("2024-09-01T09:00:00+05:00"), ActivatedAt = T("2024-09-01T10:00:00+05:00"), Active = true },
            },
            Logins = new[]
            {
                new Login { AccountId = "a1", At = T("2024-09-05T18:00:00+05:00") },
                new Login { AccountId = "a1", At = T("2024-10-05T18:00:00+05:00") },
                new Login { AccountId = "a3", At = T("2024-10-06T08:00:00+05:00") },
                new Login { AccountId = "a3", At = T("2024-10-07T08:00:00+05:00") },
            },
        };
        if (!withPeriods)
        {
            snapshot = snapshot with { Periods = null, Marks = snapshot.Marks!.Where(m => m.PeriodId is null).ToList() };
        }

        var path = Path.Combine(dir, "school.json");
        SnapshotWriter.WriteFile(snapshot, path);
        return path;
    }
}
