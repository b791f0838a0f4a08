using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Eljur.Abstractions.IO;
using Eljur.Abstractions.Snapshots;
using Eljur.Cli.Infrastructure;
using Eljur.Rules;
using Eljur.Rules.Reports;

namespace Eljur.Cli.Commands;

/// <summary><c>eljur report notices</c>: checks a snapshot and writes one printable notice per teacher with their breaches.</summary>
internal static class NoticesCommand
{
    public static readonly string[] Formats = { "html", "md" };

    public static Command Create(Console2 console, TimeProvider time)
    {
        var snapshot = new Option<string>("--snapshot") { Description = "Файл снимка данных (eljur.snapshot/1)", Required = true };
        var policy = new Option<string>("--policy") { Description = "Регламент: id пресета или путь к файлу регламента (JSON)", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "Момент проверки (по умолчанию — сейчас); без смещения — время школы" };
        var from = new Option<string?>("--from") { Description = "Начало проверяемого периода, ГГГГ-ММ-ДД (по умолчанию — из снимка)" };
        var to = new Option<string?>("--to") { Description = "Конец проверяемого периода, ГГГГ-ММ-ДД (по умолчанию — из снимка)" };
        var output = new Option<string>("--out") { Description = "Папка, куда записать уведомления", Required = true };
        var format = new Option<string>("--format") { Description = "Формат: html (для печати) или md", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong(Formats);
        var anonymize = new Option<bool>("--anonymize") { Description = "Заменить имена учеников устойчивыми псевдонимами" };
        var command = new Command("notices", "Уведомления учителям: на каждого — страница с его нарушениями, пунктами положения и строкой для подписи")
        {
            snapshot, policy, asOf, from, to, output, format, anonymize,
        };
        command.SetAction((parse, cancellationToken) => System.Threading.Tasks.Task.FromResult(Run(
            parse.GetValue(snapshot)!,
            parse.GetValue(policy)!,
            parse.GetValue(asOf),
            parse.GetValue(from),
            parse.GetValue(to),
            parse.GetValue(output)!,
            parse.GetValue(format) ?? "html",
            parse.GetValue(anonymize),
            console,
            time,
            cancellationToken)));
        return command;
    }

    private static int Run(string snapshotPath, string policyName, string? asOf, string? from, string? to, string directory, string format, bool anonymize, Console2 console, TimeProvider time, CancellationToken cancellationToken)
    {
        var data = SnapshotReader.ReadFile(snapshotPath, cancellationToken);
        var policy = Presets.Resolve(policyName);
        var report = CheckCommand.Evaluate(data, policy, asOf, from, to, time, cancellationToken);
        var options = new ReportOptions { Anonymize = anonymize, Snapshot = data };
        var model = ReportRenderer.ComplianceModel(report, policy, null, options);
        var reportFormat = format == "md" ? ReportFormat.Markdown : ReportFormat.Html;
        var text = ReportRenderer.Render(ReportKind.Notices, model, reportFormat, options);

        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "notices." + format);
        AtomicFile.WriteAllText(path, text);
        var pages = model.Teachers.Count(t => t.Breaches > 0 || t.Possible > 0) + (model.Administration is { Breaches: > 0 } or { Possible: > 0 } ? 1 : 0);
        console.Error.WriteLine($"Уведомления записаны: {path} ({pages} {Abstractions.Evaluation.RussianText.Plural(pages, "страница", "страницы", "страниц")})");
        return ExitCodes.Ok;
    }
}
