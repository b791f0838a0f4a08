using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using Eljur.Connectors.MosregPortal.Tests.Mock;
using Eljur.Connectors.Shared;
using Eljur.Tests.Shared;

namespace Eljur.Connectors.MosregPortal.Tests;

/// <summary>
/// The safety net of pruned answers (<see cref="PrunedFetch"/>) over every fetch the mock can serve:
/// both lesson shapes, both final-mark shapes, the context, work types by id, people, works by id and
/// the rest of its "more shapes".
/// </summary>
public sealed class PrunedAnswerTests
{
    public static TheoryData<string> Fetches() => new(MosregFetches.Keys);

    private static readonly Dictionary<string, (Action<MosregPortalOptions>? Configure, Func<MockSchool>? School, Action<MosregMockServer>? Before, DateTime From, DateTime To)> MosregFetches = new()
    {
        ["the mock's range"] = (null, null, null, MockSchool.From, MockSchool.To),
        ["records no connector can place"] = (null, () => new MockSchool(includeUnmappable: true), null, MockSchool.From, MockSchool.To),
        ["October"] = (null, null, null, new DateTime(2024, 10, 1), new DateTime(2024, 10, 31)),

        // No school id: users/me/context names it; no zone: the school's int timeZone does.
        ["school and zone from the context"] = (o => { o.SchoolId = null; o.TimeZone = null; }, null, m => m.School.TimeZoneHours = 5, MockSchool.From, MockSchool.To),

        // A refused token: the refresh's answer is read pruned too.
        ["token refreshed"] = (null, null, m => m.ExpireAllTokens(), MockSchool.From, MockSchool.To),
    };

    [Theory]
    [MemberData(nameof(Fetches))]
    public async Task A_fetch_pruned_to_the_readers_shapes_writes_the_same_snapshot_as_one_of_whole_answers(string name)
    {
        var (configure, school, before, from, to) = MosregFetches[name];
        using var f = new MosregFixture(configure, school?.Invoke());

        await PrunedFetch.AssertSameAsWholeAsync(
            () =>
            {
                before?.Invoke(f.Mock);
                return f.FetchAsync(from, to);
            },
            minimumPrunedAnswers: 10);
    }

    [Fact]
    public void An_error_body_is_judged_by_every_property_it_was_sent_with_not_only_the_kept_ones()
    {
        // A 200 carrying only {type, description} (at most three properties) is the portal's error;
        // one with more is data that happens to have a type and a description, pruned or not.
        var shape = MosregApiClient.Answer(MosregSnapshotBuilder.WorkAnswer);
        var data = Encoding.UTF8.GetBytes("{\"id\":7,\"type\":\"Homework\",\"description\":\"d\",\"unused\":1,\"unused2\":[1,2]}");
        var error = Encoding.UTF8.GetBytes("{\"type\":\"apiServerError\",\"description\":\"Внутренняя ошибка\",\"unused\":1}");
        Assert.Equal(5, ResponseBody.FromBytes(data, shape).RootMembers);
        Assert.Equal(3, ((Newtonsoft.Json.Linq.JObject)ResponseBody.FromBytes(data, shape).Json!).Count);
        Assert.True(MosregApiClient.Attempt.Read(200, data, null, shape).IsOk);
        Assert.True(MosregApiClient.Attempt.Read(200, data, null).IsOk);
        Assert.Equal("apiServerError", MosregApiClient.Attempt.Read(200, error, null, shape).ErrorType);
        Assert.Equal("apiServerError", MosregApiClient.Attempt.Read(200, error, null).ErrorType);
    }
}
