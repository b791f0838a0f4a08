using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;

namespace Eljur.Rules.Catalog;

/// <summary><c>homework</c>: homework, where given, was entered by the deadline.</summary>
internal sealed class HomeworkRule : Rule<DeadlineParameters>
{
    public override string Id => "homework";

    public override string Title => "Домашнее задание записано в срок";

    protected override DeadlineParameters Parse(RuleParameters parameters) => DeadlineParameters.Parse(parameters);

    protected override IEnumerable<CapabilityNeed> Needs(DeadlineParameters p)
    {
        yield return p.Base(Capability.Lessons, Capability.Homework, Capability.HomeworkEntryTimes);
    }

    protected override void Evaluate(RuleContext context, DeadlineParameters p)
    {
        var data = context.Data;
        foreach (var lesson in data.LessonsInScope)
        {
            if (Describe.IsBlank(lesson.Homework))
            {
                continue;
            }

            if (context.Deadline(p.Anchor, lesson.Date, lesson, lesson.ClassId, "late") is { } deadline
                && context.WouldReportEntry("late", deadline, lesson.HomeworkEnteredAt, lesson.HomeworkEnteredAfter))
            {
                context.CheckEntry("late", Entities.Of(lesson), () => $"Домашнее задание ({data.Describe(lesson)})", deadline, lesson.HomeworkEnteredAt, lesson.HomeworkEnteredAfter, Capability.HomeworkEntryTimes, data.Responsibility.OfLesson(lesson));
            }
        }
    }
}
