using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Eljur.Connectors.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WireMock;

namespace Eljur.Connectors.MosregPortal.Tests.Mock;

/// <summary>
/// The Dnevnik.ru platform API v2 as <c>vendors.md</c> describes it, served by WireMock over
/// <see cref="MockSchool"/> at <c>/v2.0/</c>: the <c>Access-Token</c> header (or the
/// <c>access_token</c> query), <c>POST authorizations</c> with <c>grant_type: "RefreshToken"</c>;
/// every id also as <c>*_str</c> and above 2^53; dates without a zone; the
/// <c>{"type","description"}</c> error body — and as an HTML page when the request lacks
/// <c>Accept: application/json</c>; two lesson shapes (classes: nested objects and work objects;
/// subgroups: bare ids with <c>*_str</c> and works as ids only); and scripted vendor quirks
/// (<c>apiRequestLimit</c> as 429 or 433, maintenance 503/405, HTML error pages).
/// <para>
/// Answers marked <b>[more shapes]</b> reproduce vendors.md's second list for this API ("More shapes
/// that independent clients' typed models show"): <c>work-types/{school}</c> and numeric
/// <c>workType</c> ids on class marks and works (the subgroup keeps the string codes of the first
/// list); final marks per person with <c>per-subject-final-marks</c> and a null
/// <c>reportingPeriod</c> for the year mark; a mark with <c>lesson: null</c> reached through its work;
/// <c>timeZone</c> as an int; <c>userId</c> null; <c>users/me/context</c>; teachers' names only from
/// <c>schools/{s}/people?role=teacher</c> or <c>persons/{p}</c>. Everything else follows the first list.
/// </para>
/// </summary>
internal sealed class MosregMockServer : MockVendorServer
{
    public const string BasePath = "/v2.0";

    private static readonly Regex Route = new(@"^/v2\.0/(?<path>.*?)/?$", RegexOptions.CultureInvariant);

    private readonly ConcurrentDictionary<string, bool> _tokens = new(StringComparer.Ordinal);
    private readonly List<(string Operation, MockAnswer Answer)> _script = new();
    private readonly object _gate = new();
    private string _refreshToken = MockSchool.RefreshToken;
    private int _issued;
    private int _withoutAccept;

    public MosregMockServer(MockSchool? school = null)
    {
        School = school ?? new MockSchool();
        _tokens[MockSchool.Token] = true;
    }

    public MockSchool School { get; }

    /// <summary>The API root to configure: <c>http://localhost:PORT/v2.0/</c>.</summary>
    public string BaseUrl => Url + BasePath + "/";

    /// <summary>Every token issued by a refresh, and every refresh token rotated in (secrets the tests search for).</summary>
    public IReadOnlyCollection<string> IssuedSecrets
    {
        get
        {
            lock (_gate)
            {
                return _tokens.Keys.Where(t => t != MockSchool.Token).Append(_refreshToken).ToList();
            }
        }
    }

    /// <summary>Requests that came without <c>Accept: application/json</c>.</summary>
    public int RequestsWithoutAcceptJson => Volatile.Read(ref _withoutAccept);

    /// <summary>The portal stops accepting every token it knows (they expired).</summary>
    public void ExpireAllTokens() => _tokens.Clear();

