using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Rules.Catalog;

namespace Eljur.Rules.Metrics;

/// <summary><c>lessons-with-journal-entry</c>: lessons with a mark, an absence, <c>held: true</c> or a comment / lessons.</summary>
internal sealed class LessonsWithJournalEntryMetric : MetricRule
{
    public override string Id => "lessons-with-journal-entry";

    public override string Title => "Доля уроков с записью в журнале";

    protected override IEnumerable<CapabilityNeed> Needs()
    {
        yield return new CapabilityNeed(null, Capability.Lessons);
    }

    protected override (long Numerator, long Denominator) Count(EvaluationData data)
    {
        long filled = 0;
        foreach (var lesson in data.LessonsInScope)
        {
            if (lesson.Held == true || !Describe.IsBlank(lesson.Comment) || data.LessonHasMark(lesson.Id) || data.LessonHasAbsence(lesson.Id))
            {
                filled++;
            }
        }

        return (filled, data.LessonsInScope.Count);
    }
}
