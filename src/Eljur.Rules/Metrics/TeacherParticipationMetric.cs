using System;
using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Rules.Catalog;

namespace Eljur.Rules.Metrics;

/// <summary>
/// <c>teacher-participation</c>: teachers (by <c>teacherId</c> or <c>substituteId</c>) with a topic entered on one
/// of their lessons / teachers with lessons.
/// </summary>
internal sealed class TeacherParticipationMetric : MetricRule
{
    public override string Id => "teacher-participation";

    public override string Title => "Доля учителей, работающих с журналом";

    protected override IEnumerable<CapabilityNeed> Needs()
    {
        yield return new CapabilityNeed(null, Capability.Lessons, Capability.Topics);
    }

    protected override (long Numerator, long Denominator) Count(EvaluationData data)
    {
        var teachers = new HashSet<string>(StringComparer.Ordinal);
        var withTopic = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lesson in data.LessonsInScope)
        {
            Add(teachers, lesson.TeacherId);
            Add(teachers, lesson.SubstituteId);

            // A lesson's topic is credited to the teacher who conducted it: the substitute when there was one.
            if (!Describe.IsBlank(lesson.Topic))
            {
                Add(withTopic, string.IsNullOrEmpty(lesson.SubstituteId) ? lesson.TeacherId : lesson.SubstituteId);
            }
        }

        return (withTopic.Count, teachers.Count);
    }

    private static void Add(HashSet<string> set, string? id)
    {
        if (!string.IsNullOrEmpty(id))
        {
            set.Add(id!);
        }
    }
}
