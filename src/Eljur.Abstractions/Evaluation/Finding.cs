using System;

namespace Eljur.Abstractions.Evaluation;

/// <summary>One breach (or possible breach) of a rule of a policy.</summary>
public sealed record Finding
{
    /// <summary>Rule id, e.g. <c>written-mark-entry</c>.</summary>
    public string Rule { get; init; } = "";

    /// <summary>Clause of the local act the rule enforces, e.g. <c>5.4</c>.</summary>
    public string? Clause { get; init; }

    /// <summary>Severity.</summary>
    public Severity Severity { get; init; }

    /// <summary>Certainty.</summary>
    public Certainty Certainty { get; init; }

    /// <summary>Which part failed, e.g. <c>missing</c>, <c>late</c>.</summary>
    public string Aspect { get; init; } = "";

    /// <summary>The record concerned.</summary>
    public FindingEntity Entity { get; init; } = new("", "");

    /// <summary>The deadline, for deadline rules, in the school's offset.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>What was observed (the entry time), in the school's offset; absent for <c>missing</c>.</summary>
    public DateTimeOffset? Observed { get; init; }

    /// <summary>Human-readable explanation in Russian.</summary>
    public string Message { get; init; } = "";
}
