using System;
using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Rules;

namespace Eljur.Gateway.Runs;

/// <summary>
/// Builds a run's <see cref="RunView"/>: the one place that decides which teacher a finding belongs
/// to. For now the teacher of the finding's lesson (the lesson itself, a mark's or an absence's
/// lesson); when findings carry <c>responsible</c> (the reports issue), switch <see cref="Teacher"/> to it.
/// </summary>
internal static class FindingAttribution
{
    public static RunView Build(EvaluationReport report, GradebookSnapshot snapshot)
    {
        var lessons = (snapshot.Lessons ?? Array.Empty<Lesson>()).ToDictionary(l => l.Id, StringComparer.Ordinal);
        var marks = (snapshot.Marks ?? Array.Empty<Mark>()).GroupBy(m => m.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var staff = (snapshot.Staff ?? Array.Empty<StaffMember>()).GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var classes = (snapshot.Classes ?? Array.Empty<SchoolClass>()).GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var titles = StandardRules.All.ToDictionary(r => r.Id, r => r.Title, StringComparer.Ordinal);

        var view = new RunView();
        foreach (var f in report.Findings)
        {
            var lesson = LessonOf(f.Entity, lessons, marks);
            var teacher = Teacher(lesson);
            view.Findings.Add(new FindingRow
            {
                Rule = f.Rule,
                RuleTitle = titles.TryGetValue(f.Rule, out var t) ? t : f.Rule,
                Clause = f.Clause,
                Severity = f.Severity.ToString().ToLowerInvariant(),
                Certainty = f.Certainty == Certainty.Possible ? "possible" : "certain",
                EntityType = f.Entity.Type,
                EntityId = f.Entity.Id,
                Date = lesson?.Date,
                ClassName = lesson is not null && classes.TryGetValue(lesson.ClassId, out var c) ? c : null,
                TeacherId = teacher,
                TeacherName = teacher is not null && staff.TryGetValue(teacher, out var n) ? n : teacher,
                Deadline = f.Deadline,
                Observed = f.Observed,
                DelayHours = f.Deadline is { } d && f.Observed is { } o && o > d ? (o - d).TotalHours : null,
                Message = f.Message,
            });
        }

        foreach (var m in report.Metrics)
        {
            view.Metrics.Add(new MetricRow
            {
                Metric = m.Metric,
                Title = titles.TryGetValue(m.Metric, out var t) ? t : m.Metric,
                Value = m.Value,
                Threshold = m.Threshold,
                Passed = m.Passed,
            });
        }

        return view;
    }

    /// <summary>The staff id a finding is attributed to, or null (the administration).</summary>
    private static string? Teacher(Lesson? lesson) =>
        lesson is null ? null : lesson.SubstituteId is { Length: > 0 } s ? s : lesson.TeacherId is { Length: > 0 } t ? t : null;

    private static Lesson? LessonOf(FindingEntity entity, IReadOnlyDictionary<string, Lesson> lessons, IReadOnlyDictionary<string, Mark> marks)
    {
        var id = entity.Type switch
        {
            "lesson" => entity.Id,
            "mark" => marks.TryGetValue(entity.Id, out var m) ? m.LessonId : null,
            "revision" => marks.TryGetValue(entity.Id.Split('#')[0], out var m) ? m.LessonId : null,
            "absence" => entity.Id.Split(':')[0],
            _ => null,
        };
        return id is not null && lessons.TryGetValue(id, out var lesson) ? lesson : null;
    }
}
