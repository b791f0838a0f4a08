using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
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
        var late = new Option<double>("--late-rate") { Description = "Доля записей, внесённых с опозданием (0–1)", DefaultValueFactory = _ => defaults.LateEntryRate };
        var revisions = new Option<double>("--revision-rate") { Description = "Доля исправленных отметок (0–1)", DefaultValueFactory = _ => defaults.RevisionRate };
        var absences = new Option<double>("--absence-rate") { Description = "Доля пропущенных учениками учебных дней (0–1)", DefaultValueFactory = _ => defaults.AbsenceRate };
        var sixDay = new Option<double>("--six-day-share") { Description = "Доля школ с шестидневкой (0–1)", DefaultValueFactory = _ => defaults.SixDayWeekShare };
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

    private static void Report(Console2 console, string path, string school, int lessons, int marks, int absences, Stopwatch watch) =>
        console.Out.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "{0}: {1} — {2} уроков, {3} отметок, {4} пропусков; {5:F1} МБ, {6:F1} с",
            path,
            school,
            lessons,
            marks,
            absences,
            new FileInfo(path).Length / 1e6,
            watch.Elapsed.TotalSeconds));
}
