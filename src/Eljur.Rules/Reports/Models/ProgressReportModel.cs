using System;
using System.Collections.Generic;

namespace Eljur.Rules.Reports.Models;

/// <summary>
/// What the progress report templates see (<c>progress.*.sbn</c>): успеваемость, качество, average mark and
/// students without marks per period, class and subject. Members are snake_case in templates.
/// </summary>
public sealed record ProgressReportModel
{
    /// <summary>The report's title.</summary>
    public string Title { get; init; } = "Успеваемость и качество знаний";

    /// <summary>School name.</summary>
    public string SchoolName { get; init; } = "";

    /// <summary>How the figures are counted, in Russian (printed under the tables).</summary>
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();

    /// <summary>True when student names were replaced by pseudonyms.</summary>
    public bool Anonymized { get; init; }

    /// <summary>The report style sheet (HTML only).</summary>
    public TrustedHtml Css { get; init; } = new("");

    /// <summary>The periods reported, by start date.</summary>
    public IReadOnlyList<ProgressPeriodModel> Periods { get; init; } = Array.Empty<ProgressPeriodModel>();
}

/// <summary>One academic period.</summary>
public sealed record ProgressPeriodModel
{
    /// <summary>Period id.</summary>
    public string PeriodId { get; init; } = "";

    /// <summary>Period name, e.g. «1 четверть».</summary>
    public string Name { get; init; } = "";

    /// <summary>Kind in Russian: четверть, триместр, полугодие, учебный год.</summary>
    public string KindText { get; init; } = "";

    /// <summary>First day, <c>dd.MM.yyyy</c>.</summary>
    public string Start { get; init; } = "";

    /// <summary>Last day, <c>dd.MM.yyyy</c>.</summary>
    public string End { get; init; } = "";

    /// <summary>Classes, by grade and name.</summary>
    public IReadOnlyList<ProgressClassModel> Classes { get; init; } = Array.Empty<ProgressClassModel>();
}

/// <summary>One class in one period.</summary>
public sealed record ProgressClassModel
{
    /// <summary>Class id.</summary>
    public string ClassId { get; init; } = "";

    /// <summary>Class name, e.g. «9Б».</summary>
    public string ClassName { get; init; } = "";

    /// <summary>Students on the class list at the end of the period.</summary>
    public int Students { get; init; }

    /// <summary>One row per subject.</summary>
    public IReadOnlyList<ProgressRowModel> Subjects { get; init; } = Array.Empty<ProgressRowModel>();
}

/// <summary>The figures of one subject of one class in one period.</summary>
public sealed record ProgressRowModel
{
    /// <summary>Subject id.</summary>
    public string SubjectId { get; init; } = "";

    /// <summary>Subject name.</summary>
    public string SubjectName { get; init; } = "";

    /// <summary>
    /// Which marks the figures rest on: <c>period</c> (the marks for the period, when the class has any in this subject)
    /// or <c>current</c> (current and written marks dated in the period).
    /// </summary>
    public string Basis { get; init; } = "";

    /// <summary>The basis in Russian.</summary>
    public string BasisText { get; init; } = "";

    /// <summary>Students on the class list at the end of the period.</summary>
    public int Students { get; init; }

    /// <summary>Students with at least one mark (зачёт and н/а included).</summary>
    public int StudentsWithMarks { get; init; }

    /// <summary>Students without any mark.</summary>
    public int StudentsWithoutMarks { get; init; }

    /// <summary>Names (or pseudonyms) of the students without marks.</summary>
    public IReadOnlyList<string> WithoutMarksNames { get; init; } = Array.Empty<string>();

    /// <summary>Students with marks and none failing: the numerator of успеваемость.</summary>
    public int Passing { get; init; }

    /// <summary>Students with a failing mark (2, 1, н/а or незачёт).</summary>
    public int Failing { get; init; }

    /// <summary>Names (or pseudonyms) of the students with a failing mark.</summary>
    public IReadOnlyList<string> FailingNames { get; init; } = Array.Empty<string>();

    /// <summary>Успеваемость: <see cref="Passing"/> / <see cref="StudentsWithMarks"/>; null without marks.</summary>
    public double? Progress { get; init; }

    /// <summary>Успеваемость as «92,3 %», or «—».</summary>
    public string ProgressText { get; init; } = "";

    /// <summary>Students whose marks are all 4 and 5 (зачёт aside): the numerator of качество.</summary>
    public int Good { get; init; }

    /// <summary>Students with a mark other than зачёт: the denominator of качество.</summary>
    public int Graded { get; init; }

    /// <summary>Качество: <see cref="Good"/> / <see cref="Graded"/>; null when nobody has such a mark.</summary>
    public double? Quality { get; init; }

    /// <summary>Качество as «66,7 %», or «—».</summary>
    public string QualityText { get; init; } = "";

    /// <summary>Number of numeric marks (a double mark «3/5» counts as two).</summary>
    public int NumericMarks { get; init; }

    /// <summary>The average of the numeric marks, rounded to 2 decimals; null without any.</summary>
    public double? Average { get; init; }

    /// <summary>The average as «3,67», or «—».</summary>
    public string AverageText { get; init; } = "";
}
