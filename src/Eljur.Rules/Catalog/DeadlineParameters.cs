using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;
using Eljur.Abstractions.Time;

namespace Eljur.Rules.Catalog;

/// <summary>Parameters of the rules that take one deadline anchor (<c>deadline</c>, default <c>sameDay</c>).</summary>
internal sealed record DeadlineParameters(DeadlineAnchor Anchor)
{
    public static DeadlineParameters Parse(RuleParameters p) => new(p.GetDeadline("deadline", DeadlineAnchor.SameDay));

    /// <summary>The base need plus <c>lessonTimes</c> when the anchor counts from lesson ends.</summary>
    public CapabilityNeed Base(params string[] capabilities) =>
        Anchor.NeedsLessonTimes ? new CapabilityNeed(null, [.. capabilities, Capability.LessonTimes]) : new CapabilityNeed(null, capabilities);
}
