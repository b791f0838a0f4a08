using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Eljur.Connectors.Eljur.Tests.Mock;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Eljur.Connectors.Eljur.Tests;

/// <summary>
/// The mock itself, spoken to over raw HTTP: it must send every quirk of <c>vendors.md</c>, or the
/// connector's tests prove nothing about production.
/// </summary>
public sealed class MockFidelityTests : IDisposable
{
    private readonly EljurMockServer _mock = new();
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        _mock.Dispose();
    }

    private string Url(string method, string query = "") =>
        $"{_mock.BaseUrl}/{method}?devkey={MockSchool.DevKey}&vendor={MockSchool.Vendor}&out_format=json{query}";

    private static JObject Parse(string text)
    {
        using var reader = new JsonTextReader(new System.IO.StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return JObject.Load(reader);
    }

    private async Task<JObject> GetAsync(string method, string query = "")
    {
        using var response = await _http.GetAsync(Url(method, query));
        return Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<string> LoginAsync(string login = MockSchool.TeacherLogin, string password = MockSchool.TeacherPassword)
    {
        using var response = await _http.PostAsync(Url("auth"), new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = login, ["password"] = password }));
        return (string)Parse(await response.Content.ReadAsStringAsync())["response"]!["result"]!["token"]!;
    }

    [Fact]
    public async Task Auth_accepts_get_query_post_form_and_post_json_and_answers_token_and_expiry()
    {
        var query = await GetAsync("auth", $"&login={Uri.EscapeDataString(MockSchool.TeacherLogin)}&password={Uri.EscapeDataString(MockSchool.TeacherPassword)}");
        Assert.Equal(200, (int)query["response"]!["state"]!);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", (string)query["response"]!["result"]!["expires"]!);
        Assert.StartsWith("eljurtok", await LoginAsync(), StringComparison.Ordinal);
        var json = new StringContent($"{{\"login\":\"{MockSchool.TeacherLogin}\",\"password\":\"{MockSchool.TeacherPassword}\"}}", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(Url("auth"), json);
        Assert.Equal(200, (int)Parse(await response.Content.ReadAsStringAsync())["response"]!["state"]!);
    }

    [Fact]
    public async Task Errors_keep_the_envelope_with_state_equal_to_the_http_status_and_a_russian_message()
    {
        using var response = await _http.GetAsync($"{_mock.BaseUrl}/getrules?devkey=00000000000000000000000000000000&vendor={MockSchool.Vendor}&out_format=json");
        Assert.Equal(403, (int)response.StatusCode);
        var body = Parse(await response.Content.ReadAsStringAsync())["response"]!;
        Assert.Equal(403, (int)body["state"]!);
        Assert.Equal("не удалось авторизовать разработчика", (string?)body["error"]);
        Assert.Equal(JTokenType.Array, body["result"]!.Type); // an empty object sent as []
    }

    [Fact]
    public async Task Getrules_sends_an_empty_students_map_as_an_array_and_groups_with_their_relation()
    {
        var token = await LoginAsync();
        var rules = (await GetAsync("getrules", "&auth_token=" + token))["response"]!["result"]!;
        Assert.Equal(new JArray(), rules["relations"]!["students"]);
        Assert.Equal("homeclass", (string?)rules["relations"]!["groups"]!["10А"]!["rel"]);
        Assert.Equal(JTokenType.Integer, rules["id"]!.Type);
    }

    [Fact]
    public async Task Getperiods_sends_students_as_an_array()
    {
        var token = await LoginAsync();
        var periods = (await GetAsync("getperiods", "&auth_token=" + token))["response"]!["result"]!["students"]!;
        Assert.Equal(JTokenType.Array, periods.Type);
        Assert.Equal("20240902", (string?)periods[0]!["periods"]![0]!["start"]);
        Assert.NotNull(periods[0]!["periods"]![0]!["ambigious"]);
    }

    [Fact]
    public async Task A_students_diary_has_items_as_object_array_null_or_missing_and_ids_as_numbers_or_strings()
    {
        var token = await LoginAsync(MockSchool.ParentLogin, MockSchool.ParentPassword);
        var diary = await GetAsync("getdiary", $"&auth_token={token}&student=1001&days=20240930-20241101&rings=true");
        var days = diary["response"]!["result"]!["students"]!["1001"]!["days"]!;
        Assert.Equal(JTokenType.Object, days["20240930"]!["items"]!.Type); // Monday
        Assert.Equal(JTokenType.Array, days["20241002"]!["items"]!.Type); // Wednesday
        Assert.Equal(JTokenType.Null, days["20241004"]!["items"]!.Type); // no lessons
        Assert.Null(days["20241028"]!["items"]); // vacation: no items at all
        Assert.Equal(MockSchool.Autumn, (string?)days["20241028"]!["holiday_name"]);
        var monday = days["20240930"]!["items"]!.Children<JProperty>().Select(p => p.Value).ToList();
        Assert.Equal("08:30:00", (string?)monday[0]["starttime"]);
        var ids = days.Children<JProperty>().SelectMany(d => d.Value["items"] is JContainer c && c.Type != JTokenType.Null ? (c is JObject o ? o.Properties().Select(p => p.Value) : c.Children()) : Enumerable.Empty<JToken>())
            .Select(i => i["lesson_id"]?.Type).ToList();
        Assert.Contains(JTokenType.Integer, ids);
        Assert.Contains(JTokenType.String, ids);
        Assert.Contains(days.Children<JProperty>(), d => d.Value["items"]?.ToString(Formatting.None).Contains("&nbsp;", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_class_diary_and_schedule_have_days_at_the_top_and_items_as_an_array()
    {
        var token = await LoginAsync();
        foreach (var method in new[] { "getdiary", "getschedule" })
        {
            var result = (await GetAsync(method, $"&auth_token={token}&class=9Б&days=20240902-20240906"))["response"]!["result"]!;
            Assert.Null(result["students"]);
            Assert.Equal(JTokenType.Array, result["days"]!["20240902"]!["items"]!.Type);
        }

        // gethomework keys items by subject name.
        var homework = (await GetAsync("gethomework", $"&auth_token={token}&class=9Б&days=20240902-20240906"))["response"]!["result"]!;
        Assert.Equal("Геометрия", (string?)homework["days"]!["20240902"]!["items"]!["Геометрия"]!["name"]);
    }

    [Fact]
    public async Task Marks_have_double_absent_late_and_phantom_values_and_weights_as_numbers_or_strings()
    {
        var token = await LoginAsync();
        var students = (await GetAsync("getmarks", $"&auth_token={token}&class=10А&days=20240902-20241027"))["response"]!["result"]!["students"]!;
        Assert.Equal(JTokenType.Array, students.Type); // a class's students come as an array of records
        var marks = students.Children().SelectMany(s => s["lessons"]!.SelectMany(l => l["marks"]!)).ToList();
        Assert.Contains(marks, m => (string?)m["value"] == "Н" && m["weight"] is null && m["mtype"] is null && (string?)m["countas"] == "0");
        Assert.Contains(marks, m => (int?)m["max_mark"] == 5);
        var values = marks.Select(m => (string?)m["value"]).ToList();
        Assert.Contains("3/5", values);
        Assert.Contains("н", values);
        Assert.Contains("Н", values);
        Assert.Contains(values, v => v is "оп" or "ОП");
        Assert.Contains("", values);
        Assert.Contains(marks, m => m["weight"]!.Type == JTokenType.String);
        Assert.Contains(marks, m => m["weight"]!.Type == JTokenType.Integer);
        Assert.Contains(marks, m => m["weight"]!.Type == JTokenType.Float);
        Assert.Contains(marks, m => m["lesson_id"] is null);
        Assert.False((bool)marks.First(m => (string?)m["value"] == "н")["count"]!);
        Assert.Equal("Контрольная работа", (string?)marks.First(m => (string?)m["mtype"]!["short"] == "КР")["mtype"]!["type"]);
    }

    [Fact]
    public async Task Messages_are_paged_with_total_as_a_string()
    {
        var token = await LoginAsync();
        var page3 = (await GetAsync("getmessages", $"&auth_token={token}&limit=20&page=3"))["response"]!["result"]!;
        Assert.Equal(JTokenType.String, page3["total"]!.Type);
        Assert.Equal("45", (string?)page3["total"]);
        Assert.Equal(5, page3["messages"]!.Count());
    }

    [Fact]
    public async Task Method_names_in_any_case_and_the_older_api_base_are_answered_as_the_real_server_does()
    {
        var token = await LoginAsync();
        var camel = (await GetAsync("getDiary", $"&auth_token={token}&class=9Б&days=20240902-20240906"))["response"]!;
        Assert.Equal(200, (int)camel["state"]!);
        using var old = await _http.GetAsync(Url("getMarks", $"&auth_token={token}&class=9Б&days=20240902-20240906").Replace(EljurMockServer.BasePath + "/", EljurMockServer.OldBasePath + "/", StringComparison.Ordinal));
        Assert.Equal(200, (int)Parse(await old.Content.ReadAsStringAsync())["response"]!["state"]!);
    }

    [Fact]
    public async Task The_more_shapes_list_is_served()
    {
        var token = await LoginAsync();
        var diary = (await GetAsync("getdiary", $"&auth_token={token}&class=10А&days=20240902-20240906&rings=true"))["response"]!["result"]!["days"]!;

        // items_extday: an array of lessons whose homework is an array, one task individual.
        var club = diary["20240905"]!["items_extday"]!.Single();
        Assert.Equal("Робототехника", (string?)club["name"]);
        Assert.Equal(JTokenType.Array, club["homework"]!.Type);

        // teacher_id besides the name (not on Mondays), sort as an int or a string, assessments with control_type.
        var items = diary.Children<JProperty>().SelectMany(d => d.Value["items"]!.Children()).ToList();
        Assert.Contains(items, i => i["teacher_id"]?.Type == JTokenType.Integer);
        Assert.All(diary["20240902"]!["items"]!.Children(), i => Assert.Null(i["teacher_id"]));
        Assert.Contains(items, i => i["sort"]!.Type == JTokenType.String);
        Assert.Contains(items, i => i["sort"]!.Type == JTokenType.Integer);
        Assert.Contains(items.SelectMany(i => i["assessments"]!.Children()), a => (string?)a["control_type_short"] == "КР" || (string?)a["control_type"] == "Ответ на уроке");

        // getrules: the parent's students as an array; schools; hometeacher_* on groups.
        var parent = await LoginAsync(MockSchool.ParentLogin, MockSchool.ParentPassword);
        var rules = (await GetAsync("getrules", "&auth_token=" + parent))["response"]!["result"]!;
        Assert.Equal(JTokenType.Array, rules["relations"]!["students"]!.Type);
        Assert.Equal("5001234567", (string?)rules["relations"]!["schools"]![0]!["inn"]);
        var teacherRules = (await GetAsync("getrules", "&auth_token=" + token))["response"]!["result"]!;
        Assert.Equal(MockSchool.TeacherName, (string?)teacherRules["relations"]!["groups"]!["10А"]!["hometeacher_name"]);

        // getperiods: disabled periods and weeks only when asked.
        var plain = (await GetAsync("getperiods", "&auth_token=" + token))["response"]!["result"]!["students"]![0]!["periods"]!;
        Assert.Equal(2, plain.Count());
        Assert.All(plain.Children(), p => Assert.Null(p["weeks"]));
        var all = (await GetAsync("getperiods", "&auth_token=" + token + "&show_disabled=true&weeks=true"))["response"]!["result"]!["students"]![0]!["periods"]!;
        Assert.Equal(4, all.Count());
        Assert.NotNull(all[0]!["weeks"]);

        // getfinalassessments of a student: students as an array.
        var finals = (await GetAsync("getfinalassessments", "&auth_token=" + parent + "&student=1001"))["response"]!["result"]!["students"]!;
        Assert.Equal(JTokenType.Array, finals.Type);
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_a_message_about_the_token()
    {
        var token = await LoginAsync();
        _mock.ExpireAllTokens();
        var body = (await GetAsync("getrules", "&auth_token=" + token))["response"]!;
        Assert.Equal(400, (int)body["state"]!);
        Assert.Equal("Токен устарел", (string?)body["error"]);
    }
}
