using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Connectors.MosregPortal.Tests.Mock;
using Eljur.Connectors.Testing;
using Xunit.Abstractions;

namespace Eljur.Connectors.MosregPortal.Tests;

/// <summary>The portal's own errors and limits: error bodies, rate limits as 429 and 433, maintenance, HTML pages, token refresh, requests in flight, and the cost of a school-month.</summary>
public sealed class ErrorsAndLimitsTests
{
    private const string Marks = "edu-groups/{group}/marks";
    private readonly ITestOutputHelper _output;

    public ErrorsAndLimitsTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(429)]
    [InlineData(433)]
    [InlineData(400)]
    public async Task ApiRequestLimit_is_backed_off_and_retried_whatever_its_status(int status)
    {
        using var f = new MosregFixture();
        var baseline = ConformanceAssert.ToJson(await f.FetchAsync());
        f.Mock.ResetCalls();
        f.Mock.Script(Marks, MosregMockServer.RequestLimit(status), times: 2);
        var snapshot = await f.FetchAsync();
        Assert.Equal(baseline, ConformanceAssert.ToJson(snapshot));
        Assert.Equal(2, f.Mock.Calls.Count(c => c.Status == status));
    }

    [Fact]
    public async Task A_persistent_rate_limit_fails_as_rate_limited_with_the_vendor_text()
    {
        using var f = new MosregFixture(o => o.MaxRetries = 2);
        f.Mock.Script("schools/{school}", MosregMockServer.RequestLimit(433), times: 3);
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => f.FetchAsync());
        Assert.Equal(ConnectorFailureKind.RateLimited, ex.Kind);
        Assert.Equal(433, ex.StatusCode);
        Assert.Equal("mosreg: schools/{school}: rate limited (HTTP 433 apiRequestLimit: «Превышено допустимое количество запросов к API. Повторите запрос позже.») (3 attempts)", ex.Message);
    }

    [Fact]
    public async Task Maintenance_is_retried_then_a_clear_failure_naming_the_page()
    {
        using var f = new MosregFixture(o => o.MaxRetries = 2);
        f.Mock.Script("schools/{school}/edu-groups", MosregMockServer.MaintenancePage(503));
        f.Mock.Script("schools/{school}/edu-groups", new MockAnswer(405, "", "text/plain"));
        await f.FetchAsync();
        Assert.Equal(3, f.Mock.CountOf("schools/{school}/edu-groups"));

        f.Mock.Script("schools/{school}/edu-groups", MosregMockServer.MaintenancePage(503), times: 3);
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => f.FetchAsync());
        Assert.Equal(ConnectorFailureKind.Vendor, ex.Kind);
        Assert.Equal(503, ex.StatusCode);
        Assert.Equal("mosreg: schools/{school}/edu-groups: the portal is down for maintenance (HTTP 503, an HTML error page «Технические работы») (3 attempts)", ex.Message);
    }

    [Fact]
    public async Task Error_bodies_map_to_the_right_kind_without_retrying_what_cannot_succeed()
    {
        using var f = new MosregFixture();
        f.Mock.Script(Marks, MosregMockServer.VendorError(400, "parameterInvalid", "Неверный формат даты"));
        var invalid = await Assert.ThrowsAsync<ConnectorException>(() => f.FetchAsync());
        Assert.Equal(ConnectorFailureKind.Vendor, invalid.Kind);
        Assert.Equal("mosreg: edu-groups/{group}/marks: HTTP 400 parameterInvalid: «Неверный формат даты»", invalid.Message);
        Assert.Single(f.Mock.Calls, c => c.Status == 400);

        f.Mock.ResetCalls();
        f.Mock.Script("schools/{school}", MosregMockServer.VendorError(403, "authorizationOutOfScope", "Недостаточно прав"));
        var scope = await Assert.ThrowsAsync<ConnectorException>(() => f.FetchAsync());
        Assert.Equal(ConnectorFailureKind.Authentication, scope.Kind);
        Assert.Equal(0, f.Mock.CountOf("authorizations")); // a refresh cannot widen the scope

        f.Mock.Script("schools/{school}", new MockAnswer(500, "<html><head><title>500 Internal Server Error</title></head><body>nginx</body></html>", "text/html"), times: 4);
        var html = await Assert.ThrowsAsync<ConnectorException>(() => f.FetchAsync());
        Assert.Equal("mosreg: schools/{school}: HTTP 500, an HTML error page «500 Internal Server Error» (4 attempts)", html.Message);

        f.Mock.Script("schools/{school}", new MockAnswer(200, "<html><head><title>Вход</title></head></html>", "text/html"));
        var page = await Assert.ThrowsAsync<ConnectorException>(() => f.FetchAsync());
        Assert.Equal(ConnectorFailureKind.MalformedResponse, page.Kind);
        Assert.Contains("an HTML page instead of JSON «Вход»", page.Message);
    }

    [Fact]
    public async Task Accept_json_is_always_sent_and_without_it_the_portal_answers_errors_in_html()
    {
        using var f = new MosregFixture();
        await f.FetchAsync();
        Assert.Equal(0, f.Mock.RequestsWithoutAcceptJson);

        using var raw = new HttpClient();
        using var response = await raw.GetAsync(f.Mock.BaseUrl + "schools/" + f.Mock.School.SchoolId);
        Assert.Equal(401, (int)response.StatusCode);
        Assert.StartsWith("<html>", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, f.Mock.RequestsWithoutAcceptJson);
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_once_and_the_rotated_refresh_token_is_used_next_time()
    {
        using var f = new MosregFixture();
        var baseline = ConformanceAssert.ToJson(await f.FetchAsync());
        f.Mock.ExpireAllTokens();
        Assert.Equal(baseline, ConformanceAssert.ToJson(await f.FetchAsync()));
        Assert.Equal(1, f.Mosreg.Refreshes);
        Assert.Equal(1, f.Mock.CountOf("authorizations"));

        f.Mock.ExpireAllTokens();
        Assert.Equal(baseline, ConformanceAssert.ToJson(await f.FetchAsync()));
        Assert.Equal(2, f.Mock.CountOf("authorizations")); // the mock accepts only the rotated refresh token
        Assert.All(f.Logs.Entries.SelectMany(e => e.Texts), t => Assert.DoesNotContain(MockSchool.Token, t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_refresh_credentials_a_refused_token_fails_at_once()
    {
        using var f = new MosregFixture(o => { o.RefreshToken = null; o.ClientId = null; o.ClientSecret = null; });
        f.Mock.ExpireAllTokens();
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => f.FetchAsync());
        Assert.Equal(ConnectorFailureKind.Authentication, ex.Kind);
        // The school, its groups, work types and teachers are asked for at once: any refusal may be the one reported.
        Assert.Matches(@"^mosreg: (schools/\{school\}(/edu-groups|/people)?|work-types/\{school\}): HTTP 401 authorizationInvalidToken: «Токен доступа недействителен или истёк»; the token was refused and no refresh credentials are configured$", ex.Message);
        Assert.Equal(0, f.Mock.CountOf("authorizations"));
    }

    [Fact]
    public async Task At_most_MaxInFlight_requests_are_open_at_once()
    {
        var counter = new InFlightCounter();
        using var f = new MosregFixture(o =>
        {
            o.MaxInFlight = 3;
            o.HttpMessageHandlerFactory = () => counter.Wrap(new HttpClientHandler());
        });
        f.Mock.Latency = TimeSpan.FromMilliseconds(40);
        await f.FetchAsync();
        _output.WriteLine($"most in flight: {counter.Max}");
        Assert.InRange(counter.Max, 2, 3);
    }

    [Fact]
    public async Task A_school_month_costs_30_calls_and_one_more_to_find_the_school()
    {
        using var f = new MosregFixture();
        var october = await f.FetchAsync(new DateTime(2024, 10, 1), new DateTime(2024, 10, 31));
        var byOperation = f.Mock.Calls.GroupBy(c => c.Operation).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count()}");
        _output.WriteLine($"October 2024, 3 classes + 1 subgroup, {october.Lessons!.Count} lessons: {f.Mock.Calls.Count} calls: {string.Join(", ", byOperation)}");

        // school + edu-groups + work-types + people (4); per class students, reporting periods, final marks (3 × 3);
        // per group subjects (4); per group lessons + marks for one window (4 × 2);
        // attendance per group and subject taught that month (5А: 2, 10А: 1, subgroup: 1); no id-only works in October;
        // persons/{p} for the one teacher the people list leaves out.
        Assert.Equal(4 + 9 + 4 + 8 + 4 + 1, f.Mock.Calls.Count);
        Assert.Equal(f.Mock.Calls.Count, f.Mosreg.HttpAttempts);
        Assert.Equal(1, f.Mock.CountOf("work-types/{school}"));

        // Without a school id, users/me/context names it: one call more.
        using var g = new MosregFixture(o => o.SchoolId = null);
        Assert.Equal(ConformanceAssert.ToJson(october), ConformanceAssert.ToJson(await g.FetchAsync(new DateTime(2024, 10, 1), new DateTime(2024, 10, 31))));
        Assert.Equal(f.Mock.Calls.Count + 1, g.Mock.Calls.Count);
        Assert.Equal(1, g.Mock.CountOf("users/me/context"));
    }

    private sealed class InFlightCounter
    {
        private int _now;
        private int _max;

        public int Max => Volatile.Read(ref _max);

        public HttpMessageHandler Wrap(HttpMessageHandler inner) => new Handler(this, inner);

        private sealed class Handler : DelegatingHandler
        {
            private readonly InFlightCounter _counter;

            public Handler(InFlightCounter counter, HttpMessageHandler inner)
                : base(inner) => _counter = counter;

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var now = Interlocked.Increment(ref _counter._now);
                int max;
                while (now > (max = Volatile.Read(ref _counter._max)) && Interlocked.CompareExchange(ref _counter._max, now, max) != max)
                {
                }

                try
                {
                    var response = await base.SendAsync(request, cancellationToken);
                    await response.Content.LoadIntoBufferAsync();
                    return response;
                }
                finally
                {
                    Interlocked.Decrement(ref _counter._now);
                }
            }
        }
    }
}
