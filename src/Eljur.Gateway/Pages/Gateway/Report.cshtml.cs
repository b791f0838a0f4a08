using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Gateway.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Eljur.Gateway.Pages;

/// <summary><c>/schools/{id}/runs/{runId}/report.{html|json|md}</c>: a run's report as a download.</summary>
[Authorize(Policy = GatewayAuth.Scheme)]
internal sealed class ReportModel : GatewayPageModel
{
    private readonly SchoolAccess _access;
    private readonly GatewayRuntime _runtime;

    public ReportModel(SchoolAccess access, GatewayRuntime runtime)
    {
        _access = access;
        _runtime = runtime;
    }

    public async Task<IActionResult> OnGetAsync(string id, string runId, string kind, CancellationToken ct)
    {
        var type = kind switch
        {
            "html" => "text/html; charset=utf-8",
            "json" => "application/json; charset=utf-8",
            "md" => "text/markdown; charset=utf-8",
            _ => null,
        };
        var run = await _runtime.History.Value.GetAsync(runId, ct).ConfigureAwait(false);
        if (_access.Find(User, id) is null || type is null || run is null || run.SchoolId != id)
        {
            return NotFoundPage();
        }

        var text = await _runtime.History.Value.GetDocumentAsync(runId, kind, ct).ConfigureAwait(false);
        if (text is null)
        {
            return NotFoundPage("У этого запуска нет отчёта: проверка не выполнялась.");
        }

        Response.Headers["X-Content-Type-Options"] = "nosniff";
        return File(Encoding.UTF8.GetBytes(text), type, $"eljur-{id}-{run.StartedAt:yyyyMMdd-HHmm}.{kind}");
    }
}
