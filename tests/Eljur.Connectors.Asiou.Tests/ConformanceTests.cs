using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Connectors.Testing;
using Xunit.Abstractions;

namespace Eljur.Connectors.Asiou.Tests;

/// <summary>
/// The АСИОУ connector passes the parts of the conformance suite that apply to a file connector
/// (the HTTP fault and sign-in checks do not apply: the harness has no server), over the UTF-8 fixtures.
/// </summary>
public class ConformanceTests : ConnectorConformanceTests
{
    public ConformanceTests(ITestOutputHelper output)
        : base(output)
    {
    }

    protected override ConnectorHarness CreateHarness() => new AsiouHarness();

    /// <summary>
    /// The kit's file branch cancels after 1 ms, which a small fixture may beat. Here cancellation
    /// is made certain: a token cancelled before the fetch, and one cancelled from the first progress
    /// report (while a file is open), must both end in <see cref="OperationCanceledException"/>.
    /// </summary>
    protected override async Task CheckCancellationAsync()
    {
        using var session = Open();
        using (var before = new CancellationTokenSource())
        {
            before.Cancel();
            var ex = await Record.ExceptionAsync(() => session.FetchAsync(Harness.Request, before.Token));
            Assert.IsAssignableFrom<OperationCanceledException>(ex);
        }

        using var during = new CancellationTokenSource();
        var progress = new SyncProgress(_ => during.Cancel());
        var watch = Stopwatch.StartNew();
        var error = await Record.ExceptionAsync(() => session.Connector.FetchAsync(Harness.Request, progress, during.Token));
        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.True(watch.Elapsed < CancellationBudget);
        Assert.True(progress.Reports > 0);
    }

    private sealed class SyncProgress : IProgress<FetchProgress>
    {
        private readonly Action<FetchProgress> _on;

        public SyncProgress(Action<FetchProgress> on) => _on = on;

        public int Reports { get; private set; }

        public void Report(FetchProgress value)
        {
            Reports++;
            _on(value);
        }
    }
}

/// <summary>The same suite over the fixtures transcoded to Windows-1251 (no BOM), read with encoding detection.</summary>
public sealed class Windows1251ConformanceTests : ConformanceTests
{
    public Windows1251ConformanceTests(ITestOutputHelper output)
        : base(output)
    {
    }

    protected override ConnectorHarness CreateHarness() => new AsiouHarness(windows1251: true);
}

/// <summary>
/// The same suite over the fixtures written as .xlsx workbooks (typed dates and numbers, shared and
/// inline strings, a formula, a blank row, the summary row, a second sheet), read with ExcelDataReader.
/// </summary>
public sealed class XlsxConformanceTests : ConformanceTests
{
    public XlsxConformanceTests(ITestOutputHelper output)
        : base(output)
    {
    }

    protected override ConnectorHarness CreateHarness() => new AsiouHarness(xlsx: true);
}
