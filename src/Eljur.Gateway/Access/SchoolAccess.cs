using System.Collections.Generic;
using System.Linq;
using System.Security.Claims;
using Eljur.Gateway.Configuration;

namespace Eljur.Gateway.Access;

/// <summary>
/// The one place that decides which schools a caller sees, for the pages and the API alike: a school
/// outside the caller's access does not exist for them (404).
/// </summary>
internal sealed class SchoolAccess
{
    private readonly GatewayRuntime _runtime;

    public SchoolAccess(GatewayRuntime runtime) => _runtime = runtime;

    public IReadOnlyList<SchoolSettings> Visible(ClaimsPrincipal user)
    {
        var scope = Scope(user);
        return scope is null ? new List<SchoolSettings>() : _runtime.Settings.Schools.Where(s => scope.Allows(s.Id)).ToList();
    }

    /// <summary>The school when the caller may see it; null means 404.</summary>
    public SchoolSettings? Find(ClaimsPrincipal user, string schoolId) =>
        Scope(user) is { } scope && scope.Allows(schoolId) && _runtime.Schools.TryGetValue(schoolId, out var school) ? school : null;

    private static AccessScope? Scope(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirst(GatewayAuth.AccessClaim) is { } claim ? AccessScope.FromClaim(claim.Value) : null;
}
