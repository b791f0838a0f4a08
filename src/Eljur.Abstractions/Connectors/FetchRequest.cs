using System;
using System.Collections.Generic;

namespace Eljur.Abstractions.Connectors;

/// <summary>What to fetch.</summary>
public sealed record FetchRequest
{
    /// <summary>First date (inclusive, school-local).</summary>
    public DateTime From { get; init; }

    /// <summary>Last date (inclusive, school-local).</summary>
    public DateTime To { get; init; }

    /// <summary>Restrict to these class names or ids (as the vendor knows them); null or empty means all visible.</summary>
    public IReadOnlyList<string>? Classes { get; init; }
}
