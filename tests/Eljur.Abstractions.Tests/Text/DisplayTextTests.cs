using System.Linq;
using Eljur.Abstractions.Text;

namespace Eljur.Abstractions.Tests.Text;

public class DisplayTextTests
{
    [Theory]
    [InlineData("\u001B[31mкрасный", "\\u001B[31mкрасный")]
    [InlineData("abc\u202Eexe.txt", "abc\\u202Eexe.txt")]
    [InlineData("cut\0answer", "cut\\u0000answer")]
    [InlineData("a\u2066b\u2069c\u202Ad", "a\\u2066b\\u2069c\\u202Ad")]
    [InlineData("line\nbreak\r", "line\\u000Abreak\\u000D")]
    [InlineData("del\u007F c1\u0085", "del\\u007F c1\\u0085")]
    [InlineData("Иванов И. И. — 5", "Иванов И. И. — 5")]
    [InlineData("😀 ok", "😀 ok")]
    public void Value_escapes_control_and_bidi_characters(string raw, string shown)
    {
        Assert.Equal(shown, DisplayText.Value(raw));
    }

    [Fact]
    public void An_unpaired_surrogate_is_escaped()
    {
        Assert.Equal("lone \\uD800 half", DisplayText.Value("lone \uD800 half"));
    }

    [Fact]
    public void Value_of_null_is_empty_and_clean_text_is_returned_as_is()
    {
        Assert.Equal("", DisplayText.Value(null));
        const string clean = "Ошибка авторизации";
        Assert.Same(clean, DisplayText.Value(clean));
    }

    [Theory]
    [InlineData(100_000, "…(всего 100\u00A0000 символов)")]
    [InlineData(201, "…(всего 201 символ)")]
    [InlineData(202, "…(всего 202 символа)")]
    [InlineData(211, "…(всего 211 символов)")]
    [InlineData(1_004, "…(всего 1\u00A0004 символа)")]
    public void An_over_long_value_is_cut_and_says_its_length(int length, string tail)
    {
        var shown = DisplayText.Value(new string('7', length));

        Assert.Equal(new string('7', 200) + tail, shown);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var text = new string('a', 199) + "😀" + new string('b', 50);

        var shown = DisplayText.Value(text);

        Assert.StartsWith(new string('a', 199) + "…", shown);
    }

    [Fact]
    public void Message_cuts_a_huge_id_but_keeps_the_words_around_it()
    {
        var message = "отметка m1: ученик " + new string('9', 100_000) + " не найден в списке students; исправьте файл.";

        var shown = DisplayText.Message(message);

        Assert.True(shown.Length <= 2000, shown.Length.ToString());
        Assert.StartsWith("отметка m1: ученик 999", shown);
        Assert.Contains("…(всего 100\u00A0000 символов) не найден в списке students; исправьте файл.", shown);
    }

    [Fact]
    public void Message_is_never_longer_than_its_limit_even_of_many_short_words()
    {
        var message = string.Join(" ", Enumerable.Repeat("слово\u001B", 5000));

        var shown = DisplayText.Message(message);

        Assert.True(shown.Length <= 2000, shown.Length.ToString());
        Assert.DoesNotContain('\u001B', shown);
        Assert.EndsWith("символов)", shown);
    }

    [Fact]
    public void Message_is_one_line_without_any_unsafe_character()
    {
        var shown = DisplayText.Message("a\nb\u202Ec\0d\u2028e");

        Assert.Equal("a\\u000Ab\\u202Ec\\u0000d\\u2028e", shown);
        Assert.DoesNotContain(shown, DisplayText.IsUnsafe);
    }

    [Fact]
    public void Escaping_twice_reads_the_same()
    {
        var once = DisplayText.Value("x\u001By");

        Assert.Equal(once, DisplayText.Value(once));
    }
}
