using Eljur.Abstractions.Sync;

namespace Eljur.Abstractions.Tests.Sync;

public sealed class InMemoryGradebookSyncTests : GradebookSyncContractTests
{
    protected override IGradebookStore CreateStore() => new InMemoryGradebookStore();
}
