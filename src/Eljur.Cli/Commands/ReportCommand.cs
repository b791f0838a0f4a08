using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Eljur.Abstractions.IO;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;
using Eljur.Cli.Infrastructure;
using Eljur.Rules.Reports;

namespace Eljur.Cli.Commands;

/// <summary><c>eljur report activity|progress|summary-sheet</c>: the reports the regulations require, from a snapshot.</summary>
internal static class ReportCommand
{
    public static readonly string[] Formats = { "html", "md" };

    public static Command Create(Console2 console, TimeProvider? time = null)
    {
        var command = new Command("report", "Отчёты по данным журнала: активность пользователей, успеваемость и качество, сводная ведомость итоговых отметок")
        {
            Sub(ReportKind.Activity, "activity", "Активность пользователей по месяцам: учётные записи, активация, входы по ролям", console),
            Sub(ReportKind.Progress, "progress", "Успеваемость и качество знаний по периодам, классам и предметам", console),
            Sub(ReportKind.SummarySheet, "summary-sheet", "Сводная ведомость итоговых отметок за учебный год (для печати и архива, хранить 75 лет)", console),
            NoticesCommand.Create(console, time ?? TimeProvider.System),
        };
        return command;
    }

    private static Command Sub(ReportKind kind, string name, string description, Console2 console)
    {
        var snapshot = new Option<string>("--snapshot") { Description = "Файл снимка данных (eljur.snapshot/1)", Required = true };
        var output = new Option<string>("--out") { Description = "Файл отчёта", Required = true };
        var format = new Option<string>("--format") { Description = "Формат отчёта", DefaultValueFactory = _ => "html" };
        Choices.Restrict(format, Formats);
        var anonymize = new Option<bool>("--anonymize") { Description = "Заменить имена учеников устойчивыми псевдонимами" };
        var template = new Option<string?>("--template") { Description = "Свой шаблон отчёта (Scriban); поля модели — в docs/reports.md" };
        var command = new Command(name, description) { snapshot, output, format, anonymize, template };

        Option<string?>? period = null, from = null, to = null;
        if (kind != ReportKind.SummarySheet)
        {
            period = new Option<string?>("--period")
            {
                Description = kind == ReportKind.Progress ? "Id учебного периода (по умолчанию — все периоды)" : "Id учебного периода: отчёт за его даты",
            };
            from = new Option<string?>("--from") { Description = "Начало, ГГГГ-ММ-ДД (по умолчанию — из снимка)" };
            to = new Option<string?>("--to") { Description = "Конец, ГГГГ-ММ-ДД (по умолчанию — из снимка)" };
            command.Options.Add(period);
            command.Options.Add(from);
            command.Options.Add(to);
        }

        command.SetAction((parse, cancellationToken) => System.Threading.Tasks.Task.FromResult(Run(
            kind,
            new Request(
                parse.GetValue(snapshot)!,
                parse.GetValue(output)!,
                parse.GetValue(format) ?? "html",
                parse.GetValue(anonymize),
                parse.GetValue(template),
                period is null ? null : parse.GetValue(period),
                from is null ? null : parse.GetValue(from),
                to is null ? null : parse.GetValue(to)),
            console,
            cancellationToken)));
        return command;
    }

    private static int Run(ReportKind kind, Request request, Console2 console, CancellationToken cancellationToken)
    {
        if (request.Template is not null)
        {
            InputFiles.Existing(request.Template, "--template", "файл шаблона отчёта (Scriban)");
        }

        InputFiles.Writable(request.Output, "--out");

        var from = Inputs.Date(request.From, "--from");
        var to = Inputs.Date(request.To, "--to");
        if (request.Period is not null && (from is not null || to is not null))
        {
            throw new CliException(ExitCodes.BadInput, "--period и --from/--to вместе не указываются: период уже задаёт даты.");
        }

        if (from is not null && to is not null)
        {
            Inputs.RequireOrder(from.Value, to.Value, true, true);
        }

        var data = SnapshotReader.ReadFile(InputFiles.Existing(request.Snapshot, "--snapshot", "файл снимка данных (JSON)"), cancellationToken);
        var options = new ReportOptions { Anonymize = request.Anonymize, TemplatePath = request.Template };
        var format = request.Format == "md" ? ReportFormat.Markdown : ReportFormat.Html;
        string text;
        switch (kind)
        {
            case ReportKind.Activity:
                if (request.Period is not null)
                {
                    var period = FindPeriod(data, request.Period);
                    (from, to) = (period.Start, period.End);
                }

                text = ReportRenderer.RenderActivity(data, format, options, from, to);
                break;
            case ReportKind.Progress:
                if (request.Period is not null)
                {
                    FindPeriod(data, request.Period);
                }

                text = ReportRenderer.RenderProgress(data, format, options, request.Period, from, to);
                break;
            default:
                text = ReportRenderer.RenderSummarySheet(data, format, options);
                break;
        }

        AtomicFile.WriteAllText(request.Output, text);
        console.Error.WriteLine($"Отчёт записан: {request.Output}");
        return ExitCodes.Ok;
    }

    private static Period FindPeriod(GradebookSnapshot data, string id)
    {
        var periods = data.Periods ?? Array.Empty<Period>();
        return periods.FirstOrDefault(p => p.Id == id)
            ?? throw new CliException(
                ExitCodes.BadInput,
                periods.Count == 0
                    ? $"--period: в снимке нет учебных периодов, а указан «{id}»."
                    : $"--period: нет учебного периода «{id}»{Suggestions.Hint(id, periods.Select(p => p.Id))}; в снимке есть: {string.Join(", ", periods.Select(p => p.Id))}.");
    }

    private sealed record Request(string Snapshot, string Output, string Format, bool Anonymize, string? Template, string? Period, string? From, string? To);
}
