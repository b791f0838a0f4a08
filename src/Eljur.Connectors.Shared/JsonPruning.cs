using System;
using System.Threading;

namespace Eljur.Connectors.Shared;

/// <summary>
/// A scope, flowing with the async calls started in it, that watches or switches off the pruning
/// of answers (<see cref="JsonShape"/>): the safety-net tests fetch once pruned and once whole and
/// compare the snapshots, and check that the pruned fetch did drop something.
/// </summary>
internal sealed class JsonPruning : IDisposable
{
    private static readonly AsyncLocal<JsonPruning?> Scope = new();
    private long _skipped;
    private long _kept;
    private readonly JsonPruning? _previous;

    private JsonPruning(bool off, JsonPruning? previous)
    {
        Off = off;
        _previous = previous;
    }

    /// <summary>The scope of the current async flow, or <see langword="null"/>.</summary>
    public static JsonPruning? Current => Scope.Value;

    /// <summary>Whether answers read in this scope are kept whole, whatever the shape.</summary>
    public bool Off { get; }

    /// <summary>Values (properties with their subtrees) read and dropped in this scope.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Answers read with a shape in this scope.</summary>
    public long PrunedAnswers => Interlocked.Read(ref _kept);

    /// <summary>
    /// Starts a scope for the current async flow (and the calls it starts) until the result is
    /// disposed. Call it outside of an async helper, from the method that then awaits the work.
    /// </summary>
    public static JsonPruning Begin(bool off)
    {
        var scope = new JsonPruning(off, Scope.Value);
        Scope.Value = scope;
        return scope;
    }

    /// <summary>Ends the scope: the flow returns to the scope it was in before.</summary>
    public void Dispose() => Scope.Value = _previous;

    internal void CountSkipped() => Interlocked.Increment(ref _skipped);

    internal void CountPruned() => Interlocked.Increment(ref _kept);
}
