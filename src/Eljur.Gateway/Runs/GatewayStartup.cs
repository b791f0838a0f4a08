using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace Eljur.Gateway.Runs;

/// <summary>At start: runs this node left running when it died are recorded as interrupted; with <c>--run-now</c>, every school is queued.</summary>
internal sealed class GatewayStartup : IHostedService
{
    private readonly GatewayRuntime _runtime;
    private readonly RunCoordinator _coordinator;

    public GatewayStartup(GatewayRuntime runtime, RunCoordinator coordinator)
    {
        _runtime = runtime;
        _coordinator = coordinator;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _runtime.History.Value.AbandonAsync(_runtime.Node, RunReasons.InterruptedAtStart, _runtime.Options.Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (_runtime.Options.RunAtStart)
        {
            foreach (var school in _runtime.Settings.Schools)
            {
                await _coordinator.RequestAsync(school.Id, "start", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
