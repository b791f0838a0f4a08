using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Connectors.Shared;

namespace Eljur.Connectors.Eljur.Tests;

/// <summary>A call cancelled by its caller (a sibling call failed) is neither retried nor logged as a retry.</summary>
public sealed class CancelledCallTests
{
    [Fact]
    public async Task ACallWhoseCallerCancelledIsNotRetriedNorLoggedAsARetry()
    {
        var retries = new List<string>();
        var failures = new List<string>();
        var resilience = Pipeline(retries, failures);
        using var cancel = new CancellationTokenSource();
        var sends = 0;

        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => resilience.ExecuteAsync(
            "getdiary",
            0,
            (_, _) =>
            {
                sends++;
                cancel.Cancel(); // the fetch gives up while this call is in flight
                throw new HttpRequestException("The operation was canceled.");
            },
            cancel.Token));

        Assert.Equal(1, sends);
        Assert.Empty(retries);
        Assert.Empty(failures);
        Assert.IsType<HttpRequestException>(thrown.InnerException);
    }

    [Fact]
    public async Task TheSameErrorWithoutACancellationIsRetriedAndLogged()
    {
        var retries = new List<string>();
        var failures = new List<string>();
        var resilience = Pipeline(retries, failures);
        var sends = 0;

        var thrown = await Assert.ThrowsAsync<Abstractions.Connectors.ConnectorException>(() => resilience.ExecuteAsync(
            "getdiary",
            0,
            (_, _) =>
            {
                sends++;
                throw new HttpRequestException("Connection reset by peer");
            },
            CancellationToken.None));

        Assert.Equal(3, sends);
        Assert.Equal(2, retries.Count);
        Assert.Single(failures);
        Assert.Equal(Abstractions.Connectors.ConnectorFailureKind.Network, thrown.Kind);
    }

    private static HttpResilience<string> Pipeline(List<string> retries, List<string> failures) => new(
        "eljur", 2, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(10),
        _ => false, _ => null, a => a,
        (method, reason, attempt, max, delay) => retries.Add($"{method}: {reason}, {attempt} of {max}"),
        (method, reason) => failures.Add($"{method}: {reason}"),
        new SecretRedactor(Array.Empty<string?>()));
}
