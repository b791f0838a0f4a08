using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;
using Eljur.Abstractions.Time;

namespace Eljur.Abstractions.Evaluation;

/// <summary>
/// Evaluates a policy on a snapshot: binds each rule use, checks the capabilities it needs against
/// what the source declared (a rule that lacks them is listed as not evaluable, never passed),
/// runs the rule over indexes shared by the whole policy, and sorts the findings.
/// </summary>
public sealed class PolicyEngine : IPolicyEngine
{
    private readonly IRuleCatalog _catalog;
    private readonly IProductionCalendar _calendar;
    private readonly TimeProvider _time;

    /// <summary>Creates an engine.</summary>
    /// <param name="catalog">The rules policies may use.</param>
    /// <param name="calendar">The production calendar.</param>
    /// <param name="timeProvider">Source of "now" for the default as-of moment.</param>
    public PolicyEngine(IRuleCatalog catalog, IProductionCalendar calendar, TimeProvider timeProvider)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <inheritdoc />
    public IReadOnlyList<BoundRule> Bind(Policy policy)
    {
        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        var bound = new List<BoundRule>(policy.Uses.Count);
        foreach (var use in policy.Uses)
        {
            if (!_catalog.TryGet(use.RuleId, out var rule))
            {
                throw new PolicyException($"unknown rule \"{use.RuleId}\"", use.Path + ".rule");
            }

            bound.Add(rule.Bind(use.Parameters));
        }

        return bound;
    }

