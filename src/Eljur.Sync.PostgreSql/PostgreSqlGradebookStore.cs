using System;
using System.Collections.Generic;
using System.Data;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Sync;
using Npgsql;

namespace Eljur.Sync.PostgreSql;

/// <summary>
/// An <see cref="IGradebookStore"/> on PostgreSQL, holding any number of schools (keyed by <c>school.id</c>)
/// for any number of nodes on one database. The tables live in one schema (<c>eljur</c> by default), migrated
/// in order in one transaction on first use; a database of a newer schema is refused untouched. Every sync is
/// one transaction on one connection and holds an advisory lock until it commits or rolls back — the server
/// releases it by itself when the connection dies. Many records are written with binary <c>COPY</c>.
/// </summary>
/// <remarks>
/// A sync through this object locks the whole store (no other sync runs meanwhile); a sync through
/// <see cref="ForSchool"/> locks only that school, so nodes sync different schools in parallel.
/// Instants are kept to the microsecond (PostgreSQL's <c>timestamptz</c>).
/// </remarks>
public sealed class PostgreSqlGradebookStore : IGradebookStore, IGradebookRowSource, IDisposable
{
    private static readonly Regex SchemaName = new("^[a-z][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant);

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly Migration _migration;

    /// <summary>Creates a store from options; the database is reached (and migrated) on first use or by <see cref="MigrateAsync"/>.</summary>
    /// <param name="options">The connection string and schema.</param>
    /// <exception cref="ArgumentException">The options are incomplete or invalid (the message names the option).</exception>
    public PostgreSqlGradebookStore(PostgreSqlStoreOptions options)
        : this(Build(options), Check(options).Schema, ownsDataSource: true)
    {
    }

    /// <summary>Creates a store on a data source the caller owns (and disposes).</summary>
    /// <param name="dataSource">The data source.</param>
    /// <param name="schema">The schema of the store's tables.</param>
    /// <exception cref="ArgumentException">The schema name is invalid.</exception>
    public PostgreSqlGradebookStore(NpgsqlDataSource dataSource, string schema = "eljur")
        : this(dataSource ?? throw new ArgumentNullException(nameof(dataSource)), CheckSchema(schema), ownsDataSource: false)
    {
    }

    private PostgreSqlGradebookStore(NpgsqlDataSource dataSource, string schema, bool ownsDataSource)
    {
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        Schema = schema;
        _migration = new Migration();
    }

    private PostgreSqlGradebookStore(PostgreSqlGradebookStore parent, string schoolId)
    {
        _dataSource = parent._dataSource;
        _ownsDataSource = false;
        _migration = parent._migration;
        Schema = parent.Schema;
        LockedSchool = schoolId;
    }

    /// <summary>The PostgreSQL schema of the store's tables.</summary>
    public string Schema { get; }

    /// <summary>The school a sync through this object locks; null when it locks the whole store.</summary>
    public string? LockedSchool { get; }

    /// <summary>The schema version this build writes (the store's, after migration).</summary>
    public int SchemaVersion => PostgreSqlSchema.CurrentVersion;

    /// <summary>
    /// The same store, whose syncs lock only one school: syncs of different schools run at once (on any
    /// node); a second sync of the same school, or a sync locking the whole store, is refused meanwhile.
    /// </summary>
    /// <param name="schoolId">The school the caller is about to sync (the name the lock is taken on).</param>
    /// <returns>A store object sharing this one's connections.</returns>
    public PostgreSqlGradebookStore ForSchool(string schoolId)
    {
        if (string.IsNullOrEmpty(schoolId))
        {
            throw new ArgumentException("A school id is required.", nameof(schoolId));
        }

        return new PostgreSqlGradebookStore(this, schoolId);
    }

    /// <summary>Creates or migrates the store's tables now (otherwise the first call does).</summary>
    /// <param name="cancellationToken">Cancels the migration; nothing is changed then.</param>
    /// <returns>A task.</returns>
    /// <exception cref="GradebookStoreException">The database is unreachable, or of a newer schema version.</exception>
    public Task MigrateAsync(CancellationToken cancellationToken = default) => EnsureMigratedAsync(cancellationToken);

    /// <summary>The table prefix of Quartz.NET's ADO.NET job store in this store's schema: <c>SCHEMA.qrtz_</c>.</summary>
    public string SchedulerTablePrefix => Schema + ".qrtz_";

    /// <summary>
    /// Creates or upgrades the tables of Quartz.NET's ADO.NET job store (4.7) in the store's schema, by the same
    /// ordered migrations as the store's own tables, so a cluster's scheduler shares the store's database.
    /// Configure the job store with <see cref="SchedulerTablePrefix"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the migration; nothing is changed then.</param>
    /// <returns>A task.</returns>
    /// <exception cref="GradebookStoreException">The database is unreachable, or its scheduler tables are of a newer version.</exception>
    public async Task MigrateSchedulerTablesAsync(CancellationToken cancellationToken = default)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        await MigrateComponentAsync(PostgreSqlSchedulerSchema.Component, PostgreSqlSchedulerSchema.Migrations, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IGradebookStoreSession> BeginSyncAsync(CancellationToken cancellationToken = default)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        NpgsqlTransaction? transaction = null;
        try
        {
            transaction = await Transactions.BeginAsync(connection, IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
            using var command = new NpgsqlCommand(
                LockedSchool is null
                    ? "SELECT pg_try_advisory_xact_lock(@store);"
                    : "SELECT pg_try_advisory_xact_lock_shared(@store) AND pg_try_advisory_xact_lock(@school);",
                connection,
                transaction);
            command.Parameters.AddWithValue("store", AdvisoryLockKeys.Store(Schema));
            command.Parameters.AddWithValue("school", AdvisoryLockKeys.School(Schema, LockedSchool ?? ""));
            if (!(bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                throw new GradebookStoreLockedException(LockedSchool is null
                    ? $"The store {Describe()} is being synced by another node or process. Try again after it finishes."
                    : $"The school \"{LockedSchool}\" in the store {Describe()} is being synced by another node or process. Try again after it finishes.");
            }

            return new PostgreSqlSyncSession(connection, transaction, Schema);
        }
        catch
        {
            transaction?.Dispose();
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public async Task<StoredState> ReadAsync(string schoolId, DateTime from, DateTime to, CancellationToken cancellationToken = default)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await Transactions.BeginAsync(connection, IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var state = await StoreReader.LoadAsync(connection, transaction, Schema, schoolId, from, to, withPayloads: true, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return state;
    }

    /// <inheritdoc/>
    public async Task ReadRowsAsync(string schoolId, DateTime from, DateTime to, IGradebookRowSink sink, CancellationToken cancellationToken = default)
    {
        if (sink is null)
        {
            throw new ArgumentNullException(nameof(sink));
        }

        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await Transactions.BeginAsync(connection, IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await StoreRows.ReadAsync(connection, transaction, Schema, schoolId, from.Date, to.Date, sink, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> GetSchoolIdsAsync(CancellationToken cancellationToken = default)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = new NpgsqlCommand($"SELECT school_id FROM {Schema}.schools ORDER BY school_id COLLATE \"C\";", connection);
        var ids = new List<string>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<SyncRun>> GetRunsAsync(string? schoolId = null, CancellationToken cancellationToken = default)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await StoreReader.RunsAsync(connection, null, Schema, schoolId, onlySucceeded: false, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<SyncRun> RecordFailedRunAsync(SyncRun run, CancellationToken cancellationToken = default)
    {
        if (run is null)
        {
            throw new ArgumentNullException(nameof(run));
        }

        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await Transactions.BeginAsync(connection, IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        var stored = await StoreReader.InsertRunAsync(connection, transaction, Schema, run with { Succeeded = false }, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>Disposes the data source when the store created it (not for <see cref="ForSchool"/> objects or a caller's data source).</summary>
    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    /// <summary>The database as errors name it: host, port, database and schema, never the password.</summary>
    internal string Describe()
    {
        var builder = new NpgsqlConnectionStringBuilder(_dataSource.ConnectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database} (schema {Schema})";
    }

    /// <summary>Checks the options; the message of the <see cref="ArgumentException"/> names the option.</summary>
    internal static PostgreSqlStoreOptions Check(PostgreSqlStoreOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("PostgreSqlStoreOptions.ConnectionString is required (Host=…;Database=…;Username=…;Password=…).", nameof(options));
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException("PostgreSqlStoreOptions.ConnectionString is not a valid connection string: " + ex.Message, nameof(options));
        }

        if (options.CommandTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("PostgreSqlStoreOptions.CommandTimeout must be positive.", nameof(options));
        }

        CheckSchema(options.Schema);
        return options;
    }

    private static string CheckSchema(string schema)
    {
        if (schema is null || !SchemaName.IsMatch(schema))
        {
            throw new ArgumentException(
                $"PostgreSqlStoreOptions.Schema \"{schema}\" is not a usable schema name: use lower-case Latin letters, digits and underscores, starting with a letter.",
                nameof(schema));
        }

        return schema;
    }

    private static NpgsqlDataSource Build(PostgreSqlStoreOptions options)
    {
        var builder = new NpgsqlConnectionStringBuilder(Check(options).ConnectionString)
        {
            CommandTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds),
        };
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>An open connection of the store's data source (for the run history sharing it).</summary>
    internal Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            throw new GradebookStoreException($"The store {Describe()} cannot be reached: {ex.Message}", ex);
        }
    }

    private async Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        if (_migration.Done)
        {
            return;
        }

        await _migration.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_migration.Done)
            {
                return;
            }

            await MigrateComponentAsync(PostgreSqlSchema.Component, PostgreSqlSchema.Migrations, cancellationToken).ConfigureAwait(false);
            _migration.Done = true;
        }
        finally
        {
            _migration.Gate.Release();
        }
    }

    /// <summary>Applies one component's migrations (the store's own, the run history's, the scheduler's).</summary>
    internal async Task MigrateComponentAsync(string component, IReadOnlyList<string> scripts, CancellationToken cancellationToken)
    {
        try
        {
            using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await PostgreSqlMigrator.MigrateAsync(connection, Schema, component, scripts, Describe(), cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex)
        {
            throw new GradebookStoreException($"The store {Describe()} could not be migrated ({component}): {ex.MessageText}", ex);
        }
    }

    /// <summary>Whether the tables are migrated, shared by a store and its per-school views.</summary>
    private sealed class Migration
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public volatile bool Done;
    }
}
