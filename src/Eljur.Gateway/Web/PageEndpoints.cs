using Microsoft.AspNetCore.Routing;

namespace Eljur.Gateway.Web;

/// <summary>The pages (placeholder until the pages land).</summary>
internal static class PageEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        _ = app;
    }
}
