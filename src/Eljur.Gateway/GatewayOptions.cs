using System;
using System.Collections.Generic;
using Eljur.Abstractions.Connectors;
using Microsoft.Extensions.Configuration;

namespace Eljur.Gateway;

/// <summary>What the host decides beyond the configuration file: the node's name, runs at start, extra connectors and storage providers.</summary>
public sealed class GatewayOptions
{
    /// <summary>This node's name in the run history (default: the machine's name).</summary>
    public string Node { get; set; } = System.Environment.MachineName;

    /// <summary>Queue one run of every school at start (<c>--run-now</c>).</summary>
    public bool RunAtStart { get; set; }

    /// <summary>Relative paths of the configuration resolve against this folder (default: the configuration file's, else the current one).</summary>
    public string? BaseDirectory { get; set; }

    /// <summary>The waits before the retries of a failed run (default: 5 and 15 minutes; empty: no retries).</summary>
    public IList<TimeSpan> RetryDelays { get; } = new List<TimeSpan> { TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15) };

    /// <summary>Reads <c>${NAME}</c> variables (default: the process environment).</summary>
    public Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

    /// <summary>
    /// Connectors beyond the built-in <c>eljur</c>, <c>mosreg</c> and <c>asiou</c>: the id a school's
    /// <c>connector</c> names → a function of the school's id and its <c>options</c> section.
    /// </summary>
    public IDictionary<string, Func<string, IConfiguration, IGradebookConnector>> Connectors { get; } =
        new Dictionary<string, Func<string, IConfiguration, IGradebookConnector>>(StringComparer.Ordinal);

    /// <summary>Storage back ends beyond the built-in <c>sqlite</c>.</summary>
    public IList<IGatewayStorageProvider> StorageProviders { get; } = new List<IGatewayStorageProvider>();

    /// <summary>
    /// Serve the gateway's metrics (meter <c>Eljur.Gateway</c>: runs by status, run and vendor-call
    /// durations, vendor errors by kind, findings by rule) at <c>/metrics</c> in Prometheus text, through
    /// OpenTelemetry; like the API it needs a signed-in user or an API key. Default: off (<c>eljur serve --metrics</c>).
    /// </summary>
    public bool PrometheusMetrics { get; set; }

    /// <summary>The clock (tests); default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;
}
