using System;
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
        var entries = data.MarkEntriesInScope(MarkKind.Current);
        DateTime lastDate = default;
        DateTimeOffset? dayDeadline = null;
        for (var i = 0; i < entries.Count; i++)
        {
            ref readonly var entry = ref entries[i];
            DateTimeOffset? deadline;
            Mark? mark = null;
            if (needsLesson)
            {
                // Only the lesson anchors need the mark's lesson and class.
                mark = entries.MarkAt(i);
                var lesson = data.FindLesson(mark.LessonId);
                deadline = context.Deadline(p.Anchor, entry.Date, lesson, lesson?.ClassId ?? data.FindStudent(mark.StudentId)?.ClassId, "late");
            }
            else
            {
                // A day-based deadline depends on the date alone, and marks come in runs of one date.
                if (i == 0 || entry.Date != lastDate)
                {
                    lastDate = entry.Date;
                    dayDeadline = context.Deadline(p.Anchor, lastDate, null, null, "late");
                }

                deadline = dayDeadline;
            }

            if (deadline is { } due && context.WouldReportEntry("late", due, in entry))
            {
                // The entry has what the finding needs; the mark record is read only if the message is.
                var late = mark ?? entries.MarkAt(i);
                context.CheckEntry("late", Entities.Mark(entry.Id), static s => "Текущая " + Describe.Mark(s.Data, s.Mark), (Data: data, Mark: late), due, entry.EnteredAt, entry.EnteredAfter, Capability.MarkEntryTimes, data.Responsibility.OfMark(late));
            }
        }
    }
}
