using Eljur.Abstractions.Policies;

namespace Eljur.Abstractions.Evaluation;

/// <summary>Parameters of a rule that takes none.</summary>
public sealed class NoParameters
{
    private NoParameters()
    {
    }

    /// <summary>The single instance.</summary>
    public static NoParameters Instance { get; } = new();

    /// <summary>Accepts an empty parameter set (anything in it is reported as unknown when binding ends).</summary>
    /// <param name="parameters">Raw parameters.</param>
    /// <returns>The instance.</returns>
    public static NoParameters Parse(RuleParameters parameters) => Instance;
}
