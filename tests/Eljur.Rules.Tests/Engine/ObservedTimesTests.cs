using System;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Rules.Tests.TestData;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Engine;

/// <summary>
/// «Observed times»: the true entry time lies in (enteredAfter, enteredAt]; certain when enteredAfter ≥
/// deadline (or no enteredAfter and enteredAt &gt; deadline), possible when enteredAt &gt; deadline &gt;
/// enteredAfter, nothing when enteredAt ≤ deadline.
/// </summary>
public sealed class ObservedTimesTests
{
    // A current mark dated 28 Oct 2024, sameDay: due 2024-10-28T23:59:59.9999999+05:00.
    private static readonly DateTimeOffset Deadline = EndOfDay("2024-10-28");

    [Theory]
    [InlineData("2024-10-29T00:00:00+05:00", "2024-10-29T08:00:00+05:00", "certain")] // after > deadline
    [InlineData("2024-10-28T23:59:59.9999999+05:00", "2024-10-29T08:00:00+05:00", "certain")] // after == deadline
    [InlineData("2024-10-28T20:00:00+05:00", "2024-10-29T08:00:00+05:00", "possible")]
    [InlineData("2024-10-28T00:00:00+05:00", "2024-10-29T00:00:00+05:00", "possible")] // present at the first sync: at most possible
    [InlineData("2024-10-28T00:00:00+05:00", "2024-10-28T23:59:59+05:00", null)]
    [InlineData("2024-10-28T23:59:00+05:00", "2024-10-28T23:59:59.9999999+05:00", null)] // at == deadline meets it
    [InlineData(null, "2024-10-29T00:00:00+05:00", "certain")] // an exact entry time
    [InlineData(null, "2024-10-28T23:59:59+05:00", null)]
    public void Certainty_FollowsTheObservedBounds(string? enteredAfter, string enteredAt, string? expected)
    {
        var report = Check.Run(
            SnapshotBuilder.School()
                .Mark("m1", "2024-10-28", MarkKind.Current, m => m with
                {
                    EnteredAt = T(enteredAt),
                    EnteredAfter = enteredAfter is null ? null : T(enteredAfter),
                })
                .Build(),
            "current-mark-entry");

        if (expected is null)
        {
            Assert.Empty(report.Findings);
            return;
        }

        var f = Assert.Single(report.Findings);
        Assert.Equal(expected, f.Certainty == Certainty.Certain ? "certain" : "possible");
        Assert.Equal(Deadline, f.Deadline);

        // The observed time reported is enteredAt, the first sighting.
        Assert.Equal(T(enteredAt), f.Observed);
    }

    [Fact]
    public void PossibleFinding_SaysWhyInItsMessage()
    {
        var report = Check.Run(
            SnapshotBuilder.School()
                .Mark("m1", "2024-10-28", MarkKind.Current, m => m with { EnteredAt = T("2024-10-29T08:00:00+05:00"), EnteredAfter = T("2024-10-28T20:00:00+05:00") })
                .Build(),
            "current-mark-entry");

        var f = Assert.Single(report.Findings);
        Assert.Equal(Certainty.Possible, f.Certainty);
        Assert.Contains("впервые замечено 29.10.2024 08:00", f.Message, StringComparison.Ordinal);
        Assert.Contains("28.10.2024 20:00", f.Message, StringComparison.Ordinal);
        Assert.Contains("возможно", f.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-10-29T00:00:00+05:00", "2024-10-29T08:00:00+05:00", Certainty.Certain)]
    [InlineData("2024-10-28T23:59:59.9999999+05:00", "2024-10-29T08:00:00+05:00", Certainty.Certain)]
    [InlineData("2024-10-28T20:00:00+05:00", "2024-10-29T08:00:00+05:00", Certainty.Possible)]
    [InlineData("2024-10-28T20:00:00+05:00", "2024-10-28T23:59:59.9999999+05:00", null)]
    [InlineData(null, "2024-10-28T23:59:59.9999999+05:00", null)]
    [InlineData(null, "2024-10-28T19:00:00Z", Certainty.Certain)]
    public void EntryJudgement_Judge(string? enteredAfter, string enteredAt, Certainty? expected)
    {
        Assert.Equal(expected, EntryJudgement.Judge(Deadline, T(enteredAt), enteredAfter is null ? null : T(enteredAfter)));
    }

    [Fact]
    public void ARecordWithoutAnEntryTime_IsChargedToItsCapability()
    {
        // markEntryTimes is declared but one mark lacks enteredAt: it is not judged, and the gap is listed.
        var report = Check.Run(
            SnapshotBuilder.School()
                .Mark("m1", "2024-10-28", MarkKind.Current)
                .Mark("m2", "2024-10-28", MarkKind.Current, m => m with { EnteredAt = T("2024-10-30T10:00:00+05:00") })
                .Build(),
            "current-mark-entry");

        Assert.Equal(
            new[] { "current-mark-entry late certain mark:m2 2024-10-28T23:59:59.999+05:00 2024-10-30T10:00:00+05:00" },
            Check.Lines(report));
        Assert.Equal(new[] { "current-mark-entry late [markEntryTimes]" }, Check.NotEvaluable(report));
    }
}
