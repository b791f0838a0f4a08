namespace Eljur.Abstractions.Model;

/// <summary>Kind of an academic period.</summary>
public enum PeriodKind
{
    /// <summary>A quarter (четверть); JSON <c>quarter</c>.</summary>
    Quarter,

    /// <summary>A trimester; JSON <c>trimester</c>.</summary>
    Trimester,

    /// <summary>A half-year (полугодие); JSON <c>halfYear</c>.</summary>
    HalfYear,

    /// <summary>The academic year; JSON <c>year</c>.</summary>
    Year,
}
