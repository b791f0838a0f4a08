using System;
using System.IO;
using System.Linq;
using Eljur.Abstractions.Policies;

namespace Eljur.Rules.Tests.Catalog;

/// <summary>The standard catalog holds every rule and metric of rules.md, in its tables' order, rules first.</summary>
public class StandardCatalogTests
{
    // The ids of rules.md's Rules and Metrics tables, in order, from the copy kept beside this test
    // (build/check-spec-copies.sh keeps the copy equal to the spec).
    private static readonly string[] SpecLines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Catalog", "rules-md-ids.txt"))
        .Where(l => l.Length > 0 && l[0] != '#')
        .ToArray();

    private static readonly string[] RuleIds = IdsOf("rule");

    private static readonly string[] MetricIds = IdsOf("metric");

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
    public void TheSpecCopyListsEveryRuleAndMetric()
    {
        Assert.Equal(19, RuleIds.Length);
        Assert.Equal(12, MetricIds.Length);
        Assert.Equal(SpecLines.Length, RuleIds.Length + MetricIds.Length);
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

    private static string[] IdsOf(string kind) =>
        SpecLines.Where(l => l.StartsWith(kind + " ", StringComparison.Ordinal)).Select(l => l.Substring(kind.Length + 1)).ToArray();
}
