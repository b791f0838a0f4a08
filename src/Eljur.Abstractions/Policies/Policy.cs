using System;
using System.Collections.Generic;

namespace Eljur.Abstractions.Policies;

/// <summary>A school's regulation as data: rule uses with parameters and clause references (<c>eljur.policy/1</c>).</summary>
public sealed record Policy
{
    /// <summary>The policy file format identifier.</summary>
    public const string FormatId = "eljur.policy/1";

    /// <summary>Policy id, e.g. <c>lyceum68-ufa-2023</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>Title in Russian.</summary>
    public string Title { get; init; } = "";

    /// <summary>Longer description.</summary>
    public string? Description { get; init; }

    /// <summary>The local act the policy encodes (name, school, date).</summary>
    public string? Document { get; init; }

    /// <summary>What the policy assumes where the document is silent.</summary>
    public IReadOnlyList<string> Assumptions { get; init; } = Array.Empty<string>();

    /// <summary>The rule and metric uses, in order.</summary>
    public IReadOnlyList<RuleUse> Uses { get; init; } = Array.Empty<RuleUse>();
}
