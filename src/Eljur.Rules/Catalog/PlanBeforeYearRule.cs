using System;
using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;

namespace Eljur.Rules.Catalog;

/// <summary>
/// <c>plan-before-year</c>: each class-subject with lessons has a plan (<c>missing</c>), entered before the
/// academic year starts (<c>late</c>), with <c>plannedHours == curriculumHours</c> (<c>hours</c>).
/// </summary>
internal sealed class PlanBeforeYearRule : Rule<NoParameters>
{
    public override string Id => "plan-before-year";

    public override string Title => "Тематическое планирование внесено до начала учебного года";

    protected override NoParameters Parse(RuleParameters parameters) => NoParameters.Parse(parameters);

    protected override IEnumerable<CapabilityNeed> Needs(NoParameters p)
    {
        // Lessons decide which class-subjects need a plan; periods give the start of the year.
        yield return new CapabilityNeed(null, Capability.Plans, Capability.Lessons);
        yield return new CapabilityNeed("late", Capability.Periods);
    }

    protected override void Evaluate(RuleContext context, NoParameters p)
    {
        var data = context.Data;
        var year = AcademicYear.Of(data.Periods);
        DateTimeOffset? deadline = year is null ? null : context.Clock.EndOfDay(year.Start.AddDays(-1));
        if (year is null && context.CanEvaluate("late"))
        {
            context.MissingData("late", Capability.Periods);
        }

        var plans = new Dictionary<(string ClassId, string SubjectId), List<Plan>>();
        foreach (var plan in data.Snapshot.Plans ?? Array.Empty<Plan>())
        {
            var key = (plan.ClassId, plan.SubjectId);
            if (!plans.TryGetValue(key, out var list))
            {
                list = new List<Plan>(1);
                plans.Add(key, list);
            }

            list.Add(plan);
        }

        // Plans are judged only for the class-subjects taught in the checked range.
        var seen = new HashSet<(string ClassId, string SubjectId)>();
        foreach (var lesson in data.LessonsInScope)
        {
            var key = (lesson.ClassId, lesson.SubjectId);
            if (!seen.Add(key))
            {
                continue;
            }

            var entity = Entities.Plan(lesson.ClassId, lesson.SubjectId);
            var responsible = data.Responsibility.MainTeacher(lesson.ClassId, lesson.SubjectId, data.From, data.To < data.AsOfDate ? data.To : data.AsOfDate);
            var what = $"Календарно-тематическое планирование ({data.FindClass(lesson.ClassId)?.Name ?? lesson.ClassId}, {data.FindSubject(lesson.SubjectId)?.Name ?? lesson.SubjectId})";
            if (!plans.TryGetValue(key, out var found))
            {
                // Lessons are already held, so a plan due before the year started is overdue whatever the as-of moment.
                var due = deadline is { } d ? $"; должно быть внесено до начала учебного года ({RussianText.Date(year!.Start)})" : "";
                context.Report("missing", entity, $"{what} отсутствует, хотя уроки уже проводятся{due}.", deadline: deadline, responsible: responsible);
                continue;
            }

            foreach (var plan in found)
            {
                if (deadline is { } dl)
                {
                    // Plans carry no enteredAfter: the entry time is exact. A plan without one leaves "late" unjudged.
                    context.CheckEntry("late", entity, what + $" (учебный год начинается {RussianText.Date(year!.Start)})", dl, plan.EnteredAt, null, Capability.Plans, responsible);
                }

                if (plan.PlannedHours is not { } planned || plan.CurriculumHours is not { } curriculum)
                {
                    context.MissingData("hours", Capability.Plans);
                }
                else if (planned != curriculum)
                {
                    context.Report("hours", entity, $"{what}: запланировано {Hours(planned)} ч, а по учебному плану {Hours(curriculum)} ч.", responsible: responsible);
                }
            }
        }
    }

    private static string Hours(decimal hours) => hours.ToString("0.##", RussianText.Culture);
}
