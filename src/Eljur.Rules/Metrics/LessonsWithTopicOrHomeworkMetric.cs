using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Rules.Catalog;

namespace Eljur.Rules.Metrics;

/// <summary><c>lessons-with-topic-or-homework</c>: lessons with a non-blank topic or homework / lessons.</summary>
internal sealed class LessonsWithTopicOrHomeworkMetric : MetricRule
{
    public override string Id => "lessons-with-topic-or-homework";

    public override string Title => "Доля уроков с темой или домашним заданием";

    protected override IEnumerable<CapabilityNeed> Needs()
    {
        yield return new CapabilityNeed(null, Capability.Lessons) { AnyOf = new[] { Capability.Topics, Capability.Homework } };
    }

    protected override (long Numerator, long Denominator) Count(EvaluationData data)
    {
        long filled = 0;
        foreach (var lesson in data.LessonsInScope)
        {
            if (!Describe.IsBlank(lesson.Topic) || !Describe.IsBlank(lesson.Homework))
            {
                filled++;
            }
        }

        return (filled, data.LessonsInScope.Count);
    }
}
