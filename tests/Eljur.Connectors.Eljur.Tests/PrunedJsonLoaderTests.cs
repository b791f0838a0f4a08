using System;
using System.Linq;
using System.Text;
using Eljur.Connectors.Shared;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Eljur.Connectors.Eljur.Tests;

/// <summary>The shape-guided load of an answer (<see cref="PrunedJsonLoader"/> through <see cref="ResponseBody"/>).</summary>
public sealed class PrunedJsonLoaderTests
{
    private static ResponseBody Load(string json, string? shape) =>
        ResponseBody.FromBytes(Encoding.UTF8.GetBytes(json), shape is null ? null : JsonShape.Parse(shape));

    private static string Kept(string json, string shape)
    {
        var body = Load(json, shape);
        Assert.Null(body.JsonError);
        return body.Json!.ToString(Formatting.None);
    }

    [Fact]
    public void Named_properties_are_kept_with_their_shapes_and_the_rest_dropped()
    {
        Assert.Equal(
            "{\"a\":1,\"b\":{\"x\":\"1\"}}",
            Kept("{\"a\":1,\"junk\":{\"deep\":[1,{\"q\":2}]},\"b\":{\"x\":\"1\",\"y\":2},\"c\":[1,2]}", "{a, b: {x}}"));
    }

    [Fact]
    public void A_star_keeps_every_member_whatever_its_key_and_every_element()
    {
        Assert.Equal(
            "{\"students\":{\"1001\":{\"name\":\"А\"},\"2001\":{\"name\":\"Б\"},\"3\":null}}",
            Kept("{\"students\":{\"1001\":{\"name\":\"А\",\"junk\":[1]},\"2001\":{\"name\":\"Б\"},\"3\":null},\"other\":1}", "{students: *{name}}"));
        Assert.Equal(
            "{\"students\":[{\"name\":\"А\"},{},[{\"name\":\"В\"}]]}",
            Kept("{\"students\":[{\"name\":\"А\",\"x\":1},{\"x\":2},[{\"name\":\"В\",\"x\":3}]]}", "{students: *{name}}"));
    }

    [Fact]
    public void A_record_met_as_an_array_reads_each_element_as_that_record()
    {
        Assert.Equal("[{\"id\":1},{\"id\":\"2\"},3,null]", Kept("[{\"id\":1,\"x\":2},{\"id\":\"2\",\"y\":[1]},3,null]", "{id}"));
    }

    [Fact]
    public void A_leaf_keeps_its_whole_subtree_and_scalars_stay_where_a_record_was_expected()
    {
        Assert.Equal(
            "{\"mtype\":{\"type\":\"кр\",\"deep\":{\"z\":[1,{\"q\":2.50}]}},\"homework\":[\"текст\",{\"value\":\"v\"}]}",
            Kept("{\"mtype\":{\"type\":\"кр\",\"deep\":{\"z\":[1,{\"q\":2.50}]}},\"homework\":[\"текст\",{\"value\":\"v\",\"files\":[1]}]}", "{mtype, homework: *{value}}"));
    }

    [Fact]
    public void Kept_values_are_the_values_a_whole_load_gives_duplicates_included()
    {
        const string json = "{\"id\":12345678901234567890123,\"f\":2.50,\"d\":\"2024-09-02T10:00:00\",\"b\":true,\"n\":null,\"id\":7,\"s\":\"x\"}";
        var whole = (JObject)Load(json, null).Json!;
        var pruned = (JObject)Load(json, "{id, f, d, b, n, s}").Json!;
        Assert.Equal(whole.ToString(Formatting.None), pruned.ToString(Formatting.None));
        Assert.Equal(JTokenType.Integer, pruned["id"]!.Type);
        Assert.Equal(JTokenType.String, pruned["d"]!.Type); // no date coercion
        Assert.IsType<decimal>(((JValue)pruned["f"]!).Value);
        Assert.Equal("{\"id\":7,\"f\":2.50,\"d\":\"2024-09-02T10:00:00\",\"b\":true,\"n\":null,\"s\":\"x\"}", pruned.ToString(Formatting.None));
    }

    [Theory]
    [InlineData("{\"a\":1,\"junk\":{\"x\":[1,2")] // cut inside a dropped value
    [InlineData("{\"junk\":{\"x\":[1,2]},\"a\":")] // cut after one
    [InlineData("{\"a\":1,\"junk\":{\"x\":tru}}")] // broken inside a dropped value
    [InlineData("{\"a\":1,\"junk\":{\"x\":\"unterminated}}")]
    [InlineData("{\"a\":{\"b\":1}")] // cut after a kept value
    [InlineData("")]
    [InlineData("   ")]
    public void A_cut_or_broken_body_fails_as_not_json_even_where_it_is_dropped(string json)
    {
        var body = Load(json, "{a}");
        Assert.Null(body.Json);
        Assert.NotNull(body.JsonError);
        Assert.Equal(json, body.Head);
    }

