using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;
using Eljur.Abstractions.Sync;
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
        var connector = new Option<string>("--connector") { Description = "Источник данных: file (снимок из файла, --input)", Required = true };
        connector.AcceptOnlyFromAmong(SnapshotFileConnector.ConnectorId);
        var input = new Option<string?>("--input") { Description = "Для --connector file: файл снимка (eljur.snapshot/1), например записанный eljur fetch" };
        var store = new Option<string>("--store") { Description = "Файл хранилища (SQLite); создаётся при первой синхронизации", Required = true };
        var from = new Option<string?>("--from") { Description = "Начало периода, ГГГГ-ММ-ДД (по умолчанию — 1 сентября текущего учебного года)" };
        var to = new Option<string?>("--to") { Description = "Конец периода, ГГГГ-ММ-ДД (по умолчанию — 31 августа текущего учебного года)" };
        var command = new Command("sync", "Синхронизировать данные журнала в локальное хранилище: запомнить, когда записи появились и менялись")
        {
            connector, input, store, from, to,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            IGradebookConnector Resolve() => parse.GetValue(connector) switch
            {
                _ => new SnapshotFileConnector(parse.GetValue(input) ?? throw new CliException(ExitCodes.BadInput, "для --connector file укажите --input FILE")),
            };

            return Task.FromResult(Run(Resolve, parse.GetValue(store)!, parse.GetValue(from), parse.GetValue(to), console, time, cancellationToken));
        });
        return command;
    }

    public static int Run(Func<IGradebookConnector> resolve, string storePath, string? from, string? to, Console2 console, TimeProvider time, CancellationToken cancellationToken)
    {
        var source = resolve();
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

        if (last < first)
        {
            throw new CliException(ExitCodes.BadInput, "--to раньше, чем --from");
        }

        var run = new GradebookSync(store, time)
            .SyncAsync(source, new FetchRequest { From = first, To = last }, null, cancellationToken)
            .GetAwaiter().GetResult();
        (source as IDisposable)?.Dispose();
        var c = run.Counts;
        console.Error.WriteLine(FormattableString.Invariant(
            $"Синхронизировано: {store.Path}, школа {run.SchoolId}, {run.From:yyyy-MM-dd} — {run.To:yyyy-MM-dd}. ") +
            FormattableString.Invariant(
            $"Новых уроков {c.LessonsAdded}, тем {c.TopicsAdded}, домашних заданий {c.HomeworkAdded}, отметок {c.MarksAdded}, пропусков {c.AbsencesAdded}; ") +
            FormattableString.Invariant(
            $"исправлений отметок {c.MarksRevised}; удалено уроков {c.LessonsDeleted}, отметок {c.MarksDeleted}, пропусков {c.AbsencesDeleted}; без изменений {c.Unchanged}."));
        return ExitCodes.Ok;
    }

    /// <summary>A source that reads a snapshot file (e.g. one <c>eljur fetch</c> wrote) as the vendor's current state.</summary>
    internal sealed class SnapshotFileConnector : IGradebookConnector
    {
        public const string ConnectorId = "file";

        private readonly string _path;

        public SnapshotFileConnector(string path) => _path = path;

        public string Id => ConnectorId;

        public IReadOnlyList<string> Capabilities => Array.Empty<string>();

        public Task<GradebookSnapshot> FetchAsync(FetchRequest request, IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(SnapshotReader.ReadFile(_path, cancellationToken));
    }
}
