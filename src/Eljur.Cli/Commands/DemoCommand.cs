using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.IO;
using Eljur.Abstractions.Policies;
using Eljur.Abstractions.Snapshots;
using Eljur.Cli.Demo;
using Eljur.Cli.Infrastructure;
using Eljur.Rules;
using Eljur.Rules.Reports;
using Eljur.Rules.Reports.Grouping;

namespace Eljur.Cli.Commands;

/// <summary><c>eljur demo</c>: builds the embedded demo school, checks it and writes the reports.</summary>
internal static class DemoCommand
{
    public static Command Create(Console2 console)
    {
        var output = new Option<string>("--out") { Description = "Папка для снимка и отчётов", DefaultValueFactory = _ => "eljur-demo" };
        var calendar = CalendarFiles.CreateOption();
        var command = new Command("demo", "Демонстрация: встроенная школа с нарушениями, проверка и отчёт — без сети и настроек") { output, calendar };
        command.SetAction(parse => Run(parse.GetValue(output) ?? "eljur-demo", console, parse.GetValue(calendar)));
        return command;
    }

    public static int Run(string directory, Console2 console, string[]? calendarFiles = null)
    {
        var calendar = CalendarFiles.Load(calendarFiles, console);
        Directory.CreateDirectory(directory);
        var snapshot = DemoSchool.Build();
        var snapshotPath = Path.Combine(directory, "snapshot.json");
        SnapshotWriter.WriteFile(snapshot, snapshotPath);

        var policy = LoadPolicy();
        var engine = new PolicyEngine(StandardRules.Catalog, calendar, TimeProvider.System);
        var report = engine.Evaluate(snapshot, policy, new EvaluationOptions { AsOf = DemoSchool.AsOf });

        var jsonPath = Path.Combine(directory, "report.json");
        AtomicFile.Write(jsonPath, json => ReportJsonWriter.Write(report, json));

        var textPath = Path.Combine(directory, "report.txt");
        var options = new ReportOptions { Snapshot = snapshot };
        AtomicFile.WriteAllText(textPath, ReportRenderer.RenderCompliance(report, policy, ReportFormat.Text, options));

        var htmlPath = Path.Combine(directory, "report.html");
        AtomicFile.WriteAllText(htmlPath, ReportRenderer.RenderCompliance(report, policy, ReportFormat.Html, options));

        var o = console.Out;
        o.WriteLine($"Демонстрация: {snapshot.School.Name}, классы {string.Join(", ", snapshot.Classes!.Select(c => c.Name))}");
        o.WriteLine($"Данные: {Words.Records(snapshot.Lessons!.Count, snapshot.Marks!.Count, snapshot.Absences!.Count)} за {RussianText.Date(DemoSchool.From)} — {RussianText.Date(DemoSchool.To)}");
        o.WriteLine($"Регламент: {policy.Title}");
        o.WriteLine();
        // Counted as the report counts: a case is one breach, however many records it spans (the late
        // marks of one written work are one case); the records are named beside when they are more.
        var cases = FindingGrouper.Group(report.Findings, snapshot);
        foreach (var group in report.Findings.GroupBy(f => f.Rule))
        {
            var ruleCases = cases.Where(c => c.Rule == group.Key).ToList();
            var breaches = ruleCases.Where(c => c.Severity != Severity.Info).ToList();
            var possible = breaches.Count(c => c.Certainty == Certainty.Possible);
            var notes = ruleCases.Count - breaches.Count;
            var records = group.Count(f => f.Severity != Severity.Info);
            var title = StandardRules.Catalog.TryGet(group.Key, out var rule) ? rule.Title : group.Key;
            var counts = breaches.Count > 0
                ? Words.Breaches(breaches.Count) + InRecords(records, breaches.Count) + (possible > 0 ? $", из них {RussianText.Count(possible, "возможное", "возможных", "возможных")}" : "")
                : "нарушений нет";
            o.WriteLine($"  {title} (п. {group.First().Clause}): {counts}{(notes > 0 ? $"; к сведению: {Words.Notes(notes)}" : "")}");
        }

        foreach (var m in report.Metrics)
        {
            var title = StandardRules.Catalog.TryGet(m.Metric, out var rule) ? rule.Title : m.Metric;
            var verdict = m.Passed switch { true => "норматив выполнен", false => "норматив НЕ выполнен", _ => "без норматива" };
            o.WriteLine($"  {title}: {(m.Value is not null ? $"{RussianText.Percent(m.Numerator, m.Denominator)} ({m.Numerator} из {m.Denominator})" : "нет данных")} — {verdict}");
        }

        o.WriteLine();
        var certain = cases.Count(c => c.Severity != Severity.Info && c.Certainty == Certainty.Certain);
        var possibleCases = cases.Count(c => c.Severity != Severity.Info && c.Certainty == Certainty.Possible);
        var total = Words.Breaches(certain)
            + (possibleCases > 0 ? " и " + RussianText.Count(possibleCases, "возможное", "возможных", "возможных") : "")
            + InRecords(report.Findings.Count(f => f.Severity != Severity.Info), certain + possibleCases);
        o.WriteLine($"Всего: {total}. Отчёты: {htmlPath}, {textPath}, {jsonPath}; снимок данных: {snapshotPath}");
        o.WriteLine($"Проверить снимок заново: eljur check --snapshot {snapshotPath} --policy <регламент> --as-of 2024-11-20T12:00:00+05:00");
        ReportWarnings.Print(report, console);
        return ExitCodes.Ok;
    }

    /// <summary>« в 9 записях» when a count of cases spans more records than cases; empty otherwise.</summary>
    private static string InRecords(int records, int cases) =>
        records > cases ? " в " + RussianText.Count(records, "записи", "записях", "записях") : "";

    private static Policy LoadPolicy() => Presets.Load(DemoSchool.PolicyId, StandardRules.Catalog);
}
