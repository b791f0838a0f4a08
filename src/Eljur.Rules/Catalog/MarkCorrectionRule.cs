using System;
using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;
using Eljur.Abstractions.Time;

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
                var byPolling = timing == Certainty.Possible;
                DateTimeOffset? deadline = window is { } w ? firstSeen + w : null;
                var aspect = window is null ? "forbidden" : "late";
                var clock = context.Clock;
                context.Report(aspect, Entities.Revision(mark, i + 1), static s => Message(s), new MessageState(data, clock, p, mark, revision, firstSeen, author, byPolling), certainty, deadline, revision.At, responsible: data.Responsibility.OfRevision(mark, revision));
            }
        }
    }

    private static string Message(MessageState s)
    {
        var (data, clock, p, mark, revision, firstSeen, author, byPolling) = s;
        var when = RussianText.Moment(clock.ToSchoolTime(revision.At));
        var change = $"«{revision.From}» → «{revision.To}»";
        var subject = Describe.Mark(data, mark);
        var message = p.WindowDays is { } days
            ? $"Исправление {change} ({subject}) сделано {when}, позже {days} календ. дн. после выставления ({RussianText.Moment(clock.ToSchoolTime(firstSeen))})"
            : $"Исправление {change} ({subject}) сделано {when}, а исправление отметок запрещено";
        message += p.OverrideRoles.Count == 0
            ? "."
            : author == AuthorStatus.Unknown
                ? $"; автор исправления неизвестен, а исправлять вправе только: {p.OverrideRoles.Names}."
                : $"; исправил не тот, кто вправе это делать ({p.OverrideRoles.Names}).";
        if (byPolling)
        {
            message += " Время исправления известно только по опросу — нарушение возможно.";
        }

        return message;
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

    private readonly record struct MessageState(EvaluationData Data, SchoolClock Clock, Parameters P, Mark Mark, MarkRevision Revision, DateTimeOffset FirstSeen, AuthorStatus Author, bool ByPolling);

    internal sealed record Parameters(int? WindowDays, OverrideRoles OverrideRoles);
}
