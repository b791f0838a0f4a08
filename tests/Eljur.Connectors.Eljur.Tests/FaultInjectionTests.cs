using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Connectors.Eljur.Tests.Mock;
using Eljur.Connectors.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Eljur.Connectors.Eljur.Tests;

/// <summary>A whole term under random faults; and what one class's term costs.</summary>
public sealed class FaultInjectionTests
{
    private readonly ITestOutputHelper _output;

    public FaultInjectionTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A_term_under_random_faults_gives_exactly_the_fault_free_snapshot_or_a_clear_failure()
    {
        using var f = new EljurFixture(o =>
        {
            o.RequestTimeout = TimeSpan.FromSeconds(1);
            o.MaxRetries = 4;
            o.MaxConcurrency = 4;
        });
        var baseline = await f.FetchTermAsync();
        Assert.Equal(352, baseline.Lessons!.Count); // 336 lessons and 16 extracurricular ones
        var expected = ConformanceAssert.ToJson(baseline);

        var completedDespiteFaults = 0;
        foreach (var seed in new[] { 3, 17, 29, 101, 2024, 4242 })
        {
            f.Mock.Faults.Clear();
            f.Mock.ResetCalls();
            f.Mock.Faults.Random(seed, new RandomFaultMix
            {
                ServerError = 0.12,
                TooManyRequests = 0.06,
                Timeout = 0.04,
                Slow = 0.15,
                TimeoutDelay = TimeSpan.FromSeconds(2.5),
                MaxSlowDelay = TimeSpan.FromMilliseconds(250),
                MaxRetryAfter = TimeSpan.FromSeconds(1),
            });

            // A fresh connector each time, so the sign-in is exposed to faults too.
            using var run = new ConnectorRun(f);
            try
            {
                var snapshot = await run.Connector.FetchAsync(new FetchRequest { From = EljurFixture.TermStart, To = EljurFixture.TermEnd });
                Assert.Equal(expected, ConformanceAssert.ToJson(snapshot));
                var faults = f.Mock.Calls.Count(c => c.Fault is not null);
                if (faults > 0)
                {
                    completedDespiteFaults++;
                }

                _output.WriteLine($"seed {seed}: fault-free snapshot after {faults} faults in {f.Mock.Calls.Count} requests");
            }
            catch (ConnectorException ex)
            {
                Assert.False(string.IsNullOrEmpty(ex.Operation));
                Assert.StartsWith("eljur: " + ex.Operation + ": ", ex.Message, StringComparison.Ordinal);
                Assert.DoesNotContain(MockSchool.DevKey, ex.ToString(), StringComparison.Ordinal);
                _output.WriteLine($"seed {seed}: failed clearly: {ex.Message}");
            }
        }

        Assert.True(completedDespiteFaults >= 3, $"only {completedDespiteFaults} runs completed despite faults: the retries do not work");
    }

