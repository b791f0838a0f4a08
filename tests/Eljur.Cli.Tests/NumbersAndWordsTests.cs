using System;
using System.IO;
using Eljur.Abstractions.Evaluation;
using Eljur.Cli.Infrastructure;

namespace Eljur.Cli.Tests;

/// <summary>Russian plural forms, percentages rounded once, ru-RU decimals, and the suggestion distance.</summary>
public class NumbersAndWordsTests
{
    [Theory]
    [InlineData(0, "0 уроков")]
    [InlineData(1, "1 урок")]
    [InlineData(2, "2 урока")]
    [InlineData(4, "4 урока")]
    [InlineData(5, "5 уроков")]
    [InlineData(11, "11 уроков")]
    [InlineData(12, "12 уроков")]
    [InlineData(14, "14 уроков")]
    [InlineData(21, "21 урок")]
    [InlineData(22, "22 урока")]
    [InlineData(111, "111 уроков")]
    [InlineData(192, "192 урока")]
    [InlineData(1001, "1001 урок")]
    public void Counts_take_the_russian_plural_form(long n, string expected) =>
        Assert.Equal(expected, RussianText.Count(n, "урок", "урока", "уроков"));

    [Fact]
    public void The_cli_vocabulary_agrees_with_its_numbers()
    {
        Assert.Equal("452 отметки", Words.Marks(452));
        Assert.Equal("10 школ", Words.Schools(10));
        Assert.Equal("1 нарушение", Words.Breaches(1));
        Assert.Equal("5 нарушений", Words.Breaches(5));
        Assert.Equal("3 домашних задания", Words.Homework(3));
        Assert.Equal("21 пропуск", Words.Absences(21));
    }

    [Theory]
    [InlineData(7, 13, "53,8\u00a0%")] // 0.538461…: the value rounded to 4 decimals (0.5385) would give 53,9
    [InlineData(6, 13, "46,2\u00a0%")]
    [InlineData(1, 65, "1,5\u00a0%")]
    [InlineData(1, 1, "100\u00a0%")]
    [InlineData(0, 5, "0\u00a0%")]
    [InlineData(1, 8, "12,5\u00a0%")] // an exact half rounds away from zero
    [InlineData(1, 3, "33,3\u00a0%")]
    public void A_percentage_is_rounded_once_from_the_exact_ratio(long numerator, long denominator, string expected) =>
        Assert.Equal(expected, RussianText.Percent(numerator, denominator));

    [Fact]
    public void The_demo_summary_counts_in_russian_and_rounds_7_of_13_to_53_8()
    {
        var (code, output, error) = CliRunner.Run("demo", "--out", CliRunner.TempDir());

        Assert.True(code == 0, error);
        Assert.Contains("192 урока, 452 отметки, 6 пропусков", output);
        Assert.Contains("53,8\u00a0% (7 из 13)", output);
        Assert.DoesNotContain("53,9", output);
        Assert.Matches(@"Всего: \d+ нарушени(е|я|й)( и \d+ возможн(ое|ых))?( в \d+ запис(и|ях))?\.", output);
        Assert.Contains("Доля пар ученик–предмет без отметок", output);
        Assert.DoesNotContain("учащихся без отметок", output);
    }

    [Fact]
    public void Generate_prints_counts_with_plural_forms_and_decimal_commas()
    {
        var file = Path.Combine(CliRunner.TempDir(), "g.json");
        var (code, output, error) = CliRunner.Run("generate", "--schools", "1", "--students-per-school", "20", "--from", "2024-09-02", "--to", "2024-09-06", "--out", file);

        Assert.True(code == 0, error);
        Assert.Matches(@"— \d+ урок(а|ов)?, \d+ отмет(ка|ки|ок), \d+ пропуск(а|ов)?; \d+,\d МБ, \d+,\d с", output);
    }

    [Fact]
    public void A_share_with_a_decimal_comma_means_the_same_as_with_a_point()
    {
        var dir = CliRunner.TempDir();
        string Generate(string rate, string name)
        {
            var file = Path.Combine(dir, name);
            var (code, _, error) = CliRunner.Run("generate", "--schools", "1", "--students-per-school", "10", "--from", "2024-09-02", "--to", "2024-09-13", "--late-rate", rate, "--compact", "--out", file);
            Assert.True(code == 0, error);
            return File.ReadAllText(file);
        }

        var comma = Generate("0,5", "comma.json");
        Assert.Equal(Generate("0.5", "point.json"), comma);
        Assert.NotEqual(Generate("0.05", "small.json"), comma);
    }

    [Theory]
    [InlineData("--polcy", "--policy")]
    [InlineData("chek", "check")]
    [InlineData("lyceum68-ufa-2032", "lyceum68-ufa-2023")]
    [InlineData("jsno", "json")]
    [InlineData("lesson-topik", "lesson-topic")]
    public void A_typo_gets_the_nearest_name(string typed, string expected) =>
        Assert.Equal(expected, Suggestions.Closest(typed, new[] { "--policy", "--snapshot", "check", "sync", "lyceum68-ufa-2023", "kurskoye-2019", "json", "html", "lesson-topic", "homework" }));

    [Theory]
    [InlineData("pdf")]
    [InlineData("--verbose")]
    [InlineData("x")]
    public void A_word_far_from_every_name_gets_no_suggestion(string typed) =>
        Assert.Null(Suggestions.Closest(typed, new[] { "--policy", "--snapshot", "json", "html", "md", "text" }));

    [Fact]
    public void A_suggestion_of_punctuation_is_quoted_so_it_does_not_run_into_the_sentence()
    {
        Assert.Equal("; возможно, имелось в виду «;»", Suggestions.Hint(":", new[] { "auto", ";", "," }));
        Assert.Equal("; возможно, имелось в виду json", Suggestions.Hint("jsno", new[] { "json", "html" }));
    }

    [Fact]
    public void Ru_ru_numbers_use_a_decimal_comma() =>
        Assert.Equal("0,5", 0.5.ToString(RussianText.Culture));
}
