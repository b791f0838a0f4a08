using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Gateway.Access;
using Eljur.Gateway.Web;
using Microsoft.AspNetCore.Authorization;

namespace Eljur.Gateway.Pages;

/// <summary><c>/</c>: the caller's schools with their last run, sortable by link.</summary>
[Authorize(Policy = GatewayAuth.Scheme)]
internal sealed class IndexModel : GatewayPageModel
{
    private readonly SchoolAccess _access;
    private readonly GatewayRuntime _runtime;

    public IndexModel(SchoolAccess access, GatewayRuntime runtime)
    {
        _access = access;
        _runtime = runtime;
        Title = "Школы";
    }

    public List<OverviewPage.Row> Rows { get; private set; } = new();

    public string? Sort { get; private set; }

    public bool Desc { get; private set; }

    public async Task OnGetAsync(string? sort, string? desc, CancellationToken ct)
    {
        var latest = await _runtime.History.Value.LatestAsync(10, ct).ConfigureAwait(false);
        Sort = System.Array.IndexOf(OverviewPage.Sorts, sort) >= 0 ? sort : null;
        Desc = desc == "1";
        Rows = OverviewPage.Order(OverviewPage.Rows(_access.Visible(User), latest), Sort, Desc);
    }
}
