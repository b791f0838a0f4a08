using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Model;
using Eljur.Gateway.Configuration;

namespace Eljur.Gateway.Runs;

/// <summary>A school's connector whose snapshots carry the gateway's id and name for the school (the store keys schools by it).</summary>
internal sealed class SchoolConnector : IGradebookConnector, IDisposable
{
    private readonly IGradebookConnector _inner;
    private readonly SchoolSettings _school;

    public SchoolConnector(IGradebookConnector inner, SchoolSettings school)
    {
        _inner = inner;
        _school = school;
    }

    public string Id => _inner.Id;

    public IReadOnlyList<string> Capabilities => _inner.Capabilities;

    public async Task<GradebookSnapshot> FetchAsync(FetchRequest request, IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var snapshot = await _inner.FetchAsync(request, progress, cancellationToken).ConfigureAwait(false);
        return snapshot with { School = snapshot.School with { Id = _school.Id, Name = _school.Name } };
    }

    public void Dispose() => (_inner as IDisposable)?.Dispose();
}
