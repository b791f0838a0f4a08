using System;
using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;
using Eljur.Abstractions.Time;

namespace Eljur.Rules.Catalog;

/// <summary>
/// <c>written-mark-entry</c>: every written-work mark was entered within N working days of its date;
/// N by subject name (case-insensitive), with a default.
/// </summary>
internal sealed class WrittenMarkEntryRule : Rule<WrittenMarkEntryRule.Parameters>
{
    public override string Id => "written-mark-entry";

    public override string Title => "Отметки за письменные работы выставлены в срок";

    protected override Parameters Parse(RuleParameters p)
    {
        var bySubject = p.GetObjectList("bySubject", item => new SubjectDays(
            item.GetStringList("subjects", required: true),
            item.GetInt("workingDays", min: 0, max: 366)));
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in bySubject)
        {
            foreach (var name in group.Subjects)
            {
                byName[Normalize(name)] = group.WorkingDays;
            }
        }

        return new Parameters(byName, p.GetInt("defaultWorkingDays", min: 0, max: 366));
    }

    protected override IEnumerable<CapabilityNeed> Needs(Parameters p)
    {
        yield return new CapabilityNeed(null, Capability.Marks, Capability.MarkEntryTimes);
    }

    protected override void Evaluate(RuleContext context, Parameters p)
    {
        var data = context.Data;
        var anchorBySubjectId = new Dictionary<string, DeadlineAnchor>(StringComparer.Ordinal);
        var entries = data.MarkEntriesInScope(MarkKind.Written);
        string? lastSubjectId = null;
        DeadlineAnchor? anchor = null;
        DateTime lastDate = default;
        DateTimeOffset? deadline = null;
        for (var i = 0; i < entries.Count; i++)
        {
            ref readonly var entry = ref entries[i];

            // The written marks of one test come together and share the reader's subject id instance.
            if (!ReferenceEquals(entry.SubjectId, lastSubjectId))
            {
                lastSubjectId = entry.SubjectId;
                if (!anchorBySubjectId.TryGetValue(lastSubjectId, out anchor))
                {
                    var name = data.FindSubject(lastSubjectId)?.Name;
                    var n = name is not null && p.ByName.TryGetValue(Normalize(name), out var byName) ? byName : p.DefaultWorkingDays;
                    anchor = new DeadlineAnchor(DeadlineAnchorKind.WorkingDays, n);
                    anchorBySubjectId.Add(lastSubjectId, anchor);
                }

                deadline = context.Deadline(anchor!, entry.Date, null, null, "late");
                lastDate = entry.Date;
            }
            else if (entry.Date != lastDate)
            {
                deadline = context.Deadline(anchor!, entry.Date, null, null, "late");
                lastDate = entry.Date;
            }

            if (deadline is { } due && context.WouldReportEntry("late", due, in entry))
            {
                var mark = entries.MarkAt(i);
                context.CheckEntry("late", Entities.Mark(entry.Id), static s => What(s.Data, s.Mark, s.Days), (Data: data, Mark: mark, Days: (int)anchor!.Amount), due, entry.EnteredAt, entry.EnteredAfter, Capability.MarkEntryTimes, data.Responsibility.OfMark(mark));
            }
        }
    }

    private static string What(EvaluationData data, Mark mark, int days) =>
        $"Отметка за письменную работу («{mark.Value}», {Describe.Student(data, mark.StudentId)}, {data.FindSubject(mark.SubjectId)?.Name ?? mark.SubjectId}, работа {RussianText.Date(mark.Date)}, срок {days} раб. дн.)";

    private static string Normalize(string name) => string.Join(" ", name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace('ё', 'е').Replace('Ё', 'Е');

    internal sealed record SubjectDays(IReadOnlyList<string> Subjects, int WorkingDays);

    internal sealed record Parameters(IReadOnlyDictionary<string, int> ByName, int DefaultWorkingDays);
}
