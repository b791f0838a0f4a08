using System;
using System.Collections.Generic;
using System.IO;
using Eljur.Connectors.Eljur.Tests.Mock;

namespace Eljur.Gateway.Tests;

/// <summary>Two schools, each served by its own ЭлЖур vendor double, in a configuration file with secrets from the environment.</summary>
internal sealed class TwoSchools : IDisposable
{
    public const string Policy = "lyceum68-ufa-2023";
    public const string RegionLogin = "region";
    public const string RegionPassword = "Пароль-региона-1";
    public const string SchoolLogin = "zavuch";
    public const string SchoolPassword = "Пароль-завуча-2";
    public const string ApiKey = "key-9f8e7d6c5b4a";
    public static readonly DateTime From = new(2024, 9, 2);
    public static readonly DateTime To = new(2024, 10, 27);

    public TwoSchools()
    {
        Folder = Directory.CreateTempSubdirectory("eljur-gateway-").FullName;
        Alpha = new EljurMockServer();
        Beta = new EljurMockServer();
        Environment = new Dictionary<string, string>
        {
            ["GW_DEVKEY"] = MockSchool.DevKey,
            ["GW_PASSWORD"] = MockSchool.TeacherPassword,
        };
        ConfigFile = Path.Combine(Folder, "gateway.json");
        File.WriteAllText(ConfigFile, Config());
    }

    /// <summary>One clock for every host of a test, so runs of successive hosts keep their order.</summary>
    public ShiftedClock Clock { get; } = new(new DateTimeOffset(2024, 11, 20, 7, 0, 0, TimeSpan.Zero));

    public string Folder { get; }

    public string ConfigFile { get; }

    public string Database => Path.Combine(Folder, "gateway.db");

    public EljurMockServer Alpha { get; }

    public EljurMockServer Beta { get; }

    public Dictionary<string, string> Environment { get; }

    /// <summary>The configured secrets that must never show.</summary>
    public IEnumerable<string> Secrets => new[] { MockSchool.DevKey, MockSchool.TeacherPassword, RegionPassword, SchoolPassword, ApiKey };

    public void Configure(GatewayOptions o)
    {
        o.Environment = name => Environment.TryGetValue(name, out var v) ? v : null;
        o.Time = Clock;
    }

    public void Dispose()
    {
        Alpha.Dispose();
        Beta.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Config() => $$"""
        {
          "format": "eljur.gateway/1",
          "storage": { "provider": "sqlite", "path": "gateway.db" },
          "limits": { "syncsInFlight": 2, "perConnector": { "eljur": 2 } },
          "users": [
            { "login": "{{RegionLogin}}", "passwordHash": "{{GatewayPasswords.Hash(RegionPassword)}}", "access": "region" },
            { "login": "{{SchoolLogin}}", "passwordHash": "{{GatewayPasswords.Hash(SchoolPassword)}}", "access": ["alpha"] }
          ],
          "apiKeys": [ { "name": "monitoring", "hash": "{{GatewayPasswords.Hash(ApiKey)}}", "access": "region" } ],
          "schools": [
            {{School("alpha", "МБОУ СОШ № 46", Alpha)}},
            {{School("beta", "Гимназия № 7", Beta)}}
          ]
        }
        """;

    private static string School(string id, string name, EljurMockServer server) => $$"""
        {
          "id": "{{id}}", "name": "{{name}}", "timeZone": "Europe/Moscow", "workWeek": 5,
          "connector": "eljur",
          "options": { "baseUrl": "{{server.BaseUrl}}", "vendor": "{{MockSchool.Vendor}}", "devKey": "${GW_DEVKEY}",
                       "login": "{{MockSchool.TeacherLogin}}", "password": "${GW_PASSWORD}",
                       "maxRetries": 1, "retryBaseDelay": "00:00:00.020", "requestTimeout": "00:00:10" },
          "policy": "{{Policy}}",
          "schedule": "0 30 2 * * ?",
          "range": { "from": "{{From:yyyy-MM-dd}}", "to": "{{To:yyyy-MM-dd}}" }
        }
        """;
}