    /// <summary>The next call of <paramref name="operation"/> gets <paramref name="answer"/> instead of its normal answer (after the kit's faults).</summary>
    public void Script(string operation, MockAnswer answer, int times = 1)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _script.Add((operation, answer));
            }
        }
    }

    public static MockAnswer RequestLimit(int status, int? retryAfterSeconds = null) => new(
        status,
        Error("apiRequestLimit", "Превышено допустимое количество запросов к API. Повторите запрос позже."),
        Headers: retryAfterSeconds is { } s ? new Dictionary<string, string> { ["Retry-After"] = s.ToString(CultureInfo.InvariantCulture) } : null);

    public static MockAnswer MaintenancePage(int status = 503) => new(
        status,
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Технические работы</title></head><body><h1>Школьный портал временно недоступен</h1><p>Ведутся технические работы.</p></body></html>",
        "text/html; charset=utf-8");

    public static MockAnswer VendorError(int status, string type, string description) => new(status, Error(type, description));

    protected override string OperationOf(IRequestMessage request)
    {
        var path = Route.Match(request.Path ?? "") is { Success: true } m ? m.Groups["path"].Value : request.Path ?? "";
        var parts = path.Split('/');
        return parts switch
        {
            ["authorizations"] => "authorizations",
            ["users", "me", "context"] => "users/me/context",
            ["work-types", _] => "work-types/{school}",
            ["persons", _] => "persons/{person}",
            ["schools", _] => "schools/{school}",
            ["schools", _, var what] => "schools/{school}/" + what,
            ["edu-groups", _, var what, ..] => "edu-groups/{group}/" + what,
            ["lesson-log-entries", "group", _] => "lesson-log-entries/group",
            ["works", _] => "works/{work}",
            _ => path,
        };
    }

    protected override MockAnswer AuthFailure(IRequestMessage request) =>
        new(401, Error("authorizationInvalidToken", "Токен доступа недействителен или истёк"));

    protected override MockAnswer TooManyRequests(IRequestMessage request, TimeSpan retryAfter) => RequestLimit(429, (int)Math.Ceiling(retryAfter.TotalSeconds));

    protected override MockAnswer Answer(IRequestMessage request)
    {
        var operation = OperationOf(request);
        var acceptsJson = Header(request, "Accept")?.IndexOf("application/json", StringComparison.OrdinalIgnoreCase) >= 0;
        if (!acceptsJson)
        {
            Interlocked.Increment(ref _withoutAccept);
        }

        var answer = Scripted(operation) ?? Normal(request, operation);

        // Without Accept: application/json the portal renders its errors as an HTML page.
        if (answer.Status >= 400 && !acceptsJson && answer.ContentType.StartsWith("application/json", StringComparison.Ordinal))
        {
            var error = JObject.Parse(answer.Body);
            return answer with
            {
                Body = $"<html><head><title>Ошибка {answer.Status}</title></head><body><h1>{error["type"]}</h1><p>{error["description"]}</p></body></html>",
                ContentType = "text/html; charset=utf-8",
            };
        }

        return answer;
    }

    private MockAnswer? Scripted(string operation)
    {
        lock (_gate)
        {
            var index = _script.FindIndex(x => x.Operation == operation);
            if (index < 0)
            {
                return null;
            }

            var answer = _script[index].Answer;
            _script.RemoveAt(index);
            return answer;
        }
    }

    private MockAnswer Normal(IRequestMessage request, string operation)
    {
        if (operation == "authorizations")
        {
            return Refresh(request);
        }

        var token = Header(request, "Access-Token") ?? Query(request, "access_token");
        if (string.IsNullOrEmpty(token))
        {
            return new MockAnswer(401, Error("authorizationTokenRequired", "Требуется токен доступа"));
        }

        if (!_tokens.ContainsKey(token))
        {
            return AuthFailure(request);
        }

        if (request.Method != "GET")
        {
            return new MockAnswer(405, "", "text/plain; charset=utf-8");
        }

        var parts = Route.Match(request.Path ?? "").Groups["path"].Value.Split('/');
        try
        {
            return parts switch
            {
                ["users", "me", "context"] => Ok(ContextJson()),
                ["work-types", var s] => Ok(WorkTypesJson(s)),
                ["schools", var s, "people"] => Ok(PeopleJson(s, Query(request, "role"))),
                ["persons", var p] => Ok(PersonJson(School.Teachers.FirstOrDefault(t => t.Id == p) ?? throw new KeyNotFoundException("person " + p))),
                ["schools", var s] => Ok(SchoolJson(s)),
                ["schools", var s, "edu-groups"] => Ok(GroupsJson(s)),
                ["edu-groups", var g, "students"] => Ok(StudentsJson(Group(g))),
                ["edu-groups", var g, "subjects"] => Ok(new JArray(School.Subjects[Group(g).Id].Select(x => WithId(new JObject(), x.Id, ("name", x.Name), ("knowledgeArea", "Основное общее образование"))))),
                ["edu-groups", var g, "reporting-periods"] => Ok(PeriodsJson(Group(g))),
                ["edu-groups", var g, "final-marks"] => Ok(FinalMarksJson(Group(g))),
                ["edu-groups", var g, "lessons", var from, var to] => Ok(LessonsJson(Group(g), Date(from), Date(to))),
                ["edu-groups", var g, "marks", var from, var to] => Ok(MarksJson(Group(g), Date(from), Date(to))),
                ["lesson-log-entries", "group", var g] => Ok(LogJson(Group(g), Query(request, "subject"), Date(Query(request, "from")), Date(Query(request, "to")))),
                ["works", var w] => Ok(WorkJson(School.Works.FirstOrDefault(x => x.Id == w) ?? throw new KeyNotFoundException("work " + w))),
                _ => new MockAnswer(404, Error("invalidRequest", "Метод не найден")),
            };
        }
        catch (KeyNotFoundException ex)
        {
            return new MockAnswer(400, Error("parameterInvalid", "Неверный параметр: " + ex.Message));
        }
    }

    private MockAnswer Refresh(IRequestMessage request)
    {
        JObject body;
        try
        {
            body = JObject.Parse(request.Body ?? "");
        }
        catch (JsonException)
        {
            return new MockAnswer(400, Error("invalidRequest", "Тело запроса не JSON"));
        }

        lock (_gate)
        {
            if ((string?)body["grant_type"] != "RefreshToken" || (string?)body["client_id"] != MockSchool.ClientId
                || (string?)body["client_secret"] != MockSchool.ClientSecret || (string?)body["refresh_token"] != _refreshToken)
            {
                return new MockAnswer(401, Error("authorizationInvalidToken", "Неверный refresh_token или данные клиента"));
            }

            var n = Interlocked.Increment(ref _issued);
            var access = $"mosreg-access-refreshed-{n}-{Guid.NewGuid():N}";
            _refreshToken = $"mosreg-refresh-rotated-{n}-{Guid.NewGuid():N}";
            _tokens[access] = true;
            return Ok(new JObject
            {
                ["accessToken"] = access,
                ["expiresIn"] = 86400,
                ["refreshToken"] = _refreshToken,
                ["scope"] = "Schools,Relatives,EduGroups,Lessons,marks,EduWorks,Avatar",
                ["user"] = long.Parse(MockSchool.Id(900), CultureInfo.InvariantCulture),
                ["user_str"] = MockSchool.Id(900),
            });
        }
    }

    // ------------------------------------------------------------------ resources

    private JObject SchoolJson(string id)
    {
        if (id != School.SchoolId)
        {
            throw new KeyNotFoundException("school " + id);
        }

        // [more shapes] timeZone is an int (hours from UTC).
        return WithId(new JObject(), id, ("name", "Лицей № 5"), ("fullName", School.SchoolName), ("type", "Lyceum"), ("city", "Красногорск"), ("timeZone", School.TimeZoneHours));
    }

    /// <summary>[more shapes] users/me/context: the token holder's schools, edu-groups and children; userId null.</summary>
    private JObject ContextJson()
    {
        var o = new JObject
        {
            ["userId"] = JValue.CreateNull(),
            ["userId_str"] = JValue.CreateNull(),
            ["personId"] = Big(MockSchool.Id(31)),
            ["personId_str"] = MockSchool.Id(31),
            ["shortName"] = "Васильева Е. П.",
            ["roles"] = new JArray("EduStaff", "EduTeacher"),
            ["children"] = new JArray(),
        };
        o["schools"] = new JArray(School.ContextSchools.Select(x => WithId(new JObject(), x.Id, ("name", x.Name), ("type", "Lyceum"))));
        o["eduGroups"] = new JArray(School.Groups.Select(g => WithId(new JObject(), g.Id, ("name", g.Name), ("parallel", g.Grade))));
        return o;
    }

    /// <summary>[more shapes] work-types/{school}: what the numeric workType ids mean.</summary>
    private JArray WorkTypesJson(string school)
    {
        SchoolJson(school);
        return new JArray(MockSchool.WorkTypes.Select(t =>
        {
            var o = new JObject { ["id"] = t.Id, ["schoolId"] = Big(school), ["kindId"] = t.Id * 10, ["kind"] = t.Kind, ["title"] = t.Title, ["abbr"] = t.Abbr, ["weight"] = t.Weight };
            o["isDefault"] = t.Id < 10;
            return o;
        }));
    }

    /// <summary>[more shapes] schools/{s}/people?role=teacher: the teachers the school lists (not every one).</summary>
    private JArray PeopleJson(string school, string? role)
    {
        SchoolJson(school);
        return new JArray(School.Teachers.Where(t => t.InPeopleList && (role is null || role.Equals("teacher", StringComparison.OrdinalIgnoreCase))).Select(PersonJson));
    }

    /// <summary>[more shapes] A person; userId is null for a person with no portal account.</summary>
    private static JObject PersonJson(MockTeacher t)
    {
        var o = WithId(new JObject(), t.Id, ("shortName", t.ShortName), ("firstName", t.FirstName), ("lastName", t.LastName), ("middleName", t.MiddleName), ("sex", "Female"));
        if (t.InPeopleList)
        {
            Ref(o, "userId", (long.Parse(t.Id, CultureInfo.InvariantCulture) + 500).ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            o["userId"] = JValue.CreateNull();
            o["userId_str"] = JValue.CreateNull();
        }

        return o;
    }

    private JArray GroupsJson(string school)
    {
        SchoolJson(school);
        return new JArray(School.Groups.Select(g =>
        {
            var o = WithId(new JObject(), g.Id, ("name", g.Name), ("type", g.IsClass ? "Group" : "Subgroup"), ("parallel", g.Grade), ("status", "Active"));
            o["parentIds"] = new JArray(g.ParentId is null ? Array.Empty<object>() : new object[] { Big(g.ParentId) });
            o["parentIds_str"] = new JArray(g.ParentId is null ? Array.Empty<object>() : new object[] { g.ParentId });
            return o;
        }));
    }

    private JArray StudentsJson(MockGroup group) => new(School.Students.Where(s => s.Class == group || (!group.IsClass && s.Class.Id == group.ParentId)).Select(s =>
        WithId(new JObject(), s.Id, ("shortName", s.ShortName), ("firstName", s.FirstName), ("lastName", s.LastName), ("middleName", s.MiddleName), ("sex", "Male"))));

    private JArray PeriodsJson(MockGroup group) => new(School.Periods.Select(p => WithId(
        new JObject(), p.Id, ("name", p.Name), ("type", p.Type), ("number", p.Number), ("year", 2024), ("start", Iso(p.Start)), ("finish", Iso(p.Finish)))));

    /// <summary>[more shapes] One record per person and reporting period (null: the year mark), the marks nested per subject.</summary>
    private JArray FinalMarksJson(MockGroup group) => new(School.FinalMarks.Where(f => f.Student.Class == group)
        .GroupBy(f => (f.Student, PeriodId: f.Period?.Id))
        .Select(g =>
        {
            var o = new JObject();
            Ref(o, "person", g.Key.Student.Id);
            Ref(o, "group", group.Id);
            if (g.Key.PeriodId is { } period)
            {
                Ref(o, "reportingPeriod", period);
            }
            else
            {
                o["reportingPeriod"] = JValue.CreateNull();
                o["reportingPeriod_str"] = JValue.CreateNull();
            }

            o["per-subject-final-marks"] = new JArray(g.Select(f =>
            {
                var mark = WithId(new JObject(), f.Id, ("type", "mark5"), ("value", f.Value), ("textValue", f.Value), ("date", Iso(f.Entered)), ("mood", "Good"));
                Ref(mark, "person", f.Student.Id);
                mark["work"] = JValue.CreateNull();
                mark["lesson"] = JValue.CreateNull();
                var perSubject = new JObject();
                Ref(perSubject, "subject", f.Subject.Id);
                perSubject["final-mark"] = mark;
                return perSubject;
            }));
            return o;
        }));

    /// <summary>Classes: nested subject, group, teachers and work objects. Subgroups: bare ids (with <c>*_str</c>) and works as ids only.</summary>
    private JArray LessonsJson(MockGroup group, DateTime from, DateTime to) => new(School.Lessons.Where(l => l.Group == group && l.Date >= from && l.Date <= to).Select(l =>
    {
        var o = WithId(new JObject(), l.Id, ("date", Iso(l.Date)), ("number", l.Number), ("status", l.Status));
        o["title"] = l.Title is null ? JValue.CreateNull() : new JValue(l.Title);
        var works = new List<MockWork>();
        if (l.Homework is not null)
        {
            works.Add(l.Homework);
        }

        if (group.IsClass)
        {
            o["subject"] = WithId(new JObject(), l.Subject.Id, ("name", l.Subject.Name), ("knowledgeArea", "Основное общее образование"));
            o["group"] = WithId(new JObject(), group.Id, ("name", group.Name));
            o["teachers"] = new JArray(WithId(new JObject(), l.Teacher.Id, ("shortName", l.Teacher.ShortName)));
            var list = new JArray(works.Select(WorkJson));
            if (l.IsControl)
            {
                var control = WithId(new JObject(), l.CommonWorkId, ("type", "CommonWork"), ("workType", MockSchool.WorkTypeId("ControlWork")), ("text", "Контрольная работа № 1")); // [more shapes] a numeric workType
                Ref(control, "lesson", l.Id);
                list.Add(control);
            }

            o["works"] = list;
        }
        else
        {
            Ref(o, "subject", l.Subject.Id);
            Ref(o, "group", group.Id);
            o["teachers"] = new JArray(Big(l.Teacher.Id));
            o["works"] = new JArray(works.Select(w => Big(w.Id)));
        }

        return o;
    }));

    /// <summary>
    /// Marks: a class's carry numeric workType ids [more shapes], a subgroup's the string codes; a mark
    /// for a homework comes with <c>lesson: null</c> and its work's id [more shapes].
    /// </summary>
    private JArray MarksJson(MockGroup group, DateTime from, DateTime to) => new(School.Lessons.Where(l => l.Group == group && l.Date >= from && l.Date <= to).SelectMany(l => l.Marks.Select(m =>
    {
        object workType = group.IsClass ? MockSchool.WorkTypeId(m.WorkType) : m.WorkType;
        var o = WithId(new JObject(), m.Id, ("type", "mark5"), ("value", m.Value), ("textValue", m.Value), ("number", 0), ("date", Iso(m.Entered)), ("workType", workType), ("mood", m.Value == "5" ? "Good" : "Average"));
        Ref(o, "person", m.Student.Id);
        if (m.ForWork)
        {
            o["lesson"] = JValue.CreateNull();
            o["lesson_str"] = JValue.CreateNull();
            Ref(o, "work", l.Homework!.Id);
        }
        else
        {
            Ref(o, "lesson", l.Id);
            Ref(o, "work", l.CommonWorkId);
        }

        return o;
    })));

    private JArray LogJson(MockGroup group, string? subject, DateTime from, DateTime to) => new(School.Lessons
        .Where(l => l.Group == group && l.Subject.Id == subject && l.Date >= from && l.Date <= to)
        .SelectMany(l => l.LogEntries.Select(e =>
        {
            var o = new JObject { ["comment"] = null, ["status"] = e.Status, ["createdDate"] = Iso(e.Created) };
            Ref(o, "person", e.Student.Id);
            Ref(o, "lesson", l.Id);
            return o;
        })));

    private JObject WorkJson(MockWork w)
    {
        var lesson = School.Lessons.Single(l => l.Homework == w);
        var o = WithId(new JObject(), w.Id, ("type", w.Type), ("workType", MockSchool.WorkTypeId("Homework")), ("text", w.Text), ("targetDate", Iso(lesson.Date.AddDays(2))), ("sentDate", Iso(lesson.Date.AddHours(15))));
        Ref(o, "lesson", lesson.Id);
        Ref(o, "eduGroup", lesson.Group.Id);
        Ref(o, "createdBy", lesson.Teacher.Id);
        return o;
    }

    // ------------------------------------------------------------------ helpers

    private MockGroup Group(string id) => School.Groups.FirstOrDefault(g => g.Id == id) ?? throw new KeyNotFoundException("eduGroup " + id);

    private static MockAnswer Ok(JToken body) => new(200, body.ToString(Formatting.None));

    private static string Error(string type, string description) => new JObject { ["type"] = type, ["description"] = description }.ToString(Formatting.None);

    /// <summary>An id as the exact JSON integer (never through double).</summary>
    private static JValue Big(string id) => new(long.Parse(id, CultureInfo.InvariantCulture));

    private static JObject WithId(JObject o, string id, params (string Name, object Value)[] fields)
    {
        o["id"] = Big(id);
        o["id_str"] = id;
        foreach (var (name, value) in fields)
        {
            o[name] = JToken.FromObject(value);
        }

        return o;
    }

    private static void Ref(JObject o, string name, string id)
    {
        o[name] = Big(id);
        o[name + "_str"] = id;
    }

    private static string Iso(DateTime d) => d.ToString(d.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private static DateTime Date(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.Date : throw new KeyNotFoundException("date " + text);

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers is { } h && h.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)) is { Value: { } v } ? string.Join(",", v) : null;

    private static string? Query(IRequestMessage request, string name) =>
        request.Query is { } q && q.TryGetValue(name, out var v) ? v.FirstOrDefault() : null;
}
