using System;
using System.Collections.Generic;

namespace Eljur.Rules.Reports.Models;

/// <summary>
/// What the summary sheet templates see (<c>summary-sheet.*.sbn</c>): сводная ведомость итоговых отметок, one
/// table per class (students × subjects), for printing and the 75-year archive. Members are snake_case in templates.
/// </summary>
public sealed record SummarySheetModel
{
    /// <summary>The document's title.</summary>
    public string Title { get; init; } = "Сводная ведомость итоговых отметок";

    /// <summary>School name.</summary>
    public string SchoolName { get; init; } = "";

    /// <summary>The school year, <c>YYYY/YYYY+1</c> from the earliest period start.</summary>
    public string SchoolYear { get; init; } = "";

    /// <summary>The retention mark, «Хранить 75 лет».</summary>
    public string Retention { get; init; } = "Хранить 75 лет";

    /// <summary>The director's name, when the staff list has one.</summary>
    public string Director { get; init; } = "";

    /// <summary>True when student names were replaced by pseudonyms.</summary>
    public bool Anonymized { get; init; }

    /// <summary>Remarks, e.g. how a cell with several marks is shown.</summary>
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();

    /// <summary>The report style sheet (HTML only).</summary>
    public TrustedHtml Css { get; init; } = new("");

    /// <summary>One sheet per class, by grade and name.</summary>
    public IReadOnlyList<SummaryClassModel> Classes { get; init; } = Array.Empty<SummaryClassModel>();
}

/// <summary>The sheet of one class.</summary>
public sealed record SummaryClassModel
{
    /// <summary>Class id.</summary>
    public string ClassId { get; init; } = "";

    /// <summary>Class name, e.g. «9Б».</summary>
    public string ClassName { get; init; } = "";

    /// <summary>The class teacher's name, when known.</summary>
    public string ClassTeacher { get; init; } = "";

    /// <summary>Subjects, each with its columns.</summary>
    public IReadOnlyList<SummarySubjectModel> Subjects { get; init; } = Array.Empty<SummarySubjectModel>();

    /// <summary>Every column, subject by subject, in the order of <see cref="SummaryStudentModel.Cells"/>.</summary>
    public IReadOnlyList<SummaryColumnModel> Columns { get; init; } = Array.Empty<SummaryColumnModel>();

    /// <summary>Students, numbered, by name (by pseudonym when anonymized).</summary>
    public IReadOnlyList<SummaryStudentModel> Students { get; init; } = Array.Empty<SummaryStudentModel>();
}

/// <summary>A subject of a class sheet.</summary>
public sealed record SummarySubjectModel
{
    /// <summary>Subject id.</summary>
    public string SubjectId { get; init; } = "";

    /// <summary>Subject name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Its columns: the periods with marks, then «год», and «экз.», «итог.» when there are such marks.</summary>
    public IReadOnlyList<SummaryColumnModel> Columns { get; init; } = Array.Empty<SummaryColumnModel>();
}

/// <summary>One column of a class sheet.</summary>
public sealed record SummaryColumnModel
{
    /// <summary>Subject id.</summary>
    public string SubjectId { get; init; } = "";

    /// <summary>Subject name.</summary>
    public string SubjectName { get; init; } = "";

    /// <summary>What the column holds: <c>period</c>, <c>year</c>, <c>exam</c> or <c>final</c>.</summary>
    public string Kind { get; init; } = "";

    /// <summary>Period id, for <c>period</c> columns.</summary>
    public string? PeriodId { get; init; }

    /// <summary>The column header, e.g. «1 ч.», «год», «итог.».</summary>
    public string Header { get; init; } = "";

    /// <summary>The header in full, e.g. «1 четверть».</summary>
    public string HeaderFull { get; init; } = "";

    /// <summary>True for the first column of a subject (for borders).</summary>
    public bool FirstOfSubject { get; init; }
}

/// <summary>One student's row.</summary>
public sealed record SummaryStudentModel
{
    /// <summary>Row number from 1.</summary>
    public int Number { get; init; }

    /// <summary>Student id.</summary>
    public string StudentId { get; init; } = "";

    /// <summary>Name, or pseudonym when anonymized.</summary>
    public string Name { get; init; } = "";

    /// <summary>A remark, e.g. «выбыл(а) 12.03.2025».</summary>
    public string Note { get; init; } = "";

    /// <summary>The marks, one cell per column of <see cref="SummaryClassModel.Columns"/>.</summary>
    public IReadOnlyList<SummaryCellModel> Cells { get; init; } = Array.Empty<SummaryCellModel>();
}

/// <summary>One cell of a student's row.</summary>
public sealed record SummaryCellModel
{
    /// <summary>The mark as entered (e.g. «5», «зач», «н/а»); empty when there is none.</summary>
    public string Value { get; init; } = "";

    /// <summary>The column's kind: <c>period</c>, <c>year</c>, <c>exam</c> or <c>final</c>.</summary>
    public string Kind { get; init; } = "";

    /// <summary>True for the first column of a subject (for borders).</summary>
    public bool FirstOfSubject { get; init; }
}
