using System;
using System.Collections.Generic;
using System.Linq;

namespace Eljur.Connectors.Testing;

/// <summary>A fault a <see cref="MockVendorServer"/> can put in place of a normal answer.</summary>
public enum FaultKind
{
    /// <summary>HTTP 500 with a plain-text body.</summary>
    ServerError,

    /// <summary>HTTP 429 with a <c>Retry-After</c> header (in whole seconds).</summary>
    TooManyRequests,

    /// <summary>No answer for longer than the connector's per-attempt timeout (then the normal answer).</summary>
    Timeout,

    /// <summary>The normal answer, late but within the per-attempt timeout.</summary>
    Slow,

    /// <summary>HTTP 200 with a body that is not what the vendor sends (truncated JSON).</summary>
    Malformed,

    /// <summary>The vendor's own refusal of the credentials or session (see <see cref="MockVendorServer.AuthFailure"/>).</summary>
    AuthFailure,
}

/// <summary>One fault to inject: what, and its parameters.</summary>
/// <param name="Kind">The fault.</param>
/// <param name="Delay">For <see cref="FaultKind.Timeout"/> and <see cref="FaultKind.Slow"/>: how long to hold the answer.</param>
/// <param name="RetryAfter">For <see cref="FaultKind.TooManyRequests"/>: the <c>Retry-After</c> value.</param>
public sealed record Fault(FaultKind Kind, TimeSpan Delay = default, TimeSpan RetryAfter = default);

/// <summary>
/// Decides which requests of a <see cref="MockVendorServer"/> get a fault: scripted rules (for the
/// next N calls of an operation, or always), then an optional seeded random mix. Thread-safe.
/// </summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<Rule> _rules = new();
    private Random? _random;
    private RandomFaultMix? _mix;

    /// <summary>Injects <paramref name="fault"/> into the next <paramref name="times"/> calls of <paramref name="operation"/> (any operation when null).</summary>
    /// <param name="operation">Operation name as the server derives it, or null for any.</param>
    /// <param name="fault">The fault.</param>
    /// <param name="times">How many calls get it.</param>
    public void Add(string? operation, Fault fault, int times = 1)
    {
        if (times < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(times));
        }

        lock (_gate)
        {
            _rules.Add(new Rule(operation, fault, times));
        }
    }

    /// <summary>Injects <paramref name="fault"/> into every call of <paramref name="operation"/> (any operation when null).</summary>
    /// <param name="operation">Operation name, or null for any.</param>
    /// <param name="fault">The fault.</param>
    public void Always(string? operation, Fault fault)
    {
        lock (_gate)
        {
            _rules.Add(new Rule(operation, fault, int.MaxValue));
        }
    }

    /// <summary>After the scripted rules, draws a fault for every call from <paramref name="mix"/> with a fixed seed.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="mix">Probabilities of each fault.</param>
    public void Random(int seed, RandomFaultMix mix)
    {
        lock (_gate)
        {
            _random = new Random(seed);
            _mix = mix ?? throw new ArgumentNullException(nameof(mix));
        }
    }

    /// <summary>Removes every rule and the random mix.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _random = null;
            _mix = null;
        }
    }

    /// <summary>The fault for the next call of <paramref name="operation"/>, if any (consumes it).</summary>
    /// <param name="operation">The call's operation.</param>
    /// <returns>The fault, or null for a normal answer.</returns>
    public Fault? Next(string operation)
    {
        lock (_gate)
        {
            var rule = _rules.FirstOrDefault(r => r.Remaining > 0 && (r.Operation is null || r.Operation == operation));
            if (rule is not null)
            {
                if (rule.Remaining != int.MaxValue)
                {
                    rule.Remaining--;
                }

                return rule.Fault;
            }

            return _random is null ? null : _mix!.Draw(_random);
        }
    }

    private sealed class Rule
    {
        public Rule(string? operation, Fault fault, int remaining)
        {
            Operation = operation;
            Fault = fault;
            Remaining = remaining;
        }

        public string? Operation { get; }

        public Fault Fault { get; }

        public int Remaining { get; set; }
    }
}

/// <summary>Probabilities (0–1, summing to at most 1) of each fault in a random fault run.</summary>
public sealed record RandomFaultMix
{
    /// <summary>Chance of HTTP 500.</summary>
    public double ServerError { get; init; }

    /// <summary>Chance of HTTP 429 with <c>Retry-After</c>.</summary>
    public double TooManyRequests { get; init; }

    /// <summary>Chance of an answer held past the timeout.</summary>
    public double Timeout { get; init; }

    /// <summary>Chance of a slow answer within the timeout.</summary>
    public double Slow { get; init; }

    /// <summary>How long a <see cref="FaultKind.Timeout"/> holds the answer.</summary>
    public TimeSpan TimeoutDelay { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Longest hold of a <see cref="FaultKind.Slow"/> answer (drawn uniformly up to it).</summary>
    public TimeSpan MaxSlowDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Longest <c>Retry-After</c> (whole seconds, drawn uniformly from 0 up to it).</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    internal Fault? Draw(Random random)
    {
        var x = random.NextDouble();
        if ((x -= ServerError) < 0)
        {
            return new Fault(FaultKind.ServerError);
        }

        if ((x -= TooManyRequests) < 0)
        {
            return new Fault(FaultKind.TooManyRequests, RetryAfter: TimeSpan.FromSeconds(random.Next(0, (int)MaxRetryAfter.TotalSeconds + 1)));
        }

        if ((x -= Timeout) < 0)
        {
            return new Fault(FaultKind.Timeout, TimeoutDelay);
        }

        if ((x -= Slow) < 0)
        {
            return new Fault(FaultKind.Slow, TimeSpan.FromMilliseconds(random.NextDouble() * MaxSlowDelay.TotalMilliseconds));
        }

        return null;
    }
}
