using System.IO;
using System.Linq;
using System.Text;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Rules.Tests.TestData;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Engine;

/// <summary>Finding order and the <c>eljur.report/1</c> JSON of <c>cli.md</c>.</summary>
public sealed class ReportTests
{
    [Fact]
    public void Findings_AreSortedByRuleThenEntityId_Ordinally()
    {
        var snapshot = SnapshotBuilder.School()
            .Lesson("l2", "2024-10-28")
            .Lesson("l10", "2024-10-28")
            .Lesson("l1", "2024-10-28")
            .Lesson("L0", "2024-10-28")
            .Absence("l2", "st1", a => a with { EnteredAt = T("2024-10-30T00:00:00+05:00") })
            .Absence("l10", "st1", a => a with { EnteredAt = T("2024-10-30T00:00:00+05:00") })
            .Mark("m2", "2024-10-28", MarkKind.Current, m => m with { EnteredAt = T("2024-10-30T00:00:00+05:00") })
            .Mark("m1", "2024-10-28", MarkKind.Written, m => m with { EnteredAt = T("2024-11-30T00:00:00+05:00") })
            .Build();
        var policy = Check.Policy(
            Check.Use("written-mark-entry", """{ "defaultWorkingDays": 5 }"""),
            Check.Use("lesson-topic"),
            Check.Use("current-mark-entry"),
            Check.Use("absence-entry"));

        var report = Check.Run(snapshot, policy);

        Assert.Equal(
            new[]
            {
                "absence-entry absence:l10:st1",
                "absence-entry absence:l2:st1",
                "current-mark-entry mark:m2",
                "lesson-topic lesson:L0",
                "lesson-topic lesson:l1",
                "lesson-topic lesson:l10",
                "lesson-topic lesson:l2",
                "written-mark-entry mark:m1",
            },
            report.Findings.Select(f => $"{f.Rule} {f.Entity.Type}:{f.Entity.Id}"));
    }

    [Fact]
    public void SameRuleAndEntity_FromTwoUses_AreOrderedByDeadline()
    {
        var report = Check.Run(
            SnapshotBuilder.School().Lesson("l1", "2024-10-28").Build(),
            Check.Policy(Check.Use("lesson-topic", """{ "deadline": "calendarDays(1)" }""", "4.2"), Check.Use("lesson-topic", clause: "5.1")));

        Assert.Equal(
            new[] { "5.1 2024-10-28T23:59:59.999+05:00", "4.2 2024-10-29T23:59:59.999+05:00" },
            report.Findings.Select(f => f.Clause + " " + ReportJsonWriter.Timestamp(f.Deadline!.Value)));
    }

    [Fact]
    public void Report_CarriesThePolicyTheRangeAndAsOfInTheSchoolsOffset()
    {
        var report = Check.Engine().Evaluate(
            SnapshotBuilder.School().Build(),
            Check.Policy(Check.Use("lesson-topic")),
            new EvaluationOptions { AsOf = T("2024-11-20T07:00:00Z"), From = D("2024-10-01"), To = D("2024-11-15") });

        Assert.Equal("test-policy", report.PolicyId);
        Assert.Equal("Тестовое положение", report.PolicyTitle);
        Assert.Equal("Лицей № 1", report.SchoolName);
        Assert.Equal("Asia/Yekaterinburg", report.TimeZone);
        Assert.Equal("2024-11-20T12:00:00+05:00", ReportJsonWriter.Timestamp(report.AsOf));
        Assert.Equal(D("2024-10-01"), report.From);
        Assert.Equal(D("2024-11-15"), report.To);
    }

