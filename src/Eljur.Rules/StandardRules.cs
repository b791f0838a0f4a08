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
        new PeriodMarksRule(),
        new GiaEntryRule(),
        new FinalAfterGiaRule(),
        new MarkCorrectionRule(),
        new ClosedPeriodRule(),
        new RussianTextRule(),
        new PlanBeforeYearRule(),
        new StudentAuthorshipRule(),
        new AccessAfterLeaveRule(),
        new ConsentRule(),
        new OperationFrequencyRule(),
        new DailyExportRule(),
        new YearEndArchiveRule(),
        new RetentionRule(),
        new LessonsWithTopicOrHomeworkMetric(),
        new LessonsWithJournalEntryMetric(),
        new LessonsFilledWithin24hMetric(),
        new ClassesWithScheduleMetric(),
        new AccountsActivatedMetric(),
        new UniqueLoginsMetric(),
        new StudentsWithoutMarksMetric(),
        new StudentsWithOneMarkMetric(),
        new HomeworkRecordedMetric(),
        new TeacherParticipationMetric(),
        RoleParticipationMetric.Parents,
        RoleParticipationMetric.Students,
    };

    /// <summary>The standard catalog.</summary>
    public static IRuleCatalog Catalog { get; } = new RuleCatalog(All);
}
