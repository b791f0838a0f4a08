using System;

namespace Eljur.Abstractions.Model;

/// <summary>A calendar-thematic plan (КТП) of one subject for one class.</summary>
public sealed record Plan : SnapshotRecord
{
    /// <summary>Class id.</summary>
    public string ClassId { get; init; } = "";

    /// <summary>Subject id.</summary>
    public string SubjectId { get; init; } = "";

    /// <summary>Hours in the plan.</summary>
    public decimal? PlannedHours { get; init; }

    /// <summary>Hours in the curriculum (учебный план).</summary>
    public decimal? CurriculumHours { get; init; }

    /// <summary>When the plan was entered.</summary>
    public DateTimeOffset? EnteredAt { get; init; }
}
