using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Model;
using Eljur.Connectors.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Eljur.Connectors.Asiou.Tests;

public sealed class RegistrationTests : IDisposable
{
    private readonly AsiouHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Options_bind_from_a_configuration_section()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Asiou:ExportDirectory"] = _harness.Directory,
            ["Asiou:SchoolName"] = "СШ № 32",
            ["Asiou:Encoding"] = "utf-8",
            ["Asiou:Delimiter"] = "auto",
            ["Asiou:WorkWeek"] = "6",
            ["Asiou:TimeZone"] = "Europe/Moscow",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new TestClock(TestSupport.Now));
        new Builder(services).AddAsiou("bound", config.GetSection("Asiou"));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptionsMonitor<AsiouOptions>>().Get("bound");
        Assert.Equal(6, options.WorkWeek);
        var snapshot = await provider.GetRequiredService<IGradebookConnectorFactory>().Create("bound").FetchAsync(_harness.Request);
        Assert.Equal("СШ № 32", snapshot.School.Name);
        Assert.Equal(6, snapshot.School.WorkWeek);
    }

    [Fact]
    public void The_unnamed_registration_is_called_asiou()
    {
        var services = new ServiceCollection();
        new Builder(services).AddAsiou(_harness.Configure);
        using var provider = services.BuildServiceProvider();
        var connector = provider.GetRequiredService<IGradebookConnectorFactory>().Create("asiou");
        Assert.Equal("asiou", connector.Id);
        Assert.Contains(Capability.Marks, connector.Capabilities);
    }

    [Fact]
    public void A_bad_mapping_is_refused_on_start_with_its_reason()
    {
        var path = System.IO.Path.Combine(_harness.Directory, "typo.json");
        System.IO.File.WriteAllText(path, "{ \"marks\": { \"colums\": {} } }");
        var services = new ServiceCollection();
        new Builder(services).AddAsiou("typo", o =>
        {
            _harness.Configure(o);
            o.MappingFile = path;
        });
        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("AsiouOptions[typo].MappingFile", ex.Message);
        Assert.Contains("marks.colums", ex.Message);
    }

    private sealed class Builder : Eljur.Abstractions.DependencyInjection.IGradebookBuilder
    {
        public Builder(IServiceCollection services) => Services = services;

        public IServiceCollection Services { get; }
    }
}
