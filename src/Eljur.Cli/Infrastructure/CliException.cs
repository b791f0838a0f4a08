using System;

namespace Eljur.Cli.Infrastructure;

/// <summary>An error the CLI reports as one line with an exit code, never with a stack trace.</summary>
internal sealed class CliException : Exception
{
    public CliException(int exitCode, string message, Exception? inner = null)
        : base(message, inner) => ExitCode = exitCode;

    public int ExitCode { get; }
}
