namespace Eljur.Connectors.Asiou.Tests;

/// <summary>
/// The 100,000-row tests measure the process's live heap and working set: they run alone (after
/// the parallel tests, one at a time), so no other test's allocations enter their numbers.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LargeExportCollection
{
    public const string Name = "Large exports (measured alone)";
}
