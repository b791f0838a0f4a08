using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;
using Eljur.Abstractions.Synthetic;

namespace Eljur.Benchmarks;

/// <summary>One benchmark data set: a generated snapshot of about <see cref="Size"/> marks, on disk compact and indented.</summary>
internal sealed record DataSet(
    int Size,
    string Description,
    SyntheticSnapshotOptions Options,
    string CompactPath,
    string IndentedPath,
    long CompactBytes,
    long IndentedBytes,
    int Marks,
    int Lessons,
    int Absences,
    int Records)
{
    /// <summary>The file of one layout.</summary>
    public string PathOf(bool indented) => indented ? IndentedPath : CompactPath;

    /// <summary>The size of one layout, in bytes.</summary>
    public long BytesOf(bool indented) => indented ? IndentedBytes : CompactBytes;

    /// <summary>The file's bytes, for reading from memory (no disk in the measurement).</summary>
    public byte[] Load(bool indented) => File.ReadAllBytes(PathOf(indented));

    /// <summary>The snapshot, read from the compact file.</summary>
    public GradebookSnapshot Read() => SnapshotReader.ReadFile(CompactPath);
}

/// <summary>
/// The data sets of the suite, generated once with <see cref="SyntheticSnapshotGenerator"/> and cached
/// on disk (regenerated when <see cref="SyntheticSnapshotGenerator.Version"/> changes). The series is 10^4, 10^5 and 10^6 marks:
/// one school of 50 pupils, one school of 500, and a bundle of ten schools of 500 — so 10^5 → 10^6 is
/// ten times the same shape of data.
/// </summary>
internal static class BenchmarkData
{
    public const long Seed = 2024;

    public static readonly int[] Sizes = { 10_000, 100_000, 1_000_000 };

    /// <summary>The sizes the suite runs: all, or those listed in <c>ELJUR_BENCH_SIZES</c> (e.g. <c>10000,100000</c>).</summary>
    public static IEnumerable<int> SelectedSizes =>
        Environment.GetEnvironmentVariable("ELJUR_BENCH_SIZES") is { Length: > 0 } list
            ? list.Split(',').Select(s => int.Parse(s.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToArray()
            : Sizes;

    private static readonly Dictionary<(int, bool), DataSet> Cache = new();

    /// <summary>Where the data files live: <c>ELJUR_BENCH_DATA</c>, or <c>BenchmarkDotNet.Artifacts/eljur-data</c>.</summary>
    public static string Root =>
        Environment.GetEnvironmentVariable("ELJUR_BENCH_DATA") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts", "eljur-data");

    public static SyntheticSnapshotOptions OptionsFor(int size) => size switch
    {
        10_000 => new SyntheticSnapshotOptions { Schools = 1, StudentsPerSchool = 50, Seed = Seed, SixDayWeekShare = 0 },
        100_000 => new SyntheticSnapshotOptions { Schools = 1, StudentsPerSchool = 500, Seed = Seed, SixDayWeekShare = 0 },
        1_000_000 => new SyntheticSnapshotOptions { Schools = 10, StudentsPerSchool = 500, Seed = Seed, SixDayWeekShare = 0 },
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "sizes are 10000, 100000 and 1000000"),
    };

    /// <summary>
    /// A data set: the typical one (5 % late entries, 2 % corrections), or with <paramref name="compliant"/>
    /// the same school(s) where every entry is on time and no mark is corrected (compact file only).
    /// </summary>
    public static DataSet Get(int size, bool compliant = false)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue((size, compliant), out var set))
            {
                set = Prepare(size, compliant, Console.Out);
                Cache.Add((size, compliant), set);
            }

            return set;
        }
    }

    private static DataSet Prepare(int size, bool compliant, TextWriter log)
    {
        var options = OptionsFor(size);
        if (compliant)
        {
            options = options with { LateEntryRate = 0, RevisionRate = 0 };
        }

        Directory.CreateDirectory(Root);
        var stem = Path.Combine(Root, string.Format(CultureInfo.InvariantCulture, "marks-{0}-seed{1}{2}", size, Seed, compliant ? "-compliant" : ""));
        var compact = stem + ".json";
        var indented = compliant ? compact : stem + ".indented.json";
        var manifest = stem + ".manifest";
        var version = "generator " + SyntheticSnapshotGenerator.Version.ToString(CultureInfo.InvariantCulture);
        var description = string.Format(
            CultureInfo.InvariantCulture,
            "{0} school(s) × {1} pupils, {2:yyyy-MM-dd}..{3:yyyy-MM-dd}, seed {4}, late entries {5:P0}, corrections {6:P0}",
            options.Schools,
            options.StudentsPerSchool,
            options.From,
            options.To,
            options.Seed,
            options.LateEntryRate,
            options.RevisionRate);

        if (File.Exists(manifest) && File.Exists(compact) && File.Exists(indented))
        {
            var lines = File.ReadAllLines(manifest);
            if (lines.Length >= 5 && lines[0] == version)
            {
                return Make(int.Parse(lines[1], CultureInfo.InvariantCulture), int.Parse(lines[2], CultureInfo.InvariantCulture), int.Parse(lines[3], CultureInfo.InvariantCulture), int.Parse(lines[4], CultureInfo.InvariantCulture));
            }
        }

        log.WriteLine($"// Generating the {size:N0}-mark data set ({description}) into {Root} …");
        var snapshot = SyntheticSnapshotGenerator.Generate(options);
        SnapshotWriter.WriteFile(snapshot, compact, indented: false);
        if (!compliant)
        {
            SnapshotWriter.WriteFile(snapshot, indented, indented: true);
        }

        var records = CountRecords(snapshot);
        File.WriteAllLines(manifest, new[]
        {
            version,
            snapshot.Marks!.Count.ToString(CultureInfo.InvariantCulture),
            snapshot.Lessons!.Count.ToString(CultureInfo.InvariantCulture),
            snapshot.Absences!.Count.ToString(CultureInfo.InvariantCulture),
            records.ToString(CultureInfo.InvariantCulture),
        });
        return Make(snapshot.Marks.Count, snapshot.Lessons.Count, snapshot.Absences.Count, records);

        DataSet Make(int marks, int lessons, int absences, int count) => new(
            size, description, options, compact, indented, new FileInfo(compact).Length, new FileInfo(indented).Length, marks, lessons, absences, count);
    }

    /// <summary>Every record of every list, revisions included.</summary>
    public static int CountRecords(GradebookSnapshot s) =>
        (s.Periods?.Count ?? 0) + (s.Holidays?.Count ?? 0) + (s.Subjects?.Count ?? 0) + (s.Classes?.Count ?? 0)
        + (s.Students?.Count ?? 0) + (s.Staff?.Count ?? 0) + (s.Lessons?.Count ?? 0) + (s.Absences?.Count ?? 0)
        + (s.Marks?.Count ?? 0) + (s.Marks?.Sum(m => m.Revisions.Count) ?? 0) + (s.Plans?.Count ?? 0)
        + (s.GiaResults?.Count ?? 0) + (s.Accounts?.Count ?? 0) + (s.Logins?.Count ?? 0) + (s.Operations?.Count ?? 0)
        + (s.Archive?.Count ?? 0);
}
