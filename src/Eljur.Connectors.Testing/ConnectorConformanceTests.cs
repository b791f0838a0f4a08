using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;
using Xunit.Abstractions;

namespace Eljur.Connectors.Testing;

/// <summary>The checks of the conformance suite, for <see cref="ConnectorConformanceTests.Applies"/>.</summary>
public enum ConformanceCheck
{
    /// <summary>The options class is public, sealed and validated on start.</summary>
    Options,

    /// <summary>The connector resolves from a bare service collection; named instances are independent.</summary>
    Registration,

    /// <summary>The snapshot passes the reader and round-trips.</summary>
    Snapshot,

    /// <summary>Declared capabilities match what is filled.</summary>
    Capabilities,

    /// <summary>HTTP 500: retried, or a clear failure when persistent.</summary>
    ServerError,

    /// <summary>HTTP 429 with <c>Retry-After</c>: the wait is honoured.</summary>
    RateLimit,

    /// <summary>A timeout: retried, or a network failure when persistent.</summary>
    Timeout,

    /// <summary>A malformed answer (or a damaged source file): a failure naming the call.</summary>
    MalformedAnswer,

    /// <summary>A refused session or sign-in: renewed once, never in a loop.</summary>
    Authentication,

    /// <summary>Cancellation stops the fetch promptly.</summary>
    Cancellation,

    /// <summary>No secret in logs, exception messages or the snapshot.</summary>
    Secrets,

    /// <summary>Random faults give the fault-free snapshot or a clear failure.</summary>
    RandomFaults,

    /// <summary>Every record the mock serves is in the snapshot or counted in <c>source.unmapped</c>.</summary>
    Accounting,
}

/// <summary>
/// The conformance suite every connector's tests inherit. Derive a test class, return the
/// connector's <see cref="ConnectorHarness"/> from <see cref="CreateHarness"/>, and every check
/// below runs against it. Checks that do not apply to a connector (the HTTP fault checks for a
/// file-based one) are decided by the harness (<see cref="ConnectorHarness.Server"/>,
/// <see cref="ConnectorHarness.SignInOperation"/>) or by overriding <see cref="Applies"/>; each check
/// is a protected virtual method a connector may extend, never a skipped test.
/// </summary>
public abstract class ConnectorConformanceTests : IDisposable
{
    private ConnectorHarness? _harness;

    /// <summary>Creates the suite.</summary>
    /// <param name="output">Where to write what was checked (optional).</param>
    protected ConnectorConformanceTests(ITestOutputHelper? output = null)
    {
        Output = output;
        Clock = new TestClock(new DateTimeOffset(2024, 11, 20, 7, 0, 0, TimeSpan.Zero));
    }

    /// <summary>The test output, when given.</summary>
    protected ITestOutputHelper? Output { get; }

    /// <summary>The clock registered as <see cref="TimeProvider"/>: fixed "now", real timers.</summary>
    protected TestClock Clock { get; }

    /// <summary>The harness of this test (one per test, so one server per test).</summary>
    protected ConnectorHarness Harness => _harness ??= CreateHarness();

    /// <summary>Resilience settings handed to the harness. Override to lengthen the timeouts of a slow connector.</summary>
    protected virtual ConformanceSettings Settings { get; } = new();

    /// <summary>
    /// Settings of the checks that provoke timeouts (and of the random-fault runs): <see cref="Settings"/>
    /// with a 1-second attempt timeout, so held answers cost seconds, not minutes.
    /// </summary>
    protected virtual ConformanceSettings TimeoutSettings => Settings with { AttemptTimeout = TimeSpan.FromSeconds(1) };

    /// <summary>How soon a cancelled fetch must end. Default: 3 seconds.</summary>
    protected virtual TimeSpan CancellationBudget => TimeSpan.FromSeconds(3);

    /// <summary>Seeds of the random-fault runs.</summary>
    protected virtual IReadOnlyList<int> RandomFaultSeeds => new[] { 7, 42, 1337 };

    /// <summary>The fault mix of the random-fault runs (timeouts held past the <see cref="TimeoutSettings"/> attempt timeout).</summary>
    protected virtual RandomFaultMix RandomFaultMix => new()
    {
        ServerError = 0.10,
        TooManyRequests = 0.05,
        Timeout = 0.04,
        Slow = 0.10,
        TimeoutDelay = TimeoutSettings.AttemptTimeout + TimeSpan.FromSeconds(2),
        MaxSlowDelay = TimeSpan.FromTicks(TimeoutSettings.AttemptTimeout.Ticks / 4),
        MaxRetryAfter = TimeSpan.FromSeconds(1),
    };

