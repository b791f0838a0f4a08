using System;
using System.IO;
using System.Linq;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Rules.Tests.TestData;
using Newtonsoft.Json.Linq;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Engine;

/// <summary>Every rule names who must put its finding right, as <c>rules.md</c> («Who is responsible») says.</summary>
public sealed class ResponsibilityTests
{
    private const string Late = "2024-11-20T10:00:00+05:00";

    /// <summary>t1 Петрова (homeroom of 9А, teaches algebra), t2 and t3 other teachers, st2 a second pupil.</summary>
    private static SnapshotBuilder School() =>
        SnapshotBuilder.School().Staff("t2", StaffRole.Teacher).Staff("t3", StaffRole.Teacher).Student("st2");

    private static string Who(Finding f) => f.Responsible is { } r ? r.Id + " " + r.Name : "administration";

    private static string[] Who(EvaluationReport report) => report.Findings.Select(f => f.Entity.Id + " → " + Who(f)).ToArray();

    [Fact]
    public void Lesson_rules_name_the_substitute_else_the_teacher()
    {
        var snapshot = School()
            .Lesson("own", "2024-10-28")
            .Lesson("substituted", "2024-10-28", l => l with { SubstituteId = "t2", Homework = "№ 1", HomeworkEnteredAt = T(Late) })
            .Lesson("unlisted", "2024-10-28", l => l with { TeacherId = "x7" })
            .Absence("own", edit: a => a with { EnteredAt = T(Late) })
            .Absence("substituted", edit: a => a with { EnteredAt = T(Late) })
            .Build();

        Assert.Equal(
            new[] { "own → t1 Петрова Анна Сергеевна", "substituted → t2 Сотрудник t2", "unlisted → x7 x7" },
            Who(Check.Run(snapshot, "lesson-topic", """{ "deadline": "sameDay" }""")));
        Assert.Equal(new[] { "substituted → t2 Сотрудник t2" }, Who(Check.Run(snapshot, "homework", """{ "deadline": "sameDay" }""")));
        Assert.Equal(
            new[] { "own:st1 → t1 Петрова Анна Сергеевна", "substituted:st1 → t2 Сотрудник t2" },
            Who(Check.Run(snapshot, "absence-entry", """{ "deadline": "sameDay" }""")));
    }

    [Fact]
    public void Mark_rules_name_the_staff_author_else_the_lessons_teacher_else_the_main_teacher_of_the_class_subject()
    {
        var snapshot = School()
            .Lesson("by-t2", "2024-10-21", l => l with { TeacherId = "t2" })
            .Lesson("a", "2024-10-22", l => l with { TeacherId = "t3" })
            .Lesson("b", "2024-10-23", l => l with { TeacherId = "t3" })
            .Lesson("cancelled", "2024-10-24", l => l with { TeacherId = "t2", Held = false })
            .Mark("m-author", "2024-10-28", MarkKind.Current, m => m with { EnteredBy = "t1", LessonId = "by-t2", EnteredAt = T(Late) })
            .Mark("m-lesson", "2024-10-28", MarkKind.Current, m => m with { EnteredBy = "st1", LessonId = "by-t2", EnteredAt = T(Late) })
            .Mark("m-main", "2024-10-28", MarkKind.Current, m => m with { EnteredBy = null, EnteredAt = T(Late) })
            .Mark("w-main", "2024-10-28", MarkKind.Written, m => m with { EnteredBy = null, EnteredAt = T(Late) })
            .Build();

        Assert.Equal(
            new[] { "m-author → t1 Петрова Анна Сергеевна", "m-lesson → t2 Сотрудник t2", "m-main → t3 Сотрудник t3" },
            Who(Check.Run(snapshot, "current-mark-entry", """{ "deadline": "sameDay" }""")));
        Assert.Equal(new[] { "w-main → t3 Сотрудник t3" }, Who(Check.Run(snapshot, "written-mark-entry", """{ "defaultWorkingDays": 5 }""")));
    }

