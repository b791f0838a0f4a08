using System;
using System.IO;
using System.Linq;
using System.Text;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;
using Eljur.Rules.Tests.TestData;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Policies;

/// <summary>Policy files: reading, binding against the standard catalog, and errors naming the JSON path and line.</summary>
public sealed class PolicyReaderTests
{
    private static Policy Read(string json) =>
        PolicyReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "policy.json", StandardRules.Catalog);

    private static PolicyException Error(string json, string path, int? line)
    {
        var ex = Assert.Throws<PolicyException>(() => Read(json));
        Assert.Equal(path, ex.JsonPath);
        Assert.Equal(line, ex.LineNumber);
        Assert.Equal("policy.json", ex.FileName);
        Assert.StartsWith(line is null ? $"policy.json: {path}: " : $"policy.json: line {line}, {path}: ", ex.Message, StringComparison.Ordinal);
        return ex;
    }

    /// <summary>A two-rule policy whose second use is on line 6, its params on lines 7-9.</summary>
    private static string TwoRules(string secondRule, string secondParams, string extra = "") => $$"""
        {
          "id": "p",
          "title": "Положение",
          "rules": [
            { "rule": "lesson-topic", "clause": "5.1", "params": { "deadline": "sameDay" } },
            { "rule": "{{secondRule}}", "clause": "5.3"{{extra}},
              "params": {
                {{secondParams}}
              } }
          ]
        }
        """;

    [Fact]
    public void AValidPolicy_IsReadAndEvaluates()
    {
        var policy = Read("""
            {
              "$schema": "https://example.org/eljur.policy.schema.json",
              "format": "eljur.policy/1",
              "id": "lyceum",
              "title": "Положение о ведении электронного журнала",
              "description": "Тест",
              "document": "Приказ № 1",
              "assumptions": ["Срок для прочих предметов — 5 дней"],
              "rules": [
                { "rule": "lesson-topic", "clause": "5.1", "params": { "deadline": "sameDay" } },
                { "rule": "written-mark-entry", "clause": "5.4", "severity": "warning", "quote": "«…»", "note": "н",
                  "params": { "bySubject": [ { "subjects": ["Русский язык", "Литература"], "workingDays": 10 } ], "defaultWorkingDays": 5 } },
                { "rule": "mark-correction", "clause": "3.6.8", "params": { "windowDays": null } },
                { "metric": "lessons-with-journal-entry", "clause": "Ведение журнала", "threshold": 0.9 },
                { "metric": "lessons-with-topic-or-homework", "threshold": 0.95, "thresholdIsMaximum": false, "params": null }
              ]
            }
            """);

        Assert.Equal("lyceum", policy.Id);
        Assert.Equal("Положение о ведении электронного журнала", policy.Title);
        Assert.Equal("Тест", policy.Description);
        Assert.Equal("Приказ № 1", policy.Document);
        Assert.Equal(new[] { "Срок для прочих предметов — 5 дней" }, policy.Assumptions);
        Assert.Equal(
            new[] { "lesson-topic", "written-mark-entry", "mark-correction", "lessons-with-journal-entry", "lessons-with-topic-or-homework" },
            policy.Uses.Select(u => u.RuleId));
        Assert.Equal(new[] { "$.rules[0]", "$.rules[1]", "$.rules[2]", "$.rules[3]", "$.rules[4]" }, policy.Uses.Select(u => u.Path));
        Assert.Equal(Severity.Warning, policy.Uses[1].Severity);
        Assert.Equal("«…»", policy.Uses[1].Quote);
        Assert.Equal("н", policy.Uses[1].Note);
        Assert.Null(policy.Uses[0].Severity);
        Assert.Equal(0.9, policy.Uses[3].Threshold);
        Assert.Null(policy.Uses[0].Threshold);

        var snapshot = SnapshotBuilder.School()
            .Lesson("l1", "2024-10-28", l => l with { Held = true })
            .Mark("m1", "2024-10-28", MarkKind.Written, m => m with { SubjectId = "lit", EnteredAt = T("2024-11-12T00:00:00+05:00") })
            .Build();
        var report = Check.Run(snapshot, policy);

        Assert.Equal(
            new[]
            {
                "lesson-topic missing certain lesson:l1 2024-10-28T23:59:59.999+05:00 -",
                "written-mark-entry late certain mark:m1 2024-11-11T23:59:59.999+05:00 2024-11-12T00:00:00+05:00",
            },
            Check.Lines(report));
        Assert.Equal(new[] { "5.1", "5.4" }, report.Findings.Select(f => f.Clause));
        Assert.Equal(new[] { Severity.Error, Severity.Warning }, report.Findings.Select(f => f.Severity));
        Assert.Equal(new double?[] { 1.0, 0.0 }, report.Metrics.Select(m => m.Value));
        Assert.Equal(new bool?[] { true, false }, report.Metrics.Select(m => m.Passed));
    }

    [Fact]
    public void UnknownRuleId()
    {
        var ex = Error(TwoRules("lesson-topik", "\"deadline\": \"sameDay\""), "$.rules[1].rule", 6);

        Assert.Equal("unknown rule \"lesson-topik\"", ex.Problem);
    }

    [Fact]
    public void UnknownMetricId_NamesTheMetricKey()
    {
        Error(
            """
            { "id": "p", "title": "t",
              "rules": [ { "metric": "lessons-with-everything" } ] }
            """,
            "$.rules[0].metric",
            2);
    }

    [Fact]
    public void UnknownParameter()
    {
        var ex = Error(TwoRules("homework", "\"deadline\": \"sameDay\", \"dedline\": \"sameDay\""), "$.rules[1].params.dedline", 8);

        Assert.Equal("unknown parameter \"dedline\" (known: deadline)", ex.Problem);
    }

    [Fact]
    public void AParameterOnARuleThatTakesNone()
    {
        var ex = Error(TwoRules("lessons-with-journal-entry", "\"deadline\": \"sameDay\""), "$.rules[1].params.deadline", 8);

        Assert.Equal("unknown parameter \"deadline\" (this rule takes no parameters)", ex.Problem);
    }

    [Theory]
    [InlineData("tomorrow", "unknown deadline anchor \"tomorrow\"")]
    [InlineData("workingDay(5)", "unknown deadline anchor \"workingDay\"")]
    [InlineData("workingDays", "workingDays needs an argument, e.g. workingDays(1)")]
    [InlineData("sameDay(1)", "sameDay takes no argument")]
    [InlineData("workingDays(1.5)", "workingDays takes a whole number of days")]
    [InlineData("afterLessonEnd(-1)", "\"afterLessonEnd(-1)\" is not a deadline anchor")]
    [InlineData("", "\"\" is not a deadline anchor")]
    public void BadDeadlineAnchor(string anchor, string problem)
    {
        var ex = Error(TwoRules("current-mark-entry", $"\"deadline\": \"{anchor}\""), "$.rules[1].params.deadline", 8);

        Assert.StartsWith(problem, ex.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("current-mark-entry", "\"deadline\": 5", "$.rules[1].params.deadline", "must be a deadline anchor string such as \"sameDay\" or \"workingDays(5)\", found a number")]
    [InlineData("written-mark-entry", "\"defaultWorkingDays\": \"5\"", "$.rules[1].params.defaultWorkingDays", "must be a whole number, found the string \"5\"")]
    [InlineData("written-mark-entry", "\"defaultWorkingDays\": 5.5", "$.rules[1].params.defaultWorkingDays", "must be a whole number, found a number")]
    [InlineData("written-mark-entry", "\"defaultWorkingDays\": -1", "$.rules[1].params.defaultWorkingDays", "must be between 0 and 366, found -1")]
    [InlineData("written-mark-entry", "\"defaultWorkingDays\": 5, \"bySubject\": {}", "$.rules[1].params.bySubject", "must be a list of objects, found an object")]
    [InlineData("written-mark-entry", "\"defaultWorkingDays\": 5, \"bySubject\": [ { \"subjects\": [1], \"workingDays\": 10 } ]", "$.rules[1].params.bySubject[0].subjects[0]", "must be a string, found a number")]
    [InlineData("written-mark-entry", "\"defaultWorkingDays\": 5, \"bySubject\": [ { \"subjects\": \"Физика\", \"workingDays\": \"10\" } ]", "$.rules[1].params.bySubject[0].workingDays", "must be a whole number, found the string \"10\"")]
    [InlineData("mark-correction", "\"windowDays\": \"14\"", "$.rules[1].params.windowDays", "must be a whole number, found the string \"14\"")]
    [InlineData("mark-correction", "\"windowDays\": 14, \"overrideRoles\": [\"deputy\", \"principal\"]", "$.rules[1].params.overrideRoles", "unknown role \"principal\"; expected one of teacher, classTeacher, deputy, director, administrator, secretary")]
    [InlineData("mark-correction", "\"windowDays\": 14, \"overrideRoles\": true", "$.rules[1].params.overrideRoles", "must be a list of strings, found a boolean")]
    public void WrongParameterType(string rule, string parameters, string path, string problem)
    {
        var ex = Error(TwoRules(rule, parameters), path, 8);

        Assert.Equal(problem, ex.Problem);
    }

    [Theory]
    [InlineData("written-mark-entry", "", "$.rules[1].params.defaultWorkingDays", "the parameter \"defaultWorkingDays\" is required")]
    [InlineData("mark-correction", "", "$.rules[1].params.windowDays", "the parameter \"windowDays\" is required (a number or null)")]
    [InlineData("written-mark-entry", "\"defaultWorkingDays\": 5, \"bySubject\": [ { \"workingDays\": 10 } ]", "$.rules[1].params.bySubject[0].subjects", "the parameter \"subjects\" is required")]
    public void MissingRequiredParameter_NamesItsPath_AndTheLineOfItsObject(string rule, string parameters, string path, string problem)
    {
        var ex = Error(TwoRules(rule, parameters), path, parameters.Contains("bySubject", StringComparison.Ordinal) ? 8 : 7);

        Assert.Equal(problem, ex.Problem);
    }

    [Fact]
    public void AnUnknownKeyInABySubjectItem()
    {
        Error(
            TwoRules("written-mark-entry", "\"defaultWorkingDays\": 5, \"bySubject\": [ { \"subject\": \"Физика\", \"subjects\": \"Физика\", \"workingDays\": 3 } ]"),
            "$.rules[1].params.bySubject[0].subject",
            8);
    }

    [Fact]
    public void ThresholdOnARule()
    {
        var ex = Error(TwoRules("homework", "\"deadline\": \"sameDay\"", ", \"threshold\": 0.9"), "$.rules[1].threshold", 6);

        Assert.Equal("\"homework\" is a rule, not a metric: it takes no threshold", ex.Problem);
    }

    [Theory]
    [InlineData("95", "the threshold is a ratio between 0 and 1")]
    [InlineData("\"0.9\"", "the threshold must be a number (a ratio such as 0.95)")]
    public void BadThresholdOnAMetric(string threshold, string problem)
    {
        var ex = Error(TwoRules("lessons-with-journal-entry", "", $", \"threshold\": {threshold}"), "$.rules[1].threshold", 6);

        Assert.Equal(problem, ex.Problem);
    }

    [Fact]
    public void UnknownSeverity()
    {
        Error(TwoRules("homework", "", ", \"severity\": \"fatal\""), "$.rules[1].severity", 6);
    }

    [Fact]
    public void UnknownKeyInAUse()
    {
        Error(TwoRules("homework", "", ", \"clauses\": \"5.3\""), "$.rules[1].clauses", 6);
    }

    [Fact]
    public void UnknownTopLevelKey()
    {
        Error("{\n  \"id\": \"p\",\n  \"title\": \"t\",\n  \"rule\": [],\n  \"rules\": []\n}", "$.rule", 4);
    }

    [Fact]
    public void MissingRulesList()
    {
        Error("{\n  \"id\": \"p\",\n  \"title\": \"t\"\n}", "$.rules", 1);
    }

    [Fact]
    public void WrongFormat()
    {
        Error("{\n  \"format\": \"eljur.policy/2\", \"id\": \"p\", \"title\": \"t\", \"rules\": []\n}", "$.format", 2);
    }

    [Fact]
    public void MissingId()
    {
        Error("{\n  \"title\": \"t\",\n  \"rules\": []\n}", "$.id", 1);
    }

    [Fact]
    public void NotJson_Truncated()
    {
        var ex = Error("{\n  \"id\": \"p\",\n  \"title\": \"t\",\n  \"rules\": [\n    { \"rule\": \"homework\" ", "$.rules[0].rule", 5);

        Assert.StartsWith("not valid JSON: ", ex.Problem, StringComparison.Ordinal);
        Assert.IsType<Newtonsoft.Json.JsonReaderException>(ex.InnerException);
    }

    [Fact]
    public void NotJson_ABadValueOnLineThree()
    {
        var ex = Error("{\n  \"id\": \"p\",\n  \"title\": nope,\n  \"rules\": []\n}", "$.title", 3);

        Assert.Equal("not valid JSON: Unexpected character encountered while parsing value: n.", ex.Problem);
    }

    [Theory]
    [InlineData("lesson-topic: sameDay\n")]
    [InlineData("\n\nlesson-topic: sameDay\n")]
    [InlineData("")]
    public void NotJson_FromTheFirstCharacter_HasNoLineRatherThanLineZero(string text)
    {
        var ex = Error(text, "$", null);

        Assert.StartsWith("not valid JSON: ", ex.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("line 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotJson_AfterLeadingSpaces_IsOnLineOne()
    {
        Error("  x", "$", 1);
    }

    [Fact]
    public void NotAnObject()
    {
        Error("[\n  1\n]", "$", 1);
    }

    [Fact]
    public void TrailingContent()
    {
        Error("{ \"id\": \"p\", \"title\": \"t\", \"rules\": [] }\n{ }", "$", 2);
    }

    [Fact]
    public void DuplicateKey()
    {
        var ex = Error("{\n  \"id\": \"p\",\n  \"id\": \"q\",\n  \"title\": \"t\", \"rules\": []\n}", "$.id", 3);

        Assert.Contains("id", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutACatalog_RuleIdsAreNotValidated()
    {
        var policy = PolicyReader.Read(
            new MemoryStream(Encoding.UTF8.GetBytes("""{ "id": "p", "title": "t", "rules": [ { "rule": "future-rule", "threshold": 0.5, "params": { "x": 1 } } ] }""")),
            null,
            null);

        Assert.Equal("future-rule", Assert.Single(policy.Uses).RuleId);
    }

    [Fact]
    public void ReadFile_NamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "eljur-policy-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, "{\n  \"id\": \"p\", \"title\": \"t\",\n  \"rules\": [ { \"rule\": \"nope\" } ]\n}");
        try
        {
            var ex = Assert.Throws<PolicyException>(() => PolicyReader.ReadFile(path, StandardRules.Catalog));

            Assert.Equal(path, ex.FileName);
            Assert.Equal("$.rules[0].rule", ex.JsonPath);
            Assert.Equal(3, ex.LineNumber);
            Assert.Equal($"{path}: line 3, $.rules[0].rule: unknown rule \"nope\"", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }

        var missing = Assert.Throws<PolicyException>(() => PolicyReader.ReadFile(path, StandardRules.Catalog));
        Assert.Equal(path, missing.FileName);
        Assert.Equal("$", missing.JsonPath);
        Assert.Null(missing.LineNumber);
    }
}
