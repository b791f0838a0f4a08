namespace Eljur.Abstractions.Connectors;

/// <summary>Progress of a fetch, for a terminal progress bar or a log.</summary>
/// <param name="Stage">What is being fetched, e.g. <c>getdiary 2024-10</c>.</param>
/// <param name="Done">Units done.</param>
/// <param name="Total">Units expected (0 when unknown).</param>
public sealed record FetchProgress(string Stage, int Done, int Total);
