namespace Eljur.Abstractions.Evaluation;

/// <summary>How serious a finding is. JSON: <c>error</c>, <c>warning</c>, <c>info</c>.</summary>
public enum Severity
{
    /// <summary>A breach of the regulation; makes <c>eljur check</c> exit with 1.</summary>
    Error,

    /// <summary>Worth a look; does not fail the check.</summary>
    Warning,

    /// <summary>For information only.</summary>
    Info,
}
