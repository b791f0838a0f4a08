using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Eljur.Gateway.Cluster.Tests;

/// <summary>One gateway node: a host with the gateway on a configuration file, clustered on PostgreSQL with short check-ins.</summary>
internal sealed class ClusterNode
{
    private ClusterNode(string name, IHost host)
    {
        Name = name;
        Host = host;
    }

    public string Name { get; }

    public IHost Host { get; }

    public GatewayRuntime Runtime => Host.Services.GetRequiredService<GatewayRuntime>();

    public static async Task<ClusterNode> StartAsync(string configFile, string name, TimeSpan checkin, TimeSpan deadAfter)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGradebookGateway(configFile, o =>
        {
            o.Node = name;
            o.RetryDelays.Clear();
            o.StorageProviders.Add(new PostgreSqlGatewayStorage { CheckinInterval = checkin, CheckinMisfireThreshold = deadAfter });
        });
        var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        return new ClusterNode(name, host);
    }

    /// <summary>Stops the node as a crash would leave it: the work in flight is abandoned, nothing waits for it.</summary>
    public void Abandon() => _ = Task.Run(async () =>
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync().ConfigureAwait(false);
        try
        {
            await Host.StopAsync(cancelled.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A dead node's shutdown may fail in any way; nothing of it must matter.
        }
    });
}
