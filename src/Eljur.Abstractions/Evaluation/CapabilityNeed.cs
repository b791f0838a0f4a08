using System;
using System.Collections.Generic;

namespace Eljur.Abstractions.Evaluation;

/// <summary>
/// Capabilities a rule needs, for the whole rule (<see cref="Aspect"/> null) or for one aspect.
/// All of <see cref="AllOf"/> must be declared, and at least one of <see cref="AnyOf"/> when it is not empty.
/// </summary>
public sealed record CapabilityNeed
{
    /// <summary>Creates a need.</summary>
    /// <param name="aspect">Aspect, or null for the whole rule.</param>
    /// <param name="allOf">Capabilities all required.</param>
    public CapabilityNeed(string? aspect, params string[] allOf)
    {
        Aspect = aspect;
        AllOf = allOf ?? Array.Empty<string>();
    }

    /// <summary>Aspect, or null for the whole rule.</summary>
    public string? Aspect { get; }

    /// <summary>Capabilities all required.</summary>
    public IReadOnlyList<string> AllOf { get; }

    /// <summary>Capabilities of which one is enough (empty: no such condition).</summary>
    public IReadOnlyList<string> AnyOf { get; init; } = Array.Empty<string>();
}
