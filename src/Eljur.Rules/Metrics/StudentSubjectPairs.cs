using System;
using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;

namespace Eljur.Rules.Metrics;

/// <summary>
/// The student-subject pairs of <c>students-without-marks</c> and <c>students-with-one-mark</c>: an enrolled
/// student (enrolled on some day of the range up to as-of) and a subject with a held lesson for their class in
/// range, each with its number of <c>current</c> or <c>written</c> marks in range. Computed once per evaluation
/// and shared by both metrics.
/// </summary>
internal static class StudentSubjectPairs
{
    private const string SharedKey = "student-subject-pairs";

    /// <summary>The mark count of every pair.</summary>
    public static IReadOnlyList<int> MarkCounts(EvaluationData data) => data.Shared(SharedKey, Compute);

    /// <summary>Pairs whose mark count satisfies <paramref name="predicate"/> / all pairs.</summary>
    public static (long Numerator, long Denominator) Ratio(EvaluationData data, Func<int, bool> predicate)
    {
        long matching = 0;
        var counts = MarkCounts(data);
        for (var i = 0; i < counts.Count; i++)
        {
            if (predicate(counts[i]))
            {
                matching++;
            }
        }

        return (matching, counts.Count);
    }

    private static List<int> Compute(EvaluationData data)
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

        // Counts per student, then per subject: two look-ups keyed by one string each (fast ordinal hashing),
        // rather than one by a pair of strings.
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        Count(data.MarkEntriesInScope(MarkKind.Current), counts);
        Count(data.MarkEntriesInScope(MarkKind.Written), counts);

        var result = new List<int>();
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

            counts.TryGetValue(student.Id, out var bySubject);
            foreach (var subjectId in subjects)
            {
                result.Add(bySubject is not null && bySubject.TryGetValue(subjectId, out var n) ? n : 0);
            }
        }

        return result;
    }

    private static void Count(MarkEntryList marks, Dictionary<string, Dictionary<string, int>> counts)
    {
        Dictionary<string, int>? bySubject = null;
        string? studentId = null;
        for (var i = 0; i < marks.Count; i++)
        {
            ref readonly var mark = ref marks[i];
            if (!ReferenceEquals(mark.StudentId, studentId))
            {
                studentId = mark.StudentId;
                if (!counts.TryGetValue(studentId, out bySubject))
                {
                    bySubject = new Dictionary<string, int>(StringComparer.Ordinal);
                    counts.Add(studentId, bySubject);
                }
            }

            bySubject!.TryGetValue(mark.SubjectId, out var n);
            bySubject[mark.SubjectId] = n + 1;
        }
    }
}
