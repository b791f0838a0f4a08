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

        // The tables below are keyed by one string per level (ordinal hashing) rather than by tuples of
        // strings, and each period's table is found once: this rule reads every lesson and period mark.
        var subjectSets = new Dictionary<string, Dictionary<string, HashSet<string>>>(StringComparer.Ordinal);
        var markTables = new Dictionary<string, Dictionary<string, Dictionary<string, Mark>>>(StringComparer.Ordinal);
        var subjectsOf = new Dictionary<string, HashSet<string>>[periods.Count];
        var marksOf = new Dictionary<string, Dictionary<string, Mark>>[periods.Count];
        for (var i = 0; i < periods.Count; i++)
        {
            subjectsOf[i] = GetOrAdd(subjectSets, periods[i].Id);
            marksOf[i] = GetOrAdd(markTables, periods[i].Id);
        }

        // Subjects with a held lesson, per period and class: one pass over the lessons.
        foreach (var lesson in data.Lessons)
        {
            if (!lesson.IsHeld)
            {
                continue;
            }

            for (var i = 0; i < periods.Count; i++)
            {
                var period = periods[i];
                if (lesson.Date.Date >= period.Start.Date && lesson.Date.Date <= period.End.Date)
                {
                    GetOrAdd(subjectsOf[i], lesson.ClassId).Add(lesson.SubjectId);
                }
            }
        }

        // Each class's subjects in ordinal order, per period id.
        var subjects = new Dictionary<string, Dictionary<string, string[]>>(StringComparer.Ordinal);
        foreach (var pair in subjectSets)
        {
            var byClass = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var set in pair.Value)
            {
                var sorted = new string[set.Value.Count];
                set.Value.CopyTo(sorted);
                Array.Sort(sorted, StringComparer.Ordinal);
                byClass.Add(set.Key, sorted);
            }

            subjects.Add(pair.Key, byClass);
        }

        // The earliest-entered period mark per period, student and subject. Most marks are current or
        // written: the period and year marks are read from their own runs of the mark table.
        foreach (var mark in data.AllMarksOfKinds(MarkKind.Period, MarkKind.Year))
        {
            for (var i = 0; i < periods.Count; i++)
            {
                if (Counts(mark, periods[i]))
                {
                    var bySubject = GetOrAdd(marksOf[i], mark.StudentId);
                    if (!bySubject.TryGetValue(mark.SubjectId, out var existing) || Earlier(mark, existing))
                    {
                        bySubject[mark.SubjectId] = mark;
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

                if (!subjects[period.Id].TryGetValue(pair.Key, out var classSubjects))
                {
                    continue;
                }

                var periodMarks = markTables[period.Id];
                foreach (var student in pair.Value)
                {
                    if ((student.EnrolledOn is { } enrolled && enrolled.Date > period.Start.Date) || (student.LeftOn is { } left && left.Date < period.End.Date))
                    {
                        continue;
                    }

                    periodMarks.TryGetValue(student.Id, out var studentMarks);
                    foreach (var subjectId in classSubjects)
                    {
                        // The entity and the description are built only for a finding: most pairs have their mark in time.
                        Mark? mark = null;
                        if (studentMarks is null || !studentMarks.TryGetValue(subjectId, out mark))
                        {
                            if (deadline < context.AsOf)
                            {
                                context.Report(
                                    "missing",
                                    Entities.PeriodMark(student.Id, subjectId, period.Id),
                                    () => $"{Describe(data, period, student, schoolClass, subjectId)}: не выставлена; срок — до {RussianText.Moment(deadline)}.",
                                    deadline: deadline,
                                    responsible: data.Responsibility.MainTeacher(student.ClassId, subjectId, period.Start, period.End));
                            }

                            continue;
                        }

                        if (context.WouldReportEntry("late", deadline, mark.EnteredAt, mark.EnteredAfter))
                        {
                            context.CheckEntry(
                                "late",
                                Entities.PeriodMark(student.Id, subjectId, period.Id),
                                () => Describe(data, period, student, schoolClass, subjectId),
                                deadline,
                                mark.EnteredAt,
                                mark.EnteredAfter,
                                Capability.MarkEntryTimes,
                                data.Responsibility.MainTeacher(student.ClassId, subjectId, period.Start, period.End));
                        }
                    }
                }
            }
        }
    }

    private static TValue GetOrAdd<TValue>(Dictionary<string, TValue> table, string key)
        where TValue : new()
    {
        if (!table.TryGetValue(key, out var value))
        {
            value = new TValue();
            table.Add(key, value);
        }

        return value;
    }

    private static string Describe(EvaluationData data, Period period, Student student, SchoolClass? schoolClass, string subjectId) =>
        $"Отметка за период «{period.Name}», {student.Name}, {schoolClass?.Name ?? student.ClassId}, {data.FindSubject(subjectId)?.Name ?? subjectId}";

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
