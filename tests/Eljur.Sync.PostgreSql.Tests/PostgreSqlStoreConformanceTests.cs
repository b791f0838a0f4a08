using System;
using System.Collections.Generic;
using Eljur.Abstractions.Sync;
using Eljur.Abstractions.Tests.Sync;
using Eljur.Tests.Shared;
using Xunit.Abstractions;

namespace Eljur.Sync.PostgreSql.Tests;

/// <summary>The store conformance suite on PostgreSQL: every store in a schema of its own on the test server.</summary>
public sealed class PostgreSqlStoreConformanceTests : GradebookStoreConformanceTests, IDisposable
{
    private readonly string? _server;
    private readonly List<PostgreSqlGradebookStore> _stores = new();
    private readonly List<string> _schemas = new();

    public PostgreSqlStoreConformanceTests(ITestOutputHelper output) => _server = TestPostgres.FindOrExplain(output);

    public void Dispose()
    {
        _stores.ForEach(s => s.Dispose());
        if (_server is not null)
        {
            TestPostgres.DropSchemas(_server, _schemas.ToArray());
        }
    }

    protected override IGradebookStore? CreateStore()
    {
        if (_server is null)
        {
            return null;
        }

        var schema = TestPostgres.NewSchema();
        _schemas.Add(schema);
        return Open(schema);
    }

    protected override IGradebookStore Reopen(IGradebookStore store) => Open(((PostgreSqlGradebookStore)store).Schema);

    protected override bool PassesRows => true;

    private PostgreSqlGradebookStore Open(string schema)
    {
        var store = new PostgreSqlGradebookStore(new PostgreSqlStoreOptions { ConnectionString = _server!, Schema = schema });
        _stores.Add(store);
        return store;
    }
}
