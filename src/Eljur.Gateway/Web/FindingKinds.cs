using Eljur.Abstractions.Sync;
using Eljur.Gateway.Runs;

namespace Eljur.Gateway.Web;

/// <summary>
/// What the pages count as a breach, a possible breach and a note, as the CLI's reports do: a finding of
/// severity <c>info</c> (an archive record whose retention has run out, say) is shown for the record and
/// never counted as a breach; errors and warnings are breaches, certain or possible.
/// </summary>
internal static class FindingKinds
{
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

    /// <summary>The kind in words, for the findings tables.</summary>
    public static string Label(FindingRow f) => IsNote(f) ? "к сведению" : Html.Certainty(f.Certainty);
}
