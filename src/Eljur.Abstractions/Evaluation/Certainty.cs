namespace Eljur.Abstractions.Evaluation;

/// <summary>How sure a finding is. JSON: <c>certain</c>, <c>possible</c>.</summary>
public enum Certainty
{
    /// <summary>The data proves the breach.</summary>
    Certain,

    /// <summary>The breach may have happened: entry times are known only from polling, or the author is unknown.</summary>
    Possible,
}
