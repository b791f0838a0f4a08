using System;
using System.Linq;
using Eljur.Abstractions.Time;
using Eljur.Gateway.Configuration;
using Quartz;

namespace Eljur.Gateway.Runs;

/// <summary>The scheduler's setup: one durable job per school, its cron trigger in the school's zone, the node's thread limit, the job store and the retry policy.</summary>
internal static class GatewayScheduling
{
    public const string JobGroup = "schools";

    public static void Configure(IQuartzBuilder q, GatewaySettings settings, IGatewayStorageProvider storage, GatewayOptions options)
    {
        q.UseDefaultThreadPool(settings.SyncsInFlight);
        q.UseTimeProvider(options.Time);
        storage.ConfigureJobStore(q, settings.Storage);
        if (options.RetryDelays.Count > 0)
        {
            q.UseDefaultRetryPolicy(RetryPolicy.Explicit(options.RetryDelays.ToList()));
        }

        foreach (var school in settings.Schools)
        {
            var key = new JobKey(school.Id, JobGroup);
            q.AddJob<SchoolRunJob>(j => j.WithIdentity(key).StoreDurably().UsingJobData(SchoolRunJob.SchoolKey, school.Id));
            var zone = SchoolTimeZone.Resolve(school.TimeZone);
            q.AddTrigger(t => t
                .WithIdentity(school.Id + "-schedule", JobGroup)
                .ForJob(key)
                .UsingJobData(SchoolRunJob.TriggerKey, "schedule")
                .WithCronSchedule(school.Schedule, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        }
    }
}
