using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;

namespace Eljur.Rules.Catalog;

/// <summary><c>lesson-topic</c>: every lesson up to as-of has a topic (<c>missing</c>), entered by the deadline (<c>late</c>).</summary>
internal sealed class LessonTopicRule : Rule<DeadlineParameters>
{
    public override string Id => "lesson-topic";

    public override string Title => "Тема урока записана в срок";

    protected override DeadlineParameters Parse(RuleParameters parameters) => DeadlineParameters.Parse(parameters);

    protected override IEnumerable<CapabilityNeed> Needs(DeadlineParameters p)
    {
        yield return p.Base(Capability.Lessons, Capability.Topics);
        yield return new CapabilityNeed("late", Capability.TopicEntryTimes);
    }

    protected override void Evaluate(RuleContext context, DeadlineParameters p)
    {
        var data = context.Data;
        var clock = context.Clock;
        foreach (var lesson in data.LessonsInScope)
        {
            if (context.Deadline(p.Anchor, lesson.Date, lesson, lesson.ClassId, null) is not { } deadline)
            {
                continue;
            }

            if (Describe.IsBlank(lesson.Topic))
            {
                if (deadline < context.AsOf)
                {
                    context.Report(
                        "missing",
                        Entities.Of(lesson),
                        () => $"Не записана тема урока ({data.Describe(lesson)}); срок — до {RussianText.Moment(clock.ToSchoolTime(deadline))}.",
                        deadline: deadline,
                        responsible: data.Responsibility.OfLesson(lesson));
                }

                continue;
            }

            if (context.WouldReportEntry("late", deadline, lesson.TopicEnteredAt, lesson.TopicEnteredAfter))
            {
                context.CheckEntry("late", Entities.Of(lesson), () => $"Тема урока ({data.Describe(lesson)})", deadline, lesson.TopicEnteredAt, lesson.TopicEnteredAfter, Capability.TopicEntryTimes, data.Responsibility.OfLesson(lesson));
            }
        }
    }
}
