using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;

namespace Eljur.Rules.Catalog;

/// <summary>
/// <c>year-end-archive</c>: after the academic year ends, each required document is in the archive register
/// for that year (<c>missing</c>), archived on or before its due date (<c>late</c>). A document is due on the
/// first <c>due</c> date ("MM-DD") on or after the year's last day, or <c>daysAfterYearEnd</c> days after it;
/// nothing is reported before the due date has passed.
/// </summary>
internal sealed class YearEndArchiveRule : Rule<YearEndArchiveRule.Parameters>
{
    private static readonly Regex MonthDay = new(@"^(?<m>[0-9]{2})-(?<d>[0-9]{2})$", RegexOptions.CultureInvariant);

    public override string Id => "year-end-archive";

    public override string Title => "Документы учебного года сданы в архив в срок";

    protected override Parameters Parse(RuleParameters p)
    {
        var documents = p.GetObjectList("documents", ParseDocument, required: true);
        if (documents.Count == 0)
        {
            throw p.Invalid("documents", "list at least one required document");
        }

        return new Parameters(documents);
    }

    protected override IEnumerable<CapabilityNeed> Needs(Parameters p)
    {
        // The periods give the academic year, its label and its end.
        yield return new CapabilityNeed(null, Capability.Archive, Capability.Periods);
    }

    protected override void Evaluate(RuleContext context, Parameters p)
    {
        var data = context.Data;
        if (AcademicYear.Of(data.Periods) is not { } year)
        {
            context.MissingData(null, Capability.Periods);
            return;
        }

        if (context.Clock.EndOfDay(year.End) >= context.AsOf)
        {
            return;
        }

        // Records of the year per document type and class ("" for whole-school records).
        var records = new Dictionary<(ArchiveDocumentType Type, string ClassId), List<ArchiveRecord>>();
        foreach (var record in data.Snapshot.Archive ?? Array.Empty<ArchiveRecord>())
        {
            if (!string.Equals(record.SchoolYear.Trim(), year.Label, StringComparison.Ordinal))
            {
                continue;
            }

            var key = (record.DocumentType, record.ClassId ?? "");
            if (!records.TryGetValue(key, out var list))
            {
                list = new List<ArchiveRecord>(1);
                records.Add(key, list);
            }

            list.Add(record);
        }

        foreach (var document in p.Documents)
        {
            var due = document.Due(year.End);
            var deadline = context.Clock.EndOfDay(due);
            if (deadline >= context.AsOf)
            {
                continue;
            }

            if (document.PerClass)
            {
                foreach (var schoolClass in data.Classes)
                {
                    var found = records.TryGetValue((document.Type, schoolClass.Id), out var list) ? Earliest(list) : null;
                    Judge(context, document, year, schoolClass.Id, $"класс {schoolClass.Name}", found, due, deadline);
                }
            }
            else
            {
                Judge(context, document, year, null, "вся школа", WholeSchool(records, document.Type), due, deadline);
            }
        }
    }

    // A whole-school document is its own record; failing that, per-class records of the type count once all are in,
    // so the latest of them dates the document.
    private static DateTime? WholeSchool(Dictionary<(ArchiveDocumentType Type, string ClassId), List<ArchiveRecord>> records, ArchiveDocumentType type)
    {
        if (records.TryGetValue((type, ""), out var own))
        {
            return Earliest(own);
        }

        DateTime? latest = null;
        foreach (var pair in records)
        {
            if (pair.Key.Type == type && Earliest(pair.Value) is { } date && (latest is null || date > latest))
            {
                latest = date;
            }
        }

        return latest;
    }

    private static DateTime? Earliest(List<ArchiveRecord> records)
    {
        DateTime? earliest = null;
        foreach (var record in records)
        {
            if (earliest is null || record.ArchivedOn.Date < earliest)
            {
                earliest = record.ArchivedOn.Date;
            }
        }

        return earliest;
    }

    private static void Judge(RuleContext context, Document document, AcademicYear year, string? classId, string whose, DateTime? archivedOn, DateTime due, DateTimeOffset deadline)
    {
        var entity = Entities.Document(document.Type, year.Label, classId);
        var what = $"{DocumentName(document.Type)} за {year.Label} учебный год ({whose})";
        if (archivedOn is not { } on)
        {
            context.Report("missing", entity, $"{what}: нет в архивном реестре, срок сдачи в архив — до {RussianText.Date(due)} включительно.", deadline: deadline);
        }
        else if (on > due)
        {
            context.Report("late", entity, $"{what}: сдача в архив {RussianText.Date(on)}, срок — до {RussianText.Date(due)} включительно.", deadline: deadline, observed: context.Clock.StartOfDay(on));
        }
    }

    private static Document ParseDocument(RuleParameters item)
    {
        var typeName = item.GetString("documentType");
        if (!JsonNames.TryParse<ArchiveDocumentType>(typeName, out var type))
        {
            throw item.Invalid("documentType", $"unknown document type \"{typeName}\"; expected one of {string.Join(", ", JsonNames.AllOf<ArchiveDocumentType>())}");
        }

        var perClass = item.GetBool("perClass", false);
        var hasDue = item.Has("due");
        var hasDays = item.Has("daysAfterYearEnd");
        if (hasDue == hasDays)
        {
            throw item.Invalid(hasDue ? "daysAfterYearEnd" : "due", "give exactly one of \"due\" (\"MM-DD\") and \"daysAfterYearEnd\"");
        }

        if (hasDays)
        {
            return new Document(type, perClass, null, null, item.GetInt("daysAfterYearEnd", min: 0, max: 366));
        }

        var text = item.GetString("due");
        var m = MonthDay.Match(text);
        var month = m.Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var day = m.Success ? int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture) : 0;

        // February 29 is refused: it would move the due date by up to four years.
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2023, month))
        {
            throw item.Invalid("due", $"\"{text}\" is not a date of the year; expected \"MM-DD\", e.g. \"06-30\"");
        }

        return new Document(type, perClass, month, day, null);
    }

    private static string DocumentName(ArchiveDocumentType type) => type switch
    {
        ArchiveDocumentType.ClassJournal => "Классный журнал (распечатка)",
        ArchiveDocumentType.SummarySheet => "Сводная ведомость итоговых отметок",
        _ => "Электронная копия журнала",
    };

    internal sealed record Document(ArchiveDocumentType Type, bool PerClass, int? Month, int? Day, int? DaysAfterYearEnd)
    {
        /// <summary>The due date for a year ending on <paramref name="yearEnd"/>.</summary>
        public DateTime Due(DateTime yearEnd)
        {
            if (DaysAfterYearEnd is { } days)
            {
                return yearEnd.Date.AddDays(days);
            }

            var due = new DateTime(yearEnd.Year, Month!.Value, Day!.Value);
            return due < yearEnd.Date ? due.AddYears(1) : due;
        }
    }

    internal sealed record Parameters(IReadOnlyList<Document> Documents);
}
