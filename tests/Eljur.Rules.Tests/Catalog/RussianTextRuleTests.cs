using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using static Eljur.Rules.Tests.Catalog.CatalogKit;

namespace Eljur.Rules.Tests.Catalog;

/// <summary>
/// <c>russian-text</c> — Белогорская СШ, Инструкция, п. 4.2 (учитель): «вносит все записи по всем учебным предметам
/// (включая уроки по иностранному языку) на русском языке»; СШ № 32, п. 3.2.4 likewise.
/// </summary>
public class RussianTextRuleTests
{
    private static Snap Snap(params (string Id, string? Topic, string? Homework)[] lessons)
    {
        var snap = new Snap();
        foreach (var (id, topic, homework) in lessons)
        {
            snap.Lessons.Add(Lesson(id, "2024-10-01") with { Topic = topic, Homework = homework });
        }

        return snap;
    }

    [Fact]
    public void ForeignLanguageTopicsAndHomeworkAreReported()
    {
        var snap = Snap(
            ("en", "Present Simple", "Упр. 5 стр. 34"),
            ("hw", "Времена глагола", "WB p. 45 ex. 3"),
            ("ru", "Квадратные уравнения", "№ 112–115"));

        var report = Run(snap, "russian-text");

        Assert.Equal(new[] { "topic certain lesson:en", "homework certain lesson:hw" }, Lines(report));
        Assert.All(report.Findings, f => Assert.Equal(Severity.Error, f.Severity));
        Assert.Contains("«Present Simple»", report.Findings[0].Message);
    }

    [Fact]
    public void HalfCyrillicLettersIsEnough_TheShareIsAParameter()
    {
        var snap = Snap(("half", "Урок Unit", null), ("none", "§ 5, № 3–4", "1) 2) 3)"));

        Assert.Empty(Run(snap, "russian-text").Findings);
        Assert.Equal(new[] { "topic certain lesson:half" }, Lines(Run(snap, "russian-text", """{"minCyrillicShare": 0.9}""")));
    }

    [Fact]
    public void CancelledLessonsAndBlankTextsAreSkipped()
    {
        var snap = Snap(("blank", "  ", null));
        snap.Lessons.Add(Lesson("cancelled", "2024-10-02") with { Held = false, Topic = "Past Simple" });

        Assert.Empty(Run(snap, "russian-text").Findings);
    }

    [Fact]
    public void EachTextKindNeedsItsCapability()
    {
        var snap = Snap(("en", "Present Simple", "Ex. 5"));

        var topicsOnly = Run(snap.Without(Capability.Homework), "russian-text");
        Assert.Equal(new[] { "topic certain lesson:en" }, Lines(topicsOnly));
        Assert.Equal(new[] { "homework [homework]" }, NotEvaluable(topicsOnly));

        var neither = Run(Snap(("en", "Present Simple", "Ex. 5")).Without(Capability.Homework, Capability.Topics), "russian-text");
        Assert.Empty(neither.Findings);
        Assert.Equal(new[] { "- [topics,homework]" }, NotEvaluable(neither));
    }

    [Fact]
    public void TheShareMustBeBetweenZeroAndOne()
    {
        Assert.Contains("minCyrillicShare", BindError("russian-text", """{"minCyrillicShare": 1.5}""").Message);
    }
}
