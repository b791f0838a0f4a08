using System;
using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Rules.Tests.Catalog;
using static Eljur.Rules.Tests.Catalog.CatalogKit;

namespace Eljur.Rules.Tests.PresetPolicies;

/// <summary>
/// One small school per preset, built from the clauses the preset encodes: each rule's clause is broken once (with
/// a record next to it that keeps the clause), and every finding must cite that rule's clause.
/// </summary>
public class PresetScenarioTests
{
    /// <summary>
    /// Лицей № 68: п. 5.1 (тема и отсутствующие в день урока), 5.2 (домашнее задание в день урока), 5.3 (текущие
    /// отметки в день урока), 5.4 (письменные работы: 10 рабочих дней по русскому языку, 5 — по другим предметам),
    /// 5.5 (ГИА за 3 рабочих дня), 5.6 (итоговые 9 классов за 3 рабочих дня после ГИА), 3.6.5 (отметки за период),
    /// 3.6.8 (исправления запрещены — даже заместителю директора), 6.2–6.4 (архив до 30 июня), 6.2–6.3 (хранение
    /// 5 и 75 лет с 1 января следующего года).
    /// </summary>
    [Fact]
    public void Lyceum68()
    {
        var snap = new Snap().Quarters().Student("s1").Student("s2", classId: "c1");

        // Mon 14.10.2024: the topic is written the next morning (5.1), the mark «4» was revised by the deputy (3.6.8).
        snap.Lessons.Add(Lesson("L1", "2024-10-14") with { Topic = "Квадратные уравнения", TopicEnteredAt = L("2024-10-15 08:00") });
        snap.Marks.Add(Mark("m2", "s1", "2024-10-14", value: "5") with
        {
            LessonId = "L1", EnteredAt = L("2024-10-14 12:00"), EnteredBy = "t1",
            Revisions = new[] { new MarkRevision { At = L("2024-10-14 13:00"), By = "d1", From = "4", To = "5" } },
        });

        // Tue 15.10: topic in time; homework (5.2), the absence (5.1) and the oral mark (5.3) only after midnight.
        snap.Lessons.Add(Lesson("L2", "2024-10-15") with
        {
            Topic = "Теорема Виета", TopicEnteredAt = L("2024-10-15 15:00"),
            Homework = "№ 12, 14", HomeworkEnteredAt = L("2024-10-16 07:00"),
        });
        snap.Absences.Add(new Absence { LessonId = "L2", StudentId = "s1", EnteredAt = L("2024-10-16 09:00"), EnteredBy = "t1" });
        snap.Marks.Add(Mark("m1", "s1", "2024-10-15") with { LessonId = "L2", EnteredAt = L("2024-10-16 00:00:30"), EnteredBy = "t1" });

        // Grade 1 (exempt from period marks) has a lesson, filled in time.
        snap.Lessons.Add(Lesson("L3", "2024-10-16", classId: "c1") with { Topic = "Счёт предметов", TopicEnteredAt = L("2024-10-16 12:00") });

        // Written works of Mon 14.10 (5.4): the Russian dictation in 9 working days is in time, the algebra test in 6 is late.
        snap.Marks.Add(Mark("w1", "s1", "2024-10-14", MarkKind.Written, subjectId: "rus") with { EnteredAt = L("2024-10-25 10:00"), EnteredBy = "t1" });
        snap.Marks.Add(Mark("w2", "s1", "2024-10-14", MarkKind.Written) with { EnteredAt = L("2024-10-22 10:00"), EnteredBy = "t1" });

        // GIA announced Fri 20.06.2025, entered Fri 27.06 (due 25.06, 5.5); the final mark entered Fri 04.07 (due 02.07, 5.6).
        snap.GiaResults.Add(new GiaResult { StudentId = "s1", SubjectId = "alg", Value = "4", AnnouncedOn = D("2025-06-20"), EnteredAt = L("2025-06-27 10:00") });
        snap.Marks.Add(Mark("f1", "s1", "2025-06-27", MarkKind.Final, value: "4") with { EnteredAt = L("2025-07-04 10:00"), EnteredBy = "t1" });

        // The 2024/2025 archive (6.2–6.4): the journal of 1А after 30 June, no summary sheet at all.
        snap.Archive.Add(Archived("j9", ArchiveDocumentType.ClassJournal, "2024/2025", "c9", "2025-06-20"));
        snap.Archive.Add(Archived("j1", ArchiveDocumentType.ClassJournal, "2024/2025", "c1", "2025-07-05"));
        snap.Archive.Add(Archived("pdf", ArchiveDocumentType.ElectronicCopy, "2024/2025", null, "2025-06-30"));

        // Retention (6.2, 6.3): archived 27.06.2019, 5 years run to 01.01.2025, so 31.12.2024 is early; a 2018 journal is due.
        snap.Archive.Add(Archived("old-j", ArchiveDocumentType.ClassJournal, "2018/2019", "c9", "2019-06-27", destroyed: "2024-12-31"));
        snap.Archive.Add(Archived("old-s", ArchiveDocumentType.SummarySheet, "2018/2019", null, "2019-06-27"));
        snap.Archive.Add(Archived("older-j", ArchiveDocumentType.ClassJournal, "2017/2018", "c9", "2018-06-28"));

        snap.Accounts.Add(new Account { Id = "a-s1", PersonId = "s1", Role = AccountRole.Student, ActivatedAt = L("2024-09-02 10:00"), Active = true });
        snap.Accounts.Add(new Account { Id = "a-p1", PersonId = "p1", Role = AccountRole.Parent, StudentIds = new[] { "s1" }, ActivatedAt = L("2024-09-02 10:00"), Active = true });
        snap.Logins.Add(new Login { AccountId = "a-p1", At = L("2024-10-20 19:00") });

        var report = Evaluate("lyceum68-ufa-2023", snap);

        Assert.Equal(
            new[]
            {
                "absence-entry | 5.1 | late certain absence:L2:s1",
                "current-mark-entry | 5.3, 3.6.8 | late certain mark:m1",
                "final-after-gia | 5.6 | late certain mark:f1",
                "gia-entry | 5.5 | late certain giaResult:s1:alg",
                "homework | 5.2 | late certain lesson:L2",
                "lesson-topic | 5.1 | late certain lesson:L1",
                "mark-correction | 3.6.8 | forbidden certain revision:m2#1",
                "period-marks | 3.6.5 | missing certain periodMark:s1:alg:q1",
                "retention | 6.2, 6.3 | early certain archiveRecord:old-j",
                "retention | 6.2, 6.3 | due certain archiveRecord:older-j",
                "written-mark-entry | 5.4 | late certain mark:w2",
                "year-end-archive | 6.2, 6.3, 6.4 | late certain document:classJournal:2024/2025:c1",
                "year-end-archive | 6.2, 6.3, 6.4 | missing certain document:summarySheet:2024/2025:school",
            },
            Lines(report));
        Assert.Equal(L("2024-10-21 23:59:59").AddTicks(9_999_999), Finding(report, "mark:w2").Deadline);
        Assert.Equal(Severity.Info, Finding(report, "archiveRecord:older-j").Severity);
        Assert.Contains("01.01.2025", Finding(report, "archiveRecord:old-j").Message);

        // The six control indicators of 3.4.6 and 3.7.4 are reported without a threshold.
        Assert.Equal(
            new[]
            {
                "students-without-marks | 3.4.6, 3.7.4", "students-with-one-mark | 3.4.6, 3.7.4", "homework-recorded | 3.4.6, 3.7.4",
                "teacher-participation | 3.4.6, 3.7.4", "parent-participation | 3.4.6, 3.7.4", "student-participation | 3.4.6, 3.7.4",
            },
            report.Metrics.Select(m => $"{m.Metric} | {m.Clause}"));
        Assert.All(report.Metrics, m => Assert.Null(m.Passed));
        Assert.Equal(1.0, report.Metrics.Single(m => m.Metric == "parent-participation").Value);
        Assert.Equal(0.0, report.Metrics.Single(m => m.Metric == "student-participation").Value);
    }

