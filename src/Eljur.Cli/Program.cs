using System;
using System.Text;
using System.Threading;
using Eljur.Cli.Infrastructure;

Console.OutputEncoding = new UTF8Encoding(false);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return CliApp.Run(args, new Console2(Console.Out, Console.Error) { ErrorIsTerminal = !Console.IsErrorRedirected }, TimeProvider.System, cancel.Token);
