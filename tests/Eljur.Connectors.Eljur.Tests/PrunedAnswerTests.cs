using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Eljur.Connectors.Eljur.Tests.Mock;
using Eljur.Tests.Shared;

namespace Eljur.Connectors.Eljur.Tests;

/// <summary>
/// The safety net of pruned answers (<see cref="PrunedFetch"/>) over every fetch the mock can serve,
/// all its "more shapes" among them.
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

        // Every answer has a shape, and the mock's answers carry fields no reader uses.
        await PrunedFetch.AssertSameAsWholeAsync(() => f.FetchAsync(from, to, classes), minimumPrunedAnswers: 4);
    }
}
