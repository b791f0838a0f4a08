namespace Eljur.Gateway;

/// <summary>The <c>storage</c> section of the configuration, with paths made absolute.</summary>
/// <param name="Provider">The provider's name (<c>sqlite</c>, <c>postgresql</c>, …).</param>
/// <param name="Path">The database file (SQLite), absolute; null for other providers.</param>
/// <param name="ConnectionString">The connection string (server databases); null for SQLite.</param>
public sealed record GatewayStorageSettings(string Provider, string? Path, string? ConnectionString);
