namespace Eljur.Abstractions.Model;

/// <summary>A role of a staff member.</summary>
public enum StaffRole
{
    /// <summary>Teacher; JSON <c>teacher</c>.</summary>
    Teacher,

    /// <summary>Class teacher (классный руководитель); JSON <c>classTeacher</c>.</summary>
    ClassTeacher,

    /// <summary>Deputy director (заместитель директора); JSON <c>deputy</c>.</summary>
    Deputy,

    /// <summary>Director; JSON <c>director</c>.</summary>
    Director,

    /// <summary>Journal administrator; JSON <c>administrator</c>.</summary>
    Administrator,

    /// <summary>Secretary; JSON <c>secretary</c>.</summary>
    Secretary,
}
