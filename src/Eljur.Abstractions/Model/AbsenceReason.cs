namespace Eljur.Abstractions.Model;

/// <summary>Whether an absence was excused.</summary>
public enum AbsenceReason
{
    /// <summary>Not known; JSON <c>unknown</c>.</summary>
    Unknown,

    /// <summary>Excused; JSON <c>valid</c>.</summary>
    Valid,

    /// <summary>Not excused; JSON <c>invalid</c>.</summary>
    Invalid,
}
