using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Eljur.Connectors.Asiou.Tests;

/// <summary>
/// Finds the words in Latin letters a school would read in a message: everything outside «…» (values,
/// names, a library's own text) and "…" (JSON keys and paths), except the tokens the project allows in
/// running Russian text — file names and patterns, mapping keys and JSON paths, date format patterns,
/// JSON literals, the format names CSV/XLSX/JSON and option names.
/// </summary>
internal static class LatinWords
{
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "CSV", "XLSX", "JSON", "null", "true", "false",
        "journal", "marks", "students", "columns", "ignoredColumns", "markTypes", "absenceValues", "consentValues",
        "Sheet", "Delimiter", "Encoding", "TimeZone",
    };

    private static readonly Regex Token = new(@"[A-Za-z0-9_.*/:\-]*[A-Za-z][A-Za-z0-9_.*/:\-]*", RegexOptions.CultureInvariant);
    private static readonly Regex FileName = new(@"^[\w*\-]*\.(csv|xlsx|xls|json)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex JsonPath = new(@"^[a-z]+[A-Za-z]*(\.[a-z]+[A-Za-z]*)+$", RegexOptions.CultureInvariant);
    private static readonly Regex DatePattern = new(@"^(dd|MM|yyyy|HH|mm|ss)([.:\-](dd|MM|yyyy|HH|mm|ss))*$", RegexOptions.CultureInvariant);
    private static readonly Regex Option = new(@"^--[a-z][a-z\-]*$", RegexOptions.CultureInvariant);

    /// <summary>The Latin words of <paramref name="message"/> outside quotes that are not allowed tokens.</summary>
    public static IReadOnlyList<string> In(string message) =>
        Token.Matches(Unquoted(message))
            .Select(m => m.Value.TrimEnd('.', ':', '-'))
            .Where(t => t.Length > 0 && !IsAllowed(t))
            .ToList();

    private static bool IsAllowed(string token) =>
        Allowed.Contains(token) || FileName.IsMatch(token) || JsonPath.IsMatch(token) || DatePattern.IsMatch(token) || Option.IsMatch(token);

    /// <summary>The text with «…» (nested too) and "…" spans replaced by a space.</summary>
    private static string Unquoted(string message)
    {
        var text = new StringBuilder(message.Length);
        var guillemets = 0;
        var quoted = false;
        foreach (var c in message)
        {
            if (c == '«' && !quoted)
            {
                guillemets++;
            }
            else if (c == '»' && !quoted && guillemets > 0)
            {
                guillemets--;
                text.Append(' ');
            }
            else if (c == '"' && guillemets == 0)
            {
                quoted = !quoted;
                text.Append(' ');
            }
            else if (guillemets == 0 && !quoted)
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
