using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Snapshots;
using Eljur.Cli.Connectors;
using Eljur.Cli.Infrastructure;

namespace Eljur.Cli.Commands;

/// <summary><c>eljur fetch --connector NAME [connector options] --from D --to D --out FILE</c>: writes a snapshot.</summary>
internal static class FetchCommand
{
    public static Command Create(Console2 console, TimeProvider time)
    {
        var source = ConnectorSource.Create();
        source.Connector.Required = true;
        var from = new Option<string>("--from") { Description = "Начало периода, ГГГГ-ММ-ДД", Required = true };
        var to = new Option<string>("--to") { Description = "Конец периода, ГГГГ-ММ-ДД", Required = true };
        var output = new Option<string>("--out") { Description = "Файл снимка данных (eljur.snapshot/1)", Required = true };
        var command = new Command("fetch", "Загрузить данные журнала из источника и записать снимок") { from, to, output };
        source.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            source, parse, parse.GetValue(from)!, parse.GetValue(to)!, parse.GetValue(output)!, console, time, cancellationToken)));
        return command;
    }

    private static int Run(ConnectorSource source, ParseResult parse, string from, string to, string output, Console2 console, TimeProvider time, CancellationToken cancellationToken)
    {
        var first = Inputs.Date(from, "--from")!.Value;
        var last = Inputs.Date(to, "--to")!.Value;
        Inputs.RequireOrder(first, last, true, true);
        InputFiles.Writable(output, "--out");

        var snapshot = source.Fetch(parse, first, last, console, time, cancellationToken);
        SnapshotWriter.WriteFile(snapshot, output);
        console.Error.WriteLine(
            $"Снимок записан: {output} — {Words.Records(snapshot.Lessons?.Count ?? 0, snapshot.Marks?.Count ?? 0, snapshot.Absences?.Count ?? 0)}, {Words.Students(snapshot.Students?.Count ?? 0)}.");
        return ExitCodes.Ok;
    }
}
