namespace Eljur.Rules.Tests.Reports;

/// <summary>The Latin-word scan itself: it finds English in running text and leaves ids, quotes and markup alone.</summary>
public sealed class PlainRussianTests
{
    [Fact]
    public void Finds_english_in_running_text_of_each_format()
    {
        Assert.Contains(PlainRussian.LatinWords("<p>Отметки вида current</p>", "html"), w => w.StartsWith("current", System.StringComparison.Ordinal));
        Assert.Contains(PlainRussian.LatinWords("| Срок graceDays 0 |", "md"), w => w.StartsWith("graceDays", System.StringComparison.Ordinal));
        Assert.Contains(PlainRussian.LatinWords("[нарушение] archiveRecord AR-1: …", "text"), w => w.StartsWith("archiveRecord", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Leaves_the_technical_column_quotes_and_markup_alone()
    {
        const string html = "<!DOCTYPE html><html lang=\"ru\"><head><style>body { font-family: Arial; }</style></head>"
            + "<body><table class=\"cases\"><tr data-rule=\"lesson-topic\"><td>Тема «Quadratic equations» не на русском</td><td class=\"tech\">L-c9b-1</td></tr></table>"
            + "<blockquote class=\"quote\">резервное копирование (pdf формат)</blockquote><span class=\"tech\"> lyceum68</span></body></html>";
        Assert.Empty(PlainRussian.LatinWords(html, "html"));
        Assert.Empty(PlainRussian.LatinWords("| 01.11.2024 | Пропуски, п. 5.1 | Пропуск | `L44:st84` |\n> «pdf формат»", "md"));
        Assert.Empty(PlainRussian.LatinWords("  01.11.2024  Пропуски, п. 5.1: Пропуск ⟦L44:st84⟧", "text"));
    }
}
