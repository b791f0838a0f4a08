using System;
using System.Threading;
using System.Threading.Tasks;

namespace Eljur.Abstractions.Sync;

/// <summary>
/// A store that can hand the rows of an export straight to a reader, without building a
/// <see cref="StoredState"/> of record objects and payload strings first. Optional: an
/// <see cref="IGradebookStore"/> that also implements it is read through it by
/// <see cref="GradebookSync.ExportAsync"/>; any other store is read through
/// <see cref="IGradebookStore.ReadAsync"/>, with the same result.
/// </summary>
public interface IGradebookRowSource
{
    /// <summary>
    /// Reads, in one consistent view of the store, the school's reference document and successful runs
    /// and then every live (not deleted) lesson, mark and absence dated within the range, and passes
    /// them to <paramref name="sink"/>: <see cref="IGradebookRowSink.Begin"/> once, first, then one call
    /// per row in any order. A school the store does not hold gets <see cref="IGradebookRowSink.Begin"/>
    /// with no reference and no runs. An exception thrown by the sink ends the read and is passed on.
    /// </summary>
    /// <param name="schoolId">The school id.</param>
    /// <param name="from">First date of the range, inclusive.</param>
    /// <param name="to">Last date of the range, inclusive.</param>
    /// <param name="sink">Receives the rows.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A task that completes when every row was passed.</returns>
    Task ReadRowsAsync(string schoolId, DateTime from, DateTime to, IGradebookRowSink sink, CancellationToken cancellationToken = default);
}
