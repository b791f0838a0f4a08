using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Eljur.Abstractions.Policies;

namespace Eljur.Rules.Tests.Catalog;

/// <summary>The standard catalog holds every rule and metric of rules.md, in its tables' order, rules first.</summary>
public class StandardCatalogTests
{
    // Copied from the rule table and the metrics table of rules.md, in order.
    private static readonly string[] RuleIds =
    {
        "lesson-topic", "homework", "absence-entry", "current-mark-entry", "written-mark-entry", "period-marks",
        "gia-entry", "final-after-gia", "mark-correction", "closed-period", "russian-text", "plan-before-year",
        "student-authorship", "access-after-leave", "consent", "operation-frequency", "daily-export",
        "year-end-archive", "retention",
    };

    private static readonly string[] MetricIds =
    {
        "lessons-with-topic-or-homework", "lessons-with-journal-entry", "lessons-filled-within-24h",
        "classes-with-schedule", "accounts-activated", "unique-logins", "students-without-marks",
        "students-with-one-mark", "homework-recorded", "teacher-participation", "parent-participation",
        "student-participation",
    };

    [Fact]
    public void EveryIdOfRulesMdIsInTheCatalogInOrder()
    {
        Assert.Equal(RuleIds.Concat(MetricIds), StandardRules.All.Select(r => r.Id));
        foreach (var id in RuleIds)
        {
            Assert.True(StandardRules.Catalog.TryGet(id, out var rule), id);
            Assert.False(rule.IsMetric, id);
        }

        foreach (var id in MetricIds)
        {
            Assert.True(StandardRules.Catalog.TryGet(id, out var metric), id);
            Assert.True(metric.IsMetric, id);
        }
    }

    [Fact]
    public void TheListAboveMatchesRulesMdWhenTheSpecIsAtHand()
    {
        // The shared spec lives outside the repository; when it is present, its tables must agree with the list.
        var spec = Path.Combine("/work", "shared", "spec", "rules.md");
        if (!File.Exists(spec))
        {
            return;
        }

        var text = File.ReadAllText(spec);
        var rules = Section(text, "## Rules", "## Metrics");
        var metrics = Section(text, "## Metrics", "## Presets");
        Assert.Equal(RuleIds, FirstColumnIds(rules));
        Assert.Equal(MetricIds, FirstColumnIds(metrics));
    }

    [Fact]
    public void EveryRuleHasARussianTitle()
    {
        Assert.All(StandardRules.All, r => Assert.Matches("[А-Яа-яЁё]", r.Title));
    }

    [Fact]
    public void ParameterlessRulesRefuseUnknownParameters()
    {
        foreach (var id in new[] { "plan-before-year", "student-authorship", "access-after-leave", "consent", "homework-recorded" })
        {
            Assert.True(StandardRules.Catalog.TryGet(id, out var rule));
            Assert.Throws<PolicyException>(() => rule.Bind(RuleParameters.Parse("""{"deadline": "sameDay"}""")));
        }
    }

    private static string Section(string text, string start, string end)
    {
        var from = text.IndexOf(start, System.StringComparison.Ordinal);
        var to = text.IndexOf(end, from, System.StringComparison.Ordinal);
        return text.Substring(from, to - from);
    }

    private static string[] FirstColumnIds(string table) =>
        Regex.Matches(table, @"^\| (`[a-z0-9-]+`(?:, `[a-z0-9-]+`)*) \|", RegexOptions.Multiline)
            .SelectMany(m => Regex.Matches(m.Groups[1].Value, "`([a-z0-9-]+)`").Select(x => x.Groups[1].Value))
            .ToArray();
}
