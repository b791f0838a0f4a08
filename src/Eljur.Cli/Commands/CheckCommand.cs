using System;
using System.CommandLine;
using System.IO;
using System.Text;
using System.Threading;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.IO;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;
using Eljur.Abstractions.Time;
using Eljur.Cli.Infrastructure;
using Eljur.Rules;
using Eljur.Rules.Reports;

namespace Eljur.Cli.Commands;

/// <summary><c>eljur check</c>: evaluates a policy on a snapshot.</summary>
internal static class CheckCommand
{
    public static readonly string[] Formats = { "text", "json", "html", "md" };

    public static Command Create(Console2 console, TimeProvider time)
    {
        var snapshot = new Option<string?>("--snapshot") { Description = "Файл снимка данных (eljur.snapshot/1); или --store, или --connector" };
        var store = new Option<string?>("--store") { Description = "Хранилище синхронизации (eljur sync) вместо файла снимка" };
        var school = new Option<string?>("--school") { Description = "Id школы в хранилище, если их там несколько" };
        var policy = new Option<string>("--policy") { Description = "Регламент: id пресета или путь к файлу регламента (JSON)", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "Момент проверки (по умолчанию — сейчас); без смещения — время школы" };
        var from = new Option<string?>("--from") { Description = "Начало проверяемого периода, ГГГГ-ММ-ДД (по умолчанию — из снимка)" };
        var to = new Option<string?>("--to") { Description = "Конец проверяемого периода, ГГГГ-ММ-ДД (по умолчанию — из снимка)" };
        var format = new Option<string>("--format") { Description = "Формат отчёта", DefaultValueFactory = _ => "text" };
        Choices.Restrict(format, Formats);
        var output = new Option<string?>("--out") { Description = "Файл отчёта (по умолчанию — стандартный вывод)" };
        var anonymize = new Option<bool>("--anonymize") { Description = "Заменить имена учеников устойчивыми псевдонимами" };
        var template = new Option<string?>("--template") { Description = "Свой шаблон отчёта (Scriban) для форматов text, html, md" };
        var calendar = CalendarFiles.CreateOption();

        var command = new Command("check", "Проверить снимок данных журнала на соответствие регламенту школы")
        {
            snapshot, store, school, policy, asOf, from, to, format, output, anonymize, template, calendar,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var request = new CheckRequest(
                parse.GetValue(snapshot),
                parse.GetValue(policy)!,
                parse.GetValue(asOf),
                parse.GetValue(from),
                parse.GetValue(to),
                parse.GetValue(format) ?? "text",
                parse.GetValue(output),
                parse.GetValue(anonymize),
                parse.GetValue(template),
                parse.GetValue(store),
                parse.GetValue(school),
                parse.GetValue(calendar));
            return System.Threading.Tasks.Task.FromResult(Run(request, console, time, cancellationToken));
        });

        // --connector NAME [connector options]: fetch first, then this same action checks the result.
        Connectors.ConnectorCheck.Attach(command, snapshot, from, to, console, time, store);
        return command;
    }

    public static int Run(CheckRequest request, Console2 console, TimeProvider time, CancellationToken cancellationToken)
    {
        var calendar = CalendarFiles.Load(request.Calendars, console);
        var data = Connectors.ConnectorCheck.Fetched ?? Load(request, cancellationToken);
        var policy = PolicyInput.Resolve(request.Policy);
        var report = Evaluate(data, policy, request.AsOf, request.From, request.To, time, cancellationToken, calendar);
        var rendering = ReportOutput.ForCheck(request.Format, request.Anonymize, request.Template, data, policy);
        Write(report, request.Format, request.Output, console, rendering);
        ReportWarnings.Print(report, console);
        return report.HasErrors ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static GradebookSnapshot Load(CheckRequest request, CancellationToken cancellationToken)
    {
        if ((request.Snapshot is null) == (request.Store is null))
        {
            throw new CliException(ExitCodes.BadInput, "укажите ровно одно из --snapshot FILE или --store FILE");
        }

        if (request.Snapshot is { } path)
        {
            return SnapshotReader.ReadFile(InputFiles.Existing(path, "--snapshot", "файл снимка данных (JSON)"), cancellationToken);
        }

        // The check range is the export range, so records outside it do not enter the check at all.
        var store = StoreInputs.Open(request.Store!, create: false);
        return StoreInputs.Export(store, request.School, request.From, request.To, cancellationToken);
    }

    public static EvaluationReport Evaluate(
        GradebookSnapshot data,
        Abstractions.Policies.Policy policy,
        string? asOf,
        string? from,
        string? to,
        TimeProvider time,
        CancellationToken cancellationToken,
        IProductionCalendar? calendar = null)
    {
        calendar ??= ProductionCalendar.Russia;
        var clock = new SchoolClock(SchoolTimeZone.Resolve(data.School.TimeZone), data.School.WorkWeek, calendar);
        var options = new EvaluationOptions
        {
            AsOf = Inputs.Moment(asOf, "--as-of", clock),
            From = Inputs.Date(from, "--from"),
            To = Inputs.Date(to, "--to"),
        };
        Inputs.RequireOrder(options.From ?? data.Source.From, options.To ?? data.Source.To, options.From is not null, options.To is not null);
        var engine = new PolicyEngine(StandardRules.Catalog, calendar, time);
        return engine.Evaluate(data, policy, options, cancellationToken);
    }

    public static void Write(EvaluationReport report, string format, string? output, Console2 console, ReportOutput? rendering = null)
    {
        rendering ??= ReportOutput.ForCheck(format, false, null, null, null);
        if (output is null)
        {
            rendering.Write(report, console.Out);
            return;
        }

        InputFiles.Writable(output, "--out");

        // Render first, so that a template error leaves no half-written file.
        var text = new StringWriter();
        rendering.Write(report, text);
        AtomicFile.WriteAllText(output, text.ToString());

        console.Error.WriteLine($"Отчёт записан: {output}");
    }

    internal sealed record CheckRequest(string? Snapshot, string Policy, string? AsOf, string? From, string? To, string Format, string? Output, bool Anonymize = false, string? Template = null, string? Store = null, string? School = null, string[]? Calendars = null);
}
