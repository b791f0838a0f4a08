using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;

namespace Eljur.Rules.Catalog;

/// <summary>
/// <c>russian-text</c>: topic (<c>topic</c>) and homework (<c>homework</c>) texts are in Russian — among
/// their letters at least <c>minCyrillicShare</c> are Cyrillic. Each text kind is checked when the source
/// declares it. Severity error by default: the clause is an obligation («все записи … на русском языке»),
/// foreign-language lessons included.
/// </summary>
internal sealed class RussianTextRule : Rule<RussianTextRule.Parameters>
{
    private const int QuoteLength = 60;

    public override string Id => "russian-text";

    public override string Title => "Записи в журнале на русском языке";

    protected override Parameters Parse(RuleParameters p) => new(p.GetDouble("minCyrillicShare", 0.5, min: 0, max: 1));

    protected override IEnumerable<CapabilityNeed> Needs(Parameters p)
    {
        yield return new CapabilityNeed(null, Capability.Lessons) { AnyOf = new[] { Capability.Topics, Capability.Homework } };
        yield return new CapabilityNeed("topic", Capability.Topics);
        yield return new CapabilityNeed("homework", Capability.Homework);
    }

    protected override void Evaluate(RuleContext context, Parameters p)
    {
        var data = context.Data;
        foreach (var lesson in data.LessonsInScope)
        {
            Check(context, p, lesson, "topic", lesson.Topic, "Тема урока");
            Check(context, p, lesson, "homework", lesson.Homework, "Домашнее задание");
        }
    }

    /// <summary>Letters and Cyrillic letters of a text (Cyrillic: U+0400–U+052F).</summary>
    internal static (int Letters, int Cyrillic) CountLetters(string text)
    {
        int letters = 0, cyrillic = 0;
        foreach (var ch in text)
        {
            if (!char.IsLetter(ch))
            {
                continue;
            }

            letters++;
            if (ch >= '\u0400' && ch <= '\u052F')
            {
                cyrillic++;
            }
        }

        return (letters, cyrillic);
    }

    private static void Check(RuleContext context, Parameters p, Lesson lesson, string aspect, string? text, string what)
    {
        // Blank texts are the business of lesson-topic and homework; texts without letters ("§ 5, № 3–4") have no language.
        if (Describe.IsBlank(text) || !context.CanEvaluate(aspect))
        {
            return;
        }

        var (letters, cyrillic) = CountLetters(text!);
        if (letters == 0 || cyrillic >= p.MinCyrillicShare * letters)
        {
            return;
        }

        var quote = text!.Trim();
        if (quote.Length > QuoteLength)
        {
            quote = quote.Substring(0, QuoteLength) + "…";
        }

        var share = RussianText.Percent((double)cyrillic / letters);
        context.Report(
            aspect,
            Entities.Of(lesson),
            $"{what} ({context.Data.Describe(lesson)}) не на русском языке: «{quote}» — доля кириллицы среди букв {share}, требуется не менее {RussianText.Percent(p.MinCyrillicShare)}.",
            responsible: context.Data.Responsibility.OfLesson(lesson));
    }

    internal sealed record Parameters(double MinCyrillicShare);
}
