using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Rules.Catalog;
using Eljur.Rules.Metrics;

namespace Eljur.Rules;

/// <summary>The standard rule catalog: every rule and metric of <c>rules.md</c> shipped with the SDK.</summary>
public static class StandardRules
{
    /// <summary>Every standard rule and metric, rules first.</summary>
    public static IReadOnlyList<RuleDefinition> All { get; } = new RuleDefinition[]
    {
        new LessonTopicRule(),
        new HomeworkRule(),
        new AbsenceEntryRule(),
        new CurrentMarkEntryRule(),
        new WrittenMarkEntryRule(),
        new MarkCorrectionRule(),
        new LessonsWithTopicOrHomeworkMetric(),
        new LessonsWithJournalEntryMetric(),
    };

    /// <summary>The standard catalog.</summary>
    public static IRuleCatalog Catalog { get; } = new RuleCatalog(All);
}