    /// <summary>Creates the harness: the mock vendor (or fixture files) and how to register the connector.</summary>
    /// <returns>The harness.</returns>
    protected abstract ConnectorHarness CreateHarness();

    /// <summary>
    /// Whether a check applies to this connector. By default the HTTP fault checks apply when the
    /// harness has a server and a probe operation, the authentication checks when it signs in or
    /// presents a token over HTTP, and everything else always.
    /// </summary>
    /// <param name="check">The check.</param>
    /// <returns>Whether to run it.</returns>
    protected virtual bool Applies(ConformanceCheck check) => check switch
    {
        ConformanceCheck.ServerError or ConformanceCheck.RateLimit or ConformanceCheck.Timeout or ConformanceCheck.RandomFaults
            => Harness.Server is not null && Harness.ProbeOperation is not null,
        ConformanceCheck.Authentication => Harness.Server is not null && Harness.ProbeOperation is not null,
        ConformanceCheck.Accounting => Harness.ServedRecords() is not null,
        _ => true,
    };

    /// <summary>Opens a session (registration on a bare collection, log capture, the test clock).</summary>
    /// <param name="name">Instance name.</param>
    /// <returns>The session.</returns>
    protected ConnectorSession Open(string name = "conformance") => ConnectorSession.Open(Harness, Settings, Clock, name);

    /// <summary>Opens a session with the given settings.</summary>
    /// <param name="name">Instance name.</param>
    /// <param name="settings">Resilience settings.</param>
    /// <returns>The session.</returns>
    protected ConnectorSession Open(string name, ConformanceSettings settings) => ConnectorSession.Open(Harness, settings, Clock, name);

