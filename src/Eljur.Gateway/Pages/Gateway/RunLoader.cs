using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Sync;
using Eljur.Gateway.Runs;

namespace Eljur.Gateway.Pages;

/// <summary>A school's recent runs, its last successful one and that run's findings, as the school and teacher pages show them.</summary>
internal sealed record RunLoader(IReadOnlyList<GatewayRun> Runs, GatewayRun? LastOk, RunView? View)
{
    public static async Task<RunLoader> LoadAsync(GatewayRuntime runtime, string schoolId, CancellationToken ct)
    {
        var runs = await runtime.History.Value.ListAsync(schoolId, 50, ct).ConfigureAwait(false);
        var lastOk = runs.FirstOrDefault(r => r.Status == GatewayRunStatus.Ok);
        RunView? view = null;
        if (lastOk is not null && await runtime.History.Value.GetDocumentAsync(lastOk.Id, GatewayRunDocuments.ViewKind, ct).ConfigureAwait(false) is { } json)
        {
            view = JsonSerializer.Deserialize<RunView>(json);
        }

        return new RunLoader(runs, lastOk, view);
    }
}
