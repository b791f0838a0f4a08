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
            ReportCommand.Create(console, time),
            SyncCommand.Create(console, time),
            SnapshotCommand.Create(console),
            GenerateCommand.Create(console),
            ServeCommand.Create(console, time),
        };
        RussianHelp.Install(root);
        return root;
    }

    public static int Run(string[] args, Console2 console, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var root = Build(console, time ?? TimeProvider.System);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not RussianHelp)
        {
            foreach (var message in ParseErrorText.Describe(parse))
            {
                console.Error.WriteLine("eljur: " + ErrorMapper.OneLine(message));
            }

            console.Error.WriteLine($"Справка: {CommandPath.Of(parse.CommandResult)} --help");
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
