namespace Eljur.Abstractions.Model;

/// <summary>A subject taught at the school.</summary>
public sealed record Subject : SnapshotRecord
{
    /// <summary>Subject id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Name, e.g. «Русский язык».</summary>
    public string Name { get; init; } = "";
}
