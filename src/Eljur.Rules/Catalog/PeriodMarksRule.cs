using System;
using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;

namespace Eljur.Rules.Catalog;

/// <summary>
/// <c>period-marks</c>: for each period ended by as-of, each student enrolled for the whole period, in a
/// grade not exempt, has a <c>period</c> mark for every subject with a held lesson for their class in
/// that period (<c>missing</c>), entered by the end of the period's last day + <c>graceDays</c> (<c>late</c>).
/// </summary>
internal sealed class PeriodMarksRule : Rule<PeriodMarksRule.Parameters>
{
    public override string Id => "period-marks";

    public override string Title => "Отметки за учебный период выставлены в срок";

    protected override Parameters Parse(RuleParameters p)
    {
        var grace = p.GetInt("graceDays", 0, min: 0, max: 366);
        var exempt = p.GetIntList("exemptGrades", new[] { 1 }, min: 1, max: 12);
        return new Parameters(grace, new HashSet<int>(exempt));
    }

    protected override IEnumerable<CapabilityNeed> Needs(Parameters p)
    {
        // Lessons decide which subjects a class studied in the period; without them every check would pass vacuously.
        yield return new CapabilityNeed(null, Capability.Periods, Capability.Marks, Capability.Lessons);
        yield return new CapabilityNeed("late", Capability.MarkEntryTimes);
    }

    protected override void Evaluate(RuleContext context, Parameters p)
    {
        var data = context.Data;

        // Periods whose last day lies in the checked range (a period is judged in the range that contains its end).
        var periods = new List<Period>();
        foreach (var period in data.Periods)
        {
            if (period.End.Date >= data.From && period.End.Date <= data.To && context.Clock.EndOfDay(period.End) < context.AsOf)
            {
                periods.Add(period);
            }
        }

        if (periods.Count == 0)
        {
            return;
        }

        // Subjects with a held lesson, per period and class: one pass over the lessons.
        var subjects = new Dictionary<(string PeriodId, string ClassId), SortedSet<string>>();
        foreach (var lesson in data.Lessons)
        {
            if (!lesson.IsHeld)
            {
                continue;
            }

            foreach (var period in periods)
            {
                if (lesson.Date.Date >= period.Start.Date && lesson.Date.Date <= period.End.Date)
                {
                    var key = (period.Id, lesson.ClassId);
                    if (!subjects.TryGetValue(key, out var set))
                    {
                        set = new SortedSet<string>(StringComparer.Ordinal);
                        subjects.Add(key, set);
                    }

                    set.Add(lesson.SubjectId);
                }
            }
        }

        // The earliest-entered period mark per student, subject and period.
        var marks = new Dictionary<(string StudentId, string SubjectId, string PeriodId), Mark>();
        foreach (var mark in data.Marks)
        {
            foreach (var period in periods)
            {
                if (Counts(mark, period))
                {
                    var key = (mark.StudentId, mark.SubjectId, period.Id);
                    if (!marks.TryGetValue(key, out var existing) || Earlier(mark, existing))
                    {
                        marks[key] = mark;
                    }
                }
            }
        }

        var studentsByClass = new Dictionary<string, List<Student>>(StringComparer.Ordinal);
        foreach (var student in data.Students)
        {
            if (!studentsByClass.TryGetValue(student.ClassId, out var list))
            {
                list = new List<Student>();
                studentsByClass.Add(student.ClassId, list);
            }

            list.Add(student);
        }

        foreach (var period in periods)
        {
            var deadline = context.Clock.EndOfDay(period.End.Date.AddDays(p.GraceDays));
            foreach (var pair in studentsByClass)
            {
                var schoolClass = data.FindClass(pair.Key);

                // A class without a grade is not exempt: exemption must be provable.
                if (schoolClass?.Grade is { } grade && p.ExemptGrades.Contains(grade))
                {
                    continue;
                }

                if (!subjects.TryGetValue((period.Id, pair.Key), out var classSubjects))
                {
                    continue;
                }

                foreach (var student in pair.Value)
                {
                    if ((student.EnrolledOn is { } enrolled && enrolled.Date > period.Start.Date) || (student.LeftOn is { } left && left.Date < period.End.Date))
                    {
                        continue;
                    }

                    foreach (var subjectId in classSubjects)
                    {
                        var entity = Entities.PeriodMark(student.Id, subjectId, period.Id);
                        var what = $"Отметка за период «{period.Name}», {student.Name}, {schoolClass?.Name ?? student.ClassId}, {data.FindSubject(subjectId)?.Name ?? subjectId}";
                        if (!marks.TryGetValue((student.Id, subjectId, period.Id), out var mark))
                        {
                            if (deadline < context.AsOf)
                            {
                                context.Report("missing", entity, $"{what}: не выставлена; срок — до {RussianText.Moment(deadline)}.", deadline: deadline);
                            }

                            continue;
                        }

                        context.CheckEntry("late", entity, what, deadline, mark.EnteredAt, mark.EnteredAfter, Capability.MarkEntryTimes);
                    }
                }
            }
        }
    }

    // A period mark counts for the period it names; one without a period id for each period containing its date.
    // For a period of kind "year" the annual mark (kind "year") counts as its period mark.
    private static bool Counts(Mark mark, Period period)
    {
        if (mark.Kind is not (MarkKind.Period or MarkKind.Year))
        {
            return false;
        }

        if (mark.PeriodId is { } id)
        {
            return string.Equals(id, period.Id, StringComparison.Ordinal);
        }

        return (mark.Kind == MarkKind.Year) == (period.Kind == PeriodKind.Year)
            && mark.Date.Date >= period.Start.Date && mark.Date.Date <= period.End.Date;
    }

    private static bool Earlier(Mark candidate, Mark existing) =>
        candidate.EnteredAt is { } c && (existing.EnteredAt is not { } e || c < e);

    internal sealed record Parameters(int GraceDays, HashSet<int> ExemptGrades);
}
