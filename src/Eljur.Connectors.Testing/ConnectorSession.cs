using System;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.DependencyInjection;
using Eljur.Abstractions.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Eljur.Connectors.Testing;

/// <summary>
/// A connector resolved the way an application resolves it: registered on a bare service
/// collection (plus a log capture and a fixed clock), built with scope and build-time validation,
/// and created through <see cref="IGradebookConnectorFactory"/>.
/// </summary>
public sealed class ConnectorSession : IDisposable
{
    private ConnectorSession(ServiceProvider services, string name, CapturingLoggerProvider logs)
    {
        Services = services;
        Name = name;
        Logs = logs;
        Connector = services.GetRequiredService<IGradebookConnectorFactory>().Create(name);
    }

    /// <summary>The service provider.</summary>
    public ServiceProvider Services { get; }

    /// <summary>The instance name.</summary>
    public string Name { get; }

    /// <summary>The connector.</summary>
    public IGradebookConnector Connector { get; }

    /// <summary>Everything the connector logged.</summary>
    public CapturingLoggerProvider Logs { get; }

    /// <summary>Registers the harness's connector and resolves it.</summary>
    /// <param name="harness">The harness.</param>
    /// <param name="settings">Resilience settings.</param>
    /// <param name="clock">The clock to register as <see cref="TimeProvider"/> (the fixed clock of the suite).</param>
    /// <param name="name">Instance name.</param>
    /// <returns>The session.</returns>
    public static ConnectorSession Open(ConnectorHarness harness, ConformanceSettings settings, TimeProvider clock, string name = "conformance")
    {
        if (harness is null)
        {
            throw new ArgumentNullException(nameof(harness));
        }

        var services = new ServiceCollection();
        var logs = new CapturingLoggerProvider();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton(clock);
        harness.Register(new ServicesBuilder(services), name, settings);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            return new ConnectorSession(provider, name, logs);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    /// <summary>Fetches the harness's request.</summary>
    /// <param name="request">What to fetch.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The snapshot.</returns>
    public Task<GradebookSnapshot> FetchAsync(FetchRequest request, CancellationToken cancellationToken = default) =>
        Connector.FetchAsync(request, null, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => Services.Dispose();

    /// <summary>A gradebook builder over a plain service collection, as a connector package sees it.</summary>
    internal sealed class ServicesBuilder : IGradebookBuilder
    {
        public ServicesBuilder(IServiceCollection services) => Services = services;

        public IServiceCollection Services { get; }
    }
}

/// <summary>
/// A clock whose "now" is set by the test while its timers are real, so snapshots are comparable
/// (a fixed <c>fetchedAt</c>) and retries still wait.
/// </summary>
public sealed class TestClock : TimeProvider
{
    /// <summary>Creates the clock.</summary>
    /// <param name="now">The moment it tells until changed.</param>
    public TestClock(DateTimeOffset now) => Now = now;

    /// <summary>The moment the clock tells.</summary>
    public DateTimeOffset Now { get; set; }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
