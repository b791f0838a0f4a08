using System;

namespace Eljur.Abstractions.Evaluation;

/// <summary>One breach (or possible breach) of a rule of a policy.</summary>
/// <remarks>
/// A rule may give the Russian message as a function (<see cref="RuleContext.Report(string, FindingEntity, Func{string}, Certainty, DateTimeOffset?, DateTimeOffset?, Severity, ResponsibleStaff)"/>):
/// the text is then composed the first time <see cref="Message"/> is read, and kept. A large report is
/// mostly counted, filtered and sorted before anything is printed, so a check that finds fifty thousand
/// late marks does not format fifty thousand sentences that nobody reads; a report writer reads every
/// message and pays for them then. Equality compares the message text, however it was given.
/// </remarks>
public sealed record Finding
{
    private string? _message;
    private FindingMessage? _compose;

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

    /// <summary>
    /// The staff member who must put the finding right (<c>rules.md</c>, «Who is responsible»), computed once
    /// by the engine when the finding is reported; <see langword="null"/> means the school's administration.
    /// </summary>
    public ResponsibleStaff? Responsible { get; init; }

    /// <summary>Human-readable explanation in Russian (composed on first read when the rule gave a function).</summary>
    public string Message
    {
        get
        {
            if (_message is { } text)
            {
                return text;
            }

            // Two threads may compose it at once; both get the same text, and either is kept.
            text = _compose?.Compose() ?? "";
            _message = text;
            return text;
        }

        init
        {
            _message = value ?? "";
            _compose = null;
        }
    }

    /// <summary>Composes <see cref="Message"/> on first read (set by <see cref="RuleContext"/>).</summary>
    internal FindingMessage ComposeWith
    {
        init
        {
            _compose = value;
            _message = null;
        }
    }

    /// <summary>Whether the message text exists yet (tests and benchmarks look).</summary>
    internal bool IsMessageComposed => _message is not null;

    /// <inheritdoc />
    public bool Equals(Finding? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (string.Equals(Rule, other.Rule, StringComparison.Ordinal)
                && string.Equals(Clause, other.Clause, StringComparison.Ordinal)
                && Severity == other.Severity
                && Certainty == other.Certainty
                && string.Equals(Aspect, other.Aspect, StringComparison.Ordinal)
                && Entity.Equals(other.Entity)
                && Nullable.Equals(Deadline, other.Deadline)
                && Nullable.Equals(Observed, other.Observed)
                && Equals(Responsible, other.Responsible)
                && string.Equals(Message, other.Message, StringComparison.Ordinal)));

    /// <inheritdoc />
    public override int GetHashCode()
    {
        // The message is left out: equal findings have equal messages, and hashing needs no text.
        unchecked
        {
            var hash = StringComparer.Ordinal.GetHashCode(Rule);
            hash = (hash * 397) ^ (Clause is null ? 0 : StringComparer.Ordinal.GetHashCode(Clause));
            hash = (hash * 397) ^ (int)Severity;
            hash = (hash * 397) ^ (int)Certainty;
            hash = (hash * 397) ^ StringComparer.Ordinal.GetHashCode(Aspect);
            hash = (hash * 397) ^ Entity.GetHashCode();
            hash = (hash * 397) ^ Deadline.GetHashCode();
            return (hash * 397) ^ Observed.GetHashCode();
        }
    }
}
