namespace Eljur.Abstractions.Model;

/// <summary>Kind of lesson.</summary>
public enum LessonKind
{
    /// <summary>An ordinary lesson; JSON <c>regular</c>.</summary>
    Regular,

    /// <summary>A test (контрольная работа); JSON <c>test</c>.</summary>
    Test,

    /// <summary>A laboratory work; JSON <c>lab</c>.</summary>
    Lab,

    /// <summary>A practical work; JSON <c>practical</c>.</summary>
    Practical,

    /// <summary>An excursion; JSON <c>excursion</c>.</summary>
    Excursion,
}
