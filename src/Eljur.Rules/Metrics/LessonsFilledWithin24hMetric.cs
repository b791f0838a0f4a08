using System;
using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;

namespace Eljur.Rules.Metrics;

/// <summary>
/// <c>lessons-filled-within-24h</c>: lessons whose earliest mark, absence, <c>heldAt</c> or comment entry is
/// within 24 h of the lesson end (end of day when times are unknown) / lessons ended at least 24 h before as-of.
/// Entry times are the first sightings (<c>enteredAt</c>), so a lesson counts only when it was surely filled in time.
/// </summary>
internal sealed class LessonsFilledWithin24hMetric : MetricRule
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    public override string Id => "lessons-filled-within-24h";

    public override string Title => "Доля уроков, заполненных в течение 24 часов";

    protected override IEnumerable<CapabilityNeed> Needs()
    {
        yield return new CapabilityNeed(null, Capability.Lessons, Capability.Marks, Capability.Absences, Capability.MarkEntryTimes, Capability.AbsenceEntryTimes);
    }

    protected override (long Numerator, long Denominator) Count(EvaluationData data)
    {
        // The earliest mark or absence entry per lesson: one pass over each list.
        var earliest = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var mark in data.Marks)
        {
            if (mark.LessonId is { } id && mark.EnteredAt is { } at)
            {
                Keep(earliest, id, at);
            }
        }

        foreach (var absence in data.Absences)
        {
            if (absence.EnteredAt is { } at)
            {
                Keep(earliest, absence.LessonId, at);
            }
        }

        long filled = 0, ended = 0;
        foreach (var lesson in data.LessonsInScope)
        {
            var end = lesson.End is { } e ? data.Clock.At(lesson.Date, e) : data.Clock.EndOfDay(lesson.Date);
            var limit = end + Day;
            if (limit > data.AsOf)
            {
                continue;
            }

            ended++;
            var first = earliest.TryGetValue(lesson.Id, out var f) ? f : (DateTimeOffset?)null;
            first = Min(first, lesson.HeldAt);
            first = Min(first, string.IsNullOrWhiteSpace(lesson.Comment) ? null : lesson.CommentEnteredAt);
            if (first is { } t && t <= limit)
            {
                filled++;
            }
        }

        return (filled, ended);
    }

    private static void Keep(Dictionary<string, DateTimeOffset> map, string key, DateTimeOffset at)
    {
        if (!map.TryGetValue(key, out var current) || at < current)
        {
            map[key] = at;
        }
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) =>
        a is { } x && b is { } y ? (x < y ? x : y) : a ?? b;
}
