using System;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Model;
using Eljur.Connectors.MosregPortal.Tests.Mock;
using Eljur.Connectors.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Eljur.Connectors.MosregPortal.Tests;

/// <summary>A portal mock and a connector registered against it through <c>AddGradebook().AddMosregPortal(…)</c>.</summary>
internal sealed class MosregFixture : IDisposable
{
    private readonly Action<MosregPortalOptions>? _configure;
    private ServiceProvider? _services;

    public MosregFixture(Action<MosregPortalOptions>? configure = null, MockSchool? school = null)
    {
        _configure = configure;
        Mock = new MosregMockServer(school);
    }

    public MosregMockServer Mock { get; }

    public TestClock Clock { get; } = new(new DateTimeOffset(2024, 10, 20, 9, 0, 0, TimeSpan.Zero));

    public CapturingLoggerProvider Logs { get; } = new();

    public ServiceProvider Services => _services ??= Build();

    public IGradebookConnector Connector => Services.GetRequiredService<IGradebookConnectorFactory>().Create("mosreg");

    public MosregConnector Mosreg => (MosregConnector)Connector;

    public Task<GradebookSnapshot> FetchAsync(DateTime from, DateTime to, CancellationToken cancellationToken = default) =>
        Connector.FetchAsync(new FetchRequest { From = from, To = to }, null, cancellationToken);

    public Task<GradebookSnapshot> FetchAsync() => FetchAsync(MockSchool.From, MockSchool.To);

    public void Dispose()
    {
        _services?.Dispose();
        Mock.Dispose();
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddGradebook().AddMosregPortal(o =>
        {
            MosregHarness.Configure(o, Mock);
            o.RequestTimeout = TimeSpan.FromSeconds(2);
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            o.MaxRetryDelay = TimeSpan.FromSeconds(2);
            _configure?.Invoke(o);
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
