using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Sync;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Eljur.Gateway.Runs;

/// <summary>
/// The durable Quartz job of one school (job key = school id). Never two at once for a school; a
/// failed run throws, so the scheduler's retry policy runs it again with back-off.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SchoolRunJob : IJob
{
    public const string SchoolKey = "school";
    public const string RunKey = "runId";
    public const string TriggerKey = "trigger";

    private readonly SchoolRunner _runner;
    private readonly IHostApplicationLifetime _lifetime;

    public SchoolRunJob(SchoolRunner runner, IHostApplicationLifetime lifetime)
    {
        _runner = runner;
        _lifetime = lifetime;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var school = data.GetString(SchoolKey)!;
        var runId = context.RetryAttempt > 0 ? null : data.GetString(RunKey);
        var trigger = data.GetString(TriggerKey) ?? "schedule";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.ApplicationStopping);
        var run = await _runner.RunAsync(school, runId, trigger, stop.Token, context.Recovering).ConfigureAwait(false);
        if (run is { Status: GatewayRunStatus.SourceFailed or GatewayRunStatus.Failed } && !stop.IsCancellationRequested)
        {
            throw new JobExecutionException("run " + run.Id + " ended " + run.Status);
        }
    }
}
