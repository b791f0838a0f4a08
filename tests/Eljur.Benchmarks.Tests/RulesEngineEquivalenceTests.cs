using System;
using System.Linq;
using Eljur.Abstractions.Synthetic;
using Eljur.Benchmarks;

namespace Eljur.Benchmarks.Tests;

public class RulesEngineEquivalenceTests
{
    [Theory]
    [InlineData(0.05, 0.02)]
    [InlineData(0.3, 0.1)]
    public void RulesEngine_and_the_SDK_find_the_same_violations_of_the_three_rules(double lateRate, double revisionRate)
    {
        var snapshot = SyntheticSnapshotGenerator.Generate(new SyntheticSnapshotOptions
        {
            StudentsPerSchool = 120,
            From = new DateTime(2024, 9, 1),
            To = new DateTime(2024, 12, 31),
            Seed = 11,
            LateEntryRate = lateRate,
            RevisionRate = revisionRate,
            SixDayWeekShare = 1,
        });

        var ours = EljurEngine.ThreeRules(snapshot);
        var theirs = new RulesEngineThreeRules().Run(snapshot, EljurEngine.AsOf(snapshot));

        Assert.Equal(ours.OrderBy(p => p.Key), theirs.OrderBy(p => p.Key));
        Assert.All(ours.Values, count => Assert.True(count > 10, "each rule finds violations"));
    }

    [Fact]
    public void The_equivalence_check_of_the_benchmark_setup_reports_agreement()
    {
        var snapshot = SyntheticSnapshotGenerator.Generate(new SyntheticSnapshotOptions { StudentsPerSchool = 60, To = new DateTime(2024, 10, 31), Seed = 3 });

        Assert.StartsWith("same violations", Equivalence.Check(snapshot, new RulesEngineThreeRules()));
    }

    [Fact]
    public void The_lyceum_policy_is_available_with_its_mark_rules()
    {
        var ids = LyceumPolicy.Policy.Uses.Select(u => u.RuleId).ToList();

        Assert.Contains("current-mark-entry", ids);
        Assert.Contains("written-mark-entry", ids);
        Assert.Contains("mark-correction", ids);
        Assert.Equal(3, LyceumPolicy.ThreeRules.Uses.Count);
        Assert.False(string.IsNullOrEmpty(LyceumPolicy.Note));
    }
}
