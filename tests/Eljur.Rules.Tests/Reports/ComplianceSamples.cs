using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Policies;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Reports;

/// <summary>A compliance report made by hand: certain and possible findings, four metrics, a not-evaluable rule.</summary>
internal static class ComplianceSamples
{
    public const string Script = "<script>alert(1)</script> & co";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["st1"] = "Иванов Иван",
        ["st2"] = "Петрова Мария",
        ["st3"] = "Иванов Иван", // a namesake of st1
    };

    public static Policy Policy() => new()
    {
        Id = "lyceum-test",
        Title = "Положение об электронном журнале",
        Document = "Положение, Лицей № 1, 2023",
        Assumptions = new[] { "Нормативы показателей взяты для проверки." },
        Uses = new[]
        {
            new RuleUse { RuleId = "lesson-topic", Clause = "5.1", Quote = "информация о теме урока – в день проведения урока" },
            new RuleUse { RuleId = "written-mark-entry", Clause = "5.4", Quote = "не позднее 5 рабочих дней " + Script },
            new RuleUse { RuleId = "lessons-with-topic-or-homework", Clause = "критерий 1", Quote = "Ведение планирования", Threshold = 0.95 },
        },
    };

    public static EvaluationReport Report(string topicMessage = "Тема урока (9А, Алгебра, 28.10.2024) внесена поздно.") => new()
    {
        PolicyId = "lyceum-test",
        PolicyTitle = "Положение об электронном журнале",
        SchoolName = "Лицей № 1",
        TimeZone = "Asia/Yekaterinburg",
        AsOf = T("2024-11-20T12:00:00+05:00"),
        From = D("2024-10-01"),
        To = D("2024-11-15"),
        Findings = new[]
        {
            new Finding
            {
                Rule = "lesson-topic", Clause = "5.1", Severity = Severity.Error, Certainty = Certainty.Certain, Aspect = "late",
                Entity = new FindingEntity("lesson", "L-1"), Deadline = T("2024-10-28T23:59:59.999+05:00"), Observed = T("2024-10-29T09:00:00+05:00"),
                Message = topicMessage,
            },
            new Finding
            {
                Rule = "lesson-topic", Clause = "5.1", Severity = Severity.Error, Certainty = Certainty.Possible, Aspect = "late",
                Entity = new FindingEntity("lesson", "L-2"), Deadline = T("2024-10-29T23:59:59.999+05:00"), Observed = T("2024-10-30T08:00:00+05:00"),
                Message = "Тема урока (9А, Алгебра, 29.10.2024) замечена только 30.10.2024 08:00.",
            },
            new Finding
            {
                Rule = "written-mark-entry", Clause = "5.4", Severity = Severity.Error, Certainty = Certainty.Certain, Aspect = "late",
                Entity = new FindingEntity("mark", "M-1"), Deadline = T("2024-11-02T23:59:59.999+05:00"), Observed = T("2024-11-05T09:12:00+05:00"),
                Message = "Отметка за письменную работу («4», Иванов Иван, Алгебра, работа 28.10.2024) внесена поздно; Петрова Мария тоже.",
            },
            new Finding
            {
                Rule = "written-mark-entry", Clause = "5.4", Severity = Severity.Error, Certainty = Certainty.Certain, Aspect = "late",
                Entity = new FindingEntity("absence", "L-3:st3"), Deadline = T("2024-11-02T23:59:59.999+05:00"), Observed = T("2024-11-05T09:12:00+05:00"),
                Message = "Пропуск: Иванов Иван, " + Script,
            },
        },
        Metrics = new[]
        {
            new MetricResult { Metric = "lessons-with-topic-or-homework", Clause = "критерий 1", Value = 0.9231, Numerator = 12, Denominator = 13, Threshold = 0.95, Passed = false },
            new MetricResult { Metric = "lessons-with-journal-entry", Clause = "критерий 2", Value = 1, Numerator = 13, Denominator = 13, Threshold = 0.9, Passed = true },
            new MetricResult { Metric = "homework-recorded", Clause = "3.4.6", Value = 0.25, Numerator = 1, Denominator = 4 },
            new MetricResult { Metric = "unique-logins", Clause = "критерий 5", Value = null, Numerator = 0, Denominator = 0, Threshold = 0.25 },
        },
        NotEvaluable = new[]
        {
            new NotEvaluableEntry { Rule = "mark-correction", Missing = new[] { "revisions", "authors" } },
            new NotEvaluableEntry { Rule = "lesson-topic", Aspect = "late", Missing = new[] { "topicEntryTimes" } },
        },
    };
}
