using System;
using System.Collections.Generic;
using System.Globalization;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;

namespace Eljur.Rules.Catalog;

/// <summary>
/// <c>daily-export</c>: each working day (production calendar, the school's week) of the range before the
/// as-of date has an <c>export</c> operation at or before <c>by</c> local time that day. No export that day
/// is <c>missing</c>; an export only after <c>by</c> is <c>late</c>.
/// </summary>
internal sealed class DailyExportRule : Rule<DailyExportRule.Parameters>
{
    public override string Id => "daily-export";

    public override string Title => "Ежедневная выгрузка журнала в срок";

    protected override Parameters Parse(RuleParameters p)
    {
        var text = p.GetString("by", "17:00");
        if (!TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out var by) || text.Length != 5)
        {
            throw p.Invalid("by", $"\"{text}\" is not a time of day; expected HH:mm, e.g. \"17:00\"");
        }

        return new Parameters(by);
    }

    protected override IEnumerable<CapabilityNeed> Needs(Parameters p)
    {
        yield return new CapabilityNeed(null, Capability.Operations);
    }

    protected override void Evaluate(RuleContext context, Parameters p)
    {
        var data = context.Data;
        var clock = context.Clock;
        var last = data.To < data.AsOfDate.AddDays(-1) ? data.To : data.AsOfDate.AddDays(-1);
        if (last < data.From)
        {
            return;
        }

        // The earliest export per school-local date: one pass over the operations.
        var earliest = new Dictionary<DateTime, DateTimeOffset>();
        foreach (var operation in data.Snapshot.Operations ?? Array.Empty<Operation>())
        {
            if (operation.Kind != OperationKind.Export)
            {
                continue;
            }

            var at = clock.ToSchoolTime(operation.At);
            if (!earliest.TryGetValue(at.Date, out var seen) || at < seen)
            {
                earliest[at.Date] = at;
            }
        }

        var byText = FormatTime(p.By);
        for (var day = data.From; day <= last; day = day.AddDays(1))
        {
            if (context.IsWorkingDay(day, null) != true)
            {
                continue;
            }

            var deadline = clock.At(day, p.By);
            if (!earliest.TryGetValue(day, out var export))
            {
                context.Report("missing", Entities.Day(day), $"Нет выгрузки журнала за {RussianText.Date(day)} (рабочий день); срок — до {byText}.", deadline: deadline);
            }
            else if (export > deadline)
            {
                context.Report("late", Entities.Day(day), $"Выгрузка журнала за {RussianText.Date(day)} сделана {RussianText.Moment(export)}, а должна быть не позднее {byText}.", deadline: deadline, observed: export);
            }
        }
    }

    private static string FormatTime(TimeSpan time) => time.ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    internal sealed record Parameters(TimeSpan By);
}
