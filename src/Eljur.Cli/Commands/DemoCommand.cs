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
        foreach (var group in report.Findings.GroupBy(f => f.Rule))
        {
            var breaches = group.Where(f => f.Severity != Severity.Info).ToList();
            var possible = breaches.Count(f => f.Certainty == Certainty.Possible);
            var notes = group.Count() - breaches.Count;
            var title = StandardRules.Catalog.TryGet(group.Key, out var rule) ? rule.Title : group.Key;
            var counts = breaches.Count > 0
                ? Words.Breaches(breaches.Count) + (possible > 0 ? $", из них {RussianText.Count(possible, "возможное", "возможных", "возможных")}" : "")
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
        o.WriteLine($"Всего: {Words.Breaches(report.Findings.Count(f => f.Severity != Severity.Info))}. Отчёты: {htmlPath}, {textPath}, {jsonPath}; снимок данных: {snapshotPath}");
        o.WriteLine($"Проверить снимок заново: eljur check --snapshot {snapshotPath} --policy <регламент> --as-of 2024-11-20T12:00:00+05:00");
        ReportWarnings.Print(report, console);
        return ExitCodes.Ok;
    }

    private static Policy LoadPolicy() => Presets.Load(DemoSchool.PolicyId, StandardRules.Catalog);
}