    /// <summary>
    /// СШ № 32: п. 3.2.4 (в день урока, на русском языке, исправления в течение 2 недель, без учеников за журналом,
    /// отметки за период), 3.2.5 (заместитель директора вправе исправлять позже), 3.2.2 (закрытие периода, выгрузка
    /// до 17.00, копирование не реже 2 раз в месяц), 4.6–4.7 (сводные ведомости за 7 дней, архивация), 1.6 и 3.1.2
    /// (согласие), 3.1.1 (доступ прекращается с трудовым договором).
    /// </summary>
    [Fact]
    public void School32()
    {
        var snap = new Snap().Quarters().Student("s1").Student("s2", classId: "c1", consent: false);
        snap.From = D("2025-05-01");
        snap.To = D("2025-06-30");
        snap.Subjects.Add(new Subject { Id = "eng", Name = "Английский язык" });
        snap.Staff[1] = snap.Staff[1] with { EmployedUntil = D("2025-06-15") };

        // Tue 06.05.2025: the mark of 12:00 revised by its teacher 14 days and 1 s later (3.2.4), then by the deputy (3.2.5).
        snap.Lessons.Add(Lesson("L0", "2025-05-06") with { Topic = "Решение квадратных уравнений", TopicEnteredAt = L("2025-05-06 12:00") });
        snap.Marks.Add(Mark("m2", "s1", "2025-05-06", value: "5") with
        {
            LessonId = "L0", EnteredAt = L("2025-05-06 12:00"), EnteredBy = "t1",
            Revisions = new[]
            {
                new MarkRevision { At = L("2025-05-13 12:00"), By = "t1", From = "3", To = "4" },
                new MarkRevision { At = L("2025-05-20 12:00:01"), By = "t1", From = "4", To = "3" },
                new MarkRevision { At = L("2025-05-23 12:00"), By = "d1", From = "3", To = "5" },
            },
        });

        // Tue 13.05: the topic the next morning; a mark entered from the student's own account.
        snap.Lessons.Add(Lesson("L1", "2025-05-13") with { Topic = "Дискриминант", TopicEnteredAt = L("2025-05-14 08:00") });
        snap.Marks.Add(Mark("m3", "s1", "2025-05-13") with { LessonId = "L1", EnteredAt = L("2025-05-13 12:00"), EnteredBy = "a-s1" });

        // Wed 14.05: homework, the absence and the oral mark the next day.
        snap.Lessons.Add(Lesson("L2", "2025-05-14") with
        {
            Topic = "Теорема Виета", TopicEnteredAt = L("2025-05-14 12:00"),
            Homework = "№ 12, 14", HomeworkEnteredAt = L("2025-05-15 07:00"),
        });
        snap.Absences.Add(new Absence { LessonId = "L2", StudentId = "s1", EnteredAt = L("2025-05-15 09:00"), EnteredBy = "t1" });
        snap.Marks.Add(Mark("m1", "s1", "2025-05-14") with { LessonId = "L2", EnteredAt = L("2025-05-15 09:00"), EnteredBy = "t1" });

        // Thu 15.05: an English lesson whose topic is written in English.
        snap.Lessons.Add(Lesson("L3", "2025-05-15", subjectId: "eng", teacherId: "t2") with { Topic = "Present Perfect Tense", TopicEnteredAt = L("2025-05-15 12:00") });

        // Q4 ends Mon 26.05: a written mark entered on 28.05 by the teacher (3.2.2), another by the deputy (3.2.5).
        snap.Marks.Add(Mark("w1", "s1", "2025-05-21", MarkKind.Written) with { EnteredAt = L("2025-05-28 09:00"), EnteredBy = "t1" });
        snap.Marks.Add(Mark("w2", "s1", "2025-05-21", MarkKind.Written, subjectId: "eng") with { EnteredAt = L("2025-05-28 09:00"), EnteredBy = "d1" });

        // Q4 marks: algebra in time, English missing.
        snap.Marks.Add(Mark("q4-alg", "s1", "2025-05-26", MarkKind.Period) with { PeriodId = "q4", EnteredAt = L("2025-05-26 15:00"), EnteredBy = "t1" });

        // Exports every day at 16:30, except none on Wed 04.06 and one at 17:30 on Thu 05.06.
        for (var day = D("2025-05-01"); day <= D("2025-06-30"); day = day.AddDays(1))
        {
            if (day == D("2025-06-04"))
            {
                continue;
            }

            var at = day == D("2025-06-05") ? "17:30" : "16:30";
            snap.Operations.Add(new Operation { Kind = OperationKind.Export, At = L($"{day:yyyy-MM-dd} {at}") });
        }

        // Backups: two in May, one in June.
        snap.Operations.Add(new Operation { Kind = OperationKind.Backup, At = L("2025-05-05 18:00") });
        snap.Operations.Add(new Operation { Kind = OperationKind.Backup, At = L("2025-05-20 18:00") });
        snap.Operations.Add(new Operation { Kind = OperationKind.Backup, At = L("2025-06-16 18:00") });

        // The year ends 26.05: summary sheets due 02.06 came on 05.06 (4.6); the electronic copy of 1А never came (4.7).
        snap.Archive.Add(Archived("sheets", ArchiveDocumentType.SummarySheet, "2024/2025", null, "2025-06-05"));
        snap.Archive.Add(Archived("copy9", ArchiveDocumentType.ElectronicCopy, "2024/2025", "c9", "2025-06-30"));

        // Accounts: s2 has no consent (1.6, 3.1.2); teacher t2 left on 15.06 (3.1.1).
        snap.Accounts.Add(new Account { Id = "a-s1", PersonId = "s1", Role = AccountRole.Student, Active = true });
        snap.Accounts.Add(new Account { Id = "a-s2", PersonId = "s2", Role = AccountRole.Student, Active = true });
        snap.Accounts.Add(new Account { Id = "a-t2", PersonId = "t2", Role = AccountRole.Teacher, Active = true });

        var report = Evaluate("asiou-school32-2021", snap, "2025-09-15T12:00:00+05:00");

        Assert.Equal(
            new[]
            {
                "absence-entry | 3.2.4 | late certain absence:L2:s1",
                "access-after-leave | 3.1.1, 3.1.2 | active certain account:a-t2",
                "closed-period | 3.2.2 | entered certain mark:w1",
                "consent | 1.6, 3.1.2 | noConsent certain account:a-s2",
                "current-mark-entry | 3.2.4 | late certain mark:m1",
                "daily-export | 3.2.2 | missing certain day:2025-06-04",
                "daily-export | 3.2.2 | late certain day:2025-06-05",
                "homework | 3.2.4 | late certain lesson:L2",
                "lesson-topic | 3.2.4 | late certain lesson:L1",
                "mark-correction | 3.2.4, 3.2.5 | late certain revision:m2#2",
                "operation-frequency | 3.2.2 | month certain month:2025-06",
                "period-marks | 3.2.4 | missing certain periodMark:s1:eng:q4",
                "russian-text | 3.2.4 | topic certain lesson:L3",
                "student-authorship | 3.2.4 | mark certain mark:m3",
                "year-end-archive | 4.6, 4.7 | missing certain document:electronicCopy:2024/2025:c1",
                "year-end-archive | 4.6, 4.7 | late certain document:summarySheet:2024/2025:school",
            },
            Lines(report));
        Assert.Empty(report.Metrics);
    }

