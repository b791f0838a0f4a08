using Eljur.Abstractions.Evaluation;

namespace Eljur.Cli.Infrastructure;

/// <summary>The check's warnings on standard error (cli.md: «the same warnings go to stderr»).</summary>
internal static class ReportWarnings
{
    /// <summary>
    /// Prints each warning as one line starting «Предупреждение:», whatever the format on standard output.
    /// A warning may quote vendor text (the ids of unmapped records), so it is made terminal-safe first.
    /// </summary>
    public static void Print(EvaluationReport report, Console2 console)
    {
        foreach (var warning in report.Warnings)
        {
            console.Error.WriteLine(ErrorMapper.OneLine("Предупреждение: " + warning));
        }
    }
}
