using System;

namespace Eljur.Sync.PostgreSql;

/// <summary>Where and how the PostgreSQL store keeps its tables.</summary>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>The Npgsql connection string (<c>Host=…;Database=…;Username=…;Password=…</c>). Required.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// The PostgreSQL schema that holds the store's tables, created on first use; <c>eljur</c> by default.
    /// Lower-case Latin letters, digits and underscores, starting with a letter.
    /// </summary>
    public string Schema { get; set; } = "eljur";

    /// <summary>How long one statement may run before it is cancelled; 5 minutes by default.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
