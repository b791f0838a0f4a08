using System;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Eljur.Connectors.Eljur.Tests;

/// <summary>The lenient readers under the quirks of <c>vendors.md</c>.</summary>
public sealed class LenientJsonTests
{
    private static JToken Parse(string json) => EljurJson.Parse(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("{\"id\":123}", "123")]
    [InlineData("{\"id\":\"123\"}", "123")]
    [InlineData("{\"id\":\" 0123 \"}", "0123")]
    [InlineData("{\"id\":9007199254740993}", "9007199254740993")]
    [InlineData("{\"id\":123456789012345678901234567890}", "123456789012345678901234567890")]
    [InlineData("{\"id\":\"\"}", null)]
    [InlineData("{\"id\":null}", null)]
    [InlineData("{}", null)]
    public void Ids_are_strings_exactly_as_sent(string json, string? expected) => Assert.Equal(expected, EljurJson.Id(Parse(json)["id"]));

    [Theory]
    [InlineData("{\"w\":2}", "2")]
    [InlineData("{\"w\":1.5}", "1.5")]
    [InlineData("{\"w\":\"1.5\"}", "1.5")]
    [InlineData("{\"w\":\"1,5\"}", "1.5")]
    [InlineData("{\"w\":\"\"}", null)]
    [InlineData("{\"w\":\"много\"}", null)]
    [InlineData("{\"w\":true}", null)]
    public void Weights_are_numbers_or_strings(string json, string? expected) =>
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), EljurJson.Decimal(Parse(json)["w"]));

    [Theory]
    [InlineData("{\"items\":{\"1\":{\"n\":1},\"2\":{\"n\":2}}}", 2)]
    [InlineData("{\"items\":[{\"n\":1},{\"n\":2},{\"n\":3}]}", 3)]
    [InlineData("{\"items\":[]}", 0)]
    [InlineData("{\"items\":{}}", 0)]
    [InlineData("{\"items\":null}", 0)]
    [InlineData("{}", 0)]
    public void Collections_may_be_objects_arrays_empty_arrays_null_or_missing(string json, int count) =>
        Assert.Equal(count, EljurJson.Elements(Parse(json)["items"]).Count());

    [Theory]
    [InlineData("Тема&nbsp;&mdash; решение", "Тема — решение")]
    [InlineData("  &laquo;Мцыри&raquo; ", "«Мцыри»")]
    [InlineData("A &amp;amp; B", "A &amp; B")]
    [InlineData("&nbsp;", null)]
    [InlineData("", null)]
    public void Text_has_entities_decoded_once_and_is_trimmed(string raw, string? expected) => Assert.Equal(expected, EljurJson.Clean(raw));

    [Theory]
    [InlineData("{\"f\":1}", true)]
    [InlineData("{\"f\":\"1\"}", true)]
    [InlineData("{\"f\":true}", true)]
    [InlineData("{\"f\":\"да\"}", true)]
    [InlineData("{\"f\":0}", false)]
    [InlineData("{\"f\":\"0\"}", false)]
    [InlineData("{\"f\":false}", false)]
    [InlineData("{}", false)]
    public void Flags_come_in_many_spellings(string json, bool expected) => Assert.Equal(expected, EljurJson.Flag(Parse(json)["f"]));

    [Theory]
    [InlineData("20241021", 2024, 10, 21)]
    [InlineData("2024-10-21", 2024, 10, 21)]
    [InlineData("21.10.2024", 2024, 10, 21)]
    public void Dates_come_in_three_forms(string text, int y, int m, int d) => Assert.Equal(new DateTime(y, m, d), EljurJson.Date(text));

    [Theory]
    [InlineData("08:30:00", 8, 30)]
    [InlineData("8:30", 8, 30)]
    [InlineData("13:25", 13, 25)]
    public void Times_of_day_with_or_without_seconds(string text, int h, int m) => Assert.Equal(new TimeSpan(h, m, 0), EljurJson.Time(text));

    [Fact]
    public void Not_json_and_trailing_garbage_are_refused()
    {
        Assert.ThrowsAny<Newtonsoft.Json.JsonException>(() => Parse("<html>502</html>"));
        Assert.ThrowsAny<Newtonsoft.Json.JsonException>(() => Parse("{\"response\":{\"state\":200}"));
        Assert.ThrowsAny<Newtonsoft.Json.JsonException>(() => Parse("{} {}"));
    }

    [Theory]
    [InlineData(200, "{\"response\":{\"state\":200,\"error\":null,\"result\":{\"a\":1}}}", true, false, false)]
    [InlineData(200, "{\"response\":{\"state\":\"403\",\"error\":\"нет доступа\",\"result\":[]}}", false, false, true)]
    [InlineData(403, "{\"response\":{\"state\":403,\"error\":\"не удалось авторизовать разработчика\",\"result\":[]}}", false, false, true)]
    [InlineData(200, "{\"response\":{\"state\":400,\"error\":\"Токен устарел\",\"result\":{}}}", false, false, true)]
    [InlineData(200, "{\"response\":{\"state\":400,\"error\":\"неверный параметр days\",\"result\":{}}}", false, false, false)]
    [InlineData(502, "<html>Bad Gateway</html>", false, true, false)]
    [InlineData(200, "{\"response\":{\"state\":503,\"error\":\"обслуживание\"}}", false, true, false)]
    [InlineData(200, "{\"result\":{}}", false, false, false)]
    public void The_envelope_state_and_the_http_status_are_judged_together(int http, string body, bool ok, bool transient, bool auth)
    {
        var attempt = EljurApiClient.Attempt.Read(http, Encoding.UTF8.GetBytes(body), null);
        Assert.Equal(ok, attempt.IsOk);
        Assert.Equal(transient, attempt.IsTransient);
        Assert.Equal(auth, attempt.IsAuthError);
    }
}
