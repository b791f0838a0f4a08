using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;

namespace Eljur.Rules.Catalog;

/// <summary><c>absence-entry</c>: every absence was entered by the deadline of its lesson.</summary>
internal sealed class AbsenceEntryRule : Rule<DeadlineParameters>
{
    public override string Id => "absence-entry";

    public override string Title => "Пропуски отмечены в срок";

    protected override DeadlineParameters Parse(RuleParameters parameters) => DeadlineParameters.Parse(parameters);

    protected override IEnumerable<CapabilityNeed> Needs(DeadlineParameters p)
    {
        // The lesson gives the absence its date, so the lessons are needed too.
        yield return p.Base(Capability.Absences, Capability.AbsenceEntryTimes, Capability.Lessons);
    }

    protected override void Evaluate(RuleContext context, DeadlineParameters p)
    {
        var data = context.Data;
        Lesson? lesson = null;
        foreach (var absence in data.AbsencesInScope)
        {
            // The absences of one lesson come together and share the reader's id instance: one look-up for them.
            if (lesson is null || !ReferenceEquals(lesson.Id, absence.LessonId))
            {
                lesson = data.FindLesson(absence.LessonId)!;
            }

            if (context.Deadline(p.Anchor, lesson.Date, lesson, lesson.ClassId, "late") is { } deadline
                && context.WouldReportEntry("late", deadline, absence.EnteredAt, absence.EnteredAfter))
            {
                var of = lesson;
                string What() => $"{(absence.Late ? "Опоздание" : "Пропуск")} (ученик: {Describe.Student(data, absence.StudentId)}; {data.Describe(of)})";
                context.CheckEntry("late", Entities.Of(absence), What, deadline, absence.EnteredAt, absence.EnteredAfter, Capability.AbsenceEntryTimes, data.Responsibility.OfLesson(of));
            }
        }
    }
}
