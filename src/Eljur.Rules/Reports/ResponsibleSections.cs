using System;
using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Evaluation;
using Eljur.Rules.Reports.Grouping;
using Eljur.Rules.Reports.Models;

namespace Eljur.Rules.Reports;

/// <summary>The teacher-by-teacher part of the compliance report: the cases of each person, ranked by breaches.</summary>
internal static class ResponsibleSections
{
    public const string AdministrationName = "Администрация школы";

    /// <summary>Sections of the teachers (most breaches first, then name) and of the administration (null when it has nothing).</summary>
    public static (List<ResponsibleSectionModel> Teachers, ResponsibleSectionModel? Administration) Build(
        IReadOnlyList<FindingGroup> groups, StudentNamer namer, IRuleCatalog catalog, Func<string, string?, string?> quote)
    {
        var byPerson = new Dictionary<string, List<FindingGroup>>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var administration = new List<FindingGroup>();
        foreach (var g in groups)
        {
            if (g.Responsible is not { } who)
            {
                administration.Add(g);
                continue;
            }

            if (!byPerson.TryGetValue(who.Id, out var list))
            {
                list = new List<FindingGroup>();
                byPerson.Add(who.Id, list);
                names.Add(who.Id, who.Name);
            }

            list.Add(g);
        }

        var teachers = byPerson
            .Select(p => Section(p.Key, names[p.Key], p.Value, namer, catalog, quote))
            .OrderByDescending(s => s.Breaches)
            .ThenByDescending(s => s.Possible)
            .ThenBy(s => s.Name, StringComparer.Create(RussianText.Culture, false))
            .Select((s, i) => s with { Anchor = "teacher-" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .ToList();
        return (teachers, administration.Count == 0 ? null : Section(null, AdministrationName, administration, namer, catalog, quote));
    }

    private static ResponsibleSectionModel Section(string? id, string name, List<FindingGroup> groups, StudentNamer namer, IRuleCatalog catalog, Func<string, string?, string?> quote)
    {
        bool IsBreach(FindingGroup g) => g.Severity != Severity.Info && g.Certainty == Certainty.Certain;
        var breaches = groups.Where(IsBreach).ToList();
        var byRule = breaches
            .GroupBy(g => g.Rule)
            .Select(r => new RuleCountModel { Rule = r.Key, Name = ReportText.RuleNoun(r.Key, catalog), Count = r.Count() })
            .OrderByDescending(r => r.Count)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var worst = breaches.Where(g => g.Delay.HasValue).Select(g => g.Delay!.Value).DefaultIfEmpty(TimeSpan.Zero).Max();
        var missing = breaches.Any(g => g.Aspect == "missing");
        return new ResponsibleSectionModel
        {
            Id = id,
            Name = name,
            IsAdministration = id is null,
            Anchor = "administration",
            Breaches = breaches.Count,
            Possible = groups.Count(g => g.Severity != Severity.Info && g.Certainty == Certainty.Possible),
            Notes = groups.Count(g => g.Severity == Severity.Info),
            FindingCount = groups.Sum(g => g.Findings.Count),
            ByRule = byRule,
            ByRuleText = string.Join("; ", byRule.Select(r => $"{r.Name} — {r.Count}")),
            WorstDelay = worst > TimeSpan.Zero ? Delay(worst) : missing ? "не внесено" : "—",
            Clauses = groups
                .Where(g => g.Severity != Severity.Info)
                .Select(g => (g.Rule, g.Clause))
                .Distinct()
                .Select(c => (Clause: string.IsNullOrWhiteSpace(c.Clause) ? "—" : c.Clause!, Title: catalog.TryGet(c.Rule, out var definition) ? definition.Title : c.Rule, Quote: quote(c.Rule, c.Clause)))
                .GroupBy(c => (c.Clause, c.Quote))
                .Select(c => new ClauseModel { Clause = c.Key.Clause, Title = string.Join("; ", c.Select(x => x.Title)), Quote = c.Key.Quote })
                .ToList(),
            Cases = groups.Select(g => Case(g, namer, catalog)).ToList(),
        };
    }

    private static CaseModel Case(FindingGroup g, StudentNamer namer, IRuleCatalog catalog)
    {
        var first = g.Findings[0];
        var possible = g.Certainty == Certainty.Possible;
        var ids = g.Findings.Take(3).Select(f => f.Entity.Id).ToList();
        var tech = string.Join(", ", ids) + (g.Findings.Count > ids.Count ? $" и ещё {g.Findings.Count - ids.Count}" : "");
        return new CaseModel
        {
            Date = g.Date is { } d ? RussianText.Date(d) : "—",
            Rule = g.Rule,
            RuleTitle = Capitalized(ReportText.RuleNoun(g.Rule, catalog)),
            Clause = string.IsNullOrWhiteSpace(g.Clause) ? "—" : g.Clause!,
            What = g.Summary ?? namer.Scrub(first.Message, first.Entity.Id),
            Count = g.Findings.Count,
            Deadline = g.Deadline is { } dl ? RussianText.Moment(dl) : null,
            Observed = g.Observed is { } o ? RussianText.Moment(o) : null,
            IsPossible = possible,
            IsNote = g.Severity == Severity.Info,
            Severity = ReportJsonWriter.Name(g.Severity),
            SeverityText = possible ? "возможно" : ReportText.Severity(g.Severity),
            TechIds = tech,
        };
    }

    /// <summary>A delay in words: «3 ч», «1 день», «8 дней».</summary>
    public static string Delay(TimeSpan delay)
    {
        if (delay.TotalDays >= 1)
        {
            var days = (int)Math.Floor(delay.TotalDays);
            return days + " " + RussianText.Plural(days, "день", "дня", "дней");
        }

        var hours = Math.Max(1, (int)Math.Ceiling(delay.TotalHours));
        return hours + " ч";
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpper(text[0], RussianText.Culture) + text.Substring(1);
}
