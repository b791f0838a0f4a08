using System;
using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;

namespace Eljur.Rules.Metrics;

/// <summary>
/// The student-subject pairs of <c>students-without-marks</c> and <c>students-with-one-mark</c>: an enrolled
/// student (enrolled on some day of the range up to as-of) and a subject with a held lesson for their class in
/// range, each with its number of <c>current</c> or <c>written</c> marks in range.
/// </summary>
internal static class StudentSubjectPairs
{
    /// <summary>The mark count of every pair.</summary>
    public static IEnumerable<int> MarkCounts(EvaluationData data)
    {
        var subjectsByClass = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var lesson in data.LessonsInScope)
        {
            if (!subjectsByClass.TryGetValue(lesson.ClassId, out var set))
            {
                set = new HashSet<string>(StringComparer.Ordinal);
                subjectsByClass.Add(lesson.ClassId, set);
            }

            set.Add(lesson.SubjectId);
        }

        var counts = new Dictionary<(string StudentId, string SubjectId), int>();
        foreach (var mark in data.MarksInScope)
        {
            if (mark.Kind is MarkKind.Current or MarkKind.Written)
            {
                var key = (mark.StudentId, mark.SubjectId);
                counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
            }
        }

        var last = data.To < data.AsOfDate ? data.To : data.AsOfDate;
        foreach (var student in data.Students)
        {
            if ((student.EnrolledOn is { } enrolled && enrolled.Date > last) || (student.LeftOn is { } left && left.Date < data.From))
            {
                continue;
            }

            if (!subjectsByClass.TryGetValue(student.ClassId, out var subjects))
            {
                continue;
            }

            foreach (var subjectId in subjects)
            {
                yield return counts.TryGetValue((student.Id, subjectId), out var n) ? n : 0;
            }
        }
    }

    /// <summary>Pairs whose mark count satisfies <paramref name="predicate"/> / all pairs.</summary>
    public static (long Numerator, long Denominator) Ratio(EvaluationData data, Func<int, bool> predicate)
    {
        long matching = 0, pairs = 0;
        foreach (var count in MarkCounts(data))
        {
            pairs++;
            if (predicate(count))
            {
                matching++;
            }
        }

        return (matching, pairs);
    }
}
