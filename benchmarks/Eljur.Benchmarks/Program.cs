using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;

namespace Eljur.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/Eljur.Benchmarks</c>: prepares the data sets, prints the
/// machine, the retained model size and the engines' agreement, then runs the BenchmarkDotNet suite and
/// prints the derived numbers (MB/s, marks/s, scaling and RulesEngine ratios). Other modes:
/// <c>quick [sizes…]</c> (Stopwatch timings, no BenchmarkDotNet), <c>memory</c>, <c>check</c>;
/// anything else is passed to BenchmarkDotNet (e.g. <c>--filter *Read*</c>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var mode = args.Length > 0 ? args[0] : "";
        switch (mode)
        {
            case "quick":
                Machine();
                Quick(Sizes(args.Skip(1)));
                return 0;
            case "memory":
                Memory(Sizes(args.Skip(1)));
                return 0;
            case "profile-read":
                ProfileRead(Sizes(args.Skip(1)));
                return 0;
            case "floor":
                Floor(Sizes(args.Skip(1)));
                return 0;
            case "model-floor":
                ModelFloor(Sizes(args.Skip(1)));
                return 0;
            case "profile-eval":
                ProfileEvaluation(Sizes(args.Skip(1)));
                return 0;
            case "three":
            case "three-compliant":
                foreach (var size in Sizes(args.Skip(1)))
                {
                    var snapshot = BenchmarkData.Get(size, compliant: mode == "three-compliant").Read();
                    var rulesEngine = new RulesEngineThreeRules();
                    var ours = Best(() => EljurEngine.ThreeRules(snapshot), 5);
                    var preset = Best(() => EljurEngine.Evaluate(snapshot, LyceumPolicy.Policy), 5);
                    var theirs = Best(() => rulesEngine.Run(snapshot, EljurEngine.AsOf(snapshot)), 3);
                    var withText = Best(
                        () =>
                        {
                            // What a report writer pays on top: every finding's Russian message composed.
                            foreach (var finding in EljurEngine.Evaluate(snapshot, LyceumPolicy.ThreeRules).Findings)
                            {
                                _ = finding.Message;
                            }
                        },
                        5);
                    Console.WriteLine($"{snapshot.Marks!.Count:N0} marks: three rules SDK {ours.TotalMilliseconds:F1} ms, RulesEngine {theirs.TotalMilliseconds:F1} ms (×{theirs / ours:F1}); "
                        + $"with every message composed {withText.TotalMilliseconds:F1} ms (×{theirs / withText:F1}); whole preset {preset.TotalMilliseconds:F1} ms (CPU time, best runs)");
                }

                return 0;
            case "loop":
                {
                    // For a profiler (perf with DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0): one step, many times.
                    var size = int.Parse(args[2], CultureInfo.InvariantCulture);
                    var times = int.Parse(args[3], CultureInfo.InvariantCulture);
                    var data = BenchmarkData.Get(size, compliant: args.Length > 4 && args[4] == "compliant");
                    var text = args[1] == "read" ? data.Load(false) : Array.Empty<byte>();
                    var sink = args[1] == "write" ? new MemoryStream(checked((int)data.BytesOf(false) + (1 << 20))) : null;
                    var snapshot = args[1] == "read" ? null : data.Read();
                    var rulesEngine = new RulesEngineThreeRules();
                    var pause = GC.GetTotalPauseDuration();
                    var gcs = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
                    var clock = Stopwatch.StartNew();
                    var collect = args.Contains("collect");
                    for (var i = 0; i < times; i++)
                    {
                        // "collect": a full collection before each step, as BenchmarkDotNet does between
                        // invocations, and each step's CPU time and page faults printed.
                        if (collect)
                        {
                            GC.Collect();
                            GC.WaitForPendingFinalizers();
                        }

                        var faults = MinorFaults();
                        var stepPause = GC.GetTotalPauseDuration();
                        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                        _ = args[1] switch
                        {
                            "read" => SnapshotReader.Read(new MemoryStream(text, false)).Marks!.Count,
                            "write" => Write(snapshot!, sink!),
                            "three" => EljurEngine.ThreeRules(snapshot!).Count,
                            "preset" => EljurEngine.Evaluate(snapshot!, LyceumPolicy.Policy).Findings.Count,
                            "re" => rulesEngine.Run(snapshot!, EljurEngine.AsOf(snapshot!)).Count,
                            _ => throw new ArgumentException("loop read|write|three|preset|re SIZE TIMES [collect]"),
                        };
                        if (collect)
                        {
                            Console.WriteLine($"  step {i + 1}: {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU, of which GC pauses {(GC.GetTotalPauseDuration() - stepPause).TotalMilliseconds:F0} ms; {MinorFaults() - faults:N0} page faults");
                        }
                    }

                    Console.WriteLine($"{args[1]} × {times}: {clock.Elapsed.TotalMilliseconds / times:F1} ms each, of which GC pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds / times:F1} ms; "
                        + $"collections gen0/1/2 per run {(GC.CollectionCount(0) - gcs[0]) / (double)times:F1}/{(GC.CollectionCount(1) - gcs[1]) / (double)times:F1}/{(GC.CollectionCount(2) - gcs[2]) / (double)times:F1}");
                    return 0;
                }

            case "data":
                foreach (var size in BenchmarkData.Sizes)
                {
                    var set = BenchmarkData.Get(size);
                    Console.WriteLine($"{size:N0}: {set.Description}; {set.Marks:N0} marks, {set.Lessons:N0} lessons, {set.Absences:N0} absences, {set.Records:N0} records; {set.CompactBytes / 1e6:F1} MB compact, {set.IndentedBytes / 1e6:F1} MB indented");
                }

                var compliantSet = BenchmarkData.Get(1_000_000, compliant: true);
                Console.WriteLine($"1,000,000 compliant: {compliantSet.Description}; {compliantSet.Marks:N0} marks, {compliantSet.CompactBytes / 1e6:F1} MB compact");
                return 0;
            case "same-shape":
                {
                    // The preset on 1, 10 and 100 copies of one small school (50 pupils): ten times the data of
                    // exactly the same shape, to separate the cost of more data from that of a different school.
                    foreach (var schools in new[] { 1, 10, 100 })
                    {
                        var snapshot = Eljur.Abstractions.Synthetic.SyntheticSnapshotGenerator.Generate(BenchmarkData.OptionsFor(10_000) with { Schools = schools });
                        var runs = schools == 100 ? 5 : 20;
                        var preset = Best(() => EljurEngine.Evaluate(snapshot, LyceumPolicy.Policy), runs);
                        var three = Best(() => EljurEngine.ThreeRules(snapshot), runs);
                        Console.WriteLine($"{schools,3} × 50 pupils, {snapshot.Marks!.Count,9:N0} marks: preset {preset.TotalMilliseconds,7:F1} ms ({snapshot.Marks.Count / preset.TotalSeconds / 1e6:F2} M marks/s), three rules {three.TotalMilliseconds,6:F1} ms (CPU time, best of {runs})");
                    }

                    return 0;
                }

            case "profile-eval-shape":
                ProfileEvaluation(Eljur.Abstractions.Synthetic.SyntheticSnapshotGenerator.Generate(
                    BenchmarkData.OptionsFor(10_000) with { Schools = int.Parse(args[1], CultureInfo.InvariantCulture) }));
                return 0;
            case "cursor-walk":
                {
                    // The reader's token cursor alone, beside the bare tokenizer and the whole read, interleaved.
                    foreach (var size in Sizes(args.Skip(1)))
                    {
                        var text = BenchmarkData.Get(size).Load(false);
                        var bare = new List<double>();
                        var walk = new List<double>();
                        var read = new List<double>();
                        for (var i = 0; i < 6; i++)
                        {
                            GC.Collect();
                            bare.Add(Best(() => BareTokenizer.Tokens(new MemoryStream(text, false)), 1).TotalMilliseconds);
                            GC.Collect();
                            walk.Add(Best(() => CursorWalk.Walk(new MemoryStream(text, false)), 1).TotalMilliseconds);
                            GC.Collect();
                            read.Add(Best(() => SnapshotReader.Read(new MemoryStream(text, false)), 1).TotalMilliseconds);
                        }

                        // The first round warms up and is left out.
                        static double Median(List<double> l) => l.Skip(1).OrderBy(x => x).ElementAt((l.Count - 1) / 2);
                        Console.WriteLine($"{size,9:N0} compact: bare tokenizer {Median(bare):F0} ms, cursor walk {Median(walk):F0} ms (×{Median(walk) / Median(bare):F2}), "
                            + $"whole read {Median(read):F0} ms (×{Median(read) / Median(bare):F2}); medians of 5, a full collection before each, CPU time");
                    }

                    return 0;
                }

            case "reader-ratio":
                {
                    // The reader against the bare Utf8JsonReader pass over the same bytes, interleaved in one
                    // process, so that load from other processes falls on both alike.
                    // "reader-ratio [SIZE ...] [compact|indented]": one layout only when named.
                    var layouts = args.Contains("compact") ? new[] { false } : args.Contains("indented") ? new[] { true } : new[] { false, true };
                    var ratioSizes = Sizes(args.Skip(1).Where(a => a != "compact" && a != "indented")).ToList();
                    foreach (var indented in layouts)
                    {
                        foreach (var size in ratioSizes)
                        {
                            var text = BenchmarkData.Get(size).Load(indented);
                            var runs = size >= 1_000_000 ? 5 : 11;
                            var reader = new List<double>();
                            var bare = new List<double>();
                            for (var i = 0; i < runs; i++)
                            {
                                bare.Add(Best(() => BareTokenizer.Tokens(new MemoryStream(text, false)), 1).TotalSeconds);
                                reader.Add(Best(() => SnapshotReader.Read(new MemoryStream(text, false)), 1).TotalSeconds);
                            }

                            reader.Sort();
                            bare.Sort();
                            double Mbs(double s) => text.Length / 1e6 / s;
                            Console.WriteLine($"{size,9:N0} {(indented ? "indented" : "compact "),-8} {text.Length / 1e6,6:F1} MB: reader median {Mbs(reader[runs / 2]),5:F0} MB/s (best {Mbs(reader[0]),5:F0}), "
                                + $"bare Utf8JsonReader median {Mbs(bare[runs / 2]),5:F0} MB/s (best {Mbs(bare[0]),5:F0}); reader/bare {bare[runs / 2] / reader[runs / 2]:P0} (best to best {bare[0] / reader[0]:P0}), {runs} runs each, CPU time");
                        }
                    }

                    return 0;
                }

            case "store":
                {
                    // The store's load path against the JSON read of the same year (Stopwatch, best of N).
                    var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
                    var json = StoreData.ExportedJson();
                    GradebookSnapshot loaded = null!;
                    var load = Best(() => loaded = StoreData.Export(), runs);
                    var general = Best(() => StoreData.ExportThroughState(), runs);
                    var read = Best(() => SnapshotReader.Read(new MemoryStream(json, false)), runs);
                    var rows = Best(() => StoreData.ReadState(), runs);
                    Console.WriteLine($"through ReadAsync (any store) {general.TotalMilliseconds:F0} ms, of which the store's rows as StoredState {rows.TotalMilliseconds:F0} ms");
                    Console.WriteLine($"{loaded.Marks!.Count:N0} marks, {loaded.Lessons!.Count:N0} lessons, {loaded.Absences!.Count:N0} absences: "
                        + $"store load (rows straight to records) {load.TotalMilliseconds:F0} ms, JSON read of the same year ({json.Length / 1e6:F1} MB) {read.TotalMilliseconds:F0} ms (×{load / read:F2}; CPU time, best of {runs})");
                    return 0;
                }

            case "check":
                foreach (var size in Sizes(args.Skip(1)))
                {
                    Console.WriteLine($"{size:N0}: " + Equivalence.Check(BenchmarkData.Get(size).Read(), new RulesEngineThreeRules()));
                }

                return 0;
        }

        Machine();
        var sizes = BenchmarkData.SelectedSizes.ToList();
        foreach (var size in sizes)
        {
            BenchmarkData.Get(size);
        }

        if (sizes.Contains(1_000_000))
        {
            BenchmarkData.Get(1_000_000, compliant: true);
        }

        Memory(sizes);
        Console.WriteLine("// Policy: " + LyceumPolicy.Note);
        var watch = Stopwatch.StartNew();
        var switcher = BenchmarkSwitcher.FromTypes(new[]
        {
            typeof(SnapshotReadBenchmarks), typeof(SnapshotWriteBenchmarks), typeof(PresetEvaluationBenchmarks), typeof(ThreeRulesBenchmarks),
            typeof(ThreeRulesCompliantBenchmarks), typeof(StoreLoadBenchmarks),
        });
        var summaries = switcher.Run(args.Length == 0 ? new[] { "--filter", "*" } : args, SuiteConfig.Create()).ToList();
        Derived(summaries, watch.Elapsed);
        return 0;
    }

    private static IEnumerable<int> Sizes(IEnumerable<string> args)
    {
        var list = args.Select(a => int.Parse(a, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToList();
        return list.Count > 0 ? list : BenchmarkData.Sizes;
    }

    private static void Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim()
            : null;
        Console.WriteLine($"// Machine: {Environment.ProcessorCount} logical CPUs, {cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, "
            + $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 20):N0} MiB available, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}");
    }

    /// <summary>Stopwatch timings of every step, best of three: a fast look without BenchmarkDotNet.</summary>
    private static void Quick(IEnumerable<int> sizes)
    {
        foreach (var size in sizes)
        {
            var data = BenchmarkData.Get(size);
            var text = data.Load(false);
            GradebookSnapshot snapshot = null!;
            var read = Best(() => snapshot = SnapshotReader.Read(new MemoryStream(text, false)));
            var buffer = new MemoryStream(text.Length + (1 << 20));
            var write = Best(() =>
            {
                buffer.SetLength(0);
                SnapshotWriter.Write(snapshot, buffer, indented: false);
            });
            var findings = 0;
            var evaluate = Best(() => findings = EljurEngine.Evaluate(snapshot, LyceumPolicy.Policy).Findings.Count);
            var three = Best(() => EljurEngine.ThreeRules(snapshot));
            var rulesEngine = new RulesEngineThreeRules();
            var re = Best(() => rulesEngine.Run(snapshot, EljurEngine.AsOf(snapshot)), size >= 1_000_000 ? 1 : 3);
            Console.WriteLine(
                $"{data.Marks,9:N0} marks, {data.CompactBytes / 1e6,6:F1} MB: read {read.TotalSeconds,6:F3} s ({data.CompactBytes / 1e6 / read.TotalSeconds,5:F0} MB/s), "
                + $"write {write.TotalSeconds,6:F3} s ({data.CompactBytes / 1e6 / write.TotalSeconds,5:F0} MB/s), preset {evaluate.TotalSeconds,6:F3} s "
                + $"({data.Marks / evaluate.TotalSeconds / 1e6:F2} M marks/s, {findings:N0} findings), three rules {three.TotalSeconds:F3} s, RulesEngine {re.TotalSeconds:F3} s "
                + $"(×{re.TotalSeconds / three.TotalSeconds:F1})");
        }
    }

    /// <summary>One read per size with the collector's share: where the time of a large read goes.</summary>
    private static void ProfileRead(IEnumerable<int> sizes)
    {
        foreach (var size in sizes)
        {
            var data = BenchmarkData.Get(size);
            var text = data.Load(false);
            for (var run = 0; run < 3; run++)
            {
                GC.Collect();
                var pause = GC.GetTotalPauseDuration();
                var counts = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
                var watch = Stopwatch.StartNew();
                var snapshot = SnapshotReader.Read(new MemoryStream(text, false));
                watch.Stop();
                Console.WriteLine(
                    $"{data.Marks,9:N0} marks: read {watch.Elapsed.TotalSeconds:F3} s ({text.Length / 1e6 / watch.Elapsed.TotalSeconds:F0} MB/s), GC pauses {(GC.GetTotalPauseDuration() - pause).TotalSeconds:F3} s, "
                    + $"collections gen0/1/2 {GC.CollectionCount(0) - counts[0]}/{GC.CollectionCount(1) - counts[1]}/{GC.CollectionCount(2) - counts[2]}, marks {snapshot.Marks!.Count}");
                snapshot = null;
            }
        }
    }

    /// <summary>Json.NET's tokenizer alone over the text (no model): the floor under the reader's time.</summary>
    /// <summary>
    /// What building the model alone costs, with no JSON at all: the records of a read snapshot copied
    /// (each mark, lesson, absence and login a new record, each mark id a new string), timed against the
    /// bare tokenizer over the file the snapshot came from. A reader that builds this model cannot be
    /// faster than this copy; on a machine where fresh memory is dear, it bounds the reader/bare ratio.
    /// </summary>
    private static void ModelFloor(IEnumerable<int> sizes)
    {
        foreach (var size in sizes)
        {
            var text = BenchmarkData.Get(size).Load(false);
            var snapshot = SnapshotReader.Read(new MemoryStream(text, false));
            object? keep = null;
            var copies = new List<double>();
            var bare = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                keep = null;
                GC.Collect();
                bare.Add(Best(() => BareTokenizer.Tokens(new MemoryStream(text, false)), 1).TotalSeconds);
                GC.Collect();
                copies.Add(Best(
                    () =>
                    {
                        var marks = new List<Mark>();
                        foreach (var m in snapshot.Marks!)
                        {
                            marks.Add(m with { Id = new string(m.Id.AsSpan()) });
                        }

                        var lessons = new List<Lesson>();
                        foreach (var l in snapshot.Lessons!)
                        {
                            lessons.Add(l with { });
                        }

                        var absences = new List<Absence>();
                        foreach (var a in snapshot.Absences!)
                        {
                            absences.Add(a with { });
                        }

                        var logins = new List<Login>();
                        foreach (var l in snapshot.Logins!)
                        {
                            logins.Add(l with { });
                        }

                        keep = (marks, lessons, absences, logins);
                    },
                    1).TotalSeconds);
            }

            copies.Sort();
            bare.Sort();
            Console.WriteLine($"{size,9:N0} ({text.Length / 1e6:F1} MB compact): copying the model's records alone {copies[2] * 1000:F0} ms median = {text.Length / 1e6 / copies[2]:F0} MB/s of file; "
                + $"bare Utf8JsonReader {text.Length / 1e6 / bare[2]:F0} MB/s; copy alone / bare = {bare[2] / copies[2]:P0} (5 runs, CPU time, {(keep is null ? 0 : 1) & 0})");
        }
    }

    private static void Floor(IEnumerable<int> sizes)
    {
        foreach (var size in sizes)
        {
            var text = BenchmarkData.Get(size).Load(false);
            var tokens = 0L;
            var time = Best(() =>
            {
                using var reader = new Newtonsoft.Json.JsonTextReader(new StreamReader(new MemoryStream(text, false), new System.Text.UTF8Encoding(false, true), true, 1 << 16))
                {
                    DateParseHandling = Newtonsoft.Json.DateParseHandling.None,
                    FloatParseHandling = Newtonsoft.Json.FloatParseHandling.Decimal,
                };
                tokens = 0;
                while (reader.Read())
                {
                    tokens++;
                }
            });
            var decode = Best(() =>
            {
                using var r = new StreamReader(new MemoryStream(text, false), new System.Text.UTF8Encoding(false, true), true, 1 << 16);
                var buffer = new char[1 << 16];
                while (r.Read(buffer, 0, buffer.Length) > 0)
                {
                }
            });
            Console.WriteLine($"{size:N0}: {tokens:N0} tokens, Json.NET token loop {time.TotalSeconds:F3} s = {text.Length / 1e6 / time.TotalSeconds:F0} MB/s; UTF-8 decoding alone {text.Length / 1e6 / decode.TotalSeconds:F0} MB/s");
        }
    }

    /// <summary>Where an evaluation's time goes: the shared scopes and indexes, then each rule use of the policy alone.</summary>
    private static void ProfileEvaluation(IEnumerable<int> sizes)
    {
        foreach (var size in sizes)
        {
            ProfileEvaluation(BenchmarkData.Get(size).Read());
        }
    }

    private static void ProfileEvaluation(GradebookSnapshot snapshot)
    {
        {
            var clock = new Eljur.Abstractions.Time.SchoolClock(
                Eljur.Abstractions.Time.SchoolTimeZone.Resolve(snapshot.School.TimeZone), snapshot.School.WorkWeek, Eljur.Abstractions.Calendar.ProductionCalendar.Russia);
            Console.WriteLine($"{snapshot.Marks!.Count:N0} marks:");
            foreach (var (name, step) in new (string, Action<Eljur.Abstractions.Evaluation.EvaluationData>)[]
            {
                ("marks in scope", d => _ = d.MarksInScope.Count),
                ("lessons in scope", d => _ = d.LessonsInScope.Count),
                ("absences in scope (+ lesson index)", d => _ = d.AbsencesInScope.Count),
                ("lesson index", d => _ = d.FindLesson("x")),
            })
            {
                var time = Best(() => step(new Eljur.Abstractions.Evaluation.EvaluationData(snapshot, clock, snapshot.Source.From, snapshot.Source.To, EljurEngine.AsOf(snapshot))));
                Console.WriteLine($"  {name,-40} {time.TotalMilliseconds,8:F1} ms");
            }

            foreach (var use in LyceumPolicy.Policy.Uses)
            {
                var single = LyceumPolicy.Policy with { Uses = new[] { use } };
                var findings = 0;
                var time = Best(() => findings = EljurEngine.Evaluate(snapshot, single).Findings.Count);
                Console.WriteLine($"  {use.RuleId,-40} {time.TotalMilliseconds,8:F1} ms  {findings,7:N0} findings");
            }

            var all = Best(() => EljurEngine.Evaluate(snapshot, LyceumPolicy.Policy));
            Console.WriteLine($"  {"whole policy",-40} {all.TotalMilliseconds,8:F1} ms");
        }
    }

    /// <summary>
    /// The best of several runs, by the process's CPU time (the suite is single-threaded, with a
    /// non-concurrent GC), which other load on a shared machine disturbs less than the wall clock.
    /// </summary>
    /// <summary>Writes a snapshot compactly into a reused memory stream; returns its length.</summary>
    private static int Write(GradebookSnapshot snapshot, MemoryStream sink)
    {
        sink.Position = 0;
        sink.SetLength(0);
        SnapshotWriter.Write(snapshot, sink, indented: false);
        return (int)sink.Length;
    }

    /// <summary>The process's minor page faults so far (Linux; 0 elsewhere).</summary>
    private static long MinorFaults()
    {
        const string stat = "/proc/self/stat";
        if (!File.Exists(stat))
        {
            return 0;
        }

        // Field 10 (minflt) counts from the first field; the command name in parentheses may hold spaces.
        var text = File.ReadAllText(stat);
        var fields = text.Substring(text.LastIndexOf(')') + 2).Split(' ');
        return long.Parse(fields[7], CultureInfo.InvariantCulture);
    }

    private static TimeSpan Best(Action action, int runs = 3)
    {
        var best = TimeSpan.MaxValue;
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            action();
            process.Refresh();
            var used = process.TotalProcessorTime - cpu;
            best = used < best ? used : best;
        }

        return best;
    }

    /// <summary>
    /// The managed heap the model keeps after a read (GC.GetTotalMemory after full collections), the part
    /// due to the marks (the same snapshot without its mark list), and what the read allocated in all.
    /// </summary>
    private static void Memory(IEnumerable<int> sizes)
    {
        Console.WriteLine("// Retained model size after SnapshotReader.Read (compact file):");
        Console.WriteLine("//   marks      file MB  retained MB  MB per 1M marks  marks' own bytes/mark  allocated by read MB");
        foreach (var size in sizes)
        {
            var data = BenchmarkData.Get(size);
            var baseline = Settle();
            var (whole, allocated, withoutMarks) = ReadAndMeasure(data, baseline);
            var rest = Settle() - baseline;
            GC.KeepAlive(withoutMarks);
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "//   {0,9:N0}  {1,8:F1}  {2,11:F1}  {3,15:F0}  {4,21:F0}  {5,20:F0}",
                data.Marks,
                data.CompactBytes / 1e6,
                whole / 1e6,
                whole / 1e6 / data.Marks * 1e6,
                (whole - rest) / (double)data.Marks,
                allocated / 1e6));
        }
    }

    /// <summary>Reads, measures the whole model, and returns it without its marks (the full snapshot dies here).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (long Whole, long Allocated, GradebookSnapshot WithoutMarks) ReadAndMeasure(DataSet data, long baseline)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var snapshot = data.Read();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var whole = Settle() - baseline;
        return (whole, allocated, snapshot with { Marks = null });
    }

    private static long Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Scaling series, throughputs and the RulesEngine ratio from the BenchmarkDotNet reports.</summary>
    private static void Derived(List<Summary> summaries, TimeSpan elapsed)
    {
        var means = new Dictionary<string, double>(StringComparer.Ordinal);
        var lines = new List<string> { "", $"## Derived numbers (suite ran {elapsed.TotalMinutes:F1} min)", "" };
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            if (report.ResultStatistics is not { } stats)
            {
                continue;
            }

            var c = report.BenchmarkCase;
            var key = c.Descriptor.Type.Name.Replace("Benchmarks", "", StringComparison.Ordinal) + "." + c.Descriptor.WorkloadMethod.Name
                + (c.Parameters["Indented"] is bool indented ? (indented ? "/indented" : "/compact") : "") + "@" + c.Parameters["Size"];
            means[key] = stats.Mean;
            var throughput = ThroughputColumn.Of(c, stats.Mean);
            lines.Add($"- {key}: mean {stats.Mean / 1e6:F1} ms ± {stats.StandardDeviation / 1e6:F1} ms{(throughput is { } t ? ", " + t.Text : "")}");
        }

        lines.Add("");
        foreach (var name in means.Keys.Select(k => k.Split('@')[0]).Distinct())
        {
            if (means.TryGetValue(name + "@10000", out var a) && means.TryGetValue(name + "@100000", out var b) && means.TryGetValue(name + "@1000000", out var d))
            {
                var m4 = BenchmarkData.Get(10_000).Marks;
                var m5 = BenchmarkData.Get(100_000).Marks;
                var m6 = BenchmarkData.Get(1_000_000).Marks;
                lines.Add($"- scaling {name}: 10^4→10^5 ×{b / a:F2} time for ×{m5 / (double)m4:F2} marks; 10^5→10^6 ×{d / b:F2} time for ×{m6 / (double)m5:F2} marks");
            }
        }

        foreach (var set in new[] { "ThreeRules", "ThreeRulesCompliant" })
        {
            foreach (var size in BenchmarkData.Sizes)
            {
                if (means.TryGetValue(set + ".Eljur@" + size, out var ours) && means.TryGetValue(set + ".RulesEngine@" + size, out var theirs))
                {
                    lines.Add($"- {set} at {size:N0}: RulesEngine/SDK time ratio ×{theirs / ours:F1}");
                }
            }
        }

        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }

        var path = Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts", "results", "eljur-derived.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, lines);
    }
}
