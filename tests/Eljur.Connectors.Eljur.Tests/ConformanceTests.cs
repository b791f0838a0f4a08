using Eljur.Connectors.Testing;
using Xunit.Abstractions;

namespace Eljur.Connectors.Eljur.Tests;

/// <summary>The ЭлЖур connector passes the connector conformance suite against the ЭлЖур mock.</summary>
public sealed class ConformanceTests : ConnectorConformanceTests
{
    public ConformanceTests(ITestOutputHelper output)
        : base(output)
    {
    }

    protected override ConnectorHarness CreateHarness() => new EljurHarness();
}
