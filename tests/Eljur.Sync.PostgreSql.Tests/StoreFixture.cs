using System;
using System.Collections.Generic;
using Eljur.Tests.Shared;
using Xunit.Abstractions;

namespace Eljur.Sync.PostgreSql.Tests;

/// <summary>Stores of one test on the test server, each schema dropped afterwards.</summary>
public sealed class StoreFixture : IDisposable
{
    private readonly List<PostgreSqlGradebookStore> _stores = new();
    private readonly List<string> _schemas = new();

    public StoreFixture(ITestOutputHelper output) => Server = TestPostgres.FindOrExplain(output);

    /// <summary>The server's connection string; null when not available (the test returns).</summary>
    public string? Server { get; }

    public string NewSchema()
    {
        var schema = TestPostgres.NewSchema();
        _schemas.Add(schema);
        return schema;
    }

    public PostgreSqlGradebookStore Open(string schema)
    {
        var store = new PostgreSqlGradebookStore(new PostgreSqlStoreOptions { ConnectionString = Server!, Schema = schema });
        _stores.Add(store);
        return store;
    }

    public void Dispose()
    {
        _stores.ForEach(s => s.Dispose());
        if (Server is not null)
        {
            TestPostgres.DropSchemas(Server, _schemas.ToArray());
        }
    }
}
