using Eljur.Connectors.Testing;
using Xunit.Abstractions;

namespace Eljur.Connectors.MosregPortal.Tests;

/// <summary>The Moscow-region portal connector passes the connector conformance suite against the portal mock.</summary>
public sealed class ConformanceTests : ConnectorConformanceTests
{
    public ConformanceTests(ITestOutputHelper output)
        : base(output)
    {
    }

    protected override ConnectorHarness CreateHarness() => new MosregHarness();
}
