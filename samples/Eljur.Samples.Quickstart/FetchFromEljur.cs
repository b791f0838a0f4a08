using System;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Eljur.Samples.Quickstart;

/// <summary>
/// The README's second example: fetching a school from ЭлЖур instead of reading a file. One named
/// connector instance per school; secrets come from configuration, never from code.
/// </summary>
public static class FetchFromEljur
{
    /// <summary>Fetches one school's first quarter of 2024/2025.</summary>
    public static async Task<GradebookSnapshot> FetchAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddGradebook()
            .AddEljur("school-12", o =>
            {
                o.BaseUrl = "https://school12.eljur.ru/apiv3";
                o.Vendor = "school12";
                o.DevKey = configuration["Eljur:DevKey"];
                o.Login = configuration["Eljur:Login"];
                o.Password = configuration["Eljur:Password"];
                o.TimeZone = "Asia/Yekaterinburg";
            });
        using var provider = services.BuildServiceProvider();

        var connector = provider.GetRequiredService<IGradebookConnectorFactory>().Create("school-12");
        return await connector.FetchAsync(new FetchRequest { From = new DateTime(2024, 9, 2), To = new DateTime(2024, 10, 27) }, null, cancellationToken);
    }
}