    [Fact]
    public void Corrections_name_the_staff_reviser_else_as_for_the_mark()
    {
        var snapshot = School()
            .Mark("m1", "2024-10-28", MarkKind.Current, m => m with
            {
                EnteredBy = "t2",
                EnteredAt = T("2024-10-28T15:00:00+05:00"),
                Revisions = new[]
                {
                    new MarkRevision { At = T(Late), By = "t3", From = "5", To = "4" },
                    new MarkRevision { At = T(Late), By = "unknown-person", From = "4", To = "3" },
                    new MarkRevision { At = T(Late), By = "st2", From = "3", To = "5" },
                },
            })
            .Build();

        Assert.Equal(
            new[] { "m1#1 → t3 Сотрудник t3", "m1#2 → t2 Сотрудник t2", "m1#3 → t2 Сотрудник t2" },
            Who(Check.Run(snapshot, "mark-correction", """{ "windowDays": null }""")));

        // A student's correction: as for the mark (its staff author); marks and absences entered by a student: the homeroom teacher.
        var authored = School()
            .Lesson("l1", "2024-10-28", l => l with { TeacherId = "t2" })
            .Mark("m1", "2024-10-28", MarkKind.Current, m => m with { EnteredBy = "t2", Revisions = new[] { new MarkRevision { At = T(Late), By = "st2", From = "5", To = "2" } } })
            .Mark("m2", "2024-10-28", MarkKind.Current, m => m with { EnteredBy = "st2", LessonId = "l1" })
            .Absence("l1", "st2", a => a with { EnteredBy = "st2" })
            .Build();
        authored = authored with { Classes = authored.Classes!.Select(c => c with { HomeroomTeacherId = "t3" }).ToList() };
        Assert.Equal(
            new[] { "l1:st2 → t3 Сотрудник t3", "m1#1 → t2 Сотрудник t2", "m2 → t3 Сотрудник t3" },
            Who(Check.Run(authored, "student-authorship")));
    }

    [Fact]
    public void Closed_period_names_the_marks_author()
    {
        var snapshot = School().Capabilities(SnapshotBuilder.DefaultCapabilities.Append(Capability.Periods).ToArray())
            .Mark("m1", "2024-10-21", MarkKind.Current, m => m with { EnteredBy = "t2", EnteredAt = T("2024-11-05T10:00:00+05:00") })
            .Build() with
        {
            Periods = new[] { new Period { Id = "q1", Name = "1 четверть", Kind = PeriodKind.Quarter, Start = D("2024-09-02"), End = D("2024-10-25") } },
        };

        Assert.Equal(new[] { "m1 → t2 Сотрудник t2" }, Who(Check.Run(snapshot, "closed-period")));
    }

    [Fact]
    public void Gia_rules_name_the_homeroom_teacher()
    {
        var snapshot = School().Capabilities(SnapshotBuilder.DefaultCapabilities.Append(Capability.GiaResults).Append(Capability.EntryTimes).ToArray())
            .Range("2024-09-01", "2025-07-31")
            .Mark("final", "2025-06-20", MarkKind.Final, m => m with { EnteredBy = "t2", EnteredAt = T("2025-07-10T10:00:00+05:00") })
            .Build() with
        {
            GiaResults = new[] { new GiaResult { StudentId = "st1", SubjectId = "alg", Value = "5", AnnouncedOn = D("2025-06-10"), EnteredAt = T("2025-06-25T10:00:00+05:00") } },
        };

        Assert.Equal(new[] { "st1:alg → t1 Петрова Анна Сергеевна" }, Who(Check.Run(snapshot, "gia-entry", """{ "workingDays": 3 }""", "2025-07-20T12:00:00+05:00")));
        Assert.Equal(new[] { "final → t1 Петрова Анна Сергеевна" }, Who(Check.Run(snapshot, "final-after-gia", """{ "workingDays": 3 }""", "2025-07-20T12:00:00+05:00")));
    }

