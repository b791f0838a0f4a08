using System;
using System.Collections.Generic;
using System.IO;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Sync;
using Eljur.Cli.Connectors;
using Eljur.Cli.Infrastructure;

namespace Eljur.Cli.Commands;

/// <summary>
/// <c>eljur sync --connector NAME [connector options] --store FILE [--from D --to D]</c>: incremental
/// sync into a local store. Never prompts; exit 0 on success, 2 on bad usage or an unusable store,
/// 3 when the source fails or another sync holds the store's lock (both worth retrying later).
/// </summary>
internal static class SyncCommand
{
    public static Command Create(Console2 console, TimeProvider time)
    {
        var source = ConnectorSource.Create();
        source.Connector.Required = true;
        var store = new Option<string>("--store") { Description = "Файл хранилища (SQLite); создаётся при первой синхронизации", Required = true };
        var from = new Option<string?>("--from") { Description = "Начало периода, ГГГГ-ММ-ДД (по умолчанию — 1 сентября текущего учебного года)" };
        var to = new Option<string?>("--to") { Description = "Конец периода, ГГГГ-ММ-ДД (по умолчанию — 31 августа текущего учебного года)" };
        var command = new Command("sync", "Синхронизировать данные журнала в локальное хранилище: запомнить, когда записи появились и менялись")
        {
            store, from, to,
        };
        source.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetResult(source.Classes) is { Implicit: false })
            {
                result.AddError("eljur sync загружает все классы: с --class записи остальных классов выглядели бы удалёнными.");
            }
        });
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            () => new ParsedConnector(source, parse, console, time),
            parse.GetValue(store)!,
            parse.GetValue(from),
            parse.GetValue(to),
            console,
            time,
            cancellationToken)));
        return command;
    }

    public static int Run(Func<IGradebookConnector> resolve, string storePath, string? from, string? to, Console2 console, TimeProvider time, CancellationToken cancellationToken)
    {
        var source = resolve();
        var existed = File.Exists(storePath) || Directory.Exists(storePath);
        try
        {
            return Sync(source, storePath, from, to, console, time, cancellationToken);
        }
        catch when (!existed && File.Exists(storePath))
        {
            // A first sync that failed leaves nothing behind: an empty store would pass for a synced one.
            StoreInputs.DeleteCreated(storePath);
            throw;
        }
    }

    private static int Sync(IGradebookConnector source, string storePath, string? from, string? to, Console2 console, TimeProvider time, CancellationToken cancellationToken)
    {
        var store = StoreInputs.Open(storePath, create: true);
        DateTime first, last;
        if (from is null || to is null)
        {
            var year = StoreInputs.CurrentAcademicYear(store, time, cancellationToken);
            first = Inputs.Date(from, "--from") ?? year.From;
            last = Inputs.Date(to, "--to") ?? year.To;
        }
        else
        {
            first = Inputs.Date(from, "--from")!.Value;
            last = Inputs.Date(to, "--to")!.Value;
        }

        Inputs.RequireOrder(first, last, from is not null, to is not null);

        var run = new GradebookSync(store, time)
            .SyncAsync(source, new FetchRequest { From = first, To = last }, null, cancellationToken)
            .GetAwaiter().GetResult();
        (source as IDisposable)?.Dispose();
        var c = run.Counts;
        console.Error.WriteLine(
            $"Синхронизировано: {store.Path}, школа {run.SchoolId}, {RussianText.Date(run.From)} — {RussianText.Date(run.To)}. " +
            $"Новые: {Words.Lessons(c.LessonsAdded)}, {Words.Topics(c.TopicsAdded)}, {Words.Homework(c.HomeworkAdded)}, {Words.Marks(c.MarksAdded)}, {Words.Absences(c.AbsencesAdded)}; " +
            $"исправлено: {Words.Marks(c.MarksRevised)}; удалено: {Words.Lessons(c.LessonsDeleted)}, {Words.Marks(c.MarksDeleted)}, {Words.Absences(c.AbsencesDeleted)}; без изменений: {Words.Records(c.Unchanged)}.");
        return ExitCodes.Ok;
    }

    /// <summary>The connector the command line names, fetched through the shared connector options (<c>fetch</c>, <c>check</c>).</summary>
    private sealed class ParsedConnector : IGradebookConnector
    {
        private readonly ConnectorSource _source;
        private readonly ParseResult _parse;
        private readonly Console2 _console;
        private readonly TimeProvider _time;

        public ParsedConnector(ConnectorSource source, ParseResult parse, Console2 console, TimeProvider time)
        {
            _source = source;
            _parse = parse;
            _console = console;
            _time = time;
        }

        public string Id => _parse.GetValue(_source.Connector)!;

        public IReadOnlyList<string> Capabilities => Array.Empty<string>();

        public Task<GradebookSnapshot> FetchAsync(FetchRequest request, IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(_source.Fetch(_parse, request.From, request.To, _console, _time, cancellationToken));
    }
}