    /// <summary>
    /// Белогорская СШ, приложение 3, п. 4.2: учитель заполняет журнал «не позже 1 часа после окончания всех уроков
    /// конкретного класса», «ежедневно» — домашние задания, все записи — на русском языке, КТП — до начала учебного
    /// года, итоговые оценки — в срок; классный руководитель не допускает учащихся к работе с журналом; п. 3.5 —
    /// показатели контроля.
    /// </summary>
    [Fact]
    public void Belogorsk()
    {
        var snap = new Snap().Quarters().Student("s1").Student("s2", classId: "c1");

        // Tue 15.10.2024, 9А: algebra 08:30–09:15 and Russian 09:25–10:10, so everything is due at 11:10.
        snap.Lessons.Add(Lesson("L1", "2024-10-15") with
        {
            Start = H("08:30"), End = H("09:15"),
            Topic = "Квадратные уравнения", TopicEnteredAt = L("2024-10-15 10:50"),
            Homework = "№ 12, 14", HomeworkEnteredAt = L("2024-10-16 08:00"),
        });
        snap.Lessons.Add(Lesson("L2", "2024-10-15", subjectId: "rus") with
        {
            Start = H("09:25"), End = H("10:10"),
            Topic = "Сложноподчинённое предложение", TopicEnteredAt = L("2024-10-15 11:30"),
            Homework = "Read the text on page 45", HomeworkEnteredAt = L("2024-10-15 10:00"),
        });
        snap.Absences.Add(new Absence { LessonId = "L1", StudentId = "s1", EnteredAt = L("2024-10-15 11:20"), EnteredBy = "t1" });
        snap.Marks.Add(Mark("m1", "s1", "2024-10-15") with { LessonId = "L1", EnteredAt = L("2024-10-15 11:10:01"), EnteredBy = "t1" });
        snap.Marks.Add(Mark("m2", "s1", "2024-10-15", subjectId: "rus") with
        {
            LessonId = "L2", EnteredAt = L("2024-10-15 11:05"), EnteredBy = "t1",
            Revisions = new[] { new MarkRevision { At = L("2024-10-16 20:00"), By = "s1", From = "3", To = "5" } },
        });

        // Plans: algebra before the year (starts 02.09.2024) and with the curriculum's hours; Russian entered on 05.09.
        snap.Plans.Add(new Plan { ClassId = "c9", SubjectId = "alg", PlannedHours = 102, CurriculumHours = 102, EnteredAt = L("2024-08-30 10:00") });
        snap.Plans.Add(new Plan { ClassId = "c9", SubjectId = "rus", PlannedHours = 102, CurriculumHours = 102, EnteredAt = L("2024-09-05 10:00") });

        // Q1 marks: algebra given, Russian missing.
        snap.Marks.Add(Mark("q1-alg", "s1", "2024-10-25", MarkKind.Period) with { PeriodId = "q1", EnteredAt = L("2024-10-25 15:00"), EnteredBy = "t1" });

        var report = Evaluate("belogorsk-eljur-2021", snap);

        Assert.Equal(
            new[]
            {
                "absence-entry | 4.2 (учитель) | late certain absence:L1:s1",
                "current-mark-entry | 4.2 (учитель) | late certain mark:m1",
                "homework | 4.2 (учитель) | late certain lesson:L1",
                "lesson-topic | 4.2 (учитель) | late certain lesson:L2",
                "period-marks | 4.2 (учитель) | missing certain periodMark:s1:rus:q1",
                "plan-before-year | 4.2 (учитель) | late certain plan:c9:rus",
                "russian-text | 4.2 (учитель) | homework certain lesson:L2",
                "student-authorship | 4.2 (классный руководитель) | revision certain revision:m2#1",
            },
            Lines(report));
        Assert.Equal(L("2024-10-15 11:10"), Finding(report, "mark:m1").Deadline);
        Assert.Equal(
            new[]
            {
                "teacher-participation | 3.5", "students-without-marks | 3.5", "students-with-one-mark | 3.5",
                "homework-recorded | 3.5", "parent-participation | 3.5", "student-participation | 3.5",
            },
            report.Metrics.Select(m => $"{m.Metric} | {m.Clause}"));
        Assert.All(report.Metrics, m => Assert.Null(m.Passed));
        Assert.Equal(1.0, report.Metrics.Single(m => m.Metric == "teacher-participation").Value);
    }

