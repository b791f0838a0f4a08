using System.Globalization;
using Eljur.Abstractions.Sync;
using Eljur.Sync.Sqlite;
using Quartz;

namespace Eljur.Gateway;

/// <summary>The default storage: one SQLite file for the sync store and the run history; the scheduler's jobs in memory (one node).</summary>
internal sealed class SqliteGatewayStorage : IGatewayStorageProvider
{
    public string Name => "sqlite";

    public int MaxConcurrentSyncs => 1;

    public string? Validate(GatewayStorageSettings settings) =>
        string.IsNullOrWhiteSpace(settings.Path) ? "для sqlite нужен \"path\": файл базы данных" : null;

    public IGradebookStore OpenSyncStore(GatewayStorageSettings settings) => new SqliteGradebookStore(settings.Path!, createIfMissing: true);

    public IRunHistoryStore OpenRunHistory(GatewayStorageSettings settings) => new SqliteRunHistoryStore(settings.Path!);

    public void ConfigureJobStore(IQuartzBuilder quartz, GatewayStorageSettings settings) => quartz.UseInMemoryStore(_ => { });

    public override string ToString() => Name.ToString(CultureInfo.InvariantCulture);
}
