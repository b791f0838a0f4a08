using System;
using System.Collections.Generic;
using System.Linq;

namespace Eljur.Gateway.Configuration;

/// <summary>Which schools a user or key may see: the whole region, or the listed schools.</summary>
internal sealed record AccessScope(bool Region, IReadOnlyCollection<string> Schools)
{
    public static AccessScope Everything { get; } = new(true, Array.Empty<string>());

    public bool Allows(string schoolId) => Region || Schools.Contains(schoolId, StringComparer.Ordinal);

    /// <summary>The claim value: <c>region</c> or the school ids joined by commas.</summary>
    public string ToClaim() => Region ? "region" : string.Join(",", Schools);

    public static AccessScope FromClaim(string? value) =>
        value == "region" ? Everything : new AccessScope(false, (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));
}
