using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Eljur.Abstractions.Policies;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Eljur.Rules.Tests.PresetPolicies;

/// <summary>
/// The five presets are the preset tables of rules.md, one rule use per row (one use per rule where a row lists
/// several): rule id, clause and parameters exactly as tabled.
/// </summary>
public class PresetTableTests
{
    public static readonly string[] Ids =
    {
        "asiou-school32-2021", "belogorsk-eljur-2021", "kurskoye-2019", "lyceum68-ufa-2023", "mosreg-paperless-readiness",
    };

    public static TheoryData<string> AllIds() => new(Ids);

    [Fact]
    public void TheFivePresetsShip()
    {
        Assert.Equal(Ids, Presets.Ids);
        Assert.All(Ids, id => Assert.True(Presets.Exists(id)));
        Assert.False(Presets.Exists("demo"));
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void EveryPresetLoadsAgainstTheStandardCatalog(string id)
    {
        var policy = Presets.Load(id, StandardRules.Catalog);

        Assert.Equal(id, policy.Id);
        Assert.NotEmpty(policy.Uses);
        foreach (var use in policy.Uses)
        {
            Assert.True(StandardRules.Catalog.TryGet(use.RuleId, out var rule), use.RuleId);
            rule.Bind(use.Parameters);
        }
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void EveryPresetHasARussianTitleItsDocumentADescriptionAndItsAssumptions(string id)
    {
        var json = JObject.Parse(Presets.GetJson(id)!);
        var policy = Presets.Load(id);

        Assert.Equal(Policy.FormatId, (string?)json["format"]);
        Assert.Matches(Cyrillic, policy.Title);
        Assert.Matches(Cyrillic, policy.Document!);
        Assert.Matches(Cyrillic, policy.Description!);
        Assert.Contains("assumptions", policy.Description!);
        Assert.NotEmpty(policy.Assumptions);
        Assert.All(policy.Assumptions, a => Assert.Matches(Cyrillic, a));

        // Every use cites its clause and quotes it in the document's own words.
        Assert.All(policy.Uses, u =>
        {
            Assert.False(string.IsNullOrWhiteSpace(u.Clause), u.Path);
            Assert.Matches(Cyrillic, u.Quote!);
        });
    }

    [Fact]
    public void Lyceum68()
    {
        Assert.Equal(
            new[]
            {
                "lesson-topic | 5.1 | {\"deadline\":\"sameDay\"} | -",
                "absence-entry | 5.1 | {\"deadline\":\"sameDay\"} | -",
                "homework | 5.2 | {\"deadline\":\"sameDay\"} | -",
                "current-mark-entry | 5.3, 3.6.8 | {\"deadline\":\"sameDay\"} | -",
                "written-mark-entry | 5.4 | {\"bySubject\":[{\"subjects\":[\"Русский язык\",\"Литература\"],\"workingDays\":10}],\"defaultWorkingDays\":5} | -",
                "gia-entry | 5.5 | {\"workingDays\":3} | -",
                "final-after-gia | 5.6 | {\"grade\":9,\"workingDays\":3} | -",
                "period-marks | 3.6.5 | {\"graceDays\":0,\"exemptGrades\":[1]} | -",
                "mark-correction | 3.6.8 | {\"windowDays\":null,\"overrideRoles\":[]} | -",
                "year-end-archive | 6.2, 6.3, 6.4 | {\"documents\":[{\"documentType\":\"classJournal\",\"perClass\":true,\"due\":\"06-30\"},{\"documentType\":\"summarySheet\",\"perClass\":false,\"due\":\"06-30\"},{\"documentType\":\"electronicCopy\",\"perClass\":false,\"due\":\"06-30\"}]} | -",
                "retention | 6.2, 6.3 | {\"years\":{\"classJournal\":5,\"summarySheet\":75}} | -",
                "students-without-marks | 3.4.6, 3.7.4 | - | -",
                "students-with-one-mark | 3.4.6, 3.7.4 | - | -",
                "homework-recorded | 3.4.6, 3.7.4 | - | -",
                "teacher-participation | 3.4.6, 3.7.4 | - | -",
                "parent-participation | 3.4.6, 3.7.4 | - | -",
                "student-participation | 3.4.6, 3.7.4 | - | -",
            },
            Rows("lyceum68-ufa-2023"));
    }

    [Fact]
    public void School32()
    {
        Assert.Equal(
            new[]
            {
                "lesson-topic | 3.2.4 | {\"deadline\":\"sameDay\"} | -",
                "absence-entry | 3.2.4 | {\"deadline\":\"sameDay\"} | -",
                "homework | 3.2.4 | {\"deadline\":\"sameDay\"} | -",
                "current-mark-entry | 3.2.4 | {\"deadline\":\"sameDay\"} | -",
                "mark-correction | 3.2.4, 3.2.5 | {\"windowDays\":14,\"overrideRoles\":[\"deputy\"]} | -",
                "closed-period | 3.2.2 | {\"graceDays\":0,\"overrideRoles\":[\"deputy\"]} | -",
                "russian-text | 3.2.4 | {\"minCyrillicShare\":0.5} | -",
                "period-marks | 3.2.4 | {\"graceDays\":0} | -",
                "daily-export | 3.2.2 | {\"by\":\"17:00\"} | -",
                "operation-frequency | 3.2.2 | {\"kind\":\"backup\",\"perMonth\":2} | -",
                "year-end-archive | 4.6, 4.7 | {\"documents\":[{\"documentType\":\"summarySheet\",\"perClass\":false,\"daysAfterYearEnd\":7},{\"documentType\":\"electronicCopy\",\"perClass\":true,\"due\":\"08-31\"}]} | -",
                "consent | 1.6, 3.1.2 | - | -",
                "access-after-leave | 3.1.1, 3.1.2 | - | -",
                "student-authorship | 3.2.4 | - | -",
            },
            Rows("asiou-school32-2021"));
    }

    [Fact]
    public void Belogorsk()
    {
        Assert.Equal(
            new[]
            {
                "lesson-topic | 4.2 (учитель) | {\"deadline\":\"afterClassDay(1)\"} | -",
                "absence-entry | 4.2 (учитель) | {\"deadline\":\"afterClassDay(1)\"} | -",
                "current-mark-entry | 4.2 (учитель) | {\"deadline\":\"afterClassDay(1)\"} | -",
                "homework | 4.2 (учитель) | {\"deadline\":\"sameDay\"} | -",
                "russian-text | 4.2 (учитель) | {\"minCyrillicShare\":0.5} | -",
                "plan-before-year | 4.2 (учитель) | - | -",
                "period-marks | 4.2 (учитель) | {\"graceDays\":0} | -",
                "student-authorship | 4.2 (классный руководитель) | - | -",
                "teacher-participation | 3.5 | - | -",
                "students-without-marks | 3.5 | - | -",
                "students-with-one-mark | 3.5 | - | -",
                "homework-recorded | 3.5 | - | -",
                "parent-participation | 3.5 | - | -",
                "student-participation | 3.5 | - | -",
            },
            Rows("belogorsk-eljur-2021"));
    }

    [Fact]
    public void MosregReadiness()
    {
        Assert.Equal(
            new[]
            {
                "classes-with-schedule | Степень наполненности расписания | - | 1",
                "lessons-with-topic-or-homework | Ведение планирования | - | 0.95",
                "lessons-with-journal-entry | Ведение журнала | - | 0.9",
                "accounts-activated | Количество активированных пользователей | - | 0.6",
                "unique-logins | Количество уникальных входов пользователей | - | 0.25",
                "lessons-filled-within-24h | Online ведение журнала | - | 0.35",
            },
            Rows("mosreg-paperless-readiness"));
        Assert.All(Presets.Load("mosreg-paperless-readiness").Uses, u => Assert.False(u.ThresholdIsMaximum));
    }

    [Fact]
    public void Kurskoye()
    {
        Assert.Equal(
            new[]
            {
                "operation-frequency | 5.1 | {\"kind\":\"backup\",\"everyDays\":7,\"minCopies\":2} | -",
                "operation-frequency | 5.1 | {\"kind\":\"archive\",\"perMonth\":1,\"minCopies\":2} | -",
            },
            Rows("kurskoye-2019"));
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void MetricsAreMetricsAndRulesCarryNoThreshold(string id)
    {
        var json = (JArray)JObject.Parse(Presets.GetJson(id)!)["rules"]!;
        foreach (var use in json.Cast<JObject>())
        {
            var ruleId = (string?)use["rule"] ?? (string)use["metric"]!;
            Assert.True(StandardRules.Catalog.TryGet(ruleId, out var rule));
            Assert.Equal(rule.IsMetric, use.ContainsKey("metric"));
            if (!rule.IsMetric)
            {
                Assert.False(use.ContainsKey("threshold"), ruleId);
            }
        }
    }

    private static readonly Regex Cyrillic = new("[А-Яа-яЁё]");

    // One row per use: rule | clause | params as compact JSON (or -) | threshold (or -). Parameters come from the
    // raw JSON, which the loaded policy keeps only in bound form.
    private static string[] Rows(string id)
    {
        var policy = Presets.Load(id);
        var raw = (JArray)JObject.Parse(Presets.GetJson(id)!)["rules"]!;
        Assert.Equal(raw.Count, policy.Uses.Count);
        return policy.Uses.Select((use, i) =>
        {
            var parameters = raw[i]["params"] is JObject p ? p.ToString(Formatting.None) : "-";
            var threshold = use.Threshold is { } t ? t.ToString("0.##", CultureInfo.InvariantCulture) : "-";
            return $"{use.RuleId} | {use.Clause} | {parameters} | {threshold}";
        }).ToArray();
    }
}
