namespace Eljur.Abstractions.Model;

/// <summary>The school a snapshot belongs to.</summary>
public sealed record School : SnapshotRecord
{
    /// <summary>School id at the source.</summary>
    public string Id { get; init; } = "";

    /// <summary>Full name.</summary>
    public string Name { get; init; } = "";

    /// <summary>IANA time zone id, e.g. <c>Asia/Yekaterinburg</c>. Every date and deadline is local to it.</summary>
    public string TimeZone { get; init; } = "Europe/Moscow";

    /// <summary>Working days a week: 5 or 6.</summary>
    public int WorkWeek { get; init; } = 5;

    /// <summary>Region, free text.</summary>
    public string? Region { get; init; }
}
