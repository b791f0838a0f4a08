namespace Eljur.Abstractions.Model;

/// <summary>A class (e.g. 9А).</summary>
public sealed record SchoolClass : SnapshotRecord
{
    /// <summary>Class id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Name, e.g. <c>9А</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>Grade 1–11, when known.</summary>
    public int? Grade { get; init; }

    /// <summary>Staff id of the class teacher (классный руководитель), when known.</summary>
    public string? HomeroomTeacherId { get; init; }
}
