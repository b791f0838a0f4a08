using System;
using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;

namespace Eljur.Rules.Reports.Grouping;

/// <summary>
/// Groups a report's findings into the cases a teacher acts on (<see cref="FindingGroup"/>): the late or missing
/// marks of one lesson or written work, the late absences of one lesson, the period marks of one class, subject
/// and period — same rule, clause, aspect, certainty, responsible and deadline. Every other finding is a case of
/// its own. Groups come ordered by date (the record's, not its id), then rule, then the first entity id. Used by
/// the compliance report, the notices and the gateway's pages.
/// </summary>
public static class FindingGrouper
{
    /// <summary>Groups findings, reading the snapshot for the lessons, works, classes and subjects they concern.</summary>
    /// <param name="findings">Findings of one report.</param>
    /// <param name="snapshot">The snapshot the report was evaluated on; without it every finding is a case of its own, dated by its deadline.</param>
    /// <returns>The groups, by date.</returns>
    public static IReadOnlyList<FindingGroup> Group(IReadOnlyList<Finding> findings, GradebookSnapshot? snapshot)
    {
        if (findings is null)
        {
            throw new ArgumentNullException(nameof(findings));
        }

        var works = new WorkLookup(snapshot, findings);
        var open = new Dictionary<(string, string?, string, Certainty, string?, string, DateTimeOffset?), List<Finding>>();
        var ordered = new List<(Work Work, List<Finding> Findings)>();
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            var work = works.Of(f);
            if (work.Key is null || !(f.Aspect is "late" or "missing"))
            {
                ordered.Add((work, new List<Finding> { f }));
                continue;
            }

            var key = (f.Rule, f.Clause, f.Aspect, f.Certainty, f.Responsible?.Id, work.Key, f.Deadline);
            if (!open.TryGetValue(key, out var list))
            {
                list = new List<Finding>();
                open.Add(key, list);
                ordered.Add((work, list));
            }

            list.Add(f);
        }

        return ordered
            .Select(g => Make(g.Work, g.Findings))
            .OrderBy(g => g.Date ?? DateTime.MaxValue)
            .ThenBy(g => g.Rule, StringComparer.Ordinal)
            .ThenBy(g => g.Findings[0].Entity.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static FindingGroup Make(Work work, List<Finding> findings)
    {
        var first = findings[0];
        DateTimeOffset? observed = null;
        TimeSpan? delay = null;
        var severity = first.Severity;
        foreach (var f in findings)
        {
            if (f.Observed is { } o && (observed is null || o > observed))
            {
                observed = o;
            }

            if (f.Observed is { } seen && f.Deadline is { } due && (delay is null || seen - due > delay))
            {
                delay = seen - due;
            }

            severity = f.Severity < severity ? f.Severity : severity;
        }

        return new FindingGroup
        {
            Rule = first.Rule,
            Clause = first.Clause,
            Aspect = first.Aspect,
            Certainty = first.Certainty,
            Severity = severity,
            Responsible = first.Responsible,
            Date = work.Date ?? first.Deadline?.Date ?? first.Observed?.Date,
            Deadline = first.Deadline,
            Observed = observed,
            Delay = delay,
            Summary = findings.Count > 1 ? Summary(work, findings, first) : null,
            Findings = findings,
        };
    }

    private static string Summary(Work work, List<Finding> findings, Finding first)
    {
        var n = findings.Count;
        var noun = n + " " + RussianText.Plural(n, work.One, work.Few, work.Many);
        var due = first.Deadline is { } d ? ", срок " + RussianText.Date(d.Date) : "";
        if (first.Aspect == "missing")
        {
            return $"{work.Label} — не внесено: {noun}{due}";
        }

        var dates = findings.Where(f => f.Observed.HasValue).Select(f => f.Observed!.Value.Date).ToList();
        var when = dates.Count == 0 ? "" : dates.Min() == dates.Max() ? " " + RussianText.Date(dates[0]) : $" с {RussianText.Date(dates.Min())} по {RussianText.Date(dates.Max())}";
        var verb = RussianText.Plural(n, work.Entered, "внесены", "внесены");
        return first.Certainty == Certainty.Possible
            ? $"{work.Label} — {noun}: впервые замечены{when}{due}; время внесения известно только по опросу журнала, опоздание возможно"
            : $"{work.Label} — {noun} {verb}{when}{due}";
    }
}
