using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;

namespace Eljur.Rules.Tests.Reports;

/// <summary>
/// Finds Latin words in the text a school reads of a report: everything but the technical column (ids), tooltips and
/// attributes, the regulation's own quoted words (blockquotes) and data quoted in «…» (a topic written in English is
/// the vendor's text, not ours). Shared by the rule and the CLI tests (linked into both).
/// </summary>
internal static class PlainRussian
{
    /// <summary>The Latin words of a report in a format (<c>html</c>, <c>md</c> or <c>text</c>), with a little context each.</summary>
    public static IReadOnlyList<string> LatinWords(string report, string format)
    {
        var text = format switch
        {
            "html" => Html(report),
            "md" => Regex.Replace(Regex.Replace(report, "`[^`\n]*`", " "), "^>.*$", " ", RegexOptions.Multiline),
            _ => Regex.Replace(report, "⟦[^⟧\n]*⟧", " "),
        };
        text = Regex.Replace(text, "«[^«»\n]*»", " ");
        return Regex.Matches(text, @"(?<![\w\-])[A-Za-z][A-Za-z\-]*[A-Za-z]")
            .Cast<Match>()
            .Select(m => m.Value + " ← …" + text.Substring(System.Math.Max(0, m.Index - 40), System.Math.Min(80, text.Length - System.Math.Max(0, m.Index - 40))).Replace('\n', ' ') + "…")
            .ToList();
    }

    private static string Html(string html)
    {
        var text = Regex.Replace(html, "<style>.*?</style>", " ", RegexOptions.Singleline);
        text = Regex.Replace(text, "<!DOCTYPE[^>]*>", " ");
        text = Regex.Replace(text, "<(span|td|th)[^>]*class=\"[^\"]*\\btech\\b[^\"]*\"[^>]*>.*?</\\1>", " ", RegexOptions.Singleline);
        text = Regex.Replace(text, "<blockquote[^>]*>.*?</blockquote>", " ", RegexOptions.Singleline);
        text = Regex.Replace(text, "<[^>]+>", " ");
        return WebUtility.HtmlDecode(text);
    }
}
