using System;
using System.Collections.Generic;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.DependencyInjection;

namespace Eljur.Connectors.Testing;

/// <summary>
/// What the conformance suite asks of a connector's resilience settings. The harness maps them to
/// the connector's own options, so the suite's timing checks stay short and meaningful.
/// </summary>
public sealed record ConformanceSettings
{
    /// <summary>
    /// Per-attempt timeout to configure. Default: 5 seconds, generous so that a loaded test machine
    /// does not turn a slow first call into a retry and upset the checks that count calls; the
    /// timeout checks use <see cref="ConnectorConformanceTests.TimeoutSettings"/> instead.
    /// </summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries after a transient failure. Default: 3.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>Base delay between retries when the vendor asks for none. Default: 20 ms.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Longest wait before a retry (must allow the suite's 1-second <c>Retry-After</c>). Default: 5 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Calls in flight at once. Default: 4.</summary>
    public int Concurrency { get; init; } = 4;
}

/// <summary>A registration with invalid options, and a fragment its validation message must contain.</summary>
/// <param name="Description">What is wrong, for the test output.</param>
/// <param name="Register">Registers the connector under the given name with the bad options.</param>
/// <param name="ExpectedMessage">A fragment of the validation message (e.g. the property name).</param>
public sealed record InvalidOptionsCase(string Description, Action<IGradebookBuilder, string> Register, string ExpectedMessage);

/// <summary>
/// What the conformance suite needs to know about one connector: how to register it against the
/// mock (or the fixture files), what a fetch should ask for, the secrets that must not leak, and
/// which operations to fault. One harness is created per test, so each test has its own server.
/// </summary>
public abstract class ConnectorHarness : IDisposable
{
    /// <summary>Creates a harness around a mock vendor, or none for a file-based connector.</summary>
    /// <param name="server">The mock vendor; null when the connector reads files.</param>
    protected ConnectorHarness(MockVendorServer? server) => Server = server;

    /// <summary>The mock vendor, or null for a file-based connector (the HTTP fault checks then do not apply).</summary>
    public MockVendorServer? Server { get; }

    /// <summary>The connector id it writes to <c>source.connector</c>.</summary>
    public abstract string ConnectorId { get; }

    /// <summary>The connector's options class.</summary>
    public abstract Type OptionsType { get; }

    /// <summary>What a fetch asks for. The fixture must fill every declared capability within it.</summary>
    public abstract FetchRequest Request { get; }

    /// <summary>Every secret configured by <see cref="Register"/> (passwords, keys, tokens) and every token the mock issues.</summary>
    public abstract IReadOnlyCollection<string> Secrets { get; }

    /// <summary>
    /// A data operation every fetch calls, into which the HTTP fault checks inject faults; null when
    /// there is none (file connectors).
    /// </summary>
    public virtual string? ProbeOperation => null;

    /// <summary>The sign-in operation, when the connector signs in with credentials; null when it only presents a token.</summary>
    public virtual string? SignInOperation => null;

    /// <summary>
    /// Whether a refused session is renewed (one new sign-in, then the call once more). When false,
    /// a refused session must fail the fetch at once.
    /// </summary>
    public virtual bool RenewsSessionOnAuthFailure => SignInOperation is not null;

    /// <summary>
    /// Whether every fetch signs in before its first data call (a connector that logs in with
    /// credentials). False for a connector that presents a configured token and calls
    /// <see cref="SignInOperation"/> only to renew a refused one: the suite then provokes one
    /// refusal before it expects a sign-in. Default: true when there is a sign-in operation.
    /// </summary>
    public virtual bool SignsInUpFront => SignInOperation is not null;

    /// <summary>Registers the connector under <paramref name="name"/> with valid options pointing at <see cref="Server"/>.</summary>
    /// <param name="builder">The builder over a bare service collection.</param>
    /// <param name="name">The instance name.</param>
    /// <param name="settings">Resilience settings to map to the connector's options.</param>
    public abstract void Register(IGradebookBuilder builder, string name, ConformanceSettings settings);

    /// <summary>Registrations with invalid options; each must fail validation with its expected message.</summary>
    /// <returns>The cases (at least one).</returns>
    public abstract IEnumerable<InvalidOptionsCase> InvalidOptions();

    /// <summary>
    /// For connectors without a server: damages the source (e.g. truncates an export file) so the
    /// next fetch must fail with a <see cref="ConnectorException"/>. Returns false when not supported.
    /// </summary>
    /// <returns>Whether the source was damaged.</returns>
    public virtual bool TryCorruptSource() => false;

    /// <summary>
    /// Every record the mock serves for <see cref="Request"/> that a snapshot must account for (in the
    /// snapshot, or counted in <c>source.unmapped</c>); null when the harness does not count records
    /// (the accounting check then does not apply).
    /// </summary>
    /// <returns>The records, or null.</returns>
    public virtual IReadOnlyList<ServedRecord>? ServedRecords() => null;

    /// <summary>
    /// The records of a snapshot as <see cref="ServedRecords"/> names them (the same kinds and keys), so
    /// the suite can match what was served with what arrived.
    /// </summary>
    /// <param name="snapshot">A fetched snapshot.</param>
    /// <returns>Its records.</returns>
    public virtual IReadOnlyList<ServedRecord> MappedRecords(Eljur.Abstractions.Model.GradebookSnapshot snapshot) => Array.Empty<ServedRecord>();

    /// <summary>The key of an unmapped record of <c>source.unmapped</c> (default: its vendor id).</summary>
    /// <param name="record">The unmapped record.</param>
    /// <returns>The key, as <see cref="ServedRecords"/> would give it.</returns>
    public virtual string UnmappedKey(Eljur.Abstractions.Model.UnmappedRecord record) => record?.VendorId ?? "";

    /// <summary>Stops the server.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the server.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Server?.Dispose();
        }
    }
}
