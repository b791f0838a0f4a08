using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;
using Eljur.Abstractions.Time;

namespace Eljur.Rules.Catalog;

/// <summary><c>gia-entry</c>: each GIA result entered within N working days of its official announcement.</summary>
internal sealed class GiaEntryRule : Rule<GiaEntryRule.Parameters>
{
    public override string Id => "gia-entry";

    public override string Title => "Результаты ГИА внесены в срок";

    protected override Parameters Parse(RuleParameters p) => new(p.GetInt("workingDays", min: 0, max: 366));

    protected override IEnumerable<CapabilityNeed> Needs(Parameters p)
    {
        yield return new CapabilityNeed(null, Capability.GiaResults, Capability.EntryTimes);
    }

    protected override void Evaluate(RuleContext context, Parameters p)
    {
        var data = context.Data;
        var anchor = new DeadlineAnchor(DeadlineAnchorKind.WorkingDays, p.WorkingDays);
        foreach (var result in data.Snapshot.GiaResults ?? System.Array.Empty<GiaResult>())
        {
            // A result is judged in the range that contains its announcement.
            if (!data.InScope(result.AnnouncedOn))
            {
                continue;
            }

            if (context.Deadline(anchor, result.AnnouncedOn, null, null, "late") is { } deadline)
            {
                var what = $"Результат ГИА («{result.Value}», {Describe.Student(data, result.StudentId)}, {data.FindSubject(result.SubjectId)?.Name ?? result.SubjectId}, объявлен {RussianText.Date(result.AnnouncedOn)}, срок {p.WorkingDays} раб. дн.)";

                // GIA results carry no enteredAfter: their entry time is exact.
                context.CheckEntry("late", Entities.Of(result), what, deadline, result.EnteredAt, null, Capability.EntryTimes, data.Responsibility.HomeroomTeacher(result.StudentId));
            }
        }
    }

    internal sealed record Parameters(int WorkingDays);
}
