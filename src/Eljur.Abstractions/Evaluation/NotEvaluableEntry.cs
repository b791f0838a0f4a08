using System.Collections.Generic;

namespace Eljur.Abstractions.Evaluation;

/// <summary>A rule (or one aspect of it) the snapshot's source could not provide the data for.</summary>
public sealed record NotEvaluableEntry
{
    /// <summary>Rule or metric id.</summary>
    public string Rule { get; init; } = "";

    /// <summary>The aspect that could not be evaluated; <see langword="null"/> for the whole rule.</summary>
    public string? Aspect { get; init; }

    /// <summary>The missing capabilities.</summary>
    public IReadOnlyList<string> Missing { get; init; } = new List<string>();
}