    [Fact]
    public void Data_after_the_value_still_fails()
    {
        const string json = "{\"a\":1,\"junk\":[1]} {\"b\":2}";
        var body = Load(json, "{a}");
        Assert.Null(body.Json);
        Assert.Equal(Load(json, null).JsonError!.Message, body.JsonError!.Message);
        Assert.Contains("after", body.JsonError!.Message, StringComparison.Ordinal);
        Assert.Null(Load("{\"junk\":[1],\"a\":1}]", "{a}").Json);
        Assert.Null(Load("{\"a\":1} /* a comment */ 2", "{a}").Json);
        Assert.NotNull(Load("{\"a\":1} /* a comment */", "{a}").Json);
    }

    [Fact]
    public void A_huge_unknown_list_leaves_no_node_in_the_tree_and_costs_little()
    {
        var json = new StringBuilder("{\"response\":{\"state\":200,\"result\":{\"keep\":\"1\",\"resources\":[");
        for (var i = 0; i < 100_000; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("{\"id\":").Append(i).Append(",\"title\":\"ресурс ").Append(i).Append("\",\"url\":\"https://example.org/r/").Append(i).Append("\"}");
        }

        json.Append("]}}}");
        var bytes = Encoding.UTF8.GetBytes(json.ToString());
        var shape = JsonShape.Parse("{response: {state, result: {keep}}}");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var whole = ResponseBody.FromBytes(bytes);
        var wholeCost = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        var pruned = ResponseBody.FromBytes(bytes, shape);
        var prunedCost = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("{\"response\":{\"state\":200,\"result\":{\"keep\":\"1\"}}}", pruned.Json!.ToString(Formatting.None));
        // The root, response (property and object), state (property and value), result (property and object), keep (property and value).
        Assert.Equal(9, ((JContainer)pruned.Json).DescendantsAndSelf().Count());
        Assert.Equal(100_000, ((JArray)whole.Json!["response"]!["result"]!["resources"]!).Count);
        Assert.True(prunedCost * 2 < wholeCost, $"pruned load allocated {prunedCost:N0} bytes, the whole one {wholeCost:N0}");
        Assert.Equal(bytes.Length, pruned.Length);
    }

    [Fact]
    public void The_root_members_are_counted_as_sent()
    {
        Assert.Equal(4, Load("{\"a\":1,\"b\":2,\"c\":3,\"a\":4,\"d\":5}", "{a}").RootMembers);
        Assert.Equal(4, Load("{\"a\":1,\"b\":2,\"c\":3,\"a\":4,\"d\":5}", null).RootMembers);
        Assert.Null(Load("[{\"a\":1}]", "{a}").RootMembers);
    }

    [Fact]
    public void Switched_off_pruning_keeps_whole_answers_in_its_flow_only()
    {
        const string json = "{\"a\":1,\"b\":2}";
        using (var scope = JsonPruning.Begin(off: true))
        {
            Assert.Equal(json, Load(json, "{a}").Json!.ToString(Formatting.None));
            Assert.Equal(0, scope.PrunedAnswers);
        }

        using (var scope = JsonPruning.Begin(off: false))
        {
            Assert.Equal("{\"a\":1}", Load(json, "{a}").Json!.ToString(Formatting.None));
            Assert.Equal((1, 1), (scope.PrunedAnswers, scope.Skipped));
        }
    }

    [Theory]
    [InlineData("{a, b: {x}}", "{a, b: {x}}")]
    [InlineData("{students: *{days: *{items: *{name, \"per-subject\"}}}, days}", "{days, students: *{days: *{items: *{name, per-subject}}}}")]
    [InlineData("*", "*")]
    [InlineData("{\"a b\", c: *}", "{\"a b\", c: *}")]
    public void A_shape_reads_from_text(string text, string written) =>
        Assert.Equal(written, JsonShape.Parse(text).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("{a")]
    [InlineData("{a,}")]
    [InlineData("{a, a}")]
    [InlineData("{a} b")]
    [InlineData("{a: }")]
    public void A_shape_that_is_not_one_is_refused(string text) =>
        Assert.Throws<FormatException>(() => JsonShape.Parse(text));

    [Fact]
    public void Every_shape_of_the_connector_reads_and_names_what_the_envelope_needs()
    {
        foreach (var shape in new[] { EljurResponses.RulesAnswer, EljurResponses.PeriodsAnswer, EljurResponses.DiaryAnswer, EljurResponses.MarksAnswer, EljurResponses.FinalsAnswer, EljurApiClient.AuthAnswer })
        {
            var envelope = EljurApiClient.Envelope(shape)!;
            var response = envelope.Property("response")!;
            Assert.Equal(new[] { "error", "result", "state" }, response.Names.OrderBy(n => n, StringComparer.Ordinal));
            Assert.Same(shape, response.Property("result"));
        }

        Assert.Null(EljurApiClient.Envelope(null));
    }
}
