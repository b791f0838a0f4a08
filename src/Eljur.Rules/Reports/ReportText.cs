using System;
using System.Collections.Generic;
using System.Globalization;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;

namespace Eljur.Rules.Reports;

/// <summary>The Russian words of reports: capabilities, aspects, entity types, roles, months.</summary>
internal static class ReportText
{
    private static readonly Dictionary<string, string> Capabilities = new(StringComparer.Ordinal)
    {
        [Capability.Lessons] = "уроки (расписание)",
        [Capability.Topics] = "темы уроков",
        [Capability.Homework] = "домашние задания",
        [Capability.Marks] = "отметки",
        [Capability.Absences] = "пропуски уроков",
        [Capability.Periods] = "учебные периоды",
        [Capability.Plans] = "календарно-тематическое планирование",
        [Capability.GiaResults] = "результаты ГИА",
        [Capability.Accounts] = "учётные записи пользователей",
        [Capability.Logins] = "входы пользователей",
        [Capability.Operations] = "журнал операций школы (копирование, архивирование, выгрузка)",
        [Capability.Archive] = "архивный реестр",
        [Capability.Consents] = "согласия на обработку персональных данных",
        [Capability.MarkEntryTimes] = "время внесения отметок",
        [Capability.AbsenceEntryTimes] = "время внесения пропусков",
        [Capability.TopicEntryTimes] = "время внесения тем уроков",
        [Capability.HomeworkEntryTimes] = "время внесения домашних заданий",
        [Capability.EntryTimes] = "время внесения записей",
        [Capability.Revisions] = "история исправлений отметок",
        [Capability.Authors] = "авторы записей",
        [Capability.LessonTimes] = "время начала и окончания уроков",
    };

    private static readonly Dictionary<string, string> Aspects = new(StringComparer.Ordinal)
    {
        ["missing"] = "нет записи",
        ["late"] = "внесено позже срока",
        ["forbidden"] = "недопустимое исправление",
        ["hours"] = "часы не совпадают с учебным планом",
        ["active"] = "учётная запись не закрыта",
        ["login"] = "вход после выбытия или увольнения",
        ["early"] = "уничтожено до истечения срока хранения",
        ["due"] = "срок хранения истёк",
        ["gap"] = "слишком большой перерыв",
        ["month"] = "мало операций за месяц",
        ["revised"] = "исправлено после закрытия периода",
        ["entered"] = "внесено после закрытия периода",
        ["text"] = "текст не на русском языке",
        ["consent"] = "нет согласия",
        ["noConsent"] = "нет согласия",
        ["topic"] = "тема урока",
        ["homework"] = "домашнее задание",
        ["mark"] = "отметку внёс ученик",
        ["revision"] = "отметку исправил ученик",
        ["absence"] = "пропуск внёс ученик",
    };

    private static readonly Dictionary<string, string> RuleNouns = new(StringComparer.Ordinal)
    {
        ["lesson-topic"] = "темы уроков",
        ["homework"] = "домашние задания",
        ["absence-entry"] = "пропуски",
        ["current-mark-entry"] = "текущие отметки",
        ["written-mark-entry"] = "письменные работы",
        ["period-marks"] = "отметки за период",
        ["mark-correction"] = "исправления отметок",
        ["closed-period"] = "закрытый период",
        ["russian-text"] = "записи не на русском",
        ["plan-before-year"] = "планирование",
        ["student-authorship"] = "записи учеников",
        ["gia-entry"] = "результаты ГИА",
        ["final-after-gia"] = "итоговые после ГИА",
        ["access-after-leave"] = "доступ после выбытия",
        ["consent"] = "согласия",
        ["operation-frequency"] = "резервные копии",
        ["daily-export"] = "ежедневная выгрузка",
        ["year-end-archive"] = "архив за год",
        ["retention"] = "сроки хранения",
    };

    private static readonly Dictionary<string, string> EntityTypes = new(StringComparer.Ordinal)
    {
        ["lesson"] = "урок",
        ["mark"] = "отметка",
        ["absence"] = "пропуск",
        ["revision"] = "исправление отметки",
        ["periodMark"] = "отметка за период",
        ["plan"] = "КТП",
        ["account"] = "учётная запись",
        ["student"] = "ученик",
        ["archive"] = "запись архива",
        ["archiveRecord"] = "запись архива",
        ["operationGap"] = "перерыв",
        ["document"] = "документ",
        ["gap"] = "перерыв",
        ["month"] = "месяц",
        ["day"] = "день",
        ["gia"] = "результат ГИА",
        ["giaResult"] = "результат ГИА",
        ["operation"] = "операция",
    };

    private static readonly string[] Months =
    {
        "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
    };

    /// <summary>A capability in Russian words; unknown names stay as they are.</summary>
    public static string CapabilityWords(string name) => Capabilities.TryGetValue(name, out var text) ? text : name;

    /// <summary>An aspect in Russian words; unknown aspects stay as they are.</summary>
    public static string Aspect(string? aspect) => aspect is null ? "" : Aspects.TryGetValue(aspect, out var text) ? text : aspect;

    /// <summary>A short Russian name of a rule for tables, e.g. «письменные работы»; the catalog title for a rule it does not know.</summary>
    public static string RuleNoun(string rule, Abstractions.Evaluation.IRuleCatalog catalog) =>
        RuleNouns.TryGetValue(rule, out var noun) ? noun : catalog.TryGet(rule, out var definition) ? definition.Title : rule;

    /// <summary>An entity type in Russian words; unknown types stay as they are.</summary>
    public static string EntityType(string type) => EntityTypes.TryGetValue(type, out var text) ? text : type;

    public static string Severity(Severity severity) => severity switch
    {
        Abstractions.Evaluation.Severity.Error => "нарушение",
        Abstractions.Evaluation.Severity.Warning => "предупреждение",
        _ => "сведения",
    };

    public static string Role(AccountRole role) => role switch
    {
        AccountRole.Student => "ученики",
        AccountRole.Parent => "родители",
        AccountRole.Teacher => "учителя",
        _ => "администрация",
    };

    public static string RoleId(AccountRole role) => role switch
    {
        AccountRole.Student => "student",
        AccountRole.Parent => "parent",
        AccountRole.Teacher => "teacher",
        _ => "administration",
    };

    public static string PeriodKind(PeriodKind kind) => kind switch
    {
        Abstractions.Model.PeriodKind.Quarter => "четверть",
        Abstractions.Model.PeriodKind.Trimester => "триместр",
        Abstractions.Model.PeriodKind.HalfYear => "полугодие",
        _ => "учебный год",
    };

    /// <summary>E.g. «октябрь 2024».</summary>
    public static string Month(int year, int month) => Months[month - 1] + " " + year.ToString(CultureInfo.InvariantCulture);

    /// <summary>A share as «92,3 %», or «—» without a value.</summary>
    public static string Percent(double? value) => value is { } v ? RussianText.Percent(v) : "—";

    /// <summary>A count as text.</summary>
    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number for SVG coordinates (invariant, at most 1 decimal).</summary>
    public static string Coordinate(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
