using System;
using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;

namespace Eljur.Rules.Catalog;

/// <summary>
/// <c>retention</c>: no archive record is destroyed before its retention expires (<c>early</c>, error);
/// records past expiry and not destroyed are listed (<c>due</c>, info). Expiry is 1 January of the year after
/// <c>archivedOn</c>, plus <c>years</c> of its document type; destruction on the expiry date itself is allowed.
/// Document types without a configured period are not judged.
/// </summary>
internal sealed class RetentionRule : Rule<RetentionRule.Parameters>
{
    public override string Id => "retention";

    public override string Title => "Сроки хранения архивных документов";

    protected override Parameters Parse(RuleParameters p)
    {
        var years = new Dictionary<ArchiveDocumentType, int>();
        foreach (var pair in p.GetIntMap("years", required: true, min: 0))
        {
            if (!JsonNames.TryParse<ArchiveDocumentType>(pair.Key, out var type))
            {
                throw p.Invalid("years", $"unknown document type \"{pair.Key}\"; expected one of {string.Join(", ", JsonNames.AllOf<ArchiveDocumentType>())}");
            }

            years[type] = pair.Value;
        }

        return new Parameters(years);
    }

    protected override IEnumerable<CapabilityNeed> Needs(Parameters p)
    {
        yield return new CapabilityNeed(null, Capability.Archive);
    }

    protected override void Evaluate(RuleContext context, Parameters p)
    {
        var data = context.Data;
        foreach (var record in data.Snapshot.Archive ?? Array.Empty<ArchiveRecord>())
        {
            if (!p.Years.TryGetValue(record.DocumentType, out var years))
            {
                continue;
            }

            var expiry = Expiry(record.ArchivedOn, years);
            var what = $"{DocumentName(record.DocumentType)} за {record.SchoolYear}{(record.ClassId is { } c ? ", класс " + (data.FindClass(c)?.Name ?? c) : "")} (в архиве с {RussianText.Date(record.ArchivedOn)}, срок хранения {years} {YearsWord(years)})";
            if (record.DestroyedOn is { } destroyed)
            {
                if (destroyed.Date < expiry)
                {
                    context.Report("early", Entities.Of(record), $"{what}: уничтожено {RussianText.Date(destroyed)}, до истечения срока хранения {RussianText.Date(expiry)}.", observed: context.Clock.StartOfDay(destroyed));
                }
            }
            else if (expiry <= data.AsOfDate)
            {
                context.Report("due", Entities.Of(record), $"{what}: срок хранения истёк {RussianText.Date(expiry)}, документ можно уничтожить по акту.", severity: Severity.Info);
            }
        }
    }

    /// <summary>1 January of the year after archiving, plus the retention years.</summary>
    internal static DateTime Expiry(DateTime archivedOn, int years) => new(archivedOn.Year + 1 + years, 1, 1);

    private static string DocumentName(ArchiveDocumentType type) => type switch
    {
        ArchiveDocumentType.ClassJournal => "Классный журнал",
        ArchiveDocumentType.SummarySheet => "Сводная ведомость",
        _ => "Электронная копия журнала",
    };

    private static string YearsWord(int n)
    {
        var tens = n % 100;
        var ones = n % 10;
        return tens is >= 11 and <= 14 ? "лет" : ones == 1 ? "год" : ones is >= 2 and <= 4 ? "года" : "лет";
    }

    internal sealed record Parameters(IReadOnlyDictionary<ArchiveDocumentType, int> Years);
}
