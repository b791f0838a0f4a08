using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Sync;

namespace Eljur.Gateway.Runs;

/// <summary>
/// What the gateway counts as a breach, a possible breach and a note, as the CLI's reports do: a finding of
/// severity <c>info</c> (an archive record whose retention has run out, say) is shown for the record and
/// never counted as a breach; errors and warnings are breaches, certain or possible. A run's counts
/// (<see cref="GatewayRun.Errors"/>, <see cref="GatewayRun.Warnings"/>, <see cref="GatewayRun.Infos"/>,
/// <see cref="GatewayRun.Possible"/>) are made here too, by the same partition, when the run ends.
/// </summary>
internal static class FindingKinds
{
    /// <summary>The run with its findings counted: each one once, as a certain error or warning, a possible breach or a note.</summary>
    public static GatewayRun Counted(GatewayRun run, IReadOnlyList<Finding> findings) => run with
    {
        Errors = findings.Count(f => f.Severity == Severity.Error && f.Certainty == Certainty.Certain),
        Warnings = findings.Count(f => f.Severity == Severity.Warning && f.Certainty == Certainty.Certain),
        Possible = findings.Count(f => f.Severity != Severity.Info && f.Certainty == Certainty.Possible),
        Infos = findings.Count(f => f.Severity == Severity.Info),
    };

    /// <summary>The run's certain breaches: its errors and warnings, not its notes.</summary>
    public static int Breaches(GatewayRun run) => run.Errors + run.Warnings;

    /// <summary>A note: severity <c>info</c>, whatever its certainty.</summary>
    public static bool IsNote(FindingRow f) => f.Severity == "info";

    /// <summary>A certain breach.</summary>
    public static bool IsBreach(FindingRow f) => !IsNote(f) && f.Certainty == "certain";

    /// <summary>A possible breach.</summary>
    public static bool IsPossible(FindingRow f) => !IsNote(f) && f.Certainty == "possible";

    /// <summary>The filter value of a finding's kind: <c>certain</c>, <c>possible</c> or <c>info</c>.</summary>
    public static string Kind(FindingRow f) => IsNote(f) ? "info" : f.Certainty;
}
