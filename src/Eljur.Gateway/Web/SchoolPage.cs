using System;
using System.Collections.Generic;
using System.Linq;
using Eljur.Gateway.Runs;

namespace Eljur.Gateway.Web;

/// <summary>The school page's findings filters and row limit (the page is <c>Pages/Gateway/School.cshtml</c>).</summary>
internal static class SchoolPage
{
    public const int MaxRows = 300;

    public sealed record Filters(string? Rule, string? Teacher, string? Class, string? Certainty)
    {
        public bool Match(FindingRow f) =>
            (string.IsNullOrEmpty(Rule) || f.Rule == Rule)
            && (string.IsNullOrEmpty(Teacher) || (Teacher == "-" ? f.TeacherId is null : f.TeacherId == Teacher))
            && (string.IsNullOrEmpty(Class) || f.ClassName == Class)
            && (string.IsNullOrEmpty(Certainty) || FindingKinds.Kind(f) == Certainty);
    }

    /// <summary>The filter selects: name, title, the chosen value and the options (value, text).</summary>
    public static IReadOnlyList<(string Name, string Title, string? Current, List<(string Value, string Text)> Options)> Selects(RunView view, Filters filters) => new[]
    {
        ("rule", "Правило", filters.Rule, view.Findings.GroupBy(f => f.Rule).Select(g => (g.Key, g.First().RuleTitle)).OrderBy(x => x.Item2).ToList()),
        ("teacher", "Учитель", filters.Teacher, view.Findings.GroupBy(f => f.TeacherId ?? "-").Select(g => (g.Key, g.First().TeacherName ?? "Администрация школы")).OrderBy(x => x.Item2).ToList()),
        ("class", "Класс", filters.Class, view.Findings.Where(f => f.ClassName is not null).Select(f => f.ClassName!).Distinct().OrderBy(c => c).Select(c => (c, c)).ToList()),
        ("certainty", "Достоверность", filters.Certainty, new List<(string, string)> { ("certain", "точные"), ("possible", "возможные"), ("info", "к сведению") }),
    };
}