    private static JObject Json(EvaluationReport report)
    {
        using var stream = new MemoryStream();
        ReportJsonWriter.Write(report, stream);
        var bytes = stream.ToArray();
        Assert.NotEqual(0xEF, bytes[0]); // UTF-8 without a byte-order mark
        using var reader = new JsonTextReader(new StringReader(Encoding.UTF8.GetString(bytes))) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    private static string[] Keys(JToken token) => ((JObject)token).Properties().Select(p => p.Name).ToArray();

    [Fact]
    public void Json_HasExactlyTheCliShape()
    {
        var snapshot = SnapshotBuilder.School().Without(Capability.HomeworkEntryTimes)
            .Lesson("l1", "2024-10-28", l => l with { Held = true })
            .Lesson("l2", "2024-10-28", l => l with { Topic = "Дроби", TopicEnteredAt = T("2024-10-29T06:00:00+05:00"), TopicEnteredAfter = T("2024-10-28T00:00:00+05:00") })
            .Build();
        var policy = Check.Policy(
            Check.Use("lesson-topic", clause: "5.1"),
            Check.Use("homework", clause: "5.2"),
            Check.Use("lessons-with-journal-entry", clause: "Ведение журнала", threshold: 0.9),
            Check.Use("lessons-with-topic-or-homework"));
        var report = Check.Engine().Evaluate(
            snapshot,
            policy,
            new EvaluationOptions { AsOf = T("2024-11-20T12:00:00+05:00"), From = D("2024-10-01"), To = D("2024-11-15") });

        var json = Json(report);

        Assert.Equal(new[] { "format", "policy", "asOf", "range", "findings", "metrics", "notEvaluable", "warnings" }, Keys(json));
        Assert.Empty((JArray)json["warnings"]!);
        Assert.Equal("eljur.report/1", (string?)json["format"]);
        Assert.Equal(new[] { "id", "title" }, Keys(json["policy"]!));
        Assert.Equal("test-policy", (string?)json["policy"]!["id"]);
        Assert.Equal("Тестовое положение", (string?)json["policy"]!["title"]);
        Assert.Equal(JTokenType.String, json["asOf"]!.Type);
        Assert.Equal("2024-11-20T12:00:00+05:00", (string?)json["asOf"]);
        Assert.Equal(new[] { "from", "to" }, Keys(json["range"]!));
        Assert.Equal("2024-10-01", (string?)json["range"]!["from"]);
        Assert.Equal("2024-11-15", (string?)json["range"]!["to"]);

        var findings = (JArray)json["findings"]!;
        Assert.Equal(2, findings.Count);

        var missing = findings[0];
        Assert.Equal(new[] { "rule", "clause", "severity", "certainty", "aspect", "entity", "deadline", "responsible", "message" }, Keys(missing));
        Assert.Equal(new[] { "id", "name" }, Keys(missing["responsible"]!));
        Assert.Equal("t1", (string?)missing["responsible"]!["id"]);
        Assert.Equal("Петрова Анна Сергеевна", (string?)missing["responsible"]!["name"]);
        Assert.Equal("lesson-topic", (string?)missing["rule"]);
        Assert.Equal("5.1", (string?)missing["clause"]);
        Assert.Equal("error", (string?)missing["severity"]);
        Assert.Equal("certain", (string?)missing["certainty"]);
        Assert.Equal("missing", (string?)missing["aspect"]);
        Assert.Equal(new[] { "type", "id" }, Keys(missing["entity"]!));
        Assert.Equal("lesson", (string?)missing["entity"]!["type"]);
        Assert.Equal("l1", (string?)missing["entity"]!["id"]);
        Assert.Equal("2024-10-28T23:59:59.999+05:00", (string?)missing["deadline"]);
        Assert.Equal("Не записана тема урока (9А, Алгебра, 28.10.2024); срок — до 28.10.2024 23:59.", (string?)missing["message"]);

        var late = findings[1];
        Assert.Equal(new[] { "rule", "clause", "severity", "certainty", "aspect", "entity", "deadline", "observed", "responsible", "message" }, Keys(late));
        Assert.Equal("possible", (string?)late["certainty"]);
        Assert.Equal("late", (string?)late["aspect"]);
        Assert.Equal("l2", (string?)late["entity"]!["id"]);
        Assert.Equal("2024-10-28T23:59:59.999+05:00", (string?)late["deadline"]);
        Assert.Equal("2024-10-29T06:00:00+05:00", (string?)late["observed"]);

        var metrics = (JArray)json["metrics"]!;
        Assert.Equal(2, metrics.Count);
        Assert.Equal(new[] { "metric", "clause", "value", "numerator", "denominator", "threshold", "passed" }, Keys(metrics[0]));
        Assert.Equal("lessons-with-journal-entry", (string?)metrics[0]["metric"]);
        Assert.Equal("Ведение журнала", (string?)metrics[0]["clause"]);
        Assert.Equal(JTokenType.Float, metrics[0]["value"]!.Type);
        Assert.Equal(0.5, (double)metrics[0]["value"]!);
        Assert.Equal(JTokenType.Integer, metrics[0]["numerator"]!.Type);
        Assert.Equal(1L, (long)metrics[0]["numerator"]!);
        Assert.Equal(2L, (long)metrics[0]["denominator"]!);
        Assert.Equal(0.9, (double)metrics[0]["threshold"]!);
        Assert.False((bool)metrics[0]["passed"]!);

        Assert.Equal(new[] { "metric", "clause", "value", "numerator", "denominator", "threshold", "passed" }, Keys(metrics[1]));
        Assert.Equal(JTokenType.Null, metrics[1]["clause"]!.Type);
        Assert.Equal(0.5, (double)metrics[1]["value"]!);
        Assert.Equal(JTokenType.Null, metrics[1]["threshold"]!.Type);
        Assert.Equal(JTokenType.Null, metrics[1]["passed"]!.Type);

        var notEvaluable = (JArray)json["notEvaluable"]!;
        var entry = Assert.Single(notEvaluable);
        Assert.Equal(new[] { "rule", "aspect", "missing" }, Keys(entry));
        Assert.Equal("homework", (string?)entry["rule"]);
        Assert.Equal(JTokenType.Null, entry["aspect"]!.Type);
        Assert.Equal(new[] { "homeworkEntryTimes" }, ((JArray)entry["missing"]!).Select(t => (string?)t));
    }

    [Fact]
    public void Json_ANotEvaluableMetric_HasANullValue_AndItsIdUnderRule()
    {
        var snapshot = SnapshotBuilder.School().Capabilities(Capability.Marks, Capability.MarkEntryTimes)
            .Mark("m17", "2024-10-28", MarkKind.Written, m => m with { EnteredAt = T("2024-11-05T09:12:00+05:00") })
            .Build();
        var policy = Check.Policy(
            Check.Use("written-mark-entry", """{ "defaultWorkingDays": 5 }""", "5.4"),
            Check.Use("lessons-with-journal-entry", clause: "Ведение журнала", threshold: 0.9),
            Check.Use("lesson-topic", clause: "5.1"));

        var json = Json(Check.Run(snapshot, policy, "2024-11-20T12:00:00+05:00"));

        var finding = Assert.Single((JArray)json["findings"]!);
        Assert.Equal("written-mark-entry", (string?)finding["rule"]);
        Assert.Equal("m17", (string?)finding["entity"]!["id"]);
        Assert.Equal("mark", (string?)finding["entity"]!["type"]);
        Assert.Equal("2024-11-02T23:59:59.999+05:00", (string?)finding["deadline"]);
        Assert.Equal("2024-11-05T09:12:00+05:00", (string?)finding["observed"]);

        var metric = Assert.Single((JArray)json["metrics"]!);
        Assert.Equal("lessons-with-journal-entry", (string?)metric["metric"]);
        Assert.Equal(JTokenType.Null, metric["value"]!.Type);
        Assert.Equal(0L, (long)metric["numerator"]!);
        Assert.Equal(0L, (long)metric["denominator"]!);
        Assert.Equal(0.9, (double)metric["threshold"]!);
        Assert.Equal(JTokenType.Null, metric["passed"]!.Type);

        var notEvaluable = (JArray)json["notEvaluable"]!;
        Assert.Equal(2, notEvaluable.Count);
        Assert.Equal("lessons-with-journal-entry", (string?)notEvaluable[0]["rule"]);
        Assert.Equal(JTokenType.Null, notEvaluable[0]["aspect"]!.Type);
        Assert.Equal(new[] { "lessons" }, ((JArray)notEvaluable[0]["missing"]!).Select(t => (string?)t));
        Assert.Equal("lesson-topic", (string?)notEvaluable[1]["rule"]);
        Assert.Equal(new[] { "lessons", "topics" }, ((JArray)notEvaluable[1]["missing"]!).Select(t => (string?)t));
    }

    [Fact]
    public void Json_ThresholdIsMaximum_IsWrittenOnlyWhenSet()
    {
        var snapshot = SnapshotBuilder.School().Lesson("l1", "2024-10-28").Build();
        var policy = Check.Policy(Check.Use("lessons-with-journal-entry", threshold: 0.1) with { ThresholdIsMaximum = true });

        var metric = Assert.Single((JArray)Json(Check.Run(snapshot, policy))["metrics"]!);

        Assert.Equal(new[] { "metric", "clause", "value", "numerator", "denominator", "threshold", "thresholdIsMaximum", "passed" }, Keys(metric));
        Assert.True((bool)metric["thresholdIsMaximum"]!);
        Assert.True((bool)metric["passed"]!);
    }

    [Fact]
    public void Json_AnEmptyReport_HasEmptyArrays()
    {
        var json = Json(Check.Run(SnapshotBuilder.School().Build(), Check.Policy()));

        Assert.Empty((JArray)json["findings"]!);
        Assert.Empty((JArray)json["metrics"]!);
        Assert.Empty((JArray)json["notEvaluable"]!);
    }

    [Theory]
    [InlineData("2024-11-02T23:59:59.9999999+05:00", "2024-11-02T23:59:59.999+05:00")]
    [InlineData("2024-11-05T09:12:00+05:00", "2024-11-05T09:12:00+05:00")]
    [InlineData("2024-11-05T09:12:00.5+03:00", "2024-11-05T09:12:00.500+03:00")]
    [InlineData("2024-11-05T09:12:00Z", "2024-11-05T09:12:00+00:00")]
    public void Timestamp_ShowsMillisecondsOnlyWhenNotZero(string instant, string expected)
    {
        Assert.Equal(expected, ReportJsonWriter.Timestamp(T(instant)));
    }
}
