// The README's "For integrators" example, kept as a program so that CI proves it compiles and runs.
// Usage: dotnet run --project samples/Eljur.Samples.Quickstart -- SNAPSHOT POLICY [AS-OF]
//   SNAPSHOT  an eljur.snapshot/1 file (the demo writes one: eljur-demo/snapshot.json)
//   POLICY    a preset id (lyceum68-ufa-2023, …) or a policy file
//   AS-OF     the instant to check as of, ISO 8601; default: now
using System;
using System.Globalization;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Snapshots;
using Eljur.Rules;
using Microsoft.Extensions.DependencyInjection;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Eljur.Samples.Quickstart SNAPSHOT POLICY [AS-OF]");
    return 2;
}

var services = new ServiceCollection();
services.AddGradebook();                       // engine, rule catalog, calendar, TimeProvider
using var provider = services.BuildServiceProvider();

var engine = provider.GetRequiredService<IPolicyEngine>();
var policy = provider.GetRequiredService<PolicyProvider>().Get(args[1]);
var snapshot = SnapshotReader.ReadFile(args[0]);
var asOf = args.Length > 2
    ? DateTimeOffset.Parse(args[2], CultureInfo.InvariantCulture)
    : provider.GetRequiredService<TimeProvider>().GetUtcNow();
var report = engine.Evaluate(snapshot, policy, new EvaluationOptions { AsOf = asOf });

foreach (var finding in report.Findings)
{
    Console.WriteLine($"{finding.Rule} п. {finding.Clause}: {finding.Message}");
}

Console.WriteLine($"{report.Findings.Count} findings, {report.Metrics.Count} metrics, {report.NotEvaluable.Count} not evaluable");
return report.Findings.Count > 0 ? 1 : 0;