    /// <summary>
    /// Школьный портал МО, «Оценка готовности ОО к переходу на ББЖ»: each criterion is a metric with its threshold,
    /// cited by the criterion's name. Here the schedule, planning and journal criteria fail; the rest pass.
    /// </summary>
    [Fact]
    public void MosregReadiness()
    {
        var snap = new Snap().Student("s1");

        // Four lessons of 9А (1А has none): three with a topic; marks on two, an absence on one.
        snap.Lessons.Add(Lesson("L1", "2025-03-03") with { Topic = "Квадратные уравнения" });
        snap.Lessons.Add(Lesson("L2", "2025-03-04") with { Topic = "Теорема Виета" });
        snap.Lessons.Add(Lesson("L3", "2025-03-05") with { Topic = "Дискриминант" });
        snap.Lessons.Add(Lesson("L4", "2025-03-06"));
        snap.Marks.Add(Mark("m1", "s1", "2025-03-03") with { LessonId = "L1", EnteredAt = L("2025-03-03 15:00") });
        snap.Marks.Add(Mark("m2", "s1", "2025-03-04") with { LessonId = "L2", EnteredAt = L("2025-03-07 15:00") });
        snap.Absences.Add(new Absence { LessonId = "L3", StudentId = "s1", EnteredAt = L("2025-03-05 10:00") });

        // Four accounts, three activated, one of those logged in.
        snap.Accounts.Add(new Account { Id = "a1", PersonId = "s1", Role = AccountRole.Student, ActivatedAt = L("2025-03-01 10:00"), Active = true });
        snap.Accounts.Add(new Account { Id = "a2", PersonId = "p1", Role = AccountRole.Parent, ActivatedAt = L("2025-03-01 10:00"), Active = true });
        snap.Accounts.Add(new Account { Id = "a3", PersonId = "t1", Role = AccountRole.Teacher, ActivatedAt = L("2025-03-01 10:00"), Active = true });
        snap.Accounts.Add(new Account { Id = "a4", PersonId = "p2", Role = AccountRole.Parent });
        snap.Logins.Add(new Login { AccountId = "a2", At = L("2025-03-04 19:00") });

        var report = Evaluate("mosreg-paperless-readiness", snap, "2025-03-20T12:00:00+05:00");

        Assert.Empty(report.Findings);
        Assert.Equal(
            new[]
            {
                "classes-with-schedule | Степень наполненности расписания | 1/2 ≥ 1 failed",
                "lessons-with-topic-or-homework | Ведение планирования | 3/4 ≥ 0.95 failed",
                "lessons-with-journal-entry | Ведение журнала | 3/4 ≥ 0.9 failed",
                "accounts-activated | Количество активированных пользователей | 3/4 ≥ 0.6 passed",
                "unique-logins | Количество уникальных входов пользователей | 1/3 ≥ 0.25 passed",
                "lessons-filled-within-24h | Online ведение журнала | 2/4 ≥ 0.35 passed",
            },
            report.Metrics.Select(m => $"{m.Metric} | {m.Clause} | {m.Numerator}/{m.Denominator} ≥ {m.Threshold:0.##} {(m.Passed == true ? "passed" : "failed")}"));
    }

