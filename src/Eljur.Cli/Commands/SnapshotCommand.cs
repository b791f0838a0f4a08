using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Snapshots;
using Eljur.Cli.Infrastructure;

namespace Eljur.Cli.Commands;

/// <summary><c>eljur snapshot --store FILE --from D --to D --out FILE</c>: exports what the store observed.</summary>
internal static class SnapshotCommand
{
    public static Command Create(Console2 console)
    {
        var store = new Option<string>("--store") { Description = "Файл хранилища синхронизации (SQLite)", Required = true };
        var from = new Option<string?>("--from") { Description = "Начало периода, ГГГГ-ММ-ДД (по умолчанию — всё синхронизированное)" };
        var to = new Option<string?>("--to") { Description = "Конец периода, ГГГГ-ММ-ДД (по умолчанию — всё синхронизированное)" };
        var output = new Option<string>("--out") { Description = "Файл снимка (eljur.snapshot/1)", Required = true };
        var school = new Option<string?>("--school") { Description = "Id школы, если в хранилище их несколько" };
        var command = new Command("snapshot", "Выгрузить снимок данных из хранилища синхронизации: с наблюдёнными временами внесения и исправлениями отметок")
        {
            store, from, to, output, school,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            parse.GetValue(store)!, parse.GetValue(from), parse.GetValue(to), parse.GetValue(output)!, parse.GetValue(school), console, cancellationToken)));
        return command;
    }

    public static int Run(string storePath, string? from, string? to, string output, string? school, Console2 console, CancellationToken cancellationToken)
    {
        InputFiles.Writable(output, "--out");
        var store = StoreInputs.Open(storePath, create: false);
        var snapshot = StoreInputs.Export(store, school, from, to, cancellationToken);
        SnapshotWriter.WriteFile(snapshot, output);
        console.Error.WriteLine(
            $"Снимок записан: {output} ({Words.Records(snapshot.Lessons!.Count, snapshot.Marks!.Count, snapshot.Absences!.Count)}; {RussianText.Date(snapshot.Source.From)} — {RussianText.Date(snapshot.Source.To)})");
        return ExitCodes.Ok;
    }
}
