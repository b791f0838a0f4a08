using System;

namespace Eljur.Abstractions.Synthetic;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014): a small, fast generator whose sequence is defined by this
/// code alone, so a seed gives the same data on every runtime and platform (the algorithm behind
/// <see cref="Random"/> is not guaranteed to stay the same between .NET versions).
/// </summary>
internal sealed class SyntheticRandom
{
    private ulong _state;

    /// <summary>Creates a generator from a seed.</summary>
    /// <param name="seed">Any value; equal seeds give equal sequences.</param>
    public SyntheticRandom(ulong seed) => _state = seed;

    /// <summary>Derives an independent seed for a numbered stream (a school) from a base seed.</summary>
    /// <param name="seed">The base seed.</param>
    /// <param name="stream">The stream number.</param>
    /// <returns>The derived seed.</returns>
    public static ulong Derive(long seed, int stream) => Mix(unchecked((ulong)seed) ^ Mix(0x5DEECE66DUL + (ulong)stream));

    /// <summary>The next 64 random bits.</summary>
    /// <returns>The bits.</returns>
    public ulong NextUInt64()
    {
        _state = unchecked(_state + 0x9E3779B97F4A7C15UL);
        return Mix(_state);
    }

    /// <summary>A double in [0, 1) with 53 random bits.</summary>
    /// <returns>The number.</returns>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer in [0, <paramref name="count"/>).</summary>
    /// <param name="count">Exclusive upper bound, positive.</param>
    /// <returns>The number.</returns>
    public int Next(int count) => (int)(((NextUInt64() >> 32) * (ulong)count) >> 32);

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="min">Inclusive lower bound.</param>
    /// <param name="max">Inclusive upper bound.</param>
    /// <returns>The number.</returns>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    /// <param name="probability">In [0, 1].</param>
    /// <returns>The outcome.</returns>
    public bool Chance(double probability) => probability > 0 && NextDouble() < probability;

    /// <summary>A random element.</summary>
    /// <typeparam name="T">Element type.</typeparam>
    /// <param name="items">A non-empty array.</param>
    /// <returns>The element.</returns>
    public T Pick<T>(T[] items) => items[Next(items.Length)];

    /// <summary>Shuffles an array in place (Fisher–Yates).</summary>
    /// <typeparam name="T">Element type.</typeparam>
    /// <param name="items">The array.</param>
    public void Shuffle<T>(T[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
