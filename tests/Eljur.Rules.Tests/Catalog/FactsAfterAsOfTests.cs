using System;
using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using static Eljur.Rules.Tests.Catalog.CatalogKit;

namespace Eljur.Rules.Tests.Catalog;

/// <summary>
/// rules.md, "Time": facts dated after <c>asOf</c> (entries, revisions, destructions, logins, operations) have
/// not happened yet. For every rule that reads such facts: checked at an early as-of, the school with facts
/// after it gives exactly the report of the same school built without them; at a later as-of those facts
/// change the report (so each case can fail).
/// </summary>
public class FactsAfterAsOfTests
{
    private const string Early = "2024-10-01T12:00:00+05:00";
    private const string Late = "2025-08-01T12:00:00+05:00";

    /// <summary>
    /// A school whose facts after <paramref name="cutoff"/> are left out (all of them when null). Each fact
    /// is added with its own time, so the school "as it was" is built by hand, not by the engine's view.
    /// </summary>
    private static Snap School(DateTimeOffset? cutoff)
    {
        bool Has(string at) => cutoff is not { } c || T(at) <= c;
        var snap = new Snap().Quarters().Student("st1").Student("st2", leftOn: "2024-09-15").Student("st3", consent: false);

        // Before every as-of: a lesson with a topic and homework, a mark and an absence entered the same day.
        snap.Lessons.Add(Lesson("l1", "2024-09-10") with
        {
            Start = H("09:00"), End = H("09:45"),
            Topic = "Дроби", TopicEnteredAt = T("2024-09-10T15:00:00+05:00"),
            Homework = "№ 1", HomeworkEnteredAt = T("2024-09-10T15:00:00+05:00"),
        });
        var revised = Has("2024-11-05T10:00:00+05:00");
        snap.Marks.Add(Mark("m1", "st1", "2024-09-10", value: revised ? "4" : "5") with
        {
            LessonId = "l1", EnteredAt = T("2024-09-10T15:00:00+05:00"), EnteredBy = "t1",
            Revisions = revised
                ? new[] { new MarkRevision { At = T("2024-11-05T10:00:00+05:00"), By = "t1", From = "5", To = "4" } }
                : Array.Empty<MarkRevision>(),
        });
        snap.Absences.Add(new Absence { LessonId = "l1", StudentId = "st1", EnteredAt = T("2024-09-10T15:00:00+05:00"), EnteredBy = "t1" });
        snap.Plans.Add(new Plan { ClassId = "c9", SubjectId = "alg", PlannedHours = 102, CurriculumHours = 102, EnteredAt = T("2024-08-30T10:00:00+05:00") });
        snap.Accounts.Add(new Account { Id = "a1", PersonId = "t1", Role = AccountRole.Teacher, CreatedAt = T("2024-09-01T09:00:00+05:00"), ActivatedAt = T("2024-09-02T09:00:00+05:00"), Active = true });
        snap.Accounts.Add(new Account { Id = "a2", PersonId = "st2", Role = AccountRole.Student, CreatedAt = T("2024-09-01T09:00:00+05:00"), ActivatedAt = T("2024-09-02T09:00:00+05:00"), Active = false });
        snap.Logins.Add(new Login { AccountId = "a1", At = T("2024-09-05T18:00:00+05:00") });
        snap.Operations.Add(new Operation { Kind = OperationKind.Backup, At = T("2024-09-03T20:00:00+05:00") });
        snap.Operations.Add(new Operation { Kind = OperationKind.Export, At = T("2024-09-30T16:00:00+05:00") });
        snap.Archive.Add(new ArchiveRecord { Id = "old", DocumentType = ArchiveDocumentType.ClassJournal, SchoolYear = "2018/2019", ClassId = "c9", ArchivedOn = D("2019-06-30"), DestroyedOn = Has("2024-10-18T00:00:00+05:00") ? D("2024-10-18") : null });

        // After the early as-of: a lesson of t2 whose topic, homework (not Russian), marks, absence come later.
        snap.Lessons.Add(Lesson("l2", "2024-09-20", teacherId: "t2") with
        {
            Start = H("10:00"), End = H("10:45"),
            Topic = Has("2024-10-05T10:00:00+05:00") ? "Уравнения" : null,
            TopicEnteredAt = Has("2024-10-05T10:00:00+05:00") ? T("2024-10-05T10:00:00+05:00") : null,
            Homework = Has("2024-10-05T10:00:00+05:00") ? "Read the text on page ten" : null,
            HomeworkEnteredAt = Has("2024-10-05T10:00:00+05:00") ? T("2024-10-05T10:00:00+05:00") : null,
        });
        if (Has("2024-10-05T10:00:00+05:00"))
        {
            snap.Marks.Add(Mark("m2", "st1", "2024-09-20") with { LessonId = "l2", EnteredAt = T("2024-10-05T10:00:00+05:00"), EnteredBy = "st1" });
            snap.Marks.Add(Mark("w2", "st1", "2024-09-20", MarkKind.Written) with { LessonId = "l2", EnteredAt = T("2024-10-05T10:00:00+05:00"), EnteredBy = "t2" });
            snap.Absences.Add(new Absence { LessonId = "l2", StudentId = "st1", EnteredAt = T("2024-10-05T10:00:00+05:00"), EnteredBy = "t2" });
            snap.Logins.Add(new Login { AccountId = "a2", At = T("2024-10-05T10:00:00+05:00") });
            snap.Operations.Add(new Operation { Kind = OperationKind.Backup, At = T("2024-10-05T10:00:00+05:00") });
            snap.Accounts.Add(new Account { Id = "a3", PersonId = "st3", Role = AccountRole.Student, CreatedAt = T("2024-10-05T10:00:00+05:00"), ActivatedAt = T("2024-10-05T10:00:00+05:00"), Active = true });
            snap.Plans.Add(new Plan { ClassId = "c9", SubjectId = "rus", PlannedHours = 136, CurriculumHours = 136, EnteredAt = T("2024-10-05T10:00:00+05:00") });
            snap.GiaResults.Add(new GiaResult { StudentId = "st1", SubjectId = "alg", Value = "4", AnnouncedOn = D("2024-09-20"), EnteredAt = T("2024-10-05T10:00:00+05:00") });
        }

        // The day 30.09 exported only the next morning.
        if (Has("2024-10-02T10:00:00+05:00"))
        {
            snap.Operations.Add(new Operation { Kind = OperationKind.Export, At = T("2024-10-02T10:00:00+05:00") });
        }

        snap.Lessons.Add(Lesson("l3", "2024-09-24", subjectId: "rus") with { Topic = "Причастие", TopicEnteredAt = T("2024-09-24T15:00:00+05:00") });
        return snap;
    }

