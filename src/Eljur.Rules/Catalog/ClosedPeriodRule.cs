using System;
using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;

namespace Eljur.Rules.Catalog;

/// <summary>
/// <c>closed-period</c>: no <c>current</c> or <c>written</c> mark dated in a period is entered
/// (<c>entered</c>) or revised (<c>revised</c>) after the end of that period's last day + <c>graceDays</c>,
/// unless by a holder of one of <c>overrideRoles</c>. Revisions are checked only when the source
/// declares <c>revisions</c> (else that aspect is listed as not evaluable); an unknown author, when override roles are defined, makes a finding <c>possible</c>.
/// </summary>
internal sealed class ClosedPeriodRule : Rule<ClosedPeriodRule.Parameters>
{
    public override string Id => "closed-period";

    public override string Title => "Нет записей в закрытом учебном периоде";

    protected override Parameters Parse(RuleParameters p) =>
        new(p.GetInt("graceDays", 0, min: 0, max: 366), OverrideRoles.Parse(p));

    protected override IEnumerable<CapabilityNeed> Needs(Parameters p)
    {
        yield return new CapabilityNeed(null, Capability.Periods, Capability.Marks, Capability.MarkEntryTimes);
        yield return new CapabilityNeed("revised", Capability.Revisions);
    }

    protected override void Evaluate(RuleContext context, Parameters p)
    {
        var data = context.Data;
        var periods = data.Periods;
        if (periods.Count == 0)
        {
            context.MissingData(null, Capability.Periods);
            return;
        }

        var withRevisions = context.CanEvaluate("revised");
        foreach (var mark in data.MarksInScope)
        {
            if (mark.Kind is not (MarkKind.Current or MarkKind.Written) || Closing(periods, mark.Date) is not { } period)
            {
                continue;
            }

            var closedAt = context.Clock.EndOfDay(period.End.Date.AddDays(p.GraceDays));
            if (closedAt >= context.AsOf)
            {
                continue;
            }

            var subject = Describe.Mark(data, mark);
            var closed = $"период «{period.Name}» закрыт {RussianText.Moment(closedAt)}";
            if (mark.EnteredAt is not { } enteredAt)
            {
                context.MissingData("entered", Capability.MarkEntryTimes);
            }
            else if (EntryJudgement.Judge(closedAt, enteredAt, mark.EnteredAfter) is { } timing)
            {
                var author = p.OverrideRoles.Judge(data, mark.EnteredBy);
                if (author != AuthorStatus.Allowed)
                {
                    var message = $"Отметка выставлена в закрытом периоде ({subject}): внесена {RussianText.Moment(context.Clock.ToSchoolTime(enteredAt))}, а {closed}" + p.OverrideRoles.Explain(author);
                    Report(context, "entered", Entities.Of(mark), message, timing, author, closedAt, enteredAt, data.Responsibility.OfMark(mark));
                }
            }

            if (!withRevisions)
            {
                continue;
            }

            for (var i = 0; i < mark.Revisions.Count; i++)
            {
                var revision = mark.Revisions[i];
                if (EntryJudgement.Judge(closedAt, revision.At, revision.After) is not { } timing)
                {
                    continue;
                }

                var author = p.OverrideRoles.Judge(data, revision.By);
                if (author != AuthorStatus.Allowed)
                {
                    var message = $"Отметка исправлена «{revision.From}» → «{revision.To}» в закрытом периоде ({subject}): {RussianText.Moment(context.Clock.ToSchoolTime(revision.At))}, а {closed}" + p.OverrideRoles.Explain(author);
                    Report(context, "revised", Entities.Revision(mark, i + 1), message, timing, author, closedAt, revision.At, data.Responsibility.OfMark(mark));
                }
            }
        }
    }

    // Where periods overlap (quarters inside half-years inside the year), the one that closes first binds.
    private static Period? Closing(IReadOnlyList<Period> periods, DateTime date)
    {
        Period? best = null;
        foreach (var period in periods)
        {
            if (date.Date >= period.Start.Date && date.Date <= period.End.Date && (best is null || period.End < best.End))
            {
                best = period;
            }
        }

        return best;
    }

    private static void Report(RuleContext context, string aspect, FindingEntity entity, string message, Certainty timing, AuthorStatus author, DateTimeOffset closedAt, DateTimeOffset observed, ResponsibleStaff? responsible)
    {
        if (timing == Certainty.Possible)
        {
            message += " Время известно только по опросу — нарушение возможно.";
        }

        var certainty = timing == Certainty.Possible || author == AuthorStatus.Unknown ? Certainty.Possible : Certainty.Certain;
        context.Report(aspect, entity, message, certainty, closedAt, observed, responsible: responsible);
    }

    internal sealed record Parameters(int GraceDays, OverrideRoles OverrideRoles);
}
