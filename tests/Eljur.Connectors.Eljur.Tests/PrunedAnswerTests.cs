using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;
using Eljur.Connectors.Eljur.Tests.Mock;
using Eljur.Connectors.Shared;

namespace Eljur.Connectors.Eljur.Tests;

/// <summary>
/// The safety net of pruned answers: every fetch the mock can serve (all its "more shapes" among
/// them) gives byte-for-byte the same snapshot whether its answers are pruned to the readers' shapes
/// or kept whole. A field a reader uses and its shape forgot would show here as a difference.
/// </summary>
public sealed class PrunedAnswerTests
{
    public static TheoryData<string> Fetches() => new(EljurFetches.Keys);

    private static readonly Dictionary<string, (Action<EljurConnectorOptions, EljurMockServer>? Configure, Func<MockSchool>? School, DateTime From, DateTime To, string[]? Classes)> EljurFetches = new()
    {
        // The teacher's term: both classes (class shape: days at the top, students as an array of records).
        ["teacher, term"] = (null, null, EljurFixture.TermStart, EljurFixture.TermEnd, null),

        // The conformance harness's school: an absence no lesson holds (unmapped accounting).
        ["teacher, unmappable absence"] = (null, () => new MockSchool(includeUnmappable: true), new DateTime(2024, 9, 2), new DateTime(2024, 9, 29), null),

        // A parent: the student shape (students keyed by id or an array with the id in name), items as object, array or null.
        ["parent, term"] = ((o, _) => { o.Login = MockSchool.ParentLogin; o.Password = MockSchool.ParentPassword; }, null, EljurFixture.TermStart, EljurFixture.TermEnd, null),

        // A class filter and another chunking of the range.
        ["teacher, 9Б, 10-day chunks"] = ((o, _) => o.ChunkDays = 10, null, EljurFixture.TermStart, EljurFixture.TermEnd, new[] { "9Б" }),

        // The older clients' base path, and sign-in by JSON.
        ["teacher, old base, json auth"] = ((o, m) => { o.BaseUrl = m.Url + EljurMockServer.OldBasePath; o.AuthMethod = "json"; }, null, new DateTime(2024, 9, 30), new DateTime(2024, 10, 13), null),
    };

    [Theory]
    [MemberData(nameof(Fetches))]
    public async Task A_fetch_pruned_to_the_readers_shapes_writes_the_same_snapshot_as_one_of_whole_answers(string name)
    {
        var (configure, school, from, to, classes) = EljurFetches[name];
        EljurFixture? fixture = null;
        fixture = new EljurFixture(o => configure?.Invoke(o, fixture!.Mock), school?.Invoke());
        using var f = fixture;

        GradebookSnapshot pruned;
        long skipped, prunedAnswers;
        using (var scope = JsonPruning.Begin(off: false))
        {
            pruned = await f.FetchAsync(from, to, classes);
            skipped = scope.Skipped;
            prunedAnswers = scope.PrunedAnswers;
        }

        GradebookSnapshot whole;
        using (var scope = JsonPruning.Begin(off: true))
        {
            whole = await f.FetchAsync(from, to, classes);
            Assert.Equal(0, scope.PrunedAnswers);
        }

        // The pruned fetch did prune (every answer had a shape, and the mock's answers carry fields no reader uses).
        Assert.True(prunedAnswers >= 4, $"{prunedAnswers} answers read with a shape");
        Assert.True(skipped > 0, "nothing was dropped");
        Assert.NotEmpty(whole.Lessons!);
        Assert.NotEmpty(whole.Marks!);
        Assert.Equal(Write(whole), Write(pruned));
    }

    internal static byte[] Write(GradebookSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        SnapshotWriter.Write(snapshot, stream);
        return stream.ToArray();
    }
}
