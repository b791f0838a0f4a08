using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Eljur.Rules.Reports;

/// <summary>
/// Stable pseudonyms for students: «Ученик 3F2A9C», from the SHA-256 of the student id. The same id gives
/// the same pseudonym in every report and every run; the name cannot be recovered without the data.
/// </summary>
public static class Pseudonyms
{
    /// <summary>The word a pseudonym starts with.</summary>
    public const string Prefix = "Ученик ";

    /// <summary>Hex digits of a pseudonym when it does not collide with another student's.</summary>
    public const int DefaultDigits = 6;

    /// <summary>The pseudonym of one student id.</summary>
    /// <param name="studentId">The student id.</param>
    /// <param name="digits">Hex digits, 4 to 64.</param>
    /// <returns>E.g. «Ученик 3F2A9C».</returns>
    public static string For(string studentId, int digits = DefaultDigits)
    {
        if (studentId is null)
        {
            throw new ArgumentNullException(nameof(studentId));
        }

        if (digits < 4 || digits > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(digits), digits, "From 4 to 64 hex digits.");
        }

        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(studentId));
        var hex = new StringBuilder(64);
        foreach (var b in hash)
        {
            hex.Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return Prefix + hex.ToString(0, digits);
    }

    /// <summary>
    /// Pseudonyms for a set of students, distinct from each other: ids whose short pseudonyms collide get longer ones
    /// (the result is the same for the same set of ids).
    /// </summary>
    /// <param name="studentIds">Student ids.</param>
    /// <returns>Pseudonym by student id.</returns>
    public static IReadOnlyDictionary<string, string> ForAll(IEnumerable<string> studentIds)
    {
        if (studentIds is null)
        {
            throw new ArgumentNullException(nameof(studentIds));
        }

        var pending = studentIds.Distinct(StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var digits = DefaultDigits; pending.Count > 0; digits += 2)
        {
            var groups = pending.GroupBy(id => For(id, Math.Min(digits, 64)), StringComparer.Ordinal).ToList();
            pending = new List<string>();
            foreach (var group in groups)
            {
                if (group.Count() == 1 || digits >= 64)
                {
                    foreach (var id in group)
                    {
                        result[id] = group.Key;
                    }
                }
                else
                {
                    pending.AddRange(group);
                }
            }
        }

        return result;
    }
}
