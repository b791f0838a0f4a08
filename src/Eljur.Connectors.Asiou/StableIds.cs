using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Eljur.Connectors.Asiou;

/// <summary>
/// Ids derived from natural keys, so the same record gets the same id in every export and every
/// fetch: a prefix and the first 16 hex digits of the SHA-256 of the key's parts, each normalised
/// (trimmed, inner spaces collapsed, upper case, «ё» as «е») and joined by U+001F. Names never
/// appear in ids, so ids can be shown where names are pseudonymised.
/// </summary>
internal sealed class StableIds : IDisposable
{
    private readonly SHA256 _sha = SHA256.Create();
    private readonly StringBuilder _key = new();

    public static string Normalize(string part)
    {
        var sb = new StringBuilder(part.Length);
        var space = false;
        foreach (var c in part.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c is 'ё' or 'Ё' ? 'Е' : char.ToUpperInvariant(c));
        }

        return sb.ToString();
    }

    /// <summary><c>c-…</c>: a class, by its name.</summary>
    public string Class(string name) => Id("c", name);

    /// <summary><c>s-…</c>: a subject, by its name.</summary>
    public string Subject(string name) => Id("s", name);

    /// <summary><c>t-…</c>: a teacher, by the name.</summary>
    public string Teacher(string name) => Id("t", name);

    /// <summary><c>p-…</c>: a student (pupil), by name and class name.</summary>
    public string Student(string name, string className) => Id("p", name, className);

    /// <summary><c>l-…</c>: a lesson, by class, date, lesson number, subject and teacher (split groups give two lessons).</summary>
    public string Lesson(string className, DateTime date, int number, string subject, string teacher) =>
        Id("l", className, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), number.ToString(CultureInfo.InvariantCulture), subject, teacher);

    /// <summary>
    /// The 64-bit hash of a mark's natural key: student id, subject id, date and kind (not the value,
    /// so a corrected mark keeps its id).
    /// </summary>
    public ulong MarkKey(string studentId, string subjectId, DateTime date, string kind) =>
        Hash(studentId, subjectId, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), kind);

    /// <summary><c>m-…</c>: a mark, by its key hash and its occurrence (1 for the first mark with that key in the export).</summary>
    public static string Mark(ulong key, int occurrence) =>
        "m-" + key.ToString("x16", CultureInfo.InvariantCulture) + (occurrence > 1 ? "-" + occurrence.ToString(CultureInfo.InvariantCulture) : "");

    public void Dispose() => _sha.Dispose();

    private string Id(string prefix, params string[] parts) => prefix + "-" + Hash(parts).ToString("x16", CultureInfo.InvariantCulture);

    private ulong Hash(params string[] parts)
    {
        _key.Clear();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                _key.Append('\u001f');
            }

            _key.Append(Normalize(parts[i]));
        }

        var digest = _sha.ComputeHash(Encoding.UTF8.GetBytes(_key.ToString()));
        ulong h = 0;
        for (var i = 0; i < 8; i++)
        {
            h = (h << 8) | digest[i];
        }

        return h;
    }
}
