using System;
using System.IO;
using System.Threading.Tasks;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;
using Eljur.Connectors.Shared;
using Xunit;

namespace Eljur.Tests.Shared;

/// <summary>
/// The safety net of pruned answers, for every connector that prunes: one fetch with its answers
/// pruned to the readers' shapes and one with them kept whole must write the same snapshot, byte for
/// byte, and the pruned one must have pruned (a field a reader uses and its shape forgot shows as a
/// difference; a shape nobody applies shows as nothing dropped).
/// </summary>
internal static class PrunedFetch
{
    /// <summary>Runs <paramref name="fetch"/> pruned, then whole, and compares.</summary>
    /// <param name="fetch">One fetch; called twice, each time in its own pruning scope.</param>
    /// <param name="minimumPrunedAnswers">How many answers the fetch reads with a shape at the least.</param>
    public static async Task AssertSameAsWholeAsync(Func<Task<GradebookSnapshot>> fetch, int minimumPrunedAnswers)
    {
        GradebookSnapshot pruned;
        long skipped, prunedAnswers;
        using (var scope = JsonPruning.Begin(off: false))
        {
            pruned = await fetch();
            skipped = scope.Skipped;
            prunedAnswers = scope.PrunedAnswers;
        }

        GradebookSnapshot whole;
        using (var scope = JsonPruning.Begin(off: true))
        {
            whole = await fetch();
            Assert.Equal(0, scope.PrunedAnswers);
        }

        Assert.True(prunedAnswers >= minimumPrunedAnswers, $"{prunedAnswers} answers read with a shape");
        Assert.True(skipped > 0, "nothing was dropped");
        Assert.NotEmpty(whole.Lessons!);
        Assert.NotEmpty(whole.Marks!);
        Assert.Equal(Write(whole), Write(pruned));
    }

    private static byte[] Write(GradebookSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        SnapshotWriter.Write(snapshot, stream);
        return stream.ToArray();
    }
}
