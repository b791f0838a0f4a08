using System;
using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Model;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.TestData;

/// <summary>
/// Builds a <see cref="GradebookSnapshot"/> in code: one school in Yekaterinburg with a 5-day week,
/// class 9А (grade 9), student <c>st1</c>, teacher <c>t1</c>, deputy <c>d1</c>, subjects
/// <c>alg</c> (Алгебра), <c>rus</c> (Русский язык), <c>lit</c> (Литература); the range 2024-09-01 to
/// 2025-05-31; every capability the first rules need (the four entry-time parts listed separately,
/// so that one can be removed).
/// </summary>
public sealed class SnapshotBuilder
{
    /// <summary>Capabilities declared by default.</summary>
    public static readonly IReadOnlyList<string> DefaultCapabilities = new[]
    {
        Capability.Lessons, Capability.Topics, Capability.Homework, Capability.Marks, Capability.Absences,
        Capability.MarkEntryTimes, Capability.AbsenceEntryTimes, Capability.TopicEntryTimes, Capability.HomeworkEntryTimes,
        Capability.Revisions, Capability.Authors, Capability.LessonTimes,
    };

    private readonly List<string> _capabilities = DefaultCapabilities.ToList();
    private readonly List<Subject> _subjects = new()
    {
        new Subject { Id = "alg", Name = "Алгебра" },
        new Subject { Id = "rus", Name = "Русский язык" },
        new Subject { Id = "lit", Name = "Литература" },
    };

    private readonly List<SchoolClass> _classes = new() { new SchoolClass { Id = "9a", Name = "9А", Grade = 9, HomeroomTeacherId = "t1" } };
    private readonly List<Student> _students = new() { new Student { Id = "st1", Name = "Иванов Иван", ClassId = "9a", EnrolledOn = D("2024-09-01") } };
    private readonly List<StaffMember> _staff = new()
    {
        new StaffMember { Id = "t1", Name = "Петрова Анна Сергеевна", Roles = new[] { StaffRole.Teacher } },
        new StaffMember { Id = "d1", Name = "Сидоров Олег Павлович", Roles = new[] { StaffRole.Teacher, StaffRole.Deputy } },
    };

    private readonly List<Lesson> _lessons = new();
    private readonly List<Mark> _marks = new();
    private readonly List<Absence> _absences = new();
    private School _school = new() { Id = "sch1", Name = "Лицей № 1", TimeZone = "Asia/Yekaterinburg", WorkWeek = 5 };
    private DateTime _from = D("2024-09-01");
    private DateTime _to = D("2025-05-31");

    /// <summary>A new builder with the defaults.</summary>
    public static SnapshotBuilder School() => new();

    /// <summary>Sets the school's IANA time zone.</summary>
    public SnapshotBuilder InZone(string timeZone)
    {
        _school = _school with { TimeZone = timeZone };
        return this;
    }

    /// <summary>Sets the school week (5 or 6 days).</summary>
    public SnapshotBuilder WorkWeek(int days)
    {
        _school = _school with { WorkWeek = days };
        return this;
    }

    /// <summary>Sets <c>source.from</c> and <c>source.to</c>.</summary>
    public SnapshotBuilder Range(string from, string to)
    {
        _from = D(from);
        _to = D(to);
        return this;
    }

    /// <summary>Declares exactly these capabilities.</summary>
    public SnapshotBuilder Capabilities(params string[] capabilities)
    {
        _capabilities.Clear();
        _capabilities.AddRange(capabilities);
        return this;
    }

    /// <summary>Removes capabilities from those declared.</summary>
    public SnapshotBuilder Without(params string[] capabilities)
    {
        _capabilities.RemoveAll(capabilities.Contains);
        return this;
    }

    /// <summary>Adds or replaces a subject.</summary>
    public SnapshotBuilder Subject(string id, string name)
    {
        _subjects.RemoveAll(s => s.Id == id);
        _subjects.Add(new Subject { Id = id, Name = name });
        return this;
    }

    /// <summary>Adds a class.</summary>
    public SnapshotBuilder Class(string id, string name, int grade)
    {
        _classes.Add(new SchoolClass { Id = id, Name = name, Grade = grade });
        return this;
    }

    /// <summary>Adds a student.</summary>
    public SnapshotBuilder Student(string id, string classId = "9a", string? name = null)
    {
        _students.Add(new Student { Id = id, Name = name ?? "Ученик " + id, ClassId = classId, EnrolledOn = D("2024-09-01") });
        return this;
    }

    /// <summary>Adds a staff member.</summary>
    public SnapshotBuilder Staff(string id, params StaffRole[] roles)
    {
        _staff.Add(new StaffMember { Id = id, Name = "Сотрудник " + id, Roles = roles });
        return this;
    }

    /// <summary>Adds a lesson of 9А in Алгебра by t1 on <paramref name="date"/>, then applies <paramref name="edit"/>.</summary>
    public SnapshotBuilder Lesson(string id, string date, Func<Lesson, Lesson>? edit = null)
    {
        var lesson = new Lesson { Id = id, ClassId = "9a", SubjectId = "alg", TeacherId = "t1", Date = D(date) };
        _lessons.Add(edit is null ? lesson : edit(lesson));
        return this;
    }

    /// <summary>Adds a mark «5» of st1 in Алгебра dated <paramref name="date"/>, then applies <paramref name="edit"/>.</summary>
    public SnapshotBuilder Mark(string id, string date, MarkKind kind, Func<Mark, Mark>? edit = null)
    {
        var mark = new Mark { Id = id, StudentId = "st1", SubjectId = "alg", Date = D(date), Kind = kind, Value = "5", EnteredBy = "t1" };
        _marks.Add(edit is null ? mark : edit(mark));
        return this;
    }

    /// <summary>Adds an absence, then applies <paramref name="edit"/>.</summary>
    public SnapshotBuilder Absence(string lessonId, string studentId = "st1", Func<Absence, Absence>? edit = null)
    {
        var absence = new Absence { LessonId = lessonId, StudentId = studentId, Reason = AbsenceReason.Unknown, EnteredBy = "t1" };
        _absences.Add(edit is null ? absence : edit(absence));
        return this;
    }

    /// <summary>The snapshot.</summary>
    public GradebookSnapshot Build() => new()
    {
        Source = new SnapshotSource
        {
            Connector = "file",
            FetchedAt = T("2025-06-01T00:00:00+05:00"),
            From = _from,
            To = _to,
            Capabilities = _capabilities.ToList(),
        },
        School = _school,
        Subjects = _subjects.ToList(),
        Classes = _classes.ToList(),
        Students = _students.ToList(),
        Staff = _staff.ToList(),
        Lessons = _lessons.ToList(),
        Marks = _marks.ToList(),
        Absences = _absences.ToList(),
    };
}