    /// <summary>Stops the harness.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the harness.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _harness?.Dispose();
        }
    }

    // ================================================================== the facts

    /// <summary>The options class is public and sealed; bad options fail validation on start and on creation.</summary>
    /// <returns>The check.</returns>
    [Fact]
    public Task Options_are_a_sealed_class_validated_on_start() => Run(ConformanceCheck.Options, CheckOptionsAsync);

    /// <summary>The connector resolves from a bare service collection with build-time validation.</summary>
    /// <returns>The check.</returns>
    [Fact]
    public Task Registration_resolves_from_a_bare_service_collection() => Run(ConformanceCheck.Registration, CheckRegistrationAsync);

    /// <summary>Two named instances resolve independently and both fetch.</summary>
    /// <returns>The check.</returns>
    [Fact]
    public Task Named_instances_are_independent() => Run(ConformanceCheck.Registration, CheckNamedInstancesAsync);

    /// <summary>The snapshot passes the validating reader and round-trips through the writer.</summary>
    /// <returns>The check.</returns>
    [Fact]
    public Task Snapshot_passes_the_reader_and_round_trips() => Run(ConformanceCheck.Snapshot, CheckSnapshotAsync);

    /// <summary>Declared capabilities match the data filled.</summary>
    /// <returns>The check.</returns>
    [Fact]
    public Task Declared_capabilities_match_the_data() => Run(ConformanceCheck.Capabilities, CheckCapabilitiesAsync);

    /// <summary>A 500 is retried and the fetch gives the fault-free snapshot.</summary>
    /// <returns>The check.</returns>
    [Fact]
    public Task A_server_error_is_retried() => Run(ConformanceCheck.ServerError, CheckServerErrorRetriedAsync);

    /// <summary>A persistent 500 fails with one exception naming the call.</summary>
    /// <returns>The check.</returns>
    [Fact]
    public Task A_persistent_server_error_fails_naming_the_call() => Run(ConformanceCheck.ServerError, CheckPersistentServerErrorAsync);

    /// <summary>A 429 with <c>Retry-After</c> is retried after the wait asked for.</summary>
    /// <returns>The check.</returns>
    [Fact]
    public Task A_rate_limit_waits_for_retry_after() => Run(ConformanceCheck.RateLimit, CheckRateLimitAsync);

    /// <summary>A timed-out attempt is retried and the fetch completes.</summary>
    /// <returns>The check.</returns>
    [Fact]
    public Task A_timeout_is_retried() => Run(ConformanceCheck.Timeout, CheckTimeoutRetriedAsync);

    /// <summary>Persistent timeouts fail as a network failure naming the call.</summary>
    /// <returns>The check.</returns>
    [Fact]
    public Task Persistent_timeouts_fail_naming_the_call() => Run(ConformanceCheck.Timeout, CheckPersistentTimeoutAsync);

    /// <summary>A malformed answer fails the fetch naming the call.</summary>
    /// <returns>The check.</returns>
    [Fact]
    public Task A_malformed_answer_fails_naming_the_call() => Run(ConformanceCheck.MalformedAnswer, CheckMalformedAsync);

    /// <summary>A refused session is renewed once (or fails at once when it cannot be).</summary>
    /// <returns>The check.</returns>
    [Fact]
    public Task A_refused_session_is_renewed_once() => Run(ConformanceCheck.Authentication, CheckSessionRenewedAsync);

    /// <summary>Persistent refusals fail without a sign-in loop.</summary>
    /// <returns>The check.</returns>
    [Fact]
    public Task Persistent_refusals_fail_without_a_sign_in_loop() => Run(ConformanceCheck.Authentication, CheckPersistentRefusalAsync);

    /// <summary>Cancellation ends the fetch promptly with <see cref="OperationCanceledException"/>.</summary>
    /// <returns>The check.</returns>
    [Fact]
    public Task Cancellation_stops_the_fetch_promptly() => Run(ConformanceCheck.Cancellation, CheckCancellationAsync);

    /// <summary>No configured or issued secret appears in logs, exception messages or the snapshot.</summary>
    /// <returns>The check.</returns>
    [Fact]
    public Task No_secret_leaks_into_logs_exceptions_or_the_snapshot() => Run(ConformanceCheck.Secrets, CheckSecretsAsync);

    /// <summary>With random faults on fixed seeds, each fetch gives exactly the fault-free snapshot or a clear failure.</summary>
    /// <returns>The check.</returns>
    [Fact]
    public Task Random_faults_give_the_fault_free_snapshot_or_a_clear_failure() => Run(ConformanceCheck.RandomFaults, CheckRandomFaultsAsync);

    /// <summary>Every record the mock serves is in the snapshot or in <c>source.unmapped</c>, counted both ways.</summary>
    /// <returns>The check.</returns>
    [Fact]
    public Task Every_served_record_is_in_the_snapshot_or_unmapped() => Run(ConformanceCheck.Accounting, CheckAccountingAsync);

    // ================================================================== the checks (overridable)

    /// <summary>
    /// Accounting: per kind, the records served equal the records in the snapshot plus those counted
    /// unmapped; every served key is found once in one of them, none in both, and nothing is in the
    /// snapshot or in <c>unmapped</c> that was not served.
    /// </summary>
    /// <returns>The check.</returns>
    protected virtual async Task CheckAccountingAsync()
    {
        using var session = Open();
        var snapshot = await session.FetchAsync(Harness.Request).ConfigureAwait(false);
        var served = Harness.ServedRecords()!;
        var mapped = Harness.MappedRecords(snapshot);
        var unmapped = snapshot.Source.Unmapped;
        var examples = (unmapped?.Examples ?? Array.Empty<UnmappedRecord>()).Select(r => new ServedRecord(r.Kind, Harness.UnmappedKey(r))).ToList();
        Assert.True(unmapped is null || unmapped.Count == examples.Count, $"the fixture leaves out {unmapped?.Count} records, more than the {examples.Count} examples kept: keep it under {UnmappedRecords.MaxExamples} so each can be traced");

        foreach (var kind in served.Select(r => r.Kind).Concat(mapped.Select(r => r.Kind)).Concat(examples.Select(r => r.Kind)).Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal))
        {
            var s = served.Where(r => r.Kind == kind).Select(r => r.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
            var m = mapped.Where(r => r.Kind == kind).Select(r => r.Key).ToList();
            var u = examples.Where(r => r.Kind == kind).Select(r => r.Key).ToList();
            Assert.True(s.Count == m.Count + u.Count, $"{kind}: the mock served {s.Count}, the snapshot holds {m.Count} and {u.Count} are counted unmapped");
            Assert.Equal(s, m.Concat(u).OrderBy(k => k, StringComparer.Ordinal).ToList());
            Note($"{kind}: served {s.Count} = in the snapshot {m.Count} + unmapped {u.Count}");
        }
    }

    /// <summary>Options: public sealed class, a registered validator, every invalid case refused with its message.</summary>
    /// <returns>A task.</returns>
    protected virtual async Task CheckOptionsAsync()
    {
        var type = Harness.OptionsType;
        Assert.True(type.IsVisible && type.IsSealed && type.IsClass && !type.IsAbstract, $"{type.Name} must be a public sealed class.");
        Assert.NotNull(type.GetConstructor(Type.EmptyTypes));

        var services = new ServiceCollection();
        Harness.Register(new ConnectorSession.ServicesBuilder(services), "valid", Settings);
        var validator = typeof(IValidateOptions<>).MakeGenericType(type);
        Assert.True(services.Any(d => d.ServiceType == validator), $"No IValidateOptions<{type.Name}> is registered.");

        var cases = Harness.InvalidOptions().ToList();
        Assert.NotEmpty(cases);
        foreach (var bad in cases)
        {
            var badServices = new ServiceCollection();
            bad.Register(new ConnectorSession.ServicesBuilder(badServices), "bad");
            using var provider = badServices.BuildServiceProvider();
            var onStart = Assert.ThrowsAny<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
            Assert.True(onStart.Message.Contains(bad.ExpectedMessage), $"{bad.Description}: the start-up validation message «{onStart.Message}» lacks «{bad.ExpectedMessage}».");
            var onCreate = Assert.ThrowsAny<OptionsValidationException>(() => provider.GetRequiredService<IGradebookConnectorFactory>().Create("bad"));
            Assert.Contains(bad.ExpectedMessage, onCreate.Message);
            AssertNoSecret(onStart.Message, "the validation message of " + bad.Description);
            Note($"refused: {bad.Description} → {onStart.Message}");
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>Registration: bare collection, build-time validation, start-up validation passes, id and capabilities sound.</summary>
    /// <returns>A task.</returns>
    protected virtual Task CheckRegistrationAsync()
    {
        var services = new ServiceCollection();
        Harness.Register(new ConnectorSession.ServicesBuilder(services), "bare", Settings);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetService<IStartupValidator>()?.Validate();
        var factory = provider.GetRequiredService<IGradebookConnectorFactory>();
        Assert.Contains("bare", factory.Names);
        var connector = factory.Create("bare");
        Assert.Same(connector, factory.Create("bare"));
        Assert.Equal(Harness.ConnectorId, connector.Id);
        Assert.NotEmpty(connector.Capabilities);
        Assert.All(connector.Capabilities, c => Assert.Contains(c, Capability.All));
        if (connector.Capabilities.Contains(Capability.EntryTimes))
        {
            Assert.All(Capability.EntryTimeParts, c => Assert.Contains(c, connector.Capabilities));
        }

        return Task.CompletedTask;
    }

    /// <summary>Two names: two connectors, both working.</summary>
    /// <returns>A task.</returns>
    protected virtual async Task CheckNamedInstancesAsync()
    {
        var services = new ServiceCollection();
        var builder = new ConnectorSession.ServicesBuilder(services);
        Harness.Register(builder, "school-a", Settings);
        Harness.Register(builder, "school-b", Settings);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var factory = provider.GetRequiredService<IGradebookConnectorFactory>();
        var a = factory.Create("school-a");
        var b = factory.Create("school-b");
        Assert.NotSame(a, b);
        var snapshotA = await a.FetchAsync(Harness.Request).ConfigureAwait(false);
        var snapshotB = await b.FetchAsync(Harness.Request).ConfigureAwait(false);
        Assert.Equal(snapshotA.Lessons?.Count, snapshotB.Lessons?.Count);
    }

    /// <summary>Snapshot: reader-valid, round-trips, source fields as asked.</summary>
    /// <returns>A task.</returns>
    protected virtual async Task CheckSnapshotAsync()
    {
        using var session = Open();
        var snapshot = await session.FetchAsync(Harness.Request).ConfigureAwait(false);
        var read = ConformanceAssert.PassesReaderAndRoundTrips(snapshot);
        Assert.Equal(Harness.ConnectorId, read.Source.Connector);
        Assert.Equal(Harness.Request.From.Date, read.Source.From);
        Assert.Equal(Harness.Request.To.Date, read.Source.To);
        Assert.Equal(Clock.GetUtcNow(), read.Source.FetchedAt);
        Assert.Equal(session.Connector.Capabilities.OrderBy(c => c, StringComparer.Ordinal), read.Source.Capabilities.OrderBy(c => c, StringComparer.Ordinal));
        SchoolTimeZone.Resolve(read.School.TimeZone);
        Assert.True(read.School.WorkWeek is 5 or 6, "school.workWeek must be 5 or 6");
        Assert.All(read.Lessons ?? Array.Empty<Lesson>(), l => Assert.InRange(l.Date, read.Source.From, read.Source.To));
        Assert.All(read.Marks ?? Array.Empty<Mark>(), m => Assert.False(string.IsNullOrWhiteSpace(m.Value), $"mark {m.Id} has an empty value"));
        Note($"{read.Lessons?.Count} lessons, {read.Marks?.Count} marks, {read.Absences?.Count} absences, {read.Students?.Count} students");
    }

    /// <summary>Capabilities: see <see cref="ConformanceAssert.CapabilityMismatches"/>.</summary>
    /// <returns>A task.</returns>
    protected virtual async Task CheckCapabilitiesAsync()
    {
        using var session = Open();
        var snapshot = await session.FetchAsync(Harness.Request).ConfigureAwait(false);
        var problems = ConformanceAssert.CapabilityMismatches(snapshot);
        Assert.True(problems.Count == 0, "Declared capabilities do not match the data:\n" + string.Join("\n", problems));
    }

    /// <summary>One 500 on the probe operation: retried; the snapshot equals the fault-free one.</summary>
    /// <returns>A task.</returns>
    protected virtual async Task CheckServerErrorRetriedAsync()
    {
        var baseline = await BaselineAsync().ConfigureAwait(false);
        var server = Harness.Server!;
        server.ResetCalls();
        server.Faults.Add(Harness.ProbeOperation, new Fault(FaultKind.ServerError));
        using var session = Open();
        var snapshot = await session.FetchAsync(Harness.Request).ConfigureAwait(false);
        Assert.Equal(baseline, ConformanceAssert.ToJson(snapshot));
        var failed = Assert.Single(server.Calls, c => c.Fault == FaultKind.ServerError);
        Assert.Contains(server.Calls, c => c.PathAndQuery == failed.PathAndQuery && c.At > failed.At && c.Fault is null);
    }

    /// <summary>Every call of the probe operation answers 500: one <see cref="ConnectorException"/> naming it, after the retries.</summary>
    /// <returns>A task.</returns>
    protected virtual async Task CheckPersistentServerErrorAsync()
    {
        var server = Harness.Server!;
        server.Faults.Always(Harness.ProbeOperation, new Fault(FaultKind.ServerError));
        using var session = Open();
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => session.FetchAsync(Harness.Request)).ConfigureAwait(false);
        AssertNamesCall(ex, Harness.ProbeOperation!);
        Assert.Equal(500, ex.StatusCode);

        // The call that failed the fetch was tried once and retried Settings.Retries times; none more.
        var attempts = server.Calls.Where(c => c.Operation == Harness.ProbeOperation).GroupBy(c => c.PathAndQuery).Max(g => g.Count());
        Assert.Equal(Settings.Retries + 1, attempts);
    }

    /// <summary>A 429 with <c>Retry-After: 1</c>: the same call comes again no sooner than a second later, and the fetch completes.</summary>
    /// <returns>A task.</returns>
    protected virtual async Task CheckRateLimitAsync()
    {
        var baseline = await BaselineAsync().ConfigureAwait(false);
        var server = Harness.Server!;
        server.ResetCalls();
        server.Faults.Add(Harness.ProbeOperation, new Fault(FaultKind.TooManyRequests, RetryAfter: TimeSpan.FromSeconds(1)));
        using var session = Open();
        var snapshot = await session.FetchAsync(Harness.Request).ConfigureAwait(false);
        Assert.Equal(baseline, ConformanceAssert.ToJson(snapshot));
        var limited = Assert.Single(server.Calls, c => c.Fault == FaultKind.TooManyRequests);
        var retry = server.Calls.First(c => c.PathAndQuery == limited.PathAndQuery && c.At > limited.At);
        var waited = retry.At - limited.At;
        Note($"retried {waited.TotalMilliseconds:0} ms after the 429");
        Assert.True(waited >= TimeSpan.FromMilliseconds(950), $"The retry came {waited.TotalMilliseconds:0} ms after a 429 asking for 1 s.");
    }

    /// <summary>One attempt held past the timeout: retried; the snapshot equals the fault-free one.</summary>
    /// <returns>A task.</returns>
    protected virtual async Task CheckTimeoutRetriedAsync()
    {
        var baseline = await BaselineAsync().ConfigureAwait(false);
        var server = Harness.Server!;
        server.ResetCalls();
        var settings = TimeoutSettings;
        server.Faults.Add(Harness.ProbeOperation, new Fault(FaultKind.Timeout, settings.AttemptTimeout + TimeSpan.FromSeconds(4)));
        using var session = Open("timeout", settings);
        var watch = Stopwatch.StartNew();
        var snapshot = await session.FetchAsync(Harness.Request).ConfigureAwait(false);
        Assert.Equal(baseline, ConformanceAssert.ToJson(snapshot));
        var held = Assert.Single(server.Calls, c => c.Fault == FaultKind.Timeout);
        var retry = server.Calls.First(c => c.PathAndQuery == held.PathAndQuery && c.At > held.At);
        // The mock notes a request when its handler starts, which on a loaded machine can be a few hundred
        // milliseconds after the connector sent it (and started its attempt's clock): a quarter of the
        // timeout is allowed for that; a connector on a much shorter timeout still fails here.
        var early = TimeSpan.FromTicks(settings.AttemptTimeout.Ticks / 4);
        Assert.True(retry.At - held.At >= settings.AttemptTimeout - early, $"The call was retried before its timeout ({(retry.At - held.At).TotalMilliseconds:0} ms after the held attempt reached the mock).");
        Assert.True(watch.Elapsed < settings.AttemptTimeout + TimeSpan.FromSeconds(4), "The fetch waited for the held answer instead of timing out.");
    }

    /// <summary>Every probe attempt held past the timeout: a network <see cref="ConnectorException"/> naming the call.</summary>
    /// <returns>A task.</returns>
    protected virtual async Task CheckPersistentTimeoutAsync()
    {
        var server = Harness.Server!;
        var settings = TimeoutSettings;
        server.Faults.Always(Harness.ProbeOperation, new Fault(FaultKind.Timeout, settings.AttemptTimeout + TimeSpan.FromSeconds(5)));
        using var session = Open("timeouts", settings);
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => session.FetchAsync(Harness.Request)).ConfigureAwait(false);
        AssertNamesCall(ex, Harness.ProbeOperation!);
        Assert.Equal(ConnectorFailureKind.Network, ex.Kind);
    }

    /// <summary>Malformed answers on the probe operation (or a damaged source): a <see cref="ConnectorException"/> naming the call.</summary>
    /// <returns>A task.</returns>
    protected virtual async Task CheckMalformedAsync()
    {
        if (Harness.Server is null || Harness.ProbeOperation is null)
        {
            if (!Harness.TryCorruptSource())
            {
                Note("not applicable: no server and the harness cannot damage its source");
                return;
            }

            using var fileSession = Open();
            var fileError = await Assert.ThrowsAsync<ConnectorException>(() => fileSession.FetchAsync(Harness.Request)).ConfigureAwait(false);
            Assert.False(string.IsNullOrWhiteSpace(fileError.Operation));
            Assert.Contains(fileError.Kind, new[] { ConnectorFailureKind.Input, ConnectorFailureKind.MalformedResponse });
            return;
        }

        Harness.Server.Faults.Always(Harness.ProbeOperation, new Fault(FaultKind.Malformed));
        using var session = Open();
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => session.FetchAsync(Harness.Request)).ConfigureAwait(false);
        AssertNamesCall(ex, Harness.ProbeOperation);
        Assert.Equal(ConnectorFailureKind.MalformedResponse, ex.Kind);
    }

    /// <summary>
    /// One refusal on the probe operation: a connector that signs in signs in exactly once more and
    /// completes; one that cannot renew fails at once with an authentication failure.
    /// </summary>
    /// <returns>A task.</returns>
    protected virtual async Task CheckSessionRenewedAsync()
    {
        var server = Harness.Server!;
        if (!Harness.RenewsSessionOnAuthFailure)
        {
            server.Faults.Add(Harness.ProbeOperation, new Fault(FaultKind.AuthFailure));
            using var plain = Open();
            var refused = await Assert.ThrowsAsync<ConnectorException>(() => plain.FetchAsync(Harness.Request)).ConfigureAwait(false);
            Assert.Equal(ConnectorFailureKind.Authentication, refused.Kind);
            return;
        }

        var baseline = await BaselineAsync().ConfigureAwait(false);
        server.ResetCalls();
        server.Faults.Add(Harness.ProbeOperation, new Fault(FaultKind.AuthFailure));
        using var session = Open();
        var snapshot = await session.FetchAsync(Harness.Request).ConfigureAwait(false);
        Assert.Equal(baseline, ConformanceAssert.ToJson(snapshot));
        Assert.Equal(Harness.SignsInUpFront ? 2 : 1, server.CountOf(Harness.SignInOperation!));
    }

    /// <summary>
    /// Every probe call refused: an authentication failure naming it, after at most one renewal;
    /// and refused credentials: a failure naming the sign-in after exactly one attempt.
    /// </summary>
    /// <returns>A task.</returns>
    protected virtual async Task CheckPersistentRefusalAsync()
    {
        var server = Harness.Server!;
        server.Faults.Always(Harness.ProbeOperation, new Fault(FaultKind.AuthFailure));
        using (var session = Open())
        {
            var ex = await Assert.ThrowsAsync<ConnectorException>(() => session.FetchAsync(Harness.Request)).ConfigureAwait(false);
            AssertNamesCall(ex, Harness.ProbeOperation!);
            Assert.Equal(ConnectorFailureKind.Authentication, ex.Kind);
            if (Harness.SignInOperation is { } signIn)
            {
                // One initial sign-in, then at most one renewal per refused session: never a loop.
                Assert.InRange(server.CountOf(signIn), 1, 2);
            }
        }

        if (Harness.SignInOperation is { } operation)
        {
            server.Faults.Clear();
            server.ResetCalls();
            server.Faults.Always(operation, new Fault(FaultKind.AuthFailure));
            RefuseTheFirstTokenUnlessSigningInUpFront(server);
            using var refused = Open("refused");
            var ex = await Assert.ThrowsAsync<ConnectorException>(() => refused.FetchAsync(Harness.Request)).ConfigureAwait(false);
            AssertNamesCall(ex, operation);
            Assert.Equal(ConnectorFailureKind.Authentication, ex.Kind);
            Assert.Equal(1, server.CountOf(operation));
        }
    }

    /// <summary>
    /// Cancelled while a call is in flight (or, without a server, before the fetch starts):
    /// <see cref="OperationCanceledException"/> within <see cref="CancellationBudget"/>.
    /// </summary>
    /// <returns>A task.</returns>
    protected virtual async Task CheckCancellationAsync()
    {
        using var cancel = new CancellationTokenSource();
        using var session = Open();
        if (Harness.Server is { } server)
        {
            server.Latency = TimeSpan.FromSeconds(30);
            server.OnRequest = _ => cancel.CancelAfter(TimeSpan.FromMilliseconds(100));
        }
        else
        {
            // A file connector may finish before any timer fires: it must honour a token already cancelled.
            cancel.Cancel();
        }

        var watch = Stopwatch.StartNew();
        var ex = await Record.ExceptionAsync(() => session.FetchAsync(Harness.Request, cancel.Token)).ConfigureAwait(false);
        watch.Stop();
        Assert.IsAssignableFrom<OperationCanceledException>(ex);
        Assert.True(watch.Elapsed < CancellationBudget, $"The fetch took {watch.Elapsed.TotalMilliseconds:0} ms to stop.");
        Note($"stopped {watch.Elapsed.TotalMilliseconds:0} ms after the fetch began");
    }

    /// <summary>
    /// Secrets: a good fetch, then failing ones (server errors, refusals, malformed answers), with
    /// every log entry, exception message and inner exception, and the snapshot, searched for each
    /// secret, plain and URL-encoded.
    /// </summary>
    /// <returns>A task.</returns>
    protected virtual async Task CheckSecretsAsync()
    {
        var texts = new List<(string Where, string Text)>();
        using (var session = Open())
        {
            var snapshot = await session.FetchAsync(Harness.Request).ConfigureAwait(false);
            texts.Add(("the snapshot", ConformanceAssert.ToJson(snapshot)));
            texts.AddRange(session.Logs.Entries.SelectMany(e => e.Texts.Select(t => ("a log entry", t))));
            Note($"{session.Logs.Entries.Count} log entries from a good fetch");
        }

        if (Harness.Server is { } server && Harness.ProbeOperation is { } probe)
        {
            var faults = new List<Fault> { new(FaultKind.ServerError), new(FaultKind.AuthFailure), new(FaultKind.Malformed) };
            for (var i = 0; i < faults.Count; i++)
            {
                server.Faults.Clear();
                server.Faults.Always(probe, faults[i]);
                using var session = Open("failing-" + i);
                var ex = await Record.ExceptionAsync(() => session.FetchAsync(Harness.Request)).ConfigureAwait(false);
                Assert.IsType<ConnectorException>(ex);
                for (var e = ex; e is not null; e = e.InnerException)
                {
                    texts.Add(($"the exception ({faults[i].Kind})", e.Message));
                }

                texts.Add(($"the exception's text ({faults[i].Kind})", ex!.ToString()));
                texts.AddRange(session.Logs.Entries.SelectMany(entry => entry.Texts.Select(t => ($"a log entry ({faults[i].Kind})", t))));
            }

            if (Harness.SignInOperation is { } signIn)
            {
                server.Faults.Clear();
                server.Faults.Always(signIn, new Fault(FaultKind.AuthFailure));
                RefuseTheFirstTokenUnlessSigningInUpFront(server);
                using var session = Open("refused");
                var ex = await Record.ExceptionAsync(() => session.FetchAsync(Harness.Request)).ConfigureAwait(false);
                Assert.IsType<ConnectorException>(ex);
                texts.Add(("the sign-in exception", ex!.ToString()));
                texts.AddRange(session.Logs.Entries.SelectMany(entry => entry.Texts.Select(t => ("a sign-in log entry", t))));
            }
        }

        foreach (var (where, text) in texts)
        {
            AssertNoSecret(text, where);
        }
    }

    /// <summary>Random faults on each seed: the fault-free snapshot exactly, or a <see cref="ConnectorException"/> naming a call.</summary>
    /// <returns>A task.</returns>
    protected virtual async Task CheckRandomFaultsAsync()
    {
        var baseline = await BaselineAsync().ConfigureAwait(false);
        var server = Harness.Server!;
        foreach (var seed in RandomFaultSeeds)
        {
            server.Faults.Clear();
            server.ResetCalls();
            server.Faults.Random(seed, RandomFaultMix);
            using var session = Open("random-" + seed, TimeoutSettings);
            try
            {
                var snapshot = await session.FetchAsync(Harness.Request).ConfigureAwait(false);
                Assert.Equal(baseline, ConformanceAssert.ToJson(snapshot));
                Note($"seed {seed}: the fault-free snapshot after {server.Calls.Count(c => c.Fault is not null)} faults in {server.Calls.Count} calls");
            }
            catch (ConnectorException ex)
            {
                Assert.False(string.IsNullOrWhiteSpace(ex.Operation));
                Assert.Contains(ex.Operation, ex.Message);
                Note($"seed {seed}: failed clearly: {ex.Message}");
            }
        }
    }

    // ================================================================== helpers

    /// <summary>The fault-free snapshot as JSON, from a session of its own.</summary>
    /// <returns>The snapshot text.</returns>
    protected async Task<string> BaselineAsync()
    {
        Harness.Server?.Faults.Clear();
        using var session = Open("baseline");
        return ConformanceAssert.ToJson(await session.FetchAsync(Harness.Request).ConfigureAwait(false));
    }

    /// <summary>Fails when <paramref name="text"/> holds any of the harness's secrets (plain or URL-encoded).</summary>
    /// <param name="text">The text.</param>
    /// <param name="where">Where it came from, for the failure message.</param>
    protected void AssertNoSecret(string? text, string where)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        foreach (var secret in Harness.Secrets.Where(s => !string.IsNullOrEmpty(s)))
        {
            foreach (var form in new[] { secret, Uri.EscapeDataString(secret), WebUtility.UrlEncode(secret) }.Distinct())
            {
                Assert.False(text!.Contains(form), $"A secret leaked into {where}: {text}");
            }
        }
    }

    /// <summary>Asserts that a failure names the call and says it in its message.</summary>
    /// <param name="ex">The failure.</param>
    /// <param name="operation">The call.</param>
    protected static void AssertNamesCall(ConnectorException ex, string operation)
    {
        if (ex is null)
        {
            throw new ArgumentNullException(nameof(ex));
        }

        Assert.Equal(operation, ex.Operation);
        Assert.Contains(operation, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    /// <summary>
    /// For a connector that signs in only to renew a refused token: refuses the probe once, so the
    /// sign-in (faulted by the caller) is actually called.
    /// </summary>
    /// <param name="server">The mock vendor.</param>
    private void RefuseTheFirstTokenUnlessSigningInUpFront(MockVendorServer server)
    {
        if (!Harness.SignsInUpFront)
        {
            server.Faults.Add(Harness.ProbeOperation, new Fault(FaultKind.AuthFailure));
        }
    }

    /// <summary>Writes a line to the test output, when there is one.</summary>
    /// <param name="line">The line.</param>
    protected void Note(string line) => Output?.WriteLine(line);

    private async Task Run(ConformanceCheck check, Func<Task> body)
    {
        if (!Applies(check))
        {
            Note($"{check}: not applicable to this connector");
            return;
        }

        await body().ConfigureAwait(false);
    }
}
