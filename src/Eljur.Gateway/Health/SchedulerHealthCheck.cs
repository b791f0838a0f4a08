using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Eljur.Gateway.Health;

/// <summary>Ready when the scheduler runs.</summary>
internal sealed class SchedulerHealthCheck : IHealthCheck
{
    private readonly ISchedulerFactory _schedulers;

    public SchedulerHealthCheck(ISchedulerFactory schedulers) => _schedulers = schedulers;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await _schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        return scheduler.Status == SchedulerStatus.Running ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("планировщик не запущен: " + scheduler.Status);
    }
}
