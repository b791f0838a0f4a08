using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Rules.Catalog;

namespace Eljur.Rules.Metrics;

/// <summary><c>homework-recorded</c>: lessons with homework / lessons.</summary>
internal sealed class HomeworkRecordedMetric : MetricRule
{
    public override string Id => "homework-recorded";

    public override string Title => "Доля уроков с записанным домашним заданием";

    protected override IEnumerable<CapabilityNeed> Needs()
    {
        yield return new CapabilityNeed(null, Capability.Lessons, Capability.Homework);
    }

    protected override (long Numerator, long Denominator) Count(EvaluationData data)
    {
        long recorded = 0;
        foreach (var lesson in data.LessonsInScope)
        {
            if (!Describe.IsBlank(lesson.Homework))
            {
                recorded++;
            }
        }

        return (recorded, data.LessonsInScope.Count);
    }
}
