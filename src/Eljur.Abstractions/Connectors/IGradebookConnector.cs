using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Model;

namespace Eljur.Abstractions.Connectors;

/// <summary>
/// A source of gradebook data: a vendor API or an export. It fetches one school's data for a date
/// range as a <see cref="GradebookSnapshot"/>, declaring honestly what it could provide.
/// </summary>
public interface IGradebookConnector
{
    /// <summary>Connector id written to <c>source.connector</c>, e.g. <c>eljur</c>.</summary>
    string Id { get; }

    /// <summary>The capabilities a plain fetch provides (see <see cref="Capability"/>).</summary>
    IReadOnlyList<string> Capabilities { get; }

    /// <summary>
    /// Fetches a snapshot. Either the whole range is fetched or the call fails with a
    /// <see cref="ConnectorException"/>: a partial fetch is never returned as complete.
    /// </summary>
    /// <param name="request">The range and optional filters.</param>
    /// <param name="progress">Receives progress reports; may be null.</param>
    /// <param name="cancellationToken">Cancels the fetch promptly.</param>
    /// <returns>The snapshot.</returns>
    Task<GradebookSnapshot> FetchAsync(FetchRequest request, IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default);
}