    /// <inheritdoc />
    public EvaluationReport Evaluate(GradebookSnapshot snapshot, Policy policy, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (snapshot is null)
        {
            throw new ArgumentNullException(nameof(snapshot));
        }

        options ??= new EvaluationOptions();
        var bound = Bind(policy);
        var clock = new SchoolClock(SchoolTimeZone.Resolve(snapshot.School.TimeZone), snapshot.School.WorkWeek, _calendar);
        var asOf = clock.ToSchoolTime(options.AsOf ?? _time.GetUtcNow());
        var from = (options.From ?? snapshot.Source.From).Date;
        var to = (options.To ?? snapshot.Source.To).Date;
        if (to < from)
        {
            throw new ArgumentException($"The range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(options));
        }

        // Facts dated after as-of have not happened yet (rules.md, "Time").
        var data = new EvaluationData(AsOfView.Of(snapshot, asOf, asOf.Date), clock, from, to, asOf);
        var findings = new List<Finding>();
        var metrics = new List<MetricResult>();
        var notEvaluable = new List<NotEvaluableEntry>();

        for (var i = 0; i < bound.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rule = bound[i];
            var use = policy.Uses[i];
            var id = rule.Definition.Id;

            var disabled = new HashSet<string>(StringComparer.Ordinal);
            var ruleMissing = new List<string>();
            var firstEntryOfThisUse = notEvaluable.Count;
            foreach (var need in rule.Needs)
            {
                var missing = MissingFor(need, data.Capabilities);
                if (missing.Count == 0)
                {
                    continue;
                }

                if (need.Aspect is null)
                {
                    ruleMissing.AddRange(missing.Where(m => !ruleMissing.Contains(m)));
                }
                else
                {
                    disabled.Add(need.Aspect);
                    notEvaluable.Add(new NotEvaluableEntry { Rule = id, Aspect = need.Aspect, Missing = missing });
                }
            }

            if (ruleMissing.Count > 0)
            {
                // Drop this use's aspect entries (the whole rule is out); earlier uses of the same rule keep theirs.
                notEvaluable.RemoveRange(firstEntryOfThisUse, notEvaluable.Count - firstEntryOfThisUse);
                notEvaluable.Add(new NotEvaluableEntry { Rule = id, Aspect = null, Missing = ruleMissing });
                if (rule.Definition.IsMetric)
                {
                    metrics.Add(Metric(use, id, null, null));
                }

                continue;
            }

            var context = new RuleContext(rule.Definition, use, data, findings, disabled);
            rule.Evaluate(context);

            foreach (var pair in context.NotEvaluableAspects)
            {
                var aspect = pair.Key.Length == 0 ? null : pair.Key;
                if (aspect is not null && disabled.Contains(aspect))
                {
                    continue;
                }

                notEvaluable.Add(new NotEvaluableEntry { Rule = id, Aspect = aspect, Missing = pair.Value.ToList() });
            }

            if (rule.Definition.IsMetric)
            {
                metrics.Add(Metric(use, id, context.MetricNumerator, context.MetricDenominator));
            }
        }

        SortFindings(findings);
        return new EvaluationReport
        {
            PolicyId = policy.Id,
            PolicyTitle = policy.Title,
            AsOf = asOf,
            From = from,
            To = to,
            SchoolName = snapshot.School.Name,
            TimeZone = snapshot.School.TimeZone,
            Findings = findings,
            Metrics = metrics,
            NotEvaluable = notEvaluable,
            Warnings = Warnings(data),
        };
    }

    /// <summary>What the reader must know to trust the result (cli.md, <c>warnings</c>), in Russian.</summary>
    private static List<string> Warnings(EvaluationData data)
    {
        var warnings = new List<string>();
        if (UnmappedSummary.Describe(data.Snapshot.Source.Unmapped) is { } unmapped)
        {
            warnings.Add(unmapped);
        }

        warnings.AddRange(data.CalendarNotes.Warnings());
        if (!HoldsRecords(data))
        {
            var source = data.Snapshot.Source;
            warnings.Add(
                $"В проверяемом периоде с {RussianText.Date(data.From)} по {RussianText.Date(data.To)} нет ни одного урока и ни одной отметки: проверять было нечего. "
                + $"Снимок охватывает период с {RussianText.Date(source.From)} по {RussianText.Date(source.To)}; проверьте границы периода (--from, --to).");
        }

        return warnings;
    }

    /// <summary>Whether a lesson or a mark is dated in the check range.</summary>
    private static bool HoldsRecords(EvaluationData data)
    {
        foreach (var lesson in data.Lessons)
        {
            if (lesson.Date >= data.From && lesson.Date <= data.To)
            {
                return true;
            }
        }

        foreach (var mark in data.Marks)
        {
            if (mark.Date >= data.From && mark.Date <= data.To)
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> MissingFor(CapabilityNeed need, CapabilitySet capabilities)
    {
        var missing = capabilities.Missing(need.AllOf).ToList();
        if (need.AnyOf.Count > 0 && !need.AnyOf.Any(capabilities.Has))
        {
            missing.AddRange(need.AnyOf.Where(c => !missing.Contains(c)));
        }

        return missing;
    }

    private static MetricResult Metric(RuleUse use, string id, long? numerator, long? denominator)
    {
        double? value = null;
        bool? passed = null;
        if (denominator is > 0 && numerator is { } n)
        {
            var exact = (double)n / denominator.Value;
            value = Math.Round(exact, 4, MidpointRounding.AwayFromZero);
            if (use.Threshold is { } threshold)
            {
                passed = use.ThresholdIsMaximum ? exact <= threshold + 1e-12 : exact >= threshold - 1e-12;
            }
        }

        return new MetricResult
        {
            Metric = id,
            Clause = use.Clause,
            Value = value,
            Numerator = numerator ?? 0,
            Denominator = denominator ?? 0,
            Threshold = use.Threshold,
            ThresholdIsMaximum = use.ThresholdIsMaximum,
            Passed = passed,
        };
    }

    /// <summary>
    /// Sorts by rule, entity id, aspect, deadline and clause; findings equal in all of these keep the
    /// order they were reported in. A large report is sorted on small keys — the rank of the rule among
    /// the report's rules and the entity id's first characters packed into two integers in ordinal order
    /// (sixteen characters when all of them are below U+0100, eight otherwise) — so the sort compares
    /// integers and never calls through the findings; runs of findings whose keys are equal (an id longer
    /// than the packed part, or one entity found more than once) are then put in order by the full
    /// comparison.
    /// </summary>
    private static void SortFindings(List<Finding> findings)
    {
        if (findings.Count < 2)
        {
            return;
        }

        var items = findings.ToArray();
        var ranks = RuleRanks(items);
        // The ids' first sixteen characters at 8 bits each, in one pass (each id is read once); when some
        // id has a character above U+0100 there, the first eight at 16 bits instead.
        var keys = new FindingKey[items.Length];
        var narrow = true;
        for (var i = 0; i < items.Length; i++)
        {
            var id = items[i].Entity.Id;
            ulong head = 0, next = 0;
            uint max = 0;
            for (var c = 0; c < 16; c++)
            {
                uint ch = c < id.Length ? id[c] : 0u;
                max |= ch;
                if (c < 8)
                {
                    head = (head << 8) | (ch & 0xFF);
                }
                else
                {
                    next = (next << 8) | (ch & 0xFF);
                }
            }

            narrow &= max <= 0xFF;
            keys[i] = new FindingKey(ranks[i], head, next, i);
        }

        if (!narrow)
        {
            for (var i = 0; i < items.Length; i++)
            {
                var id = items[i].Entity.Id;
                ulong head = 0, next = 0;
                for (var c = 0; c < 8; c++)
                {
                    uint ch = c < id.Length ? id[c] : 0u;
                    if (c < 4)
                    {
                        head = (head << 16) | ch;
                    }
                    else
                    {
                        next = (next << 16) | ch;
                    }
                }

                keys[i] = new FindingKey(ranks[i], head, next, i);
            }
        }

        Array.Sort(keys);

        // Equal keys were ordered by report order; order such runs by the whole comparison.
        var full = new FindingComparer(items);
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end].SamePrefix(keys[start]))
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(keys, start, end - start, full);
            }

            start = end;
        }

