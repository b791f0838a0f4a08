using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Eljur.Connectors.Shared;

/// <summary>
/// Bounds the bytes of vendor answers being read and turned into records at the same time by the
/// parallel calls of one connector. A call takes a <see cref="Lease"/> when it starts, acquires
/// bytes as they arrive and gives them all back when its answer has been read into records. A call
/// waits while the others hold the budget, except the oldest call still running, which always
/// proceeds: so the calls never wait for each other in a circle, and one answer larger than the
/// whole budget (up to the per-answer cap) still goes through, alone.
/// </summary>
internal sealed class ResponseBudget
{
    private readonly object _gate = new();
    private readonly long _budget;
    private readonly SortedSet<long> _active = new();
    private long _used;
    private long _nextTicket;
    private TaskCompletionSource<bool> _changed = NewSignal();

    public ResponseBudget(long budget) => _budget = Math.Max(1, budget);

    /// <summary>The budget in bytes.</summary>
    public long Budget => _budget;

    /// <summary>Bytes held now (for tests).</summary>
    public long Used
    {
        get
        {
            lock (_gate)
            {
                return _used;
            }
        }
    }

    /// <summary>Starts the accounting of one call (its place in the queue is its start).</summary>
    public Lease Start()
    {
        lock (_gate)
        {
            var ticket = _nextTicket++;
            _active.Add(ticket);
            return new Lease(this, ticket);
        }
    }

    private static TaskCompletionSource<bool> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async ValueTask AcquireAsync(Lease lease, long bytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_used + bytes <= _budget || _active.Min == lease.Ticket)
                {
                    _used += bytes;
                    lease.Held += bytes;
                    return;
                }

                changed = _changed.Task;
            }

            await WaitAsync(changed, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WaitAsync(Task changed, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            await changed.ConfigureAwait(false);
            return;
        }

        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static s => ((TaskCompletionSource<bool>)s!).TrySetResult(true), cancelled))
        {
            await Task.WhenAny(changed, cancelled.Task).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private void Release(Lease lease, bool end)
    {
        TaskCompletionSource<bool> signal;
        lock (_gate)
        {
            _used -= lease.Held;
            lease.Held = 0;
            if (end)
            {
                _active.Remove(lease.Ticket);
            }

            signal = _changed;
            _changed = NewSignal();
        }

        signal.TrySetResult(true);
    }

    /// <summary>The bytes one call holds.</summary>
    internal sealed class Lease : IDisposable
    {
        private readonly ResponseBudget _owner;
        private bool _disposed;

        public Lease(ResponseBudget owner, long ticket)
        {
            _owner = owner;
            Ticket = ticket;
        }

        public long Ticket { get; }

        /// <summary>Bytes held (changed under the budget's lock).</summary>
        public long Held { get; set; }

        /// <summary>Takes <paramref name="bytes"/> more, waiting while the budget is spent by older calls.</summary>
        public ValueTask AcquireAsync(long bytes, CancellationToken cancellationToken) => _owner.AcquireAsync(this, bytes, cancellationToken);

        /// <summary>Gives back what is held (an attempt's answer was dropped before a retry), keeping the place in the queue.</summary>
        public void Reset() => _owner.Release(this, end: false);

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                _owner.Release(this, end: true);
            }
        }
    }
}