    /// <summary>
    /// Курское, приказ № 155, п. 5.1: администратор «еженедельно создает резервные копии ЭЖ на двух внешних
    /// носителях» и «ежемесячно архивирует данные ЭЖ на двух внешних носителях».
    /// </summary>
    [Fact]
    public void Kurskoye()
    {
        var snap = new Snap { From = D("2025-02-01"), To = D("2025-04-30") };

        // Weekly backups on two media, but a nine-day gap 03.03–12.03 (a single-copy backup on 05.03 does not count).
        foreach (var day in new[] { "02-03", "02-10", "02-17", "02-24", "03-03", "03-12", "03-19", "03-26", "04-02", "04-09", "04-16", "04-23", "04-30" })
        {
            snap.Operations.Add(new Operation { Kind = OperationKind.Backup, At = L($"2025-{day} 18:00"), Copies = 2 });
        }

        snap.Operations.Add(new Operation { Kind = OperationKind.Backup, At = L("2025-03-05 18:00"), Copies = 1 });

        // Monthly archives on two media, except March (a single copy on 31.03).
        snap.Operations.Add(new Operation { Kind = OperationKind.Archive, At = L("2025-02-28 18:00"), Copies = 2 });
        snap.Operations.Add(new Operation { Kind = OperationKind.Archive, At = L("2025-03-31 18:00"), Copies = 1 });
        snap.Operations.Add(new Operation { Kind = OperationKind.Archive, At = L("2025-04-30 18:00"), Copies = 2 });

        var report = Evaluate("kurskoye-2019", snap, "2025-05-10T12:00:00+05:00");

        // Findings sort by rule, then entity id: the month "2025-03" before the gap "2025-03-03/…".

        Assert.Equal(
            new[]
            {
                "operation-frequency | 5.1 | month certain month:2025-03",
                "operation-frequency | 5.1 | gap certain operationGap:2025-03-03/2025-03-12",
            },
            Lines(report));
    }

