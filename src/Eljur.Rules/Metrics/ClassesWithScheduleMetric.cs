using System;
using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;

namespace Eljur.Rules.Metrics;

/// <summary><c>classes-with-schedule</c>: classes with a (held) lesson in range / classes.</summary>
internal sealed class ClassesWithScheduleMetric : MetricRule
{
    public override string Id => "classes-with-schedule";

    public override string Title => "Доля классов с расписанием";

    protected override IEnumerable<CapabilityNeed> Needs()
    {
        yield return new CapabilityNeed(null, Capability.Lessons);
    }

    protected override (long Numerator, long Denominator) Count(EvaluationData data)
    {
        var withLessons = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lesson in data.LessonsInScope)
        {
            withLessons.Add(lesson.ClassId);
        }

        long scheduled = 0;
        foreach (var schoolClass in data.Classes)
        {
            if (withLessons.Contains(schoolClass.Id))
            {
                scheduled++;
            }
        }

        return (scheduled, data.Classes.Count);
    }
}
