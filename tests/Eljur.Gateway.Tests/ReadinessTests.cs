using System;
using System.IO;
using System.Net;
using System.Threading.Tasks;

namespace Eljur.Gateway.Tests;

/// <summary><c>/health/ready</c> follows the store: 200 while it answers, 503 while it is unreachable.</summary>
public sealed class ReadinessTests : IDisposable
{
    private readonly TwoSchools _schools = new();

    [Fact]
    public async Task Ready_is_503_while_the_store_is_unreachable_and_200_when_it_answers()
    {
        var config = Path.Combine(_schools.Folder, "switchable.json");
        File.WriteAllText(config, File.ReadAllText(_schools.ConfigFile)
            .Replace("\"provider\": \"sqlite\"", "\"provider\": \"" + SwitchableStorage.ProviderName + "\"", StringComparison.Ordinal));
        var storage = new SwitchableStorage();
        await using var host = await GatewayHost.StartAsync(config, o =>
        {
            _schools.Configure(o);
            o.StorageProviders.Add(storage);
        });
        var client = host.Client();

        await host.GetStringAsync(client, "/health/ready", HttpStatusCode.OK);
        storage.Down = true;
        var down = await host.GetStringAsync(client, "/health/ready", HttpStatusCode.ServiceUnavailable);
        await host.GetStringAsync(client, "/health/live", HttpStatusCode.OK);
        storage.Down = false;
        await host.GetStringAsync(client, "/health/ready", HttpStatusCode.OK);

        foreach (var secret in _schools.Secrets)
        {
            Assert.DoesNotContain(secret, down, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ready_is_503_while_the_sqlite_file_cannot_be_opened()
    {
        await using var host = await GatewayHost.StartAsync(_schools.ConfigFile, _schools.Configure);
        var client = host.Client();
        await host.WaitForStatusAsync(client, "/health/ready", HttpStatusCode.OK, "before the file moves");

        // The database path turns into a folder (the file moved away): SQLite cannot open it. The pools are
        // cleared after the move too, so no connection opened to the file before it moved can answer for it
        // (readiness is the state the check converges to, so it is polled for a while, not read once).
        var aside = _schools.Database + ".aside";
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Move(_schools.Database, aside);
        Directory.CreateDirectory(_schools.Database);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await host.WaitForStatusAsync(client, "/health/ready", HttpStatusCode.ServiceUnavailable, "while the path is a folder");

        Directory.Delete(_schools.Database);
        File.Move(aside, _schools.Database);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await host.WaitForStatusAsync(client, "/health/ready", HttpStatusCode.OK, "after the file is back");
    }

    public void Dispose() => _schools.Dispose();
}
