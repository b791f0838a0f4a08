using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Snapshots;
using Eljur.Abstractions.Synthetic;
using Eljur.Cli.Infrastructure;

namespace Eljur.Cli.Commands;

/// <summary>
/// <c>eljur generate</c>: writes a synthetic, deterministic snapshot (one file; several schools make
/// a region bundle) or, with <c>--split</c>, one snapshot per school.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(Console2 console)
    {
        var defaults = new SyntheticSnapshotOptions();
        var schools = new Option<int>("--schools") { Description = "Число школ (несколько — региональный набор в одном снимке)", DefaultValueFactory = _ => defaults.Schools };
        var students = new Option<int>("--students-per-school") { Description = "Учеников в школе", DefaultValueFactory = _ => defaults.StudentsPerSchool };
        var from = new Option<string?>("--from") { Description = "Первый день, ГГГГ-ММ-ДД (по умолчанию 2024-09-01)" };
        var to = new Option<string?>("--to") { Description = "Последний день, ГГГГ-ММ-ДД (по умолчанию 2025-05-31)" };
        var seed = new Option<long>("--seed") { Description = "Начальное значение генератора: одинаковое значение — одинаковый файл", DefaultValueFactory = _ => defaults.Seed };
        var late = new Option<double>("--late-rate") { Description = "Доля записей, внесённых с опозданием (0–1)", DefaultValueFactory = _ => defaults.LateEntryRate, CustomParser = r => Inputs.Share(r, defaults.LateEntryRate) };
        var revisions = new Option<double>("--revision-rate") { Description = "Доля исправленных отметок (0–1)", DefaultValueFactory = _ => defaults.RevisionRate, CustomParser = r => Inputs.Share(r, defaults.RevisionRate) };
        var absences = new Option<double>("--absence-rate") { Description = "Доля пропущенных учениками учебных дней (0–1)", DefaultValueFactory = _ => defaults.AbsenceRate, CustomParser = r => Inputs.Share(r, defaults.AbsenceRate) };
        var sixDay = new Option<double>("--six-day-share") { Description = "Доля школ с шестидневкой (0–1)", DefaultValueFactory = _ => defaults.SixDayWeekShare, CustomParser = r => Inputs.Share(r, defaults.SixDayWeekShare) };
        var compact = new Option<bool>("--compact") { Description = "Без отступов (файл меньше)" };
        var split = new Option<bool>("--split") { Description = "Отдельный снимок на каждую школу: FILE-s01.json, FILE-s02.json, …" };
        var output = new Option<string>("--out") { Description = "Файл снимка", Required = true };

        var command = new Command("generate", "Создать синтетический снимок журнала (для нагрузочных проверок и демонстраций)")
        {
            schools, students, from, to, seed, late, revisions, absences, sixDay, compact, split, output,
        };
        command.SetAction(parse =>
        {
            var options = defaults with
            {
                Schools = parse.GetValue(schools),
                StudentsPerSchool = parse.GetValue(students),
                From = Inputs.Date(parse.GetValue(from), "--from") ?? defaults.From,
                To = Inputs.Date(parse.GetValue(to), "--to") ?? defaults.To,
                Seed = parse.GetValue(seed),
                LateEntryRate = parse.GetValue(late),
                RevisionRate = parse.GetValue(revisions),
                AbsenceRate = parse.GetValue(absences),
                SixDayWeekShare = parse.GetValue(sixDay),
            };
            return Run(options, parse.GetValue(output)!, parse.GetValue(compact), parse.GetValue(split), console);
        });
        return command;
    }

    public static int Run(SyntheticSnapshotOptions options, string output, bool compact, bool split, Console2 console)
    {
        Validate(options);
        InputFiles.Writable(output, "--out");
        options.Validate();
        var watch = Stopwatch.StartNew();
        if (!split)
        {
            var snapshot = SyntheticSnapshotGenerator.Generate(options);
            SnapshotWriter.WriteFile(snapshot, output, indented: !compact);

            Report(console, output, snapshot.School.Name, snapshot.Lessons!.Count, snapshot.Marks!.Count, snapshot.Absences!.Count, watch);
            return ExitCodes.Ok;
        }

        var stem = output.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? output.Substring(0, output.Length - 5) : output;
        var width = Math.Max(2, options.Schools.ToString(CultureInfo.InvariantCulture).Length);
        var index = 0;
        foreach (var school in SyntheticSnapshotGenerator.GenerateSchools(options))
        {
            index++;
            var path = stem + "-s" + index.ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + ".json";
            SnapshotWriter.WriteFile(school, path, indented: !compact);

            Report(console, path, school.School.Name, school.Lessons!.Count, school.Marks!.Count, school.Absences!.Count, watch);
        }

        return ExitCodes.Ok;
    }

    /// <summary>The generator's limits, told in terms of the command line (the generator itself says them in English).</summary>
    private static void Validate(SyntheticSnapshotOptions o)
    {
        static void Require(bool ok, string message)
        {
            if (!ok)
            {
                throw new CliException(ExitCodes.BadInput, message);
            }
        }

        Require(o.Schools is >= 1 and <= 9_999, $"--schools: {o.Schools} — школ должно быть от 1 до 9999.");
        Require(o.StudentsPerSchool is >= 1 and <= 100_000, $"--students-per-school: {o.StudentsPerSchool} — учеников в школе должно быть от 1 до 100000.");
        Inputs.RequireOrder(o.From, o.To, true, true);
        foreach (var (value, option) in new[] { (o.LateEntryRate, "--late-rate"), (o.RevisionRate, "--revision-rate"), (o.AbsenceRate, "--absence-rate"), (o.SixDayWeekShare, "--six-day-share") })
        {
            Require(value is >= 0 and <= 1, $"{option}: {value.ToString(RussianText.Culture)} — доля должна быть от 0 до 1 (например, 0.25).");
        }

        Require(o.AbsenceRate < 0.9, $"--absence-rate: {o.AbsenceRate.ToString(RussianText.Culture)} — доля пропусков должна быть меньше 0.9.");
    }

    private static void Report(Console2 console, string path, string school, int lessons, int marks, int absences, Stopwatch watch) =>
        console.Out.WriteLine(string.Format(
            RussianText.Culture,
            "{0}: {1} — {2}; {3:F1} МБ, {4:F1} с",
            path,
            school,
            Words.Records(lessons, marks, absences),
            new FileInfo(path).Length / 1e6,
            watch.Elapsed.TotalSeconds));
}
