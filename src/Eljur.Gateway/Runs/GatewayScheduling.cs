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
        storage.ConfigureJobStore(q, settings.Storage);
        if (storage.Clustered)
        {
            ConfigureCluster(q, settings, options);
        }
        if (options.RetryDelays.Count > 0)
        {
            q.UseDefaultRetryPolicy(RetryPolicy.Explicit(options.RetryDelays.ToList()));
        }

        foreach (var school in settings.Schools)
        {
            var key = new JobKey(school.Id, JobGroup);
            q.AddJob<SchoolRunJob>(j => j.WithIdentity(key).StoreDurably().RequestRecovery().UsingJobData(SchoolRunJob.SchoolKey, school.Id));
            var zone = SchoolTimeZone.Resolve(school.TimeZone);
            q.AddTrigger(t => t
                .WithIdentity(school.Id + "-schedule", JobGroup)
                .ForJob(key)
                .UsingJobData(SchoolRunJob.TriggerKey, "schedule")
                .WithExecutionGroup(ConnectorGroup(school.Connector))
                .WithCronSchedule(school.Schedule, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        }
    }

    /// <summary>The execution group of a school's runs: its connector, whose limit counts across the cluster.</summary>
    public static string ConnectorGroup(string connector) => "connector:" + connector;

    /// <summary>
    /// A cluster: this node's Quartz instance id is its <c>--node</c> name (generated when none was given), and
    /// <c>limits.perConnector</c> becomes a cluster-wide execution limit — Quartz counts a connector's runs in
    /// flight on every node from the job store's fired-trigger rows, so N nodes never exceed it together.
    /// </summary>
    private static void ConfigureCluster(IQuartzBuilder q, GatewaySettings settings, GatewayOptions options)
    {
        q.ConfigureScheduler(s =>
        {
            // Runs another node accepted are noticed within seconds rather than Quartz's default 30.
            s.IdleWaitTime = System.TimeSpan.FromSeconds(2);
            if (string.Equals(options.Node, System.Environment.MachineName, System.StringComparison.Ordinal))
            {
                s.GenerateInstanceId = true;
            }
            else
            {
                s.InstanceId = options.Node;
            }
        });
        if (settings.PerConnector.Count > 0)
        {
            q.UseExecutionLimits(limits =>
            {
                foreach (var (connector, limit) in settings.PerConnector)
                {
                    limits.ForGroup(ConnectorGroup(connector), limit, ExecutionLimitScope.Cluster);
                }
            });
        }
    }
}