    public static TheoryData<string, string> Rules() => new()
    {
        { "lesson-topic", "{}" },
        { "homework", "{}" },
        { "absence-entry", "{}" },
        { "current-mark-entry", "{}" },
        { "written-mark-entry", """{ "defaultWorkingDays": 5 }""" },
        { "gia-entry", """{ "workingDays": 3 }""" },
        { "mark-correction", """{ "windowDays": 14 }""" },
        { "closed-period", "{}" },
        { "russian-text", "{}" },
        { "plan-before-year", "{}" },
        { "student-authorship", "{}" },
        { "access-after-leave", "{}" },
        { "consent", "{}" },
        { "operation-frequency", """{ "kind": "backup", "everyDays": 7 }""" },
        { "daily-export", "{}" },
        { "retention", """{ "years": { "classJournal": 5 } }""" },
        { "lessons-with-topic-or-homework", "{}" },
        { "lessons-with-journal-entry", "{}" },
        { "homework-recorded", "{}" },
        { "teacher-participation", "{}" },
        { "accounts-activated", "{}" },
        { "unique-logins", "{}" },
        { "student-participation", "{}" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void FactsAfterAsOfHaveNotHappenedYet(string rule, string parameters)
    {
        var everything = School(null);
        var asItWas = School(T(Early));

        Assert.Equal(Describe(Run(asItWas, rule, parameters, Early)), Describe(Run(everything, rule, parameters, Early)));
        Assert.NotEqual(Describe(Run(asItWas, rule, parameters, Late)), Describe(Run(everything, rule, parameters, Late)));
    }

    [Fact]
    public void ADestructionAfterAsOfIsNotABreach()
    {
        // The case: --as-of 2024-10-01 must not report a destruction dated 18.10.2024.
        Assert.Empty(Run(School(null), "retention", """{ "years": { "classJournal": 5 } }""", Early).Findings);
        Assert.Equal(new[] { "early certain archiveRecord:old" }, Lines(Run(School(null), "retention", """{ "years": { "classJournal": 5 } }""", "2024-11-01T12:00:00+05:00")));
    }

    [Fact]
    public void ATopicEnteredAfterAsOfIsMissingAtAsOf()
    {
        Assert.Equal(new[] { "missing certain lesson:l2" }, Lines(Run(School(null), "lesson-topic", "{}", Early)));
        Assert.Equal(new[] { "late certain lesson:l2" }, Lines(Run(School(null), "lesson-topic", "{}", Late)));
    }

    [Fact]
    public void AnArchiveRecordArchivedAfterAsOfIsNotInTheRegisterYet()
    {
        // The 2024/2025 year ends 26.05.2025; the summary sheet is due 7 days later and archived on 20.06.2025.
        var snap = School(null);
        snap.Archive.Add(new ArchiveRecord { Id = "sheet", DocumentType = ArchiveDocumentType.SummarySheet, SchoolYear = "2024/2025", ArchivedOn = D("2025-06-20") });
        const string Documents = """{"documents": [{"documentType": "summarySheet", "daysAfterYearEnd": 7}]}""";

        Assert.Equal(new[] { "missing certain document:summarySheet:2024/2025:school" }, Lines(Run(snap, "year-end-archive", Documents, "2025-06-10T12:00:00+05:00")));
        Assert.Equal(new[] { "late certain document:summarySheet:2024/2025:school" }, Lines(Run(snap, "year-end-archive", Documents, "2025-07-01T12:00:00+05:00")));
    }

    [Fact]
    public void APeriodMarkEnteredAfterAsOfIsMissingAtAsOf()
    {
        // Quarter 1 ends 27.10.2024; the quarter mark of st1 is entered on 20.11.2024.
        var snap = School(null);
        snap.Marks.Add(Mark("q1m", "st1", "2024-10-27", MarkKind.Period) with { PeriodId = "q1", EnteredAt = T("2024-11-20T10:00:00+05:00"), EnteredBy = "t1" });

        var before = Lines(Run(snap, "period-marks", "{}", "2024-11-10T12:00:00+05:00")).Where(l => l.Contains("st1:alg:q1", StringComparison.Ordinal));
        var after = Lines(Run(snap, "period-marks", "{}", "2024-11-25T12:00:00+05:00")).Where(l => l.Contains("st1:alg:q1", StringComparison.Ordinal));

        Assert.Equal(new[] { "missing certain periodMark:st1:alg:q1" }, before);
        Assert.Equal(new[] { "late certain periodMark:st1:alg:q1" }, after);
    }

    [Fact]
    public void ARevisionAfterAsOfIsUndone()
    {
        // At the early as-of mark m1 still has its first value; the revision of 05.11 shows only later.
        Assert.Empty(Run(School(null), "mark-correction", """{ "windowDays": 14 }""", Early).Findings);
        var late = Run(School(null), "mark-correction", """{ "windowDays": 14 }""", Late);
        Assert.Equal(new[] { "late certain revision:m1#1" }, Lines(late).Where(l => l.Contains("m1", StringComparison.Ordinal)));
    }

    private static List<string> Describe(EvaluationReport report) =>
        report.Findings.Select(f => $"{f.Aspect} {f.Certainty} {f.Entity.Type}:{f.Entity.Id} {f.Deadline:O} {f.Observed:O} {f.Message}")
            .Concat(report.Metrics.Select(m => $"metric {m.Numerator}/{m.Denominator}"))
            .Concat(NotEvaluable(report))
            .ToList();
}