        for (var i = 0; i < keys.Length; i++)
        {
            findings[i] = items[keys[i].Index];
        }
    }

    /// <summary>Each finding's rank of its rule id in ordinal order among the report's rule ids.</summary>
    private static int[] RuleRanks(Finding[] items)
    {
        var rules = new List<string>();
        var firstRank = new int[items.Length];
        string? lastRule = null;
        var lastRank = -1;
        for (var i = 0; i < items.Length; i++)
        {
            var rule = items[i].Rule;
            if (!ReferenceEquals(rule, lastRule))
            {
                lastRule = rule;
                lastRank = -1;
                for (var r = 0; r < rules.Count; r++)
                {
                    if (string.Equals(rules[r], rule, StringComparison.Ordinal))
                    {
                        lastRank = r;
                        break;
                    }
                }

                if (lastRank < 0)
                {
                    lastRank = rules.Count;
                    rules.Add(rule);
                }
            }

            firstRank[i] = lastRank;
        }

        // Ranks were handed out in order of appearance: turn them into the ordinal order of the ids.
        var byName = new int[rules.Count];
        for (var r = 0; r < byName.Length; r++)
        {
            byName[r] = r;
        }

        Array.Sort(byName, (a, b) => string.CompareOrdinal(rules[a], rules[b]));
        var order = new int[rules.Count];
        for (var r = 0; r < byName.Length; r++)
        {
            order[byName[r]] = r;
        }

        for (var i = 0; i < firstRank.Length; i++)
        {
            firstRank[i] = order[firstRank[i]];
        }

        return firstRank;
    }

    private readonly struct FindingKey : IComparable<FindingKey>
    {
        private readonly ulong _head;
        private readonly ulong _next;
        private readonly int _rank;

        public FindingKey(int rank, ulong head, ulong next, int index)
        {
            _rank = rank;
            _head = head;
            _next = next;
            Index = index;
        }

        public int Index { get; }

        public bool SamePrefix(FindingKey other) => _rank == other._rank && _head == other._head && _next == other._next;

        public int CompareTo(FindingKey other)
        {
            if (_rank != other._rank)
            {
                return _rank < other._rank ? -1 : 1;
            }

            if (_head != other._head)
            {
                return _head < other._head ? -1 : 1;
            }

            if (_next != other._next)
            {
                return _next < other._next ? -1 : 1;
            }

            return Index.CompareTo(other.Index);
        }
    }

    /// <summary>The whole order, for keys equal in their packed part.</summary>
    private sealed class FindingComparer : IComparer<FindingKey>
    {
        private readonly Finding[] _findings;

        public FindingComparer(Finding[] findings) => _findings = findings;

        public int Compare(FindingKey a, FindingKey b)
        {
            var x = _findings[a.Index];
            var y = _findings[b.Index];
            var c = string.CompareOrdinal(x.Entity.Id, y.Entity.Id);
            if (c != 0)
            {
                return c;
            }

            c = string.CompareOrdinal(x.Aspect, y.Aspect);
            if (c != 0)
            {
                return c;
            }

            c = Nullable.Compare(x.Deadline, y.Deadline);
            if (c != 0)
            {
                return c;
            }

            c = string.CompareOrdinal(x.Clause, y.Clause);
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        }
    }
}
