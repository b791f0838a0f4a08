using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace Eljur.Gateway;

/// <summary>
/// The gateway's metrics (<see cref="System.Diagnostics.Metrics"/>, meter <c>Eljur.Gateway</c>), for any
/// OpenTelemetry or <c>dotnet-counters</c> listener: runs by status, run and vendor fetch durations,
/// vendor errors by kind, findings by rule.
/// </summary>
internal sealed class GatewayMetrics : IDisposable
{
    public const string MeterName = "Eljur.Gateway";

    private readonly Meter _meter;
    private readonly Counter<long> _runs;
    private readonly Histogram<double> _runDuration;
    private readonly Histogram<double> _fetchDuration;
    private readonly Counter<long> _vendorErrors;
    private readonly Counter<long> _findings;

    public GatewayMetrics()
    {
        _meter = new Meter(MeterName);
        _runs = _meter.CreateCounter<long>("eljur.gateway.runs", "{run}", "Runs by status");
        _runDuration = _meter.CreateHistogram<double>("eljur.gateway.run.duration", "s", "Duration of a run: sync, check, record");
        _fetchDuration = _meter.CreateHistogram<double>("eljur.gateway.vendor.duration", "s", "Duration of a school's fetch from its vendor");
        _vendorErrors = _meter.CreateCounter<long>("eljur.gateway.vendor.errors", "{error}", "Vendor failures by kind");
        _findings = _meter.CreateCounter<long>("eljur.gateway.findings", "{finding}", "Findings by rule");
    }

    public void Run(string school, string status, TimeSpan duration)
    {
        var tags = new KeyValuePair<string, object?>[] { new("school", school), new("status", status) };
        _runs.Add(1, tags);
        _runDuration.Record(duration.TotalSeconds, tags);
    }

    public void Fetch(string connector, TimeSpan duration) => _fetchDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("connector", connector));

    public void VendorError(string connector, string kind) =>
        _vendorErrors.Add(1, new KeyValuePair<string, object?>("connector", connector), new KeyValuePair<string, object?>("kind", kind));

    public void Findings(string rule, int count) => _findings.Add(count, new KeyValuePair<string, object?>("rule", rule));

    public void Dispose() => _meter.Dispose();
}
