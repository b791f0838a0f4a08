using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Synthetic;
using Eljur.Cli.Demo;
using Eljur.Cli.Infrastructure;
using Eljur.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Eljur.Cli.Commands;

/// <summary>
/// <c>eljur serve --config FILE [--urls URL] [--node NAME] [--run-now]</c>, <c>eljur serve --demo</c> and
/// <c>eljur serve hash-password PASSWORD</c>: a thin host over <see cref="GatewayServiceCollectionExtensions"/>.
/// </summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static Command Create(Console2 console, TimeProvider time)
    {
        var config = new Option<string?>("--config") { Description = "Файл конфигурации шлюза (eljur.gateway/1)" };
        var urls = new Option<string>("--urls") { Description = "Адрес, на котором слушать (по умолчанию " + DefaultUrl + ")", DefaultValueFactory = _ => DefaultUrl };
        var node = new Option<string?>("--node") { Description = "Имя этого узла в истории запусков (по умолчанию — имя компьютера)" };
        var runNow = new Option<bool>("--run-now") { Description = "Сразу при запуске поставить в очередь проверку каждой школы" };
        var metrics = new Option<bool>("--metrics") { Description = "Отдавать показатели работы шлюза по адресу /metrics (формат Prometheus; нужен вход или ключ API)" };
        var demo = new Option<bool>("--demo") { Description = "Демонстрация без файла: три небольшие школы с нарушениями, вход demo / demo" };
        var command = new Command("serve", "Шлюз: синхронизация и проверка многих школ по расписанию, история запусков, веб-страницы и JSON API")
        {
            config, urls, node, runNow, metrics, demo,
        };
        command.Validators.Add(result =>
        {
            var hasConfig = result.GetResult(config) is { Implicit: false };
            var isDemo = result.GetValue(demo);
            if (hasConfig == isDemo)
            {
                result.AddError("укажите --config ФАЙЛ или --demo (одно из двух)");
            }
        });
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(config), parse.GetValue(urls) ?? DefaultUrl, parse.GetValue(node), parse.GetValue(runNow), parse.GetValue(metrics), parse.GetValue(demo), console, time, cancellationToken));

        var password = new Argument<string>("PASSWORD") { Description = "Пароль или ключ API" };
        var hash = new Command("hash-password", "Напечатать хэш пароля или ключа API для passwordHash / hash в конфигурации (последняя строка вывода)") { password };
        hash.SetAction(parse =>
        {
            console.Out.WriteLine("Хэш для конфигурации шлюза (сам пароль в файл не пишите):");
            console.Out.WriteLine(GatewayPasswords.Hash(parse.GetValue(password)!));
            return ExitCodes.Ok;
        });
        command.Subcommands.Add(hash);
        return command;
    }

    private static async Task<int> RunAsync(string? configFile, string urls, string? node, bool runNow, bool metrics, bool demo, Console2 console, TimeProvider time, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = Array.Empty<string>(), ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(urls);
        // The gateway's runs in Russian on stdout (GatewayConsoleLoggerProvider); the framework's warnings and
        // errors as its console logger writes them; its start-up notes left out (the banner below says where to go).
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Information)
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Warning)
            .AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(GatewayConsoleLoggerProvider.RunsCategory, LogLevel.None)
            .AddProvider(new GatewayConsoleLoggerProvider(console, time));
        try
        {
            if (demo)
            {
                var file = DemoGateway.Prepare();
                builder.Services.AddGradebookGateway(file, o =>
                {
                    o.RunAtStart = true;
                    o.PrometheusMetrics = metrics;
                    o.Node = node ?? o.Node;
                    o.Time = DemoGateway.Clock;
                    o.Connectors[DemoGateway.ConnectorId] = DemoGateway.Connector;
                });
            }
            else
            {
                builder.Services.AddGradebookGateway(configFile!, o =>
                {
                    o.RunAtStart = runNow;
                    o.PrometheusMetrics = metrics;
                    o.Node = node ?? o.Node;
                    o.Time = time;
                });
            }
        }
        catch (GatewayConfigurationException ex)
        {
            console.Error.WriteLine("eljur: " + ex.Message);
            return ExitCodes.BadInput;
        }

        await using var app = builder.Build();
        app.MapGradebookGateway();
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            console.Error.WriteLine($"eljur: не удалось открыть {urls}: {ex.Message} (адрес занят? укажите другой в --urls)");
            return ExitCodes.BadInput;
        }

        console.Error.WriteLine($"Шлюз работает: {urls}" + (demo ? " — войдите как demo / demo" : "") + ". Остановить: Ctrl+C.");
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>The <c>--demo</c> gateway: three small schools from an in-process source, a user demo/demo, in a fresh temporary database.</summary>
    private static class DemoGateway
    {
        public const string ConnectorId = "demo";

        /// <summary>The demo data's "now" (runs are stamped in its school year), advancing from the moment the host starts.</summary>
        public static readonly TimeProvider Clock = new DemoClock(DemoSchool.AsOf);

        private static readonly Dictionary<string, Lazy<GradebookSnapshot>> Schools = new(StringComparer.Ordinal)
        {
            ["lyceum"] = new(() => DemoSchool.Build()),
            ["school2"] = new(() => Synthetic(2, 70)),
            ["school3"] = new(() => Synthetic(3, 110)),
        };

        public static string Prepare()
        {
            var folder = Path.Combine(Path.GetTempPath(), "eljur-serve-demo");
            Directory.CreateDirectory(folder);
            foreach (var old in Directory.GetFiles(folder, "gateway.db*"))
            {
                File.Delete(old);
            }

            var hash = GatewayPasswords.Hash("demo");
            var from = DemoSchool.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var to = DemoSchool.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            string School(string id, string name, string policy) =>
                $$"""{ "id": "{{id}}", "name": "{{name}}", "timeZone": "{{DemoSchool.TimeZone}}", "connector": "demo", "policy": "{{policy}}", "range": { "from": "{{from}}", "to": "{{to}}" } }""";
            var json = $$"""
                {
                  "format": "eljur.gateway/1",
                  "storage": { "provider": "sqlite", "path": "gateway.db" },
                  "users": [ { "login": "demo", "passwordHash": "{{hash}}", "access": "region" } ],
                  "schools": [
                    {{School("lyceum", "Лицей № 68 (демо)", DemoSchool.PolicyId)}},
                    {{School("school2", "Школа № 2 (демо)", "lyceum68-ufa-2023")}},
                    {{School("school3", "Гимназия № 3 (демо)", "belogorsk-eljur-2021")}}
                  ]
                }
                """;
            var file = Path.Combine(folder, "gateway.json");
            File.WriteAllText(file, json, new UTF8Encoding(false));
            return file;
        }

        public static IGradebookConnector Connector(string schoolId, IConfiguration options) => new Source(Schools[schoolId]);

        private static GradebookSnapshot Synthetic(int seed, int students) => SyntheticSnapshotGenerator.Generate(new SyntheticSnapshotOptions
        {
            Schools = 1,
            StudentsPerSchool = students,
            From = DemoSchool.From,
            To = DemoSchool.To,
            Seed = seed,
            LateEntryRate = 0.08,
            TimeZone = DemoSchool.TimeZone,
        });

        private sealed class Source : IGradebookConnector
        {
            private readonly Lazy<GradebookSnapshot> _snapshot;

            public Source(Lazy<GradebookSnapshot> snapshot) => _snapshot = snapshot;

            public string Id => ConnectorId;

            public IReadOnlyList<string> Capabilities => _snapshot.Value.Source.Capabilities.ToList();

            public Task<GradebookSnapshot> FetchAsync(FetchRequest request, IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default) =>
                Task.FromResult(_snapshot.Value);
        }

        private sealed class DemoClock : TimeProvider
        {
            private readonly TimeSpan _shift;

            public DemoClock(DateTimeOffset start) => _shift = start - DateTimeOffset.UtcNow;

            public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + _shift;
        }
    }
}
