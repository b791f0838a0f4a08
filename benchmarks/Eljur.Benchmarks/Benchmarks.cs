using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;

namespace Eljur.Benchmarks;

/// <summary>Reading a snapshot from memory (the text is in a byte array, so the disk is not measured).</summary>
public class SnapshotReadBenchmarks
{
    private byte[] _text = Array.Empty<byte>();

    public static IEnumerable<int> Sizes => BenchmarkData.SelectedSizes;

    [ParamsSource(nameof(Sizes))]
    public int Size { get; set; }

    [Params(false, true)]
    public bool Indented { get; set; }

    [GlobalSetup]
    public void Setup() => _text = BenchmarkData.Get(Size).Load(Indented);

    [Benchmark]
    [Throughput(ThroughputUnit.MegabytesOfText)]
    public int Read() => SnapshotReader.Read(new MemoryStream(_text, writable: false)).Marks!.Count;

    /// <summary>The limit: System.Text.Json's tokenizer alone over the same bytes (the Ratio column is the reader's time over this).</summary>
    [Benchmark(Baseline = true)]
    [Throughput(ThroughputUnit.MegabytesOfText)]
    public long Tokenize() => BareTokenizer.Tokens(new MemoryStream(_text, writable: false));
}

/// <summary>Writing a snapshot into a preallocated memory stream.</summary>
public class SnapshotWriteBenchmarks
{
    private GradebookSnapshot _snapshot = new();
    private MemoryStream _buffer = new();

    public static IEnumerable<int> Sizes => BenchmarkData.SelectedSizes;

    [ParamsSource(nameof(Sizes))]
    public int Size { get; set; }

    [Params(false, true)]
    public bool Indented { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = BenchmarkData.Get(Size);
        _snapshot = data.Read();
        _buffer = new MemoryStream(checked((int)data.BytesOf(Indented) + (1 << 20)));
    }

    [Benchmark]
    [Throughput(ThroughputUnit.MegabytesOfText)]
    public long Write()
    {
        _buffer.Position = 0;
        _buffer.SetLength(0);
        SnapshotWriter.Write(_snapshot, _buffer, Indented);
        return _buffer.Length;
    }
}

/// <summary>The full lyceum68-ufa-2023 policy on a snapshot already in memory.</summary>
public class PresetEvaluationBenchmarks
{
    private GradebookSnapshot _snapshot = new();

    public static IEnumerable<int> Sizes => BenchmarkData.SelectedSizes;

    [ParamsSource(nameof(Sizes))]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = BenchmarkData.Get(Size).Read();
        Console.WriteLine("// Policy: " + LyceumPolicy.Note);
    }

    [Benchmark]
    [Throughput(ThroughputUnit.Marks)]
    public int Evaluate() => EljurEngine.Evaluate(_snapshot, LyceumPolicy.Policy).Findings.Count;
}

/// <summary>The same three rules in the SDK's engine and in Microsoft RulesEngine, on the same snapshot.</summary>
public class ThreeRulesBenchmarks
{
    private GradebookSnapshot _snapshot = new();
    private RulesEngineThreeRules _rulesEngine = null!;

    public static IEnumerable<int> Sizes => BenchmarkData.SelectedSizes;

    [ParamsSource(nameof(Sizes))]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = BenchmarkData.Get(Size).Read();
        _rulesEngine = new RulesEngineThreeRules();
        Console.WriteLine("// " + Equivalence.Check(_snapshot, _rulesEngine));
    }

    [Benchmark(Baseline = true)]
    [Throughput(ThroughputUnit.Marks)]
    public Dictionary<string, int> Eljur() => EljurEngine.ThreeRules(_snapshot);

    [Benchmark]
    [Throughput(ThroughputUnit.Marks)]
    public Dictionary<string, int> RulesEngine() => _rulesEngine.Run(_snapshot, EljurEngine.AsOf(_snapshot));
}

/// <summary>
/// The same side-by-side on a school year where every entry is on time and nothing is corrected: what the
/// engines cost to check marks when there is nothing to report.
/// </summary>
public class ThreeRulesCompliantBenchmarks
{
    private GradebookSnapshot _snapshot = new();
    private RulesEngineThreeRules _rulesEngine = null!;

    public static IEnumerable<int> Sizes => BenchmarkData.SelectedSizes.Where(s => s == 1_000_000);

    [ParamsSource(nameof(Sizes))]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = BenchmarkData.Get(Size, compliant: true).Read();
        _rulesEngine = new RulesEngineThreeRules();
        Console.WriteLine("// compliant data: " + Equivalence.Check(_snapshot, _rulesEngine));
    }

    [Benchmark(Baseline = true)]
    [Throughput(ThroughputUnit.Marks)]
    public Dictionary<string, int> Eljur() => EljurEngine.ThreeRules(_snapshot);

    [Benchmark]
    [Throughput(ThroughputUnit.Marks)]
    public Dictionary<string, int> RulesEngine() => _rulesEngine.Run(_snapshot, EljurEngine.AsOf(_snapshot));
}

/// <summary>Checks that both engines find the same violations.</summary>
public static class Equivalence
{
    /// <summary>Runs both and compares the counts per rule; throws when they differ.</summary>
    public static string Check(GradebookSnapshot snapshot, RulesEngineThreeRules rulesEngine)
    {
        var ours = EljurEngine.ThreeRules(snapshot);
        var theirs = rulesEngine.Run(snapshot, EljurEngine.AsOf(snapshot));
        var text = $"violations on {snapshot.Marks!.Count:N0} marks — SDK: {Format(ours)}; RulesEngine: {Format(theirs)}";
        foreach (var pair in ours)
        {
            if (theirs[pair.Key] != pair.Value)
            {
                throw new InvalidOperationException("The engines disagree: " + text);
            }
        }

        return "same " + text;
    }

    private static string Format(Dictionary<string, int> counts) =>
        $"{counts[RulesEngineThreeRules.CurrentMarkEntry]:N0} current, {counts[RulesEngineThreeRules.WrittenMarkEntry]:N0} written, {counts[RulesEngineThreeRules.MarkCorrection]:N0} corrections";
}

/// <summary>
/// A 3-school year (about 300,000 marks) loaded from the SQLite store into the model, against the JSON read
/// of the same year exported as compact snapshot text (the Ratio column is the store load's time over the read's).
/// </summary>
public class StoreLoadBenchmarks
{
    private byte[] _json = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup()
    {
        _json = StoreData.ExportedJson();
        _ = StoreData.StorePath;
    }

    [Benchmark]
    public int StoreLoad() => StoreData.Export().Marks!.Count;

    [Benchmark]
    public int StoreLoadThroughReadState() => StoreData.ExportThroughState().Marks!.Count;

    [Benchmark(Baseline = true)]
    public int JsonRead() => SnapshotReader.Read(new MemoryStream(_json, writable: false)).Marks!.Count;
}
