using System;
using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;
using Eljur.Abstractions.Time;

namespace Eljur.Rules.Catalog;

/// <summary>
/// <c>final-after-gia</c>: for students of grade <c>grade</c> with GIA results, each <c>final</c> mark was
/// entered within N working days of their latest GIA result entry.
/// </summary>
internal sealed class FinalAfterGiaRule : Rule<FinalAfterGiaRule.Parameters>
{
    public override string Id => "final-after-gia";

    public override string Title => "Итоговые отметки выставлены в срок после ГИА";

    protected override Parameters Parse(RuleParameters p) =>
        new(p.GetInt("workingDays", min: 0, max: 366), p.GetInt("grade", 9, min: 1, max: 12));

    protected override IEnumerable<CapabilityNeed> Needs(Parameters p)
    {
        yield return new CapabilityNeed(null, Capability.GiaResults, Capability.Marks, Capability.EntryTimes);
    }

    protected override void Evaluate(RuleContext context, Parameters p)
    {
        var data = context.Data;

        // The latest GIA entry per student of the grade; a student with a result of unknown entry time cannot be judged.
        var latest = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        foreach (var result in data.Snapshot.GiaResults ?? Array.Empty<GiaResult>())
        {
            var student = data.FindStudent(result.StudentId);
            if (student is null || data.FindClass(student.ClassId)?.Grade != p.Grade)
            {
                continue;
            }

            if (result.EnteredAt is not { } at)
            {
                context.MissingData("late", Capability.EntryTimes);
                latest[result.StudentId] = null;
                continue;
            }

            if (!latest.TryGetValue(result.StudentId, out var current))
            {
                latest.Add(result.StudentId, at);
            }
            else if (current is { } c && at > c)
            {
                latest[result.StudentId] = at;
            }
        }

        var anchor = new DeadlineAnchor(DeadlineAnchorKind.WorkingDays, p.WorkingDays);
        foreach (var mark in data.MarksInScope)
        {
            if (mark.Kind != MarkKind.Final || !latest.TryGetValue(mark.StudentId, out var giaEntry) || giaEntry is not { } gia)
            {
                continue;
            }

            // A final mark entered before the GIA results is not judged here: the clause only bounds the delay after them.
            if (context.Deadline(anchor, context.Clock.LocalDate(gia), null, null, "late") is { } deadline)
            {
                var what = $"Итоговая {Describe.Mark(data, mark)} (результаты ГИА внесены {RussianText.Moment(context.Clock.ToSchoolTime(gia))}, срок {p.WorkingDays} раб. дн.)";
                context.CheckEntry("late", Entities.Of(mark), what, deadline, mark.EnteredAt, mark.EnteredAfter, Capability.MarkEntryTimes, data.Responsibility.HomeroomTeacher(mark.StudentId));
            }
        }
    }

    internal sealed record Parameters(int WorkingDays, int Grade);
}
