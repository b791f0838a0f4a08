using System;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;

namespace Eljur.Connectors.Shared;

/// <summary>
/// Runs a fetch's calls at most <c>maxConcurrency</c> at a time; the first
/// <see cref="ConnectorException"/> cancels the rest and is the one thrown (the others were only
/// cancelled because of it). Results come back in plan order, whatever order they completed in.
/// </summary>
internal static class FailFastWork
{
    public static async Task<T[]> RunAsync<T>(int count, int maxConcurrency, Func<int, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var results = new T[count];
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var gate = new SemaphoreSlim(maxConcurrency, maxConcurrency);
        ConnectorException? first = null;

        async Task RunOne(int index)
        {
            await gate.WaitAsync(failFast.Token).ConfigureAwait(false);
            try
            {
                results[index] = await call(index, failFast.Token).ConfigureAwait(false);
            }
            catch (ConnectorException ex)
            {
                Interlocked.CompareExchange(ref first, ex, null);
                failFast.Cancel();
                throw;
            }
            finally
            {
                gate.Release();
            }
        }

        var tasks = Enumerable.Range(0, count).Select(RunOne).ToList();
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested && Volatile.Read(ref first) is not null)
        {
            ExceptionDispatchInfo.Capture(Volatile.Read(ref first)!).Throw();
            throw;
        }

        return results;
    }
}
