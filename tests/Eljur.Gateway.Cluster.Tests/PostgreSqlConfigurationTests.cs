using System;
using System.IO;
using Microsoft.Extensions.DependencyInjection;

namespace Eljur.Gateway.Cluster.Tests;

/// <summary><c>storage.provider: postgresql</c> in the configuration: what is checked at start, before any database is reached.</summary>
public sealed class PostgreSqlConfigurationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("eljur-pgconfig-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("{ \"provider\": \"postgresql\" }", "connectionString")]
    [InlineData("{ \"provider\": \"postgresql\", \"connectionString\": \"это не строка подключения\" }", "строка подключения PostgreSQL")]
    public void AMissingOrBadConnectionStringIsAStartErrorNamingTheStorage(string storage, string expected)
    {
        var file = Path.Combine(_dir, "region.json");
        File.WriteAllText(file, """
            {
              "format": "eljur.gateway/1",
              "storage": STORAGE,
              "schools": [ { "id": "school46", "name": "МБОУ СОШ № 46", "timeZone": "Europe/Moscow", "connector": "eljur",
                             "options": { "baseUrl": "http://127.0.0.1:9/apiv3", "vendor": "school46", "devKey": "a1b2c3d4e5f60718293a4b5c6d7e8f90",
                                          "login": "zavuch", "password": "x", "timeZone": "Europe/Moscow" },
                             "policy": "lyceum68-ufa-2023" } ]
            }
            """.Replace("STORAGE", storage, StringComparison.Ordinal));

        var error = Assert.Throws<GatewayConfigurationException>(() => new ServiceCollection().AddGradebookGateway(file));

        Assert.Equal("$.storage", error.JsonPath);
        Assert.Contains(expected, error.Problem, StringComparison.Ordinal);
        Assert.Equal(file, error.FileName);
    }

    [Fact]
    public void PostgreSqlIsABuiltInStorageThatLocksOneSchoolPerSyncAndClusters()
    {
        var storage = new PostgreSqlGatewayStorage();
        var settings = new GatewayStorageSettings("postgresql", null, "Host=127.0.0.1;Port=1;Database=region;Username=eljur;Password=x");

        using var store = (Sync.PostgreSql.PostgreSqlGradebookStore)storage.OpenSyncStore(settings);
        var forSchool = Assert.IsType<Sync.PostgreSql.PostgreSqlGradebookStore>(storage.SyncStoreFor(store, "school46"));

        Assert.Equal("school46", forSchool.LockedSchool);
        Assert.Same(store, storage.OpenSyncStore(settings));
        Assert.True(storage.Clustered);
        Assert.Equal(int.MaxValue, storage.MaxConcurrentSyncs);
        Assert.Null(storage.Validate(settings));
    }
}
