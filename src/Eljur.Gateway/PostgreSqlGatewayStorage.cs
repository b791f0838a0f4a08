using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Sync;
using Eljur.Sync.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Quartz;

namespace Eljur.Gateway;

/// <summary>
/// <c>storage.provider: postgresql</c>: the sync store, the run history and the scheduler's jobs in one
/// PostgreSQL database shared by every node. Quartz's ADO.NET job store runs clustered on our migrated
/// tables: a node that stops checking in is declared dead after <see cref="CheckinMisfireThreshold"/> and
/// another node recovers its running jobs. Syncs lock one school each (an advisory lock), so a node runs
/// several at once and nodes never sync the same school together.
/// </summary>
internal sealed class PostgreSqlGatewayStorage : IGatewayStorageProvider
{
    private readonly ConcurrentDictionary<string, PostgreSqlGradebookStore> _stores = new(StringComparer.Ordinal);

    /// <summary>How often a node records that it is alive.</summary>
    public TimeSpan CheckinInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long past a missed check-in the others wait before recovering a node's jobs (pickup within a minute).</summary>
    public TimeSpan CheckinMisfireThreshold { get; init; } = TimeSpan.FromSeconds(20);

    public string Name => "postgresql";

    public int MaxConcurrentSyncs => int.MaxValue;

    public bool Clustered => true;

    public string? Validate(GatewayStorageSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            return "для postgresql нужен \"connectionString\": строка подключения к базе (Host=…;Database=…;Username=…;Password=…)";
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
            return null;
        }
        catch (ArgumentException)
        {
            return "\"connectionString\" — не строка подключения PostgreSQL: ожидается вида Host=…;Database=…;Username=…;Password=…";
        }
    }

    public IGradebookStore OpenSyncStore(GatewayStorageSettings settings) => Store(settings);

    public IGradebookStore SyncStoreFor(IGradebookStore store, string schoolId) =>
        store is PostgreSqlGradebookStore postgres ? postgres.ForSchool(schoolId) : store;

    public IRunHistoryStore OpenRunHistory(GatewayStorageSettings settings) => new PostgreSqlRunHistoryStore(Store(settings));

    public void ConfigureJobStore(IQuartzBuilder quartz, GatewayStorageSettings settings)
    {
        var store = Store(settings);

        // Our migrations install Quartz's tables before the scheduler starts (and verifies them).
        quartz.Services.AddSingleton<IHostedService>(new Migration(store));
        quartz.UsePersistentStore(s =>
        {
            s.UsePostgres(settings.ConnectionString!);
            s.ConfigureStore(o => o.TablePrefix = store.SchedulerTablePrefix);
            s.UseClustering(c =>
            {
                c.CheckinInterval = CheckinInterval;
                c.CheckinMisfireThreshold = CheckinMisfireThreshold;
            });
        });
    }

    private PostgreSqlGradebookStore Store(GatewayStorageSettings settings) =>
        _stores.GetOrAdd(settings.ConnectionString!, cs => new PostgreSqlGradebookStore(new PostgreSqlStoreOptions { ConnectionString = cs }));

    /// <summary>Brings the store's, the run history's and the scheduler's tables to this build's versions at start.</summary>
    private sealed class Migration : IHostedService
    {
        private readonly PostgreSqlGradebookStore _store;

        public Migration(PostgreSqlGradebookStore store) => _store = store;

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await _store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            await new PostgreSqlRunHistoryStore(_store).MigrateAsync(cancellationToken).ConfigureAwait(false);
            await _store.MigrateSchedulerTablesAsync(cancellationToken).ConfigureAwait(false);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
