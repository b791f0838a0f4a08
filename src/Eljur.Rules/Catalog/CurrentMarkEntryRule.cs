using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;

namespace Eljur.Rules.Catalog;

/// <summary><c>current-mark-entry</c>: every current (oral) mark was entered by the deadline from its date.</summary>
internal sealed class CurrentMarkEntryRule : Rule<DeadlineParameters>
{
    public override string Id => "current-mark-entry";

    public override string Title => "Текущие отметки выставлены в срок";

    protected override DeadlineParameters Parse(RuleParameters parameters) => DeadlineParameters.Parse(parameters);

    protected override IEnumerable<CapabilityNeed> Needs(DeadlineParameters p)
    {
        yield return p.Base(Capability.Marks, Capability.MarkEntryTimes);
    }

    protected override void Evaluate(RuleContext context, DeadlineParameters p)
    {
        var data = context.Data;
        foreach (var mark in data.MarksInScope)
        {
            if (mark.Kind != MarkKind.Current)
            {
                continue;
            }

            var lesson = data.FindLesson(mark.LessonId);
            var classId = lesson?.ClassId ?? data.FindStudent(mark.StudentId)?.ClassId;
            if (context.Deadline(p.Anchor, mark.Date, lesson, classId, "late") is { } deadline)
            {
                context.CheckEntry("late", Entities.Of(mark), "Текущая " + Describe.Mark(data, mark), deadline, mark.EnteredAt, mark.EnteredAfter, Capability.MarkEntryTimes);
            }
        }
    }
}
