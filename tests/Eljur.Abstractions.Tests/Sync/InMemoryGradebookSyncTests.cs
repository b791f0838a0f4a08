using Eljur.Abstractions.Sync;

namespace Eljur.Abstractions.Tests.Sync;

public sealed class InMemoryGradebookSyncTests : GradebookStoreConformanceTests
{
    protected override IGradebookStore CreateStore() => new InMemoryGradebookStore();

    protected override IGradebookStore Reopen(IGradebookStore store) => store;
}
