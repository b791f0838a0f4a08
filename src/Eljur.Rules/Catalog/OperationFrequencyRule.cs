using System;
using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;

namespace Eljur.Rules.Catalog;

/// <summary>
/// <c>operation-frequency</c>: operations of <c>kind</c> with at least <c>minCopies</c> copies happen often
/// enough. With <c>everyDays</c>: no gap longer than that many days between the range start, each such
/// operation and as-of (aspect <c>gap</c>, one finding per gap). With <c>perMonth</c>: at least that many in
/// each whole calendar month of the range that ended before as-of (aspect <c>month</c>).
/// </summary>
internal sealed class OperationFrequencyRule : Rule<OperationFrequencyRule.Parameters>
{
    private static readonly string[] MonthNames =
    {
        "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
    };

    public override string Id => "operation-frequency";

    public override string Title => "Регулярность резервного копирования и архивации";

    protected override Parameters Parse(RuleParameters p)
    {
        var kindName = p.GetString("kind");
        if (!JsonNames.TryParse<OperationKind>(kindName, out var kind))
        {
            throw p.Invalid("kind", $"unknown operation kind \"{kindName}\"; expected one of {string.Join(", ", JsonNames.AllOf<OperationKind>())}");
        }

        var hasEvery = p.Has("everyDays");
        var hasPerMonth = p.Has("perMonth");
        if (hasEvery == hasPerMonth)
        {
            throw p.Invalid(hasEvery ? "perMonth" : "everyDays", "give exactly one of \"everyDays\" and \"perMonth\"");
        }

        int? everyDays = hasEvery ? p.GetInt("everyDays", min: 1, max: 366) : null;
        int? perMonth = hasPerMonth ? p.GetInt("perMonth", min: 1, max: 1000) : null;
        return new Parameters(kind, everyDays, perMonth, p.GetInt("minCopies", 1, min: 1, max: 100));
    }

    protected override IEnumerable<CapabilityNeed> Needs(Parameters p)
    {
        yield return new CapabilityNeed(null, Capability.Operations);
    }

    protected override void Evaluate(RuleContext context, Parameters p)
    {
        var data = context.Data;
        var clock = context.Clock;
        var rangeStart = clock.StartOfDay(data.From);
        var rangeEnd = clock.EndOfDay(data.To);
        var end = rangeEnd < context.AsOf ? rangeEnd : context.AsOf;

        // Qualifying operations in the range; an operation with no copy count is taken as one copy.
        var times = new List<DateTimeOffset>();
        foreach (var operation in data.Snapshot.Operations ?? Array.Empty<Operation>())
        {
            if (operation.Kind == p.Kind && (operation.Copies ?? 1) >= p.MinCopies && operation.At >= rangeStart && operation.At <= end)
            {
                times.Add(clock.ToSchoolTime(operation.At));
            }
        }

        times.Sort();
        var what = KindName(p.Kind) + (p.MinCopies > 1 ? $" (не менее {p.MinCopies} копий)" : "");
        if (p.EveryDays is { } every)
        {
            Gaps(context, times, every, what, data.From, end);
        }
        else
        {
            Months(context, times, p.PerMonth!.Value, what);
        }
    }

    // Days are counted by school-local dates: after an operation on day D the next is due by the end of D + everyDays.
    private static void Gaps(RuleContext context, List<DateTimeOffset> times, int every, string what, DateTime from, DateTimeOffset end)
    {
        var previous = from;
        var previousText = $"начала проверяемого периода ({RussianText.Date(from)})";
        foreach (var time in times)
        {
            var date = time.Date;
            var due = context.Clock.EndOfDay(previous.AddDays(every));
            if (time > due)
            {
                context.Report(
                    "gap",
                    Entities.OperationGap(previous, date),
                    $"{what}: перерыв от {previousText} до {RussianText.Moment(time)} — {(date - previous).Days} дн., допускается не более {every}.",
                    deadline: due,
                    observed: time);
            }

            previous = date;
            previousText = RussianText.Moment(time);
        }

        var last = context.Clock.EndOfDay(previous.AddDays(every));
        if (last < end)
        {
            var endDate = end.Date;
            context.Report(
                "gap",
                Entities.OperationGap(previous, endDate),
                $"{what}: после {previousText} не выполнялось до {RussianText.Moment(end)}; срок очередной операции — до {RussianText.Moment(last)}.",
                deadline: last);
        }
    }

    private static void Months(RuleContext context, List<DateTimeOffset> times, int perMonth, string what)
    {
        var data = context.Data;
        var counts = new Dictionary<(int Year, int Month), int>();
        foreach (var time in times)
        {
            var key = (time.Year, time.Month);
            counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
        }

        // Whole calendar months inside the range that have ended before as-of.
        var month = new DateTime(data.From.Year, data.From.Month, 1);
        if (month < data.From)
        {
            month = month.AddMonths(1);
        }

        for (; month.AddMonths(1).AddDays(-1) <= data.To; month = month.AddMonths(1))
        {
            var monthEnd = context.Clock.EndOfDay(month.AddMonths(1).AddDays(-1));
            if (monthEnd >= context.AsOf)
            {
                break;
            }

            var count = counts.TryGetValue((month.Year, month.Month), out var c) ? c : 0;
            if (count < perMonth)
            {
                context.Report(
                    "month",
                    Entities.Month(month.Year, month.Month),
                    $"{what}: за {MonthName(month)} выполнено операций: {count}, требуется не менее {perMonth}.",
                    deadline: monthEnd);
            }
        }
    }

    private static string KindName(OperationKind kind) => kind switch
    {
        OperationKind.Backup => "Резервное копирование",
        OperationKind.Archive => "Архивирование",
        OperationKind.Export => "Выгрузка",
        _ => "Печать",
    };

    private static string MonthName(DateTime month) =>
        MonthNames[month.Month - 1] + " " + month.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) + " г.";

    internal sealed record Parameters(OperationKind Kind, int? EveryDays, int? PerMonth, int MinCopies);
}
