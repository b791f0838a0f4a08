namespace Eljur.Abstractions.Model;

/// <summary>Kind of a mark.</summary>
public enum MarkKind
{
    /// <summary>Oral or current work; JSON <c>current</c>.</summary>
    Current,

    /// <summary>Written work (письменная работа); JSON <c>written</c>.</summary>
    Written,

    /// <summary>Period mark (четверть, триместр, полугодие); JSON <c>period</c>.</summary>
    Period,

    /// <summary>Year mark; JSON <c>year</c>.</summary>
    Year,

    /// <summary>Exam mark; JSON <c>exam</c>.</summary>
    Exam,

    /// <summary>State final attestation mark; JSON <c>gia</c>.</summary>
    Gia,

    /// <summary>Final mark (итоговая); JSON <c>final</c>.</summary>
    Final,
}
