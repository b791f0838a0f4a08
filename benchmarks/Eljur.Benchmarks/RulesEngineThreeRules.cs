using System;
using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Time;
using RulesEngine.Models;

namespace Eljur.Benchmarks;

/// <summary>What the rules of the RulesEngine workflow see of one mark (a flat, typed input, joined beforehand).</summary>
public sealed class MarkFacts
{
    /// <summary>(int)<see cref="MarkKind"/>: 0 current, 1 written.</summary>
    public int Kind { get; set; }

    public DateTime Date { get; set; }

    public string SubjectName { get; set; } = "";

    public DateTimeOffset EnteredAt { get; set; }

    public DateTimeOffset? EnteredAfter { get; set; }

    public int RevisionCount { get; set; }
}

/// <summary>
/// The deadline helpers the workflow's expressions call (registered with <see cref="ReSettings.CustomTypes"/>):
/// what a .NET team would write next to a general rules engine — the school's clock, the production
/// calendar, memoised per date, and the observed-times judgement shared with the SDK.
/// </summary>
public static class Deadlines
{
    private static readonly Dictionary<long, DateTimeOffset> Memo = new();
    private static SchoolClock? _clock;
    private static DateTimeOffset _asOf;

    public static void Configure(SchoolClock clock, DateTimeOffset asOf)
    {
        _clock = clock;
        _asOf = asOf;
        Memo.Clear();
    }

    /// <summary>The end of the date.</summary>
    public static DateTimeOffset SameDay(DateTime date) => WorkingDays(date, 0);

    /// <summary>The end of the n-th working day after the date (0: the date itself).</summary>
    public static DateTimeOffset WorkingDays(DateTime date, int days)
    {
        var key = (date.Date.Ticks / TimeSpan.TicksPerDay * 64) + days;
        if (!Memo.TryGetValue(key, out var deadline))
        {
            var clock = _clock ?? throw new InvalidOperationException("Deadlines.Configure first");
            deadline = clock.EndOfDay(days == 0 ? date : clock.AddWorkingDays(date, days));
            Memo.Add(key, deadline);
        }

        return deadline;
    }

    /// <summary>A deadline passed by the as-of moment and missed, certainly or possibly.</summary>
    public static bool Missed(DateTimeOffset deadline, DateTimeOffset enteredAt, DateTimeOffset? enteredAfter) =>
        deadline < _asOf && EntryJudgement.Judge(deadline, enteredAt, enteredAfter) is not null;
}

/// <summary>
/// current-mark-entry (sameDay), written-mark-entry (10 working days for Russian and literature, 5 for
/// the rest) and mark-correction (windowDays null: every correction is forbidden) as one Microsoft
/// RulesEngine workflow, run mark by mark over the same data as the SDK's engine.
/// </summary>
public sealed class RulesEngineThreeRules
{
    public const string Workflow = "lyceum68-marks";
    public const string CurrentMarkEntry = "current-mark-entry";
    public const string WrittenMarkEntry = "written-mark-entry";
    public const string MarkCorrection = "mark-correction";

    private readonly RulesEngine.RulesEngine _engine;

    public RulesEngineThreeRules()
    {
        var workflow = new Workflow
        {
            WorkflowName = Workflow,
            Rules = new[]
            {
                new Rule
                {
                    RuleName = CurrentMarkEntry,
                    RuleExpressionType = RuleExpressionType.LambdaExpression,
                    Expression = "m.Kind == 0 AND Deadlines.Missed(Deadlines.SameDay(m.Date), m.EnteredAt, m.EnteredAfter)",
                },
                new Rule
                {
                    RuleName = WrittenMarkEntry,
                    RuleExpressionType = RuleExpressionType.LambdaExpression,
                    Expression = "m.Kind == 1 AND Deadlines.Missed(Deadlines.WorkingDays(m.Date, iif(m.SubjectName == \"Русский язык\" OR m.SubjectName == \"Литература\", 10, 5)), m.EnteredAt, m.EnteredAfter)",
                },
                new Rule
                {
                    RuleName = MarkCorrection,
                    RuleExpressionType = RuleExpressionType.LambdaExpression,
                    Expression = "m.RevisionCount > 0",
                },
            },
        };
        _engine = new RulesEngine.RulesEngine(new[] { workflow }, new ReSettings { CustomTypes = new[] { typeof(Deadlines) } });
    }

    /// <summary>
    /// Runs the workflow over the marks in scope (the range up to the as-of date, cancelled lessons
    /// excluded, as the SDK scopes them) and counts the violations per rule; mark-correction counts each
    /// revision, as the SDK reports one finding per revision.
    /// </summary>
    public Dictionary<string, int> Run(GradebookSnapshot snapshot, DateTimeOffset asOf)
    {
        var clock = new SchoolClock(SchoolTimeZone.Resolve(snapshot.School.TimeZone), snapshot.School.WorkWeek, ProductionCalendar.Russia);
        var localAsOf = clock.ToSchoolTime(asOf);
        Deadlines.Configure(clock, localAsOf);
        var from = snapshot.Source.From.Date;
        var to = snapshot.Source.To.Date;
        var lastDate = localAsOf.Date < to ? localAsOf.Date : to;

        var cancelled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lesson in snapshot.Lessons ?? Array.Empty<Lesson>())
        {
            if (lesson.Held == false)
            {
                cancelled.Add(lesson.Id);
            }
        }

        var subjectNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var subject in snapshot.Subjects ?? Array.Empty<Subject>())
        {
            subjectNames[subject.Id] = subject.Name;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal) { [CurrentMarkEntry] = 0, [WrittenMarkEntry] = 0, [MarkCorrection] = 0 };
        foreach (var mark in snapshot.Marks ?? Array.Empty<Mark>())
        {
            // A mark entered after the as-of moment does not exist yet (rules.md, "Time").
            if (mark.Date < from || mark.Date > lastDate || mark.EnteredAt is not { } enteredAt || enteredAt > localAsOf
                || (mark.LessonId is not null && cancelled.Contains(mark.LessonId)))
            {
                continue;
            }

            var revisions = mark.Revisions.Count(r => r.At <= localAsOf);

            // Only marks one of the three rules can concern go to the engine.
            if (mark.Kind is not (MarkKind.Current or MarkKind.Written) && revisions == 0)
            {
                continue;
            }

            var facts = new MarkFacts
            {
                Kind = (int)mark.Kind,
                Date = mark.Date,
                SubjectName = subjectNames.TryGetValue(mark.SubjectId, out var name) ? name : mark.SubjectId,
                EnteredAt = enteredAt,
                EnteredAfter = mark.EnteredAfter,
                RevisionCount = revisions,
            };
            var results = _engine.ExecuteAllRulesAsync(Workflow, new RuleParameter("m", facts)).GetAwaiter().GetResult();
            foreach (var result in results)
            {
                if (!string.IsNullOrEmpty(result.ExceptionMessage))
                {
                    throw new InvalidOperationException($"RulesEngine rule {result.Rule.RuleName} failed: {result.ExceptionMessage}");
                }

                if (result.IsSuccess)
                {
                    counts[result.Rule.RuleName] += result.Rule.RuleName == MarkCorrection ? facts.RevisionCount : 1;
                }
            }
        }

        return counts;
    }
}
