using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Eljur.Abstractions.Model;

namespace Eljur.Abstractions.Evaluation;

/// <summary>
/// The Russian sentence that tells a reader what a connector could not map
/// (<c>source.unmapped</c>): «Не удалось разобрать 3 итоговые отметки: …». The CLI prints it after a
/// fetch, and a check over such a snapshot adds it to the report's warnings.
/// </summary>
public static class UnmappedSummary
{
    private const int ShownExamples = 3;

    // Accusative forms for 1, 2–4 and 5+ («не удалось разобрать 1 итоговую отметку») and the nominative of one.
    private static readonly Dictionary<string, (string One, string Few, string Many, string Name)> Kinds = new(StringComparer.Ordinal)
    {
        ["finalMark"] = ("итоговую отметку", "итоговые отметки", "итоговых отметок", "итоговая отметка"),
        ["mark"] = ("отметку", "отметки", "отметок", "отметка"),
        ["lesson"] = ("урок", "урока", "уроков", "урок"),
        ["absence"] = ("запись о пропуске", "записи о пропусках", "записей о пропусках", "пропуск"),
        ["homework"] = ("домашнее задание", "домашних задания", "домашних заданий", "домашнее задание"),
        ["period"] = ("учебный период", "учебных периода", "учебных периодов", "учебный период"),
        ["group"] = ("класс или группу", "класса или группы", "классов или групп", "класс или группа"),
    };

    private static readonly (string One, string Few, string Many, string Name) Other = ("запись", "записи", "записей", "запись");

    /// <summary>The sentence, or null when nothing was left out.</summary>
    /// <param name="unmapped">The snapshot's <c>source.unmapped</c>.</param>
    /// <returns>One Russian sentence naming how many records of which kind and the first examples with their reasons.</returns>
    public static string? Describe(UnmappedRecords? unmapped)
    {
        if (unmapped is null || unmapped.Count <= 0)
        {
            return null;
        }

        var examples = unmapped.Examples ?? Array.Empty<UnmappedRecord>();
        string counted;
        if (examples.Count == unmapped.Count)
        {
            counted = string.Join(", ", examples.GroupBy(e => e.Kind, StringComparer.Ordinal).Select(g => Count(g.Count(), FormsOf(g.Key))));
        }
        else
        {
            counted = Count(unmapped.Count, Other);
        }

        var shown = examples.Take(ShownExamples).Select(e => $"{FormsOf(e.Kind).Name} {e.VendorId} — {e.Reason}").ToList();
        var text = "Не удалось разобрать " + counted;
        if (shown.Count > 0)
        {
            text += ": " + string.Join("; ", shown) + (unmapped.Count > shown.Count ? "; …" : "");
        }

        return text + ". Этих записей нет в снимке: данные неполны, проверка может пропустить нарушения.";
    }

    /// <summary>The form of a Russian noun for <paramref name="n"/>: 1 урок, 2 урока, 5 уроков, 21 урок, 11 уроков.</summary>
    /// <param name="n">The number.</param>
    /// <param name="one">The form for 1, 21, 31, …</param>
    /// <param name="few">The form for 2–4, 22–24, …</param>
    /// <param name="many">The form for 0, 5–20, 25–30, …</param>
    /// <returns>The form.</returns>
    public static string Plural(long n, string one, string few, string many)
    {
        var abs = Math.Abs(n);
        var lastTwo = abs % 100;
        var last = abs % 10;
        return last == 1 && lastTwo != 11 ? one
            : last is >= 2 and <= 4 && lastTwo is < 12 or > 14 ? few
            : many;
    }

    /// <summary>The Russian name of one record of a kind of <c>source.unmapped</c> («итоговая отметка»), null for a kind not known here.</summary>
    /// <param name="kind">The kind, as in <see cref="UnmappedRecord.Kind"/> (<c>finalMark</c>, <c>mark</c>, <c>lesson</c>, …).</param>
    /// <returns>The nominative singular, or null.</returns>
    public static string? Name(string kind) => Kinds.TryGetValue(kind, out var forms) ? forms.Name : null;

    private static (string One, string Few, string Many, string Name) FormsOf(string kind) => Kinds.TryGetValue(kind, out var forms) ? forms : Other;

    private static string Count(int n, (string One, string Few, string Many, string Name) forms) =>
        n.ToString("N0", CultureInfo.GetCultureInfo("ru-RU")) + " " + Plural(n, forms.One, forms.Few, forms.Many);
}
