using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;
using Eljur.Abstractions.Snapshots;
using Eljur.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace Eljur.Cli.Tests;

/// <summary>
/// The integrator's path as the README shows it: services from <c>AddGradebook()</c>, a preset from
/// <see cref="PolicyProvider"/>, the engine from DI. Each of the five presets evaluated this way on the
/// demo snapshot gives the same report as <c>eljur check</c>.
/// </summary>
public class IntegratorPathTests
{
    private const string AsOf = "2024-11-20T12:00:00+05:00";

    public static TheoryData<string> PresetIds() => new()
    {
        "lyceum68-ufa-2023", "asiou-school32-2021", "belogorsk-eljur-2021", "mosreg-paperless-readiness", "kurskoye-2019",
    };

    [Theory]
    [MemberData(nameof(PresetIds))]
    public void EveryPresetThroughAddGradebookEqualsTheCheckCommand(string presetId)
    {
        var dir = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run("demo", "--out", dir).Code);
        var snapshotPath = Path.Combine(dir, "snapshot.json");

        var (code, cliJson, _) = CliRunner.Run("check", "--snapshot", snapshotPath, "--policy", presetId, "--as-of", AsOf, "--format", "json");
        Assert.InRange(code, 0, 1);

        var services = new ServiceCollection();
        services.AddGradebook();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var engine = provider.GetRequiredService<IPolicyEngine>();
        var policy = provider.GetRequiredService<PolicyProvider>().Get(presetId);
        var snapshot = SnapshotReader.ReadFile(snapshotPath);
        var report = engine.Evaluate(snapshot, policy, new EvaluationOptions { AsOf = DateTimeOffset.Parse(AsOf, System.Globalization.CultureInfo.InvariantCulture) });

        var writer = new StringWriter();
        ReportJsonWriter.Write(report, writer);
        Assert.Equal(Json.Parse(cliJson).ToString(), Json.Parse(writer.ToString()).ToString());
        Assert.Equal(presetId, policy.Id);
    }

    [Fact]
    public void AddGradebookRegistersEveryRuleOfTheCatalogOnce()
    {
        var services = new ServiceCollection();
        services.AddGradebook();
        services.AddGradebook(); // a second call adds nothing twice
        using var provider = services.BuildServiceProvider();

        var ids = provider.GetServices<RuleDefinition>().Select(r => r.Id).ToArray();
        Assert.Equal(StandardRules.All.Select(r => r.Id), ids);
        var catalog = provider.GetRequiredService<IRuleCatalog>();
        Assert.All(StandardRules.All, r => Assert.True(catalog.TryGet(r.Id, out _), r.Id));
    }

    [Fact]
    public void AnIntegratorsOwnRuleIsRegisteredBesideTheStandardOnes()
    {
        var services = new ServiceCollection();
        services.AddGradebook().AddRule<OwnRule>().AddRule<OwnRule>();
        using var provider = services.BuildServiceProvider();

        var ids = provider.GetServices<RuleDefinition>().Select(r => r.Id).ToArray();
        Assert.Equal(StandardRules.All.Count + 1, ids.Length);
        Assert.Contains("school-own-rule", ids);
        Assert.Contains("student-participation", ids);
        Assert.Contains("parent-participation", ids);
    }

    /// <summary>A school's own rule, as the README describes adding one.</summary>
    private sealed class OwnRule : Rule<NoParameters>
    {
        public override string Id => "school-own-rule";

        public override string Title => "Собственное правило школы";

        protected override NoParameters Parse(RuleParameters parameters) => NoParameters.Parse(parameters);

        protected override IEnumerable<CapabilityNeed> Needs(NoParameters parameters)
        {
            yield return new CapabilityNeed(null, Capability.Lessons);
        }

        protected override void Evaluate(RuleContext context, NoParameters parameters)
        {
        }
    }
}
