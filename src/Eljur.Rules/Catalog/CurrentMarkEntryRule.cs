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
        var needsLesson = p.Anchor.NeedsLessonTimes;
        foreach (var mark in data.MarksInScopeOfKind(MarkKind.Current))
        {
            // Only the lesson anchors need the lesson and the class: two look-ups per mark saved otherwise.
            var lesson = needsLesson ? data.FindLesson(mark.LessonId) : null;
            var classId = needsLesson ? lesson?.ClassId ?? data.FindStudent(mark.StudentId)?.ClassId : null;
            if (context.Deadline(p.Anchor, mark.Date, lesson, classId, "late") is { } deadline
                && context.WouldReportEntry("late", deadline, mark.EnteredAt, mark.EnteredAfter))
            {
                context.CheckEntry("late", Entities.Of(mark), () => "Текущая " + Describe.Mark(data, mark), deadline, mark.EnteredAt, mark.EnteredAfter, Capability.MarkEntryTimes);
            }
        }
    }
}
