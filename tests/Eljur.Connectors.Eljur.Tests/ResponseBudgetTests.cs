using System;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Connectors.Shared;

namespace Eljur.Connectors.Eljur.Tests;

/// <summary>The byte budget of answers read at once by parallel calls.</summary>
public sealed class ResponseBudgetTests
{
    [Fact]
    public async Task A_younger_call_waits_while_the_budget_is_spent_and_goes_on_when_it_is_given_back()
    {
        var budget = new ResponseBudget(1000);
        var oldest = budget.Start();
        var younger = budget.Start();
        await oldest.AcquireAsync(800, CancellationToken.None);

        var waiting = younger.AcquireAsync(300, CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(800, budget.Used);

        oldest.Dispose();
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(300, budget.Used);
        younger.Dispose();
        Assert.Equal(0, budget.Used);
    }

    [Fact]
    public async Task The_oldest_call_always_proceeds_even_past_the_budget()
    {
        var budget = new ResponseBudget(1000);
        var oldest = budget.Start();
        var younger = budget.Start();
        await younger.AcquireAsync(900, CancellationToken.None);

        // Both need more than is left; the oldest is not made to wait for a younger one (no circle).
        await oldest.AcquireAsync(5000, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(5900, budget.Used);
        var youngerMore = younger.AcquireAsync(200, CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(youngerMore.IsCompleted);

        oldest.Dispose();
        await youngerMore.WaitAsync(TimeSpan.FromSeconds(5)); // now the oldest itself
        Assert.Equal(1100, budget.Used);
        younger.Dispose();
    }

    [Fact]
    public async Task Reset_gives_back_the_bytes_of_a_dropped_attempt_and_keeps_the_place()
    {
        var budget = new ResponseBudget(100);
        var oldest = budget.Start();
        var younger = budget.Start();
        await oldest.AcquireAsync(100, CancellationToken.None);

        oldest.Reset();

        Assert.Equal(0, budget.Used);
        await younger.AcquireAsync(100, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        await oldest.AcquireAsync(100, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5)); // still the oldest
        Assert.Equal(200, budget.Used);
    }

    [Fact]
    public async Task A_waiting_call_can_be_cancelled()
    {
        var budget = new ResponseBudget(10);
        using var oldest = budget.Start();
        using var younger = budget.Start();
        await oldest.AcquireAsync(10, CancellationToken.None);
        using var cancel = new CancellationTokenSource(50);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => younger.AcquireAsync(5, cancel.Token).AsTask());
        Assert.Equal(10, budget.Used);
    }
}
