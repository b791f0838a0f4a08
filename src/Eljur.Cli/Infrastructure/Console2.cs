using System;
using System.IO;

namespace Eljur.Cli.Infrastructure;

/// <summary>The output channels of one CLI run (the real console or test writers).</summary>
internal sealed record Console2(TextWriter Out, TextWriter Error)
{
    /// <summary>Whether standard error is a terminal: progress is drawn only then.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Reads an environment variable (tests give their own environment).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}
