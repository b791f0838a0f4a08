using System;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Eljur.Benchmarks;

/// <summary>What a benchmark's throughput is counted in.</summary>
public enum ThroughputUnit
{
    /// <summary>Megabytes (10^6 bytes) of snapshot text per second.</summary>
    MegabytesOfText,

    /// <summary>Marks of the snapshot per second.</summary>
    Marks,
}

/// <summary>Marks a benchmark method for the <see cref="ThroughputColumn"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ThroughputAttribute : Attribute
{
    public ThroughputAttribute(ThroughputUnit unit) => Unit = unit;

    public ThroughputUnit Unit { get; }
}

/// <summary>
/// The suite's job: in-process (no generated project to build; the data sets are shared with the host),
/// one launch, one warm-up and five measured iterations — enough on this 2-core machine to keep a full
/// run under a quarter of an hour; the error column says how noisy each number is.
/// </summary>
public static class SuiteConfig
{
    public static IConfig Create() => ManualConfig.CreateMinimumViable()
        .AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5)
            .WithId("Short"))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(new ThroughputColumn())
        .AddColumn(StatisticColumn.Min, StatisticColumn.Max)
        .WithOptions(ConfigOptions.DisableLogFile)
        .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
}

/// <summary>MB/s of snapshot text (read, write) or marks per second (evaluation), from the mean time and the data set.</summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "Throughput";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "MB/s of snapshot text (read, write) or marks/s (evaluation), from the mean";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        var value = mean is { } ns ? Of(benchmarkCase, ns) : null;
        return value is { } v ? v.Text : "NA";
    }

    /// <summary>The throughput of a case with mean time <paramref name="meanNs"/>.</summary>
    public static (double Value, string Text)? Of(BenchmarkCase benchmarkCase, double meanNs)
    {
        var unit = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<ThroughputAttribute>()?.Unit;
        if (unit is null || benchmarkCase.Parameters["Size"] is not int size)
        {
            return null;
        }

        var data = BenchmarkData.Get(size, compliant: benchmarkCase.Descriptor.Type == typeof(ThreeRulesCompliantBenchmarks));
        var seconds = meanNs / 1e9;
        if (unit == ThroughputUnit.MegabytesOfText)
        {
            var indented = benchmarkCase.Parameters["Indented"] is true;
            var mbs = data.BytesOf(indented) / 1e6 / seconds;
            return (mbs, mbs.ToString("F1", CultureInfo.InvariantCulture) + " MB/s");
        }

        var marks = data.Marks / seconds;
        return (marks, (marks / 1e6).ToString("F2", CultureInfo.InvariantCulture) + " M marks/s");
    }
}