    [Fact]
    public void Period_marks_and_plans_name_the_teacher_with_the_most_held_lessons_of_the_class_and_subject()
    {
        var snapshot = School().Capabilities(SnapshotBuilder.DefaultCapabilities.Append(Capability.Periods).Append(Capability.Plans).ToArray())
            .Lesson("q1-a", "2024-09-10", l => l with { TeacherId = "t2" })
            .Lesson("q1-b", "2024-09-11", l => l with { TeacherId = "t2" })
            .Lesson("q1-c", "2024-09-12", l => l with { TeacherId = "t3", SubstituteId = "t1" })
            .Lesson("q2-a", "2024-11-11", l => l with { TeacherId = "t3" })
            .Lesson("q2-b", "2024-11-12", l => l with { TeacherId = "t3" })
            .Lesson("q2-c", "2024-11-13", l => l with { TeacherId = "t3" })
            .Build() with
        {
            Periods = new[]
            {
                new Period { Id = "q1", Name = "1 четверть", Kind = PeriodKind.Quarter, Start = D("2024-09-02"), End = D("2024-10-25") },
                new Period { Id = "q2", Name = "2 четверть", Kind = PeriodKind.Quarter, Start = D("2024-11-05"), End = D("2024-12-27") },
            },
            Plans = Array.Empty<Plan>(),
        };

        Assert.Equal(
            new[] { "st1:alg:q1 → t2 Сотрудник t2", "st1:alg:q2 → t3 Сотрудник t3", "st2:alg:q1 → t2 Сотрудник t2", "st2:alg:q2 → t3 Сотрудник t3" },
            Who(Check.Run(snapshot, "period-marks")));

        // Over the whole check range: t3 taught 4 lessons of record (one of them given by a substitute), t2 two.
        Assert.Equal(new[] { "9a:alg → t3 Сотрудник t3" }, Who(Check.Run(snapshot, "plan-before-year")));
    }

    [Fact]
    public void Russian_text_names_the_lessons_teacher()
    {
        var snapshot = School().Lesson("l1", "2024-10-28", l => l with { SubstituteId = "t3", Topic = "Quadratic equations", TopicEnteredAt = T("2024-10-28T15:00:00+05:00") }).Build();

        Assert.Equal(new[] { "l1 → t3 Сотрудник t3" }, Who(Check.Run(snapshot, "russian-text")));
    }

    [Fact]
    public void School_wide_rules_are_the_administrations_and_json_writes_responsible_as_an_object_or_null()
    {
        var snapshot = School().Capabilities(SnapshotBuilder.DefaultCapabilities.Append(Capability.Operations).ToArray())
            .Range("2024-10-28", "2024-10-29")
            .Lesson("l1", "2024-10-28", l => l with { SubstituteId = "t2" })
            .Build() with { Operations = Array.Empty<Operation>() };

        var exports = Check.Run(snapshot, "daily-export", """{ "by": "17:00" }""");
        Assert.Equal(new[] { "2024-10-28 → administration", "2024-10-29 → administration" }, Who(exports));

        var report = Check.Run(snapshot, Check.Policy(Check.Use("daily-export", """{ "by": "17:00" }"""), Check.Use("lesson-topic", """{ "deadline": "sameDay" }""")));
        var text = new StringWriter();
        ReportJsonWriter.Write(report, text);
        var findings = (JArray)JObject.Parse(text.ToString())["findings"]!;
        Assert.Equal(3, findings.Count);
        Assert.All(findings.Where(f => (string?)f["rule"] == "daily-export"), f => Assert.Equal(JTokenType.Null, f["responsible"]!.Type));
        var topic = Assert.Single(findings, f => (string?)f["rule"] == "lesson-topic");
        Assert.Equal("""{"id":"t2","name":"Сотрудник t2"}""", topic["responsible"]!.ToString(Newtonsoft.Json.Formatting.None));
    }
}
