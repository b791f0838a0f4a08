using System;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Gateway.Access;
using Eljur.Gateway.Runs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Eljur.Gateway.Pages;

/// <summary><c>POST /schools/{id}/run</c>: the «run the check now» button; back to the school page.</summary>
[Authorize(Policy = GatewayAuth.Scheme)]
internal sealed class RunModel : GatewayPageModel
{
    private readonly SchoolAccess _access;
    private readonly RunCoordinator _runs;

    public RunModel(SchoolAccess access, RunCoordinator runs)
    {
        _access = access;
        _runs = runs;
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (_access.Find(User, id) is null)
        {
            return NotFoundPage();
        }

        await _runs.RequestAsync(id, "manual", ct).ConfigureAwait(false);
        return Redirect("/schools/" + Uri.EscapeDataString(id));
    }
}
