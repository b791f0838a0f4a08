using System;
using System.Collections.Generic;
using System.Linq;

namespace Eljur.Cli.Infrastructure;

/// <summary>«Возможно, имелось в виду …»: the closest known name to a misspelled one, by edit distance.</summary>
internal static class Suggestions
{
    /// <summary>
    /// The candidate closest to <paramref name="typed"/> (letter case ignored), when it is close enough to be
    /// a typo: at most one edit per three letters, and at most three; a swap of two neighbours counts once.
    /// </summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        var word = typed.Trim().ToLowerInvariant();
        if (word.Length == 0)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            var distance = Distance(word, candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        var allowed = Math.Min(3, Math.Max(1, Math.Max(word.Length, best?.Length ?? 0) / 3));
        return best is not null && bestDistance > 0 && bestDistance <= allowed ? best : null;
    }

    /// <summary>«; возможно, имелось в виду X» or nothing.</summary>
    public static string Hint(string typed, IEnumerable<string> candidates) =>
        Closest(typed, candidates) is { } near ? $"; возможно, имелось в виду {Shown(near)}" : "";

    /// <summary>A suggestion of punctuation only (a delimiter such as «;») in quotes, so the sentence's own punctuation does not run into it.</summary>
    private static string Shown(string near) => near.Any(char.IsLetterOrDigit) ? near : "«" + near + "»";

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, d[i - 2, j - 2] + 1);
                }

                d[i, j] = value;
            }
        }

        return d[a.Length, b.Length];
    }
}
