using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Eljur.Rules.Reports;

/// <summary>
/// Shows student names, or pseudonyms in their place when anonymizing, and scrubs free text (finding
/// messages) of every real name.
/// </summary>
internal sealed class StudentNamer
{
    private readonly IReadOnlyDictionary<string, string> _names;
    private readonly IReadOnlyDictionary<string, string> _pseudonyms;
    private readonly Dictionary<string, List<string>> _idsByName;
    private readonly Regex? _anyName;

    public StudentNamer(IReadOnlyDictionary<string, string>? names, bool anonymize)
    {
        _names = names ?? new Dictionary<string, string>();
        Anonymize = anonymize;
        _pseudonyms = anonymize ? Pseudonyms.ForAll(_names.Keys) : new Dictionary<string, string>();
        _idsByName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!anonymize)
        {
            return;
        }

        foreach (var pair in _names.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var name = pair.Value?.Trim() ?? "";
            if (name.Length == 0)
            {
                continue;
            }

            if (!_idsByName.TryGetValue(name, out var ids))
            {
                _idsByName[name] = ids = new List<string>();
            }

            ids.Add(pair.Key);
        }

        if (_idsByName.Count > 0)
        {
            // Longest first, so that «Иванов Иван Петрович» wins over «Иванов Иван»; whole words only.
            var alternatives = _idsByName.Keys.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).Select(Regex.Escape);
            _anyName = new Regex(@"(?<!\p{L})(?:" + string.Join("|", alternatives) + @")(?!\p{L})", RegexOptions.CultureInvariant);
        }
    }

    public bool Anonymize { get; }

    /// <summary>The name to show for a student id (its pseudonym when anonymizing; the id itself when the name is unknown).</summary>
    public string Name(string studentId)
    {
        if (Anonymize)
        {
            return _pseudonyms.TryGetValue(studentId, out var p) ? p : Pseudonyms.For(studentId);
        }

        return _names.TryGetValue(studentId, out var name) && !string.IsNullOrWhiteSpace(name) ? name : studentId;
    }

    /// <summary>
    /// Replaces every real student name in <paramref name="text"/> by the student's pseudonym. A name two students share
    /// is resolved by the student id found in <paramref name="hint"/> (e.g. an entity id), else shows both pseudonyms.
    /// </summary>
    public string Scrub(string text, string? hint = null)
    {
        if (!Anonymize || _anyName is null || string.IsNullOrEmpty(text))
        {
            return text;
        }

        return _anyName.Replace(text, match =>
        {
            var ids = _idsByName[match.Value];
            if (ids.Count == 1)
            {
                return Name(ids[0]);
            }

            var hinted = hint is null ? new List<string>() : ids.Where(id => ContainsId(hint, id)).ToList();
            return hinted.Count == 1 ? Name(hinted[0]) : string.Join(" или ", ids.Select(Name));
        });
    }

    private static bool ContainsId(string hint, string id) =>
        hint.Split(':', '#', '/').Any(part => string.Equals(part, id, StringComparison.Ordinal));
}
