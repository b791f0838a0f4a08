using System;
using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;

namespace Eljur.Rules.Catalog;

/// <summary>
/// <c>mark-correction</c>: each revision of a mark is allowed — within <c>windowDays</c> × 24 h of the
/// mark's first entry (any author), or by a holder of one of <c>overrideRoles</c>. With
/// <c>windowDays: null</c> every correction is forbidden except by those roles. An unknown author,
/// when override roles are defined, makes the finding <c>possible</c>.
/// </summary>
internal sealed class MarkCorrectionRule : Rule<MarkCorrectionRule.Parameters>
{
    public override string Id => "mark-correction";

    public override string Title => "Исправление отметок по правилам";

    protected override Parameters Parse(RuleParameters p) =>
        new(p.GetNullableInt("windowDays", min: 0, required: true), OverrideRoles.Parse(p));

    protected override IEnumerable<CapabilityNeed> Needs(Parameters p)
    {
        yield return new CapabilityNeed(null, Capability.Marks, Capability.Revisions, Capability.MarkEntryTimes);

        // rules.md: "authors for overrides". Without authors a revision outside the window may still
        // have been made by a deputy, so it is reported as possible (never passed), and the override
        // check itself is listed as not evaluable.
        if (p.OverrideRoles.Count > 0)
        {
            yield return new CapabilityNeed("override", Capability.Authors);
        }
    }

    protected override void Evaluate(RuleContext context, Parameters p)
    {
        var data = context.Data;
        TimeSpan? window = p.WindowDays is { } d ? TimeSpan.FromDays(d) : null;
        var roleNames = p.OverrideRoles.Names;
        foreach (var mark in data.RevisedMarksInScope)
        {
            if (mark.EnteredAt is not { } firstSeen)
            {
                context.MissingData(null, Capability.MarkEntryTimes);
                continue;
            }

            var firstEarliest = mark.EnteredAfter ?? firstSeen;
            for (var i = 0; i < mark.Revisions.Count; i++)
            {
                var revision = mark.Revisions[i];
                var timing = Timing(window, firstEarliest, firstSeen, revision);
                if (timing is null)
                {
                    continue;
                }

                var author = p.OverrideRoles.Judge(data, revision.By);
                if (author == AuthorStatus.Allowed)
                {
                    continue;
                }

                var certainty = timing == Certainty.Possible || author == AuthorStatus.Unknown ? Certainty.Possible : Certainty.Certain;
                var when = RussianText.Moment(context.Clock.ToSchoolTime(revision.At));
                var change = $"«{revision.From}» → «{revision.To}»";
                var subject = Describe.Mark(data, mark);
                string message;
                DateTimeOffset? deadline = null;
                string aspect;
                if (window is { } w)
                {
                    aspect = "late";
                    deadline = firstSeen + w;
                    message = $"Исправление {change} ({subject}) сделано {when}, позже {p.WindowDays} календ. дн. после выставления ({RussianText.Moment(context.Clock.ToSchoolTime(firstSeen))})";
                }
                else
                {
                    aspect = "forbidden";
                    message = $"Исправление {change} ({subject}) сделано {when}, а исправление отметок запрещено";
                }

                message += p.OverrideRoles.Count == 0
                    ? "."
                    : author == AuthorStatus.Unknown
                        ? $"; автор исправления неизвестен, а исправлять вправе только: {roleNames}."
                        : $"; исправил не тот, кто вправе это делать ({roleNames}).";
                if (timing == Certainty.Possible)
                {
                    message += " Время исправления известно только по опросу — нарушение возможно.";
                }

                context.Report(aspect, Entities.Revision(mark, i + 1), message, certainty, deadline, revision.At);
            }
        }
    }

    private static Certainty? Timing(TimeSpan? window, DateTimeOffset firstEarliest, DateTimeOffset firstSeen, MarkRevision revision)
    {
        if (window is not { } w)
        {
            return Certainty.Certain;
        }

        // The revision was made in (After, At] and the mark first entered in (EnteredAfter, EnteredAt].
        // As in EntryJudgement: certain when the revision was still absent at or after the window's end
        // (After - EnteredAt >= window), or, with an exact time, when At - EnteredAt > window.
        var longest = revision.At - firstEarliest;
        if (revision.After is { } after ? after - firstSeen >= w : revision.At - firstSeen > w)
        {
            return Certainty.Certain;
        }

        return longest > w ? Certainty.Possible : null;
    }

    internal sealed record Parameters(int? WindowDays, OverrideRoles OverrideRoles);
}
