using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Eljur.Gateway.Health;

/// <summary>Ready when the sync store and the run history answer.</summary>
internal sealed class StoreHealthCheck : IHealthCheck
{
    private readonly GatewayRuntime _runtime;

    public StoreHealthCheck(GatewayRuntime runtime) => _runtime = runtime;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await _runtime.SyncStore.Value.GetSchoolIdsAsync(cancellationToken).ConfigureAwait(false);
            await _runtime.History.Value.LatestAsync(1, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("хранилище недоступно: " + ex.GetType().Name);
        }
    }
}
