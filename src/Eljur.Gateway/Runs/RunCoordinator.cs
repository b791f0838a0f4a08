using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Sync;
using Quartz;

namespace Eljur.Gateway.Runs;

/// <summary>Accepts runs asked for now (<c>POST …/runs</c>, <c>--run-now</c>): records them as running, then hands them to the scheduler.</summary>
internal sealed class RunCoordinator
{
    private readonly GatewayRuntime _runtime;
    private readonly ISchedulerFactory _schedulers;

    public RunCoordinator(GatewayRuntime runtime, ISchedulerFactory schedulers)
    {
        _runtime = runtime;
        _schedulers = schedulers;
    }

    /// <summary>Queues a run of a school.</summary>
    /// <returns>The run's id, or null when one is running already.</returns>
    public async Task<string?> RequestAsync(string schoolId, string trigger, CancellationToken cancellationToken)
    {
        var time = _runtime.Options.Time;
        var run = new GatewayRun
        {
            Id = SchoolRunner.NewRunId(time),
            SchoolId = schoolId,
            Node = _runtime.Node,
            Trigger = trigger,
            StartedAt = time.GetUtcNow(),
        };
        if (!await _runtime.History.Value.TryBeginAsync(run, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var scheduler = await _schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var oneShot = TriggerBuilder.Create()
            .WithIdentity("run-" + run.Id, "runs")
            .ForJob(new JobKey(schoolId, GatewayScheduling.JobGroup))
            .UsingJobData(SchoolRunJob.RunKey, run.Id)
            .UsingJobData(SchoolRunJob.TriggerKey, trigger)
            .WithExecutionGroup(GatewayScheduling.ConnectorGroup(_runtime.Schools[schoolId].Connector))
            .StartNow()
            .Build();
        await scheduler.ScheduleJob(oneShot, default(ScheduleJobOptions), cancellationToken).ConfigureAwait(false);
        return run.Id;
    }
}
