using System;
using System.CommandLine;
using System.Threading;
using Eljur.Cli.Commands;

namespace Eljur.Cli.Infrastructure;

/// <summary>Builds the command tree and runs one invocation, mapping every failure to an exit code.</summary>
internal static class CliApp
{
    public static RootCommand Build(Console2 console, TimeProvider time)
    {
        var root = new RootCommand("eljur — проверка электронного журнала школы на соответствие её регламенту")
        {
            DemoCommand.Create(console),
            CheckCommand.Create(console, time),
            FetchCommand.Create(console, time),
            PoliciesCommand.Create(console),
            ReportCommand.Create(console),
            SyncCommand.Create(console, time),
            SnapshotCommand.Create(console),
            GenerateCommand.Create(console),
            ServeCommand.Create(console, time),
        };
        return root;
    }

    public static int Run(string[] args, Console2 console, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var root = Build(console, time ?? TimeProvider.System);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.Error.WriteLine("eljur: " + error.Message);
            }

            console.Error.WriteLine("Справка: eljur --help");
            return ExitCodes.BadInput;
        }

        try
        {
            var config = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
            return parse.InvokeAsync(config, cancellationToken).GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            var (code, message) = ErrorMapper.Map(ex);
            console.Error.WriteLine("eljur: " + ErrorMapper.OneLine(message));
            if (Environment.GetEnvironmentVariable("ELJUR_DEBUG") == "1")
            {
                console.Error.WriteLine(ex.ToString());
            }

            return code;
        }
    }
}