    private static ArchiveRecord Archived(string id, ArchiveDocumentType type, string year, string? classId, string archivedOn, string? destroyed = null) => new()
    {
        Id = id,
        DocumentType = type,
        SchoolYear = year,
        ClassId = classId,
        ArchivedOn = D(archivedOn),
        DestroyedOn = destroyed is null ? null : D(destroyed),
    };

    private static EvaluationReport Evaluate(string presetId, Snap snap, string asOf = AsOf)
    {
        var engine = new PolicyEngine(StandardRules.Catalog, ProductionCalendar.Russia, TimeProvider.System);
        var snapshot = snap.Build();
        var policy = Presets.Load(presetId);
        var report = engine.Evaluate(snapshot, policy, new EvaluationOptions { AsOf = T(asOf) });
        AssertPlainRussian(report, policy, snapshot);
        return report;
    }

    /// <summary>Every report of the scenario — compliance in each format and the notices — reads in Russian outside the technical column.</summary>
    private static void AssertPlainRussian(EvaluationReport report, Abstractions.Policies.Policy policy, GradebookSnapshot snapshot)
    {
        var options = new Eljur.Rules.Reports.ReportOptions { Snapshot = snapshot };
        var model = Eljur.Rules.Reports.ReportRenderer.ComplianceModel(report, policy, null, options);
        var outputs = new List<(string Name, string Format, string Text)>();
        foreach (var (format, name) in new[] { (Eljur.Rules.Reports.ReportFormat.Html, "html"), (Eljur.Rules.Reports.ReportFormat.Markdown, "md"), (Eljur.Rules.Reports.ReportFormat.Text, "text") })
        {
            outputs.Add(("compliance." + name, name, Eljur.Rules.Reports.ReportRenderer.Render(Eljur.Rules.Reports.ReportKind.Compliance, model, format, options)));
            if (format != Eljur.Rules.Reports.ReportFormat.Text)
            {
                outputs.Add(("notices." + name, name, Eljur.Rules.Reports.ReportRenderer.Render(Eljur.Rules.Reports.ReportKind.Notices, model, format, options)));
            }
        }

        foreach (var (name, format, text) in outputs)
        {
            var latin = Eljur.Rules.Tests.Reports.PlainRussian.LatinWords(text, format);
            Assert.True(latin.Count == 0, $"{policy.Id}, {name}: Latin words outside the technical column:\n" + string.Join("\n", latin.Take(10)));
        }
    }

    private static List<string> Lines(EvaluationReport report) =>
        report.Findings.Select(f => $"{f.Rule} | {f.Clause} | {f.Aspect} {(f.Certainty == Certainty.Certain ? "certain" : "possible")} {f.Entity.Type}:{f.Entity.Id}").ToList();

    private static Finding Finding(EvaluationReport report, string entity) =>
        Assert.Single(report.Findings, f => $"{f.Entity.Type}:{f.Entity.Id}" == entity);
}