    [Fact]
    public async Task Faults_beyond_the_retries_fail_with_one_exception_naming_the_call_and_the_attempts()
    {
        using var f = new EljurFixture(o => o.MaxRetries = 2);
        f.Mock.Faults.Always("getdiary", new Fault(FaultKind.ServerError));
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => f.FetchTermAsync());
        Assert.Equal("getdiary", ex.Operation);
        Assert.Equal(ConnectorFailureKind.Vendor, ex.Kind);
        Assert.Equal("eljur: getdiary: HTTP 500 (3 attempts)", ex.Message);
    }

    [Fact]
    public async Task A_rate_limit_beyond_the_retries_is_reported_as_such()
    {
        using var f = new EljurFixture(o => o.MaxRetries = 1);
        f.Mock.Faults.Always("getrules", new Fault(FaultKind.TooManyRequests, RetryAfter: TimeSpan.Zero));
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => f.FetchTermAsync());
        Assert.Equal(ConnectorFailureKind.RateLimited, ex.Kind);
        Assert.Equal(429, ex.StatusCode);
        Assert.Equal(2, f.Mock.CountOf("getrules"));
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_cap_waits_only_the_cap()
    {
        using var f = new EljurFixture(o => o.MaxRetryDelay = TimeSpan.FromMilliseconds(300));
        f.Mock.Faults.Add("getrules", new Fault(FaultKind.TooManyRequests, RetryAfter: TimeSpan.FromSeconds(30)));
        var watch = Stopwatch.StartNew();
        await f.FetchAsync(EljurFixture.TermStart, EljurFixture.TermStart);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        var calls = f.Mock.Calls.Where(c => c.Operation == "getrules").ToList();
        Assert.Equal(2, calls.Count);
        Assert.InRange((calls[1].At - calls[0].At).TotalMilliseconds, 250, 5000);
    }

    [Fact]
    public async Task One_class_term_costs_twenty_calls_and_concurrency_shortens_it()
    {
        // Warm up (JIT, sockets) so the first measured run is not charged for it.
        using (var warm = new EljurFixture())
        {
            await warm.FetchAsync(EljurFixture.TermStart, EljurFixture.TermStart.AddDays(6), new[] { "10А" });
        }

        var medians = new Dictionary<(int Chunk, int Concurrency), double>();
        foreach (var chunk in new[] { 7, 14 })
        {
            foreach (var concurrency in new[] { 1, 8 })
            {
                var times = new List<double>();
                for (var run = 0; run < 3; run++)
                {
                    using var f = new EljurFixture(o =>
                    {
                        o.MaxConcurrency = concurrency;
                        o.ChunkDays = chunk;
                    });
                    f.Mock.Latency = TimeSpan.FromMilliseconds(20);
                    var watch = Stopwatch.StartNew();
                    var s = await f.FetchAsync(EljurFixture.TermStart, EljurFixture.TermEnd, new[] { "10А" });
                    watch.Stop();
                    Assert.Equal(180, s.Lessons!.Count); // 8 weeks × 22 lessons, less Friday 4 October (4), and 8 robotics club sessions

                    // auth + getrules + getperiods + chunks × (getdiary + getmarks) + getfinalassessments
                    var chunks = chunk == 7 ? 8 : 4;
                    Assert.Equal(4 + 2 * chunks, f.Mock.Calls.Count);
                    Assert.Equal(f.Mock.Calls.Count, f.Eljur.HttpAttempts);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                medians[(chunk, concurrency)] = times[1];
                _output.WriteLine($"one class 10А, 2024-09-02..2024-10-27, ChunkDays {chunk}: {4 + 2 * (chunk == 7 ? 8 : 4)} HTTP calls; concurrency {concurrency}: median {times[1]:0} ms (runs {string.Join(", ", times.Select(t => t.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))} ms)");
            }
        }

        Assert.True(medians[(7, 8)] < medians[(7, 1)], $"concurrency 8 took {medians[(7, 8)]:0} ms, concurrency 1 {medians[(7, 1)]:0} ms");
    }

    /// <summary>A second connector instance on the fixture's mock, with the fixture's options.</summary>
    private sealed class ConnectorRun : IDisposable
    {
        private readonly ServiceProvider _services;

        public ConnectorRun(EljurFixture fixture)
        {
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(fixture.Clock);
            services.AddGradebook().AddEljur(o =>
            {
                o.BaseUrl = fixture.Mock.BaseUrl;
                o.Vendor = MockSchool.Vendor;
                o.DevKey = MockSchool.DevKey;
                o.Login = MockSchool.TeacherLogin;
                o.Password = MockSchool.TeacherPassword;
                o.TimeZone = "Europe/Moscow";
                o.SchoolName = "Гимназия № 7";
                o.RequestTimeout = TimeSpan.FromSeconds(1);
                o.MaxRetries = 4;
                o.MaxConcurrency = 4;
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
                o.MaxRetryDelay = TimeSpan.FromSeconds(2);
            });
            _services = services.BuildServiceProvider();
            Connector = _services.GetRequiredService<IGradebookConnectorFactory>().Create("eljur");
        }

        public IGradebookConnector Connector { get; }

        public void Dispose() => _services.Dispose();
    }
}
