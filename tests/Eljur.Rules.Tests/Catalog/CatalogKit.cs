using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;

namespace Eljur.Rules.Tests.Catalog;

/// <summary>Literals and a runner for the catalog tests: one rule use, the standard engine, compact finding lines.</summary>
internal static class CatalogKit
{
    /// <summary>The default as-of moment: after the 2024/2025 school year.</summary>
    public const string AsOf = "2025-08-01T12:00:00+05:00";

    /// <summary>Yekaterinburg (UTC+5, no daylight saving), the tests' school zone.</summary>
    public const string Zone = "Asia/Yekaterinburg";

    public static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static DateTime D(string date) => DateTime.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TimeSpan H(string time) => TimeSpan.ParseExact(time, @"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>A local time in the school zone, e.g. <c>L("2024-10-28 18:00")</c>.</summary>
    public static DateTimeOffset L(string local) =>
        DateTimeOffset.ParseExact(local + " +05:00", local.Length > 16 ? "yyyy-MM-dd HH:mm:ss zzz" : "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    public static EvaluationReport Run(Snap snap, string ruleId, string parameters = "{}", string asOf = AsOf, Severity? severity = null)
    {
        var use = new RuleUse { RuleId = ruleId, Clause = "1.1", Parameters = RuleParameters.Parse(parameters), Severity = severity };
        var policy = new Policy { Id = "catalog-test", Title = "Проверка", Uses = new[] { use } };
        var engine = new PolicyEngine(StandardRules.Catalog, ProductionCalendar.Russia, TimeProvider.System);
        return engine.Evaluate(snap.Build(), policy, new EvaluationOptions { AsOf = T(asOf) });
    }

    /// <summary>Findings as <c>aspect certainty type:id</c>, sorted as the engine sorts them.</summary>
    public static List<string> Lines(EvaluationReport report) =>
        report.Findings.Select(f => $"{f.Aspect} {(f.Certainty == Certainty.Certain ? "certain" : "possible")} {f.Entity.Type}:{f.Entity.Id}").ToList();

    /// <summary>Not-evaluable entries as <c>aspect [missing]</c>, aspect <c>-</c> for the whole rule.</summary>
    public static List<string> NotEvaluable(EvaluationReport report) =>
        report.NotEvaluable.Select(n => $"{n.Aspect ?? "-"} [{string.Join(",", n.Missing)}]").ToList();

    public static MetricResult Metric(EvaluationReport report) => Assert.Single(report.Metrics);

    /// <summary>The policy parameters fail to bind: the message of the policy error.</summary>
    public static PolicyException BindError(string ruleId, string parameters)
    {
        Assert.True(StandardRules.Catalog.TryGet(ruleId, out var rule));
        return Assert.Throws<PolicyException>(() => rule.Bind(RuleParameters.Parse(parameters)));
    }

    public static Lesson Lesson(string id, string date, string classId = "c9", string subjectId = "alg", string teacherId = "t1") =>
        new() { Id = id, ClassId = classId, SubjectId = subjectId, TeacherId = teacherId, Date = D(date) };

    public static Mark Mark(string id, string studentId, string date, MarkKind kind = MarkKind.Current, string subjectId = "alg", string value = "5") =>
        new() { Id = id, StudentId = studentId, SubjectId = subjectId, Date = D(date), Kind = kind, Value = value };
}

/// <summary>A small mutable snapshot for building test cases; every capability is declared unless removed.</summary>
internal sealed class Snap
{
    public List<string> Capabilities { get; } = Capability.All.Where(c => c != Capability.EntryTimes).ToList();

    public DateTime From { get; set; } = CatalogKit.D("2024-09-01");

    public DateTime To { get; set; } = CatalogKit.D("2025-07-31");

    public int WorkWeek { get; set; } = 5;

    public List<Period> Periods { get; } = new();

    public List<Subject> Subjects { get; } = new() { new() { Id = "alg", Name = "Алгебра" }, new() { Id = "rus", Name = "Русский язык" } };

    public List<SchoolClass> Classes { get; } = new() { new() { Id = "c9", Name = "9А", Grade = 9 }, new() { Id = "c1", Name = "1А", Grade = 1 } };

    public List<Student> Students { get; } = new();

    public List<StaffMember> Staff { get; } = new()
    {
        new() { Id = "t1", Name = "Иванова И. И.", Roles = new[] { StaffRole.Teacher } },
        new() { Id = "t2", Name = "Петров П. П.", Roles = new[] { StaffRole.Teacher } },
        new() { Id = "d1", Name = "Сидорова С. С.", Roles = new[] { StaffRole.Teacher, StaffRole.Deputy } },
    };

    public List<Lesson> Lessons { get; } = new();

    public List<Absence> Absences { get; } = new();

    public List<Mark> Marks { get; } = new();

    public List<Plan> Plans { get; } = new();

    public List<GiaResult> GiaResults { get; } = new();

    public List<Account> Accounts { get; } = new();

    public List<Login> Logins { get; } = new();

    public List<Operation> Operations { get; } = new();

    public List<ArchiveRecord> Archive { get; } = new();

    /// <summary>Removes capabilities from the declared list (and the <c>entryTimes</c> shorthand with any part).</summary>
    public Snap Without(params string[] capabilities)
    {
        Capabilities.RemoveAll(capabilities.Contains);
        return this;
    }

    /// <summary>Adds the 2024/2025 quarters (Q1 02.09–27.10, Q2 05.11–28.12, Q3 09.01–23.03, Q4 31.03–26.05).</summary>
    public Snap Quarters()
    {
        Periods.Add(new() { Id = "q1", Name = "1 четверть", Kind = PeriodKind.Quarter, Start = CatalogKit.D("2024-09-02"), End = CatalogKit.D("2024-10-27") });
        Periods.Add(new() { Id = "q2", Name = "2 четверть", Kind = PeriodKind.Quarter, Start = CatalogKit.D("2024-11-05"), End = CatalogKit.D("2024-12-28") });
        Periods.Add(new() { Id = "q3", Name = "3 четверть", Kind = PeriodKind.Quarter, Start = CatalogKit.D("2025-01-09"), End = CatalogKit.D("2025-03-23") });
        Periods.Add(new() { Id = "q4", Name = "4 четверть", Kind = PeriodKind.Quarter, Start = CatalogKit.D("2025-03-31"), End = CatalogKit.D("2025-05-26") });
        return this;
    }

    public Snap Student(string id, string classId = "c9", string? enrolledOn = null, string? leftOn = null, bool? consent = true)
    {
        Students.Add(new()
        {
            Id = id,
            Name = "Ученик " + id,
            ClassId = classId,
            EnrolledOn = enrolledOn is null ? null : CatalogKit.D(enrolledOn),
            LeftOn = leftOn is null ? null : CatalogKit.D(leftOn),
            Consent = consent,
        });
        return this;
    }

    public GradebookSnapshot Build() => new()
    {
        Source = new SnapshotSource { Connector = "file", FetchedAt = CatalogKit.T(CatalogKit.AsOf), From = From, To = To, Capabilities = Capabilities.ToList() },
        School = new School { Id = "s1", Name = "Тестовая школа", TimeZone = CatalogKit.Zone, WorkWeek = WorkWeek },
        Periods = Periods,
        Subjects = Subjects,
        Classes = Classes,
        Students = Students,
        Staff = Staff,
        Lessons = Lessons,
        Absences = Absences,
        Marks = Marks,
        Plans = Plans,
        GiaResults = GiaResults,
        Accounts = Accounts,
        Logins = Logins,
        Operations = Operations,
        Archive = Archive,
    };
}
