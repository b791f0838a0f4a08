namespace Eljur.Abstractions.Model;

/// <summary>Role of an e-journal account.</summary>
public enum AccountRole
{
    /// <summary>A student; JSON <c>student</c>.</summary>
    Student,

    /// <summary>A parent or legal guardian; JSON <c>parent</c>.</summary>
    Parent,

    /// <summary>A teacher; JSON <c>teacher</c>.</summary>
    Teacher,

    /// <summary>School administration; JSON <c>administration</c>.</summary>
    Administration,
}
