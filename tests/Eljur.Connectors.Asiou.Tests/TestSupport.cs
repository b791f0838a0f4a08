using System;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Model;
using Eljur.Connectors.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Eljur.Connectors.Asiou.Tests;

internal static class TestSupport
{
    public static readonly DateTimeOffset Now = new(2024, 11, 20, 7, 0, 0, TimeSpan.Zero);

    /// <summary>Registers the connector over <paramref name="directory"/>, resolves it and fetches.</summary>
    public static Task<GradebookSnapshot> FetchAsync(string directory, Action<AsiouOptions>? configure = null, FetchRequest? request = null) =>
        Connector(directory, configure).FetchAsync(request ?? new FetchRequest { From = new DateTime(2024, 9, 1), To = new DateTime(2024, 9, 30) });

    public static IGradebookConnector Connector(string directory, Action<AsiouOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new TestClock(Now));
        new Builder(services).AddAsiou("test", o =>
        {
            o.ExportDirectory = directory;
            o.TimeZone = "Europe/Moscow";
            o.SchoolName = "Средняя школа № 32";
            configure?.Invoke(o);
        });
        var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IGradebookConnectorFactory>().Create("test");
    }

    /// <summary>Fetches and expects an input failure.</summary>
    public static async Task<ConnectorException> FailsAsync(string directory, Action<AsiouOptions>? configure = null)
    {
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => FetchAsync(directory, configure));
        Assert.Equal(ConnectorFailureKind.Input, ex.Kind);
        Assert.Equal("asiou", ex.Connector);
        Assert.DoesNotContain('\n', ex.Message);
        return ex;
    }

    private sealed class Builder : Eljur.Abstractions.DependencyInjection.IGradebookBuilder
    {
        public Builder(IServiceCollection services) => Services = services;

        public IServiceCollection Services { get; }
    }
}
