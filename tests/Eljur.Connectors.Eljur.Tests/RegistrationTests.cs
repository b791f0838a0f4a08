using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Connectors.Eljur.Tests.Mock;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Eljur.Connectors.Eljur.Tests;

/// <summary>AddEljur: the default name, named schools, configuration binding and the handler seam.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public void The_public_surface_is_AddEljur_and_the_options_class()
    {
        var exported = typeof(EljurConnectorOptions).Assembly.GetExportedTypes().Select(t => t.FullName).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(new[] { "Eljur.Connectors.Eljur.EljurConnectorOptions", "Microsoft.Extensions.DependencyInjection.EljurGradebookBuilderExtensions" }, exported);
        Assert.True(typeof(EljurConnectorOptions).IsSealed);
    }

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var o = new EljurConnectorOptions { Vendor = "school" };
        Assert.Equal("form", o.AuthMethod);
        Assert.Equal(5, o.WorkWeek);
        Assert.Equal(7, o.ChunkDays);
        Assert.Equal(4, o.MaxConcurrency);
        Assert.Equal(TimeSpan.FromSeconds(30), o.RequestTimeout);
        Assert.Equal(3, o.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(1), o.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), o.MaxRetryDelay);
        Assert.Equal("https://school.eljur.ru/apiv3", o.EffectiveBaseUrl);
    }

    [Fact]
    public void Without_a_name_the_instance_is_called_eljur()
    {
        var services = new ServiceCollection();
        services.AddGradebook().AddEljur(o => Valid(o, "http://localhost/apiv3"));
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IGradebookConnectorFactory>();
        Assert.Equal(new[] { "eljur" }, factory.Names);
        Assert.Equal("eljur", factory.Create("eljur").Id);
    }

    [Fact]
    public async Task Two_schools_bound_from_configuration_talk_to_their_own_hosts()
    {
        using var one = new EljurMockServer();
        using var two = new EljurMockServer();
        var json = $$"""
        {
          "Schools": {
            "gym7": { "BaseUrl": "{{one.BaseUrl}}", "Vendor": "{{MockSchool.Vendor}}", "DevKey": "{{MockSchool.DevKey}}", "Login": "{{MockSchool.TeacherLogin}}", "Password": "{{MockSchool.TeacherPassword}}", "TimeZone": "Asia/Yekaterinburg", "RequestTimeout": "00:00:05", "MaxConcurrency": 2, "WorkWeek": 6 },
            "lyceum": { "BaseUrl": "{{two.BaseUrl}}", "Vendor": "{{MockSchool.Vendor}}", "DevKey": "{{MockSchool.DevKey}}", "Login": "{{MockSchool.ParentLogin}}", "Password": "{{MockSchool.ParentPassword}}", "TimeZone": "Europe/Moscow", "AuthMethod": "json" }
          }
        }
        """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        services.AddGradebook()
            .AddEljur("gym7", configuration.GetSection("Schools:gym7"))
            .AddEljur("lyceum", configuration.GetSection("Schools:lyceum"));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();

        var bound = provider.GetRequiredService<IOptionsMonitor<EljurConnectorOptions>>().Get("gym7");
        Assert.Equal(TimeSpan.FromSeconds(5), bound.RequestTimeout);
        Assert.Equal(2, bound.MaxConcurrency);
        Assert.Equal(6, bound.WorkWeek);

        var factory = provider.GetRequiredService<IGradebookConnectorFactory>();
        var request = new FetchRequest { From = new DateTime(2024, 9, 2), To = new DateTime(2024, 9, 3) };
        var a = await factory.Create("gym7").FetchAsync(request);
        var b = await factory.Create("lyceum").FetchAsync(request);
        Assert.Equal("Asia/Yekaterinburg", a.School.TimeZone);
        Assert.Equal(6, a.School.WorkWeek);
        Assert.Equal(9, a.Students!.Count);
        Assert.Equal(2, b.Students!.Count); // the parent's two children
        Assert.Equal(1, one.CountOf("auth"));
        Assert.Equal(1, two.CountOf("auth"));
        Assert.Equal("POST", two.Calls.Single(c => c.Operation == "auth").Method);
    }

    [Fact]
    public void A_bad_configured_school_fails_on_start_naming_the_instance_and_property()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["S:Vendor"] = "gymnasium7",
            ["S:DevKey"] = "not-hex",
            ["S:Token"] = "t0ken-secret-value",
            ["S:TimeZone"] = "Europe/Moscow",
        }).Build();
        var services = new ServiceCollection();
        services.AddGradebook().AddEljur("gym7", configuration.GetSection("S"));
        using var provider = services.BuildServiceProvider();
        var ex = Assert.ThrowsAny<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("EljurConnectorOptions[gym7].DevKey: must be 32 hexadecimal digits.", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-hex", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_handler_seam_puts_the_integrators_handler_under_every_call()
    {
        using var mock = new EljurMockServer();
        var counting = new CountingHandler();
        var services = new ServiceCollection();
        services.AddGradebook().AddEljur("eljur", o =>
        {
            Valid(o, mock.BaseUrl);
            o.HttpMessageHandlerFactory = () => counting;
        });
        using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IGradebookConnectorFactory>().Create("eljur")
            .FetchAsync(new FetchRequest { From = new DateTime(2024, 9, 2), To = new DateTime(2024, 9, 2), Classes = new[] { "9Б" } });
        Assert.Equal(mock.Calls.Count, counting.Count);
        Assert.Equal(6, counting.Count); // auth, getrules, getperiods, getdiary, getmarks, getfinalassessments
    }

    private static void Valid(EljurConnectorOptions o, string baseUrl)
    {
        o.BaseUrl = baseUrl;
        o.Vendor = MockSchool.Vendor;
        o.DevKey = MockSchool.DevKey;
        o.Login = MockSchool.TeacherLogin;
        o.Password = MockSchool.TeacherPassword;
        o.TimeZone = "Europe/Moscow";
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _count;

        public CountingHandler()
            : base(new HttpClientHandler())
        {
        }

        public int Count => _count;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
