using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Eljur.Connectors.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WireMock;

namespace Eljur.Connectors.Eljur.Tests.Mock;

/// <summary>
/// The ЭлЖур API as <c>vendors.md</c> describes it, served by WireMock over <see cref="MockSchool"/>:
/// <c>{base}/{method}</c> with <c>devkey</c>, <c>vendor</c>, <c>out_format=json</c> and
/// <c>auth_token</c>; the <c>{"response":{"state","error","result"}}</c> envelope; and every quirk
/// (ids as strings or numbers, weights as numbers or strings, <c>[]</c> for an empty object, diary
/// <c>items</c> as object/array/null/missing, <c>3/5</c>, <c>н</c>/<c>оп</c>, phantom marks, HTML
/// entities, Cyrillic throughout, <c>auth</c> by GET query, POST form or POST JSON, paged
/// <c>getmessages</c> with <c>total</c> as a string).
/// <para>
/// Answers marked <b>[more shapes]</b> reproduce vendors.md's second list ("More shapes that
/// independent clients' typed models show"): <c>students</c> as an array of records (getrules of the
/// parent, getdiary of student 2001, getmarks of a class, getfinalassessments of a student);
/// <c>items_extday</c> with array homework; <c>Н</c>/<c>ОП</c> without weight or mtype;
/// <c>control_type</c> on diary assessments, <c>max_mark</c> and <c>color_hex</c>/<c>colorHex</c>;
/// <c>teacher_id</c>, string <c>sort</c>, <c>files</c> with <c>toid</c>; <c>individual</c> homework;
/// getrules <c>relations.schools</c> and <c>hometeacher_*</c>; getperiods <c>show_disabled</c> and
/// <c>weeks</c> only when asked; gethomework keyed by subject; method names in any case
/// (<c>/getDiary</c>) and the older base <c>/api/</c>. Everything else follows the first list.
/// </para>
/// </summary>
internal sealed class EljurMockServer : MockVendorServer
{
    public const string BasePath = "/apiv3";

    /// <summary>The older clients' base (<c>https://api.eljur.ru/api/</c>), also served. [more shapes]</summary>
    public const string OldBasePath = "/api";

    private readonly ConcurrentDictionary<string, (MockAccount Account, DateTime Expires)> _tokens = new(StringComparer.Ordinal);
    private int _issued;

    public EljurMockServer(MockSchool? school = null) => School = school ?? new MockSchool();

    public MockSchool School { get; }

    /// <summary>The API root to configure: <c>http://localhost:PORT/apiv3</c>.</summary>
    public string BaseUrl => Url + BasePath;

    /// <summary>The server's "now" (Moscow time, as ЭлЖур writes expiries).</summary>
    public DateTime Now { get; set; } = new(2024, 11, 20, 10, 0, 0);

    /// <summary>How long issued tokens last. Default: 90 days (about three months).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Every token issued so far (secrets the tests search for).</summary>
    public IReadOnlyCollection<string> IssuedTokens => _tokens.Keys.ToList();

    /// <summary>Registers a token the client may present without logging in (the <c>--token</c> case).</summary>
    public void AddToken(string token, string login) =>
        _tokens[token] = (School.Accounts.Single(a => a.Login == login), Now + TokenLifetime);

    /// <summary>Makes every issued token expire (the vendor then refuses them).</summary>
    public void ExpireAllTokens()
    {
        foreach (var key in _tokens.Keys.ToList())
        {
            _tokens[key] = (_tokens[key].Account, Now.AddSeconds(-1));
        }
    }

    protected override string OperationOf(IRequestMessage request)
    {
        var path = request.Path ?? "";
        var method = path.Substring(path.LastIndexOf('/') + 1);
        return method.ToLowerInvariant();
    }

    /// <summary>ЭлЖур refuses a session with 403 and a Russian message that quotes the token (the connector must redact it).</summary>
    protected override MockAnswer AuthFailure(IRequestMessage request)
    {
        var query = Query(request);
        if (OperationOf(request) == "auth")
        {
            return Error(403, "Неверный логин или пароль");
        }

        query.TryGetValue("auth_token", out var token);
        return Error(403, $"Токен {token} недействителен, авторизуйтесь заново");
    }

    protected override MockAnswer Answer(IRequestMessage request)
    {
        var query = Query(request);
        var method = OperationOf(request);
        if (!(request.Path ?? "").StartsWith(BasePath + "/", StringComparison.Ordinal) && !(request.Path ?? "").StartsWith(OldBasePath + "/", StringComparison.Ordinal))
        {
            return new MockAnswer(404, "<html><body><h1>404 Not Found</h1></body></html>", "text/html; charset=utf-8");
        }

        if (!query.TryGetValue("devkey", out var devkey) || devkey != MockSchool.DevKey)
        {
            return Error(403, "не удалось авторизовать разработчика");
        }

        if (!query.TryGetValue("vendor", out var vendor) || vendor != MockSchool.Vendor)
        {
            return Error(400, "Неверно указан vendor");
        }

        if (!query.TryGetValue("out_format", out var format) || format != "json")
        {
            return new MockAnswer(200, "<?xml version=\"1.0\"?><response><state>200</state></response>", "text/xml; charset=utf-8");
        }

        if (method == "auth")
        {
            return Auth(request, query);
        }

        if (!query.TryGetValue("auth_token", out var token) || !_tokens.TryGetValue(token, out var session))
        {
            return Error(403, "Необходима авторизация: неверный токен");
        }

        if (session.Expires <= Now)
        {
            return Error(400, "Токен устарел");
        }

        var account = session.Account;
        return method switch
        {
            "getrules" => Ok(Rules(account)),
            "getperiods" => Ok(PeriodsAnswer(account, Flag(query, "show_disabled"), Flag(query, "weeks"))),
            "getdiary" => Unit(account, query, out var unit, out var error) ?? Ok(Diary(unit!, Range(query), query.ContainsKey("rings") && query["rings"] == "true", classShape: unit!.IsClass)),
            "getschedule" => Unit(account, query, out var unit2, out _) ?? Ok(Diary(unit2!, Range(query), rings: true, classShape: unit2!.IsClass)),
            "gethomework" => Unit(account, query, out var unit5, out _) ?? Ok(Diary(unit5!, Range(query), rings: false, classShape: unit5!.IsClass, bySubject: true)),
            "getmarks" => Unit(account, query, out var unit3, out _) ?? Ok(MarksAnswer(unit3!, Range(query))),
            "getfinalassessments" => Unit(account, query, out var unit4, out _) ?? Ok(FinalsAnswer(unit4!)),
            "getmessages" => Ok(Messages(query)),
            _ => Error(404, $"Метод {method} не найден"),
        };
    }

    // ------------------------------------------------------------------ auth and rules

    private MockAnswer Auth(IRequestMessage request, Dictionary<string, string> query)
    {
        // Three ways are seen in the wild: GET query, POST form, POST JSON.
        string? login = null, password = null;
        var body = request.Body ?? "";
        var contentType = request.Headers is { } headers && headers.TryGetValue("Content-Type", out var ct) ? string.Join(";", ct) : "";
        if (request.Method == "POST" && contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            var json = JObject.Parse(body);
            login = (string?)json["login"];
            password = (string?)json["password"];
        }
        else if (request.Method == "POST")
        {
            var form = ParsePairs(body);
            form.TryGetValue("login", out login);
            form.TryGetValue("password", out password);
        }
        else
        {
            query.TryGetValue("login", out login);
            query.TryGetValue("password", out password);
        }

        var account = School.Accounts.SingleOrDefault(a => a.Login == login);
        if (account is null || account.Password != password)
        {
            return Error(403, "Неверный логин или пароль");
        }

        var n = System.Threading.Interlocked.Increment(ref _issued);
        var token = $"eljurtok{n:D4}" + Guid.NewGuid().ToString("N");
        var expires = Now + TokenLifetime;
        _tokens[token] = (account, expires);
        return Ok(new JObject
        {
            ["token"] = token,
            ["expires"] = expires.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        });
    }

    private JToken Rules(MockAccount account)
    {
        var students = new JObject();
        foreach (var id in account.StudentIds)
        {
            var s = School.Student(id);
            students[id] = new JObject
            {
                ["name"] = s.IdAsNumber ? long.Parse(s.Id, CultureInfo.InvariantCulture) : s.Id,
                ["title"] = s.Name,
                ["class"] = s.ClassName,
                ["parallel"] = int.Parse(new string(s.ClassName.TakeWhile(char.IsDigit).ToArray()), CultureInfo.InvariantCulture),
            };
        }

        var groups = new JObject();
        foreach (var c in account.Classes)
        {
            groups[c] = new JObject
            {
                ["rel"] = account.HomeClasses.Contains(c) ? "homeclass" : "subject",
                ["parallel"] = int.Parse(new string(c.TakeWhile(char.IsDigit).ToArray()), CultureInfo.InvariantCulture),
                ["balls"] = 5,
                ["hometeacher_id"] = c == "10А" ? MockSchool.TeacherIds[MockSchool.TeacherName] : 302, // [more shapes]
                ["hometeacher_name"] = c == "10А" ? MockSchool.TeacherName : "Смирнова Ольга Викторовна",
                ["hometeacher_email"] = "",
            };
        }

        var parts = account.Title.Split(' ');
        return new JObject
        {
            ["id"] = account.IsStaff ? 55 : 77,
            ["name"] = account.Login,
            ["title"] = account.Title,
            ["lastname"] = parts[0],
            ["firstname"] = parts[1],
            ["middlename"] = parts[2],
            ["gender"] = "female",
            ["email"] = "",
            ["roles"] = new JArray(account.IsStaff ? new object[] { "teacher" } : new object[] { "parent" }),
            ["relations"] = new JObject
            {
                // An empty object arrives as []; the parent's students come as an array of records [more shapes].
                ["students"] = students.Count == 0 ? new JArray() : account.IsStaff ? students : new JArray(students.Properties().Select(p => p.Value)),
                ["groups"] = groups.Count == 0 ? new JArray() : groups,
                ["schools"] = new JArray(new JObject { ["number"] = "7", ["title"] = "Гимназия № 7", ["inn"] = "5001234567", ["kpp"] = "500101001", ["ogrn"] = "1025000000000" }), // [more shapes]
            },
        };
    }

    /// <summary>getperiods: disabled periods only with <c>show_disabled</c>, <c>weeks</c> only when asked. [more shapes]</summary>
    private JToken PeriodsAnswer(MockAccount account, bool showDisabled, bool weeks)
    {
        var periods = new JArray(School.Periods.Where(p => showDisabled || !p.Disabled).Select(p =>
        {
            var o = new JObject
            {
                ["name"] = p.Name,
                ["fullname"] = p.FullName,
                ["disabled"] = p.Disabled,
                ["ambigious"] = false,
                ["start"] = p.Start.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                ["end"] = p.End.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            };
            if (weeks)
            {
                o["weeks"] = new JArray(Weeks(p.Start, p.End));
            }

            return o;
        }));
        var entries = account.IsStaff
            ? account.Classes.Select(c => new JObject { ["name"] = c, ["title"] = c, ["periods"] = periods.DeepClone() })
            : account.StudentIds.Select(id => new JObject { ["name"] = id, ["title"] = School.Student(id).Name, ["periods"] = periods.DeepClone() });
        return new JObject { ["students"] = new JArray(entries) };
    }

    private static IEnumerable<JObject> Weeks(DateTime start, DateTime end)
    {
        for (var monday = start.AddDays(-(((int)start.DayOfWeek + 6) % 7)); monday <= end; monday = monday.AddDays(7))
        {
            yield return new JObject
            {
                ["start"] = monday.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                ["end"] = monday.AddDays(6).ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                ["title"] = monday.ToString("dd.MM", CultureInfo.InvariantCulture) + "–" + monday.AddDays(6).ToString("dd.MM", CultureInfo.InvariantCulture),
            };
        }
    }

    // ------------------------------------------------------------------ diary

    private sealed record UnitRef(bool IsClass, string ClassName, MockStudent? Student);

    private MockAnswer? Unit(MockAccount account, Dictionary<string, string> query, out UnitRef? unit, out MockAnswer? error)
    {
        unit = null;
        error = null;
        if (query.TryGetValue("class", out var className))
        {
            if (!account.IsStaff || !account.Classes.Contains(className))
            {
                return error = Error(403, $"Нет доступа к классу {className}");
            }

            unit = new UnitRef(true, className, null);
            return null;
        }

        if (query.TryGetValue("student", out var studentId))
        {
            if (!account.StudentIds.Contains(studentId) && !(account.IsStaff && School.Students.Any(s => s.Id == studentId && account.Classes.Contains(s.ClassName))))
            {
                return error = Error(403, $"Нет доступа к ученику {studentId}");
            }

            var student = School.Student(studentId);
            unit = new UnitRef(false, student.ClassName, student);
            return null;
        }

        return error = Error(400, "Не указан ученик (student) или класс (class)");
    }

    private static (DateTime From, DateTime To) Range(Dictionary<string, string> query)
    {
        if (!query.TryGetValue("days", out var days))
        {
            return (DateTime.MinValue, DateTime.MaxValue);
        }

        var parts = days.Split('-');
        return (DateTime.ParseExact(parts[0], "yyyyMMdd", CultureInfo.InvariantCulture), DateTime.ParseExact(parts[1], "yyyyMMdd", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// getdiary: for a student <c>students{id:{days{…}}}</c> with <c>items</c> keyed by lesson number
    /// (an array on Wednesdays, null on the day without lessons, missing on vacation days); for a
    /// class <c>days</c> at the top and <c>items</c> an array (missing on days without lessons).
    /// </summary>
    private JToken Diary(UnitRef unit, (DateTime From, DateTime To) range, bool rings, bool classShape, bool bySubject = false)
    {
        var days = new JObject();
        foreach (var date in School.HolidayDays.Where(d => d >= range.From && d <= range.To))
        {
            days[date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)] = new JObject
            {
                ["name"] = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                ["title"] = Title(date),
                ["alert"] = "holiday",
                ["holiday_name"] = MockSchool.Autumn,
            };
        }

        if (MockSchool.NoLessonsDay >= range.From && MockSchool.NoLessonsDay <= range.To)
        {
            // A day without lessons: items null for a student, missing for a class.
            var key = MockSchool.NoLessonsDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            days[key] = new JObject { ["name"] = key, ["title"] = Title(MockSchool.NoLessonsDay), ["alert"] = "vacation" };
            if (!classShape)
            {
                days[key]!["items"] = JValue.CreateNull();
            }
        }

        foreach (var group in School.Lessons.Where(l => l.ClassName == unit.ClassName && l.Date >= range.From && l.Date <= range.To).GroupBy(l => l.Date))
        {
            var date = group.Key;
            var items = group.Where(l => !l.Extday).OrderBy(l => l.Number).Select(l => LessonItem(l, rings, unit)).ToList();
            JToken? itemsToken;
            if (bySubject)
            {
                // gethomework keys items by subject name, not by lesson number. [more shapes]
                var o = new JObject();
                foreach (var item in items)
                {
                    o[(string)item["name"]!] = item;
                }

                itemsToken = o;
            }
            else if (classShape || date.DayOfWeek == DayOfWeek.Wednesday)
            {
                itemsToken = new JArray(items); // a class's items, and a student's on Wednesdays, come as an array
            }
            else
            {
                var o = new JObject();
                foreach (var item in items)
                {
                    o[(string)item["num"]!] = item;
                }

                itemsToken = o;
            }

            var day = new JObject { ["name"] = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture), ["title"] = Title(date) };
            if (itemsToken is not null)
            {
                day["items"] = itemsToken;
            }

            // Extracurricular lessons: an array, their homework an array too. [more shapes]
            var extday = group.Where(l => l.Extday).OrderBy(l => l.Number).ToList();
            if (extday.Count > 0)
            {
                day["items_extday"] = new JArray(extday.Select(l =>
                {
                    var item = LessonItem(l, rings, unit);
                    item["homework"] = new JArray(l.Homework.Select(h => new JObject { ["id"] = h.Id, ["value"] = h.Value, ["individual"] = h.Individual }));
                    return item;
                }));
            }

            days[date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)] = day;
        }

        // The diary lists days in date order.
        var ordered = new JObject(days.Properties().OrderBy(p => p.Name, StringComparer.Ordinal));
        if (classShape)
        {
            return new JObject { ["days"] = ordered.Count == 0 ? new JArray() : ordered };
        }

        var s = unit.Student!;
        var record = new JObject
        {
            ["name"] = s.IdAsNumber ? long.Parse(s.Id, CultureInfo.InvariantCulture) : s.Id,
            ["title"] = s.Name,
            ["days"] = ordered.Count == 0 ? new JArray() : ordered,
        };

        // Student 2001's diary comes with students as an array of records carrying the id in name. [more shapes]
        return new JObject { ["students"] = s.Id == "2001" ? new JArray(record) : new JObject { [s.Id] = record } };
    }

    private JObject LessonItem(MockLesson l, bool rings, UnitRef unit)
    {
        var item = new JObject
        {
            ["name"] = l.Subject,
            ["num"] = l.Number.ToString(CultureInfo.InvariantCulture),
            ["room"] = l.Room,
            ["teacher"] = l.TeacherRaw,
            ["sort"] = l.Date.DayOfWeek == DayOfWeek.Friday ? (l.Number * 10).ToString(CultureInfo.InvariantCulture) : l.Number * 10, // [more shapes] an int or a string
            ["topic"] = l.TopicRaw,
            ["color_hex"] = "#4A90D9",
        };

        // [more shapes] teacher_id besides the name (not on Mondays, and Орлова has none).
        if (l.Date.DayOfWeek != DayOfWeek.Monday && MockSchool.TeacherIds.TryGetValue(System.Net.WebUtility.HtmlDecode(l.TeacherRaw).Replace('\u00A0', ' '), out var teacherId))
        {
            item["teacher_id"] = teacherId;
        }
        if (l.LessonId is not null)
        {
            item["lesson_id"] = JToken.FromObject(l.LessonId);
        }

        if (l.Group is not null)
        {
            item["grp"] = l.Group;
        }

        if (l.IsControl is not null)
        {
            item["is_control"] = JToken.FromObject(l.IsControl);
        }

        if (rings)
        {
            item["starttime"] = l.Start.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
            item["endtime"] = l.End.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
        }

        if (l.Homework.Count == 0)
        {
            item["homework"] = new JArray(); // an empty object arrives as []
        }
        else
        {
            var homework = new JObject();
            foreach (var h in l.Homework)
            {
                homework[h.Id.ToString(CultureInfo.InvariantCulture)] = new JObject { ["id"] = h.Id, ["value"] = h.Value, ["individual"] = h.Individual };
            }

            item["homework"] = homework;
        }

        // [more shapes] files point to their homework by toid.
        item["files"] = new JArray(l.Homework.Where(h => !h.Individual && l.Number == 2).Select(h => new JObject
        {
            ["toid"] = h.Id,
            ["filename"] = "задание.pdf",
            ["link"] = $"https://{MockSchool.Vendor}.eljur.ru/files/{h.Id}/zadanie.pdf",
        }));

        // [more shapes] the diary's assessments carry control_type where getmarks' marks carry mtype.
        var who = unit.IsClass ? null : unit.Student!.Id;
        item["assessments"] = new JArray(School.Marks.Where(m => m.Lesson == l && m.Value.Length > 0 && (who is null || m.StudentId == who)).Select(m =>
        {
            var a = new JObject { ["value"] = m.Value, ["countas"] = m.Value, ["date"] = l.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["comment"] = m.Comment };
            if (m.Type is { } type)
            {
                a["control_type"] = type.Type;
                a["control_type_short"] = type.Short;
            }

            return a;
        }));
        return item;
    }

    private static string Title(DateTime date) =>
        date.ToString("dddd, d MMMM", CultureInfo.GetCultureInfo("ru-RU"));

    // ------------------------------------------------------------------ marks

    private JToken MarksAnswer(UnitRef unit, (DateTime From, DateTime To) range)
    {
        var students = new JObject();
        var who = unit.IsClass ? School.Students.Where(s => s.ClassName == unit.ClassName).ToList() : new List<MockStudent> { unit.Student! };
        foreach (var s in who)
        {
            var bySubject = School.Marks
                .Where(m => m.StudentId == s.Id && m.Lesson.Date >= range.From && m.Lesson.Date <= range.To)
                .GroupBy(m => m.Lesson.Subject)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new JObject
                {
                    ["name"] = g.Key,
                    ["colorHex"] = "#7ED321", // [more shapes]
                    ["average"] = "4,5",
                    [s.IdAsNumber ? "averageConvert" : "average_convert"] = 5,
                    ["marks"] = new JArray(g.Select(MarkItem)),
                })
                .ToList();
            students[s.Id] = new JObject
            {
                ["name"] = s.IdAsNumber ? long.Parse(s.Id, CultureInfo.InvariantCulture) : s.Id,
                ["title"] = s.Name,
                ["lessons"] = new JArray(bySubject),
            };
        }

        // A class's marks come with students as an array of records. [more shapes]
        return new JObject { ["students"] = students.Count == 0 ? new JArray() : unit.IsClass ? new JArray(students.Properties().Select(p => p.Value)) : students };
    }

    private static JObject MarkItem(MockMark m)
    {
        var capitalAbsence = m.Value is "Н" or "ОП";
        var item = new JObject
        {
            ["value"] = m.Value,
            ["countas"] = capitalAbsence ? "0" : m.Value,
            ["count"] = !MockSchool.IsAbsenceCode(m.Value) && m.Value.Length > 0,
            ["convert"] = m.Value.Length > 0 && char.IsDigit(m.Value[0]) ? m.Value[0] - '0' : 0,
            ["comment"] = m.Comment,
            ["lesson_comment"] = m.Lesson.TopicRaw,
            ["date"] = m.Lesson.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

        // Capital Н/ОП come with countas "0", convert 0, count false and no weight or mtype. [more shapes]
        if (!capitalAbsence)
        {
            item["weight"] = m.Weight is null ? JValue.CreateNull() : JToken.FromObject(m.Weight);
            item["weight_float"] = m.WeightFloat is null ? JValue.CreateNull() : JToken.FromObject(m.WeightFloat);
        }

        if (m.Type is { } type)
        {
            item["mtype"] = new JObject { ["id"] = type.Id, ["type"] = type.Type, ["short"] = type.Short };
            item["max_mark"] = 5; // [more shapes]
            item["color_hex"] = type == MockSchool.Control ? "#D0021B" : "#4A4A4A";
        }
        if (m.LessonIdOnMark && m.Lesson.LessonId is not null)
        {
            item["lesson_id"] = JToken.FromObject(m.Lesson.LessonId);
        }

        if (m.Number is { } n)
        {
            item["nm"] = n;
        }

        return item;
    }

    private JToken FinalsAnswer(UnitRef unit)
    {
        var students = new JObject();
        var who = unit.IsClass ? School.Students.Where(s => s.ClassName == unit.ClassName).ToList() : new List<MockStudent> { unit.Student! };
        foreach (var s in who)
        {
            var items = School.Finals.Where(f => f.StudentId == s.Id).GroupBy(f => f.Subject).Select(g => new JObject
            {
                ["name"] = g.Key,
                ["assessments"] = new JArray(g.Select(f => new JObject { ["period"] = f.Period, ["value"] = f.Value, ["convert"] = f.Value, ["comment"] = "" })),
            }).ToList();

            // One student's items come as an object keyed by subject number.
            JToken itemsToken = s.Id == "1003"
                ? new JObject(items.Select((item, i) => new JProperty((i + 1).ToString(CultureInfo.InvariantCulture), item)))
                : new JArray(items);
            students[s.Id] = new JObject { ["name"] = s.Id, ["title"] = s.Name, ["items"] = itemsToken };
        }

        // A student's final marks come with students as an array of records. [more shapes]
        return new JObject { ["students"] = unit.IsClass ? students : new JArray(students.Properties().Select(p => p.Value)) };
    }

    // ------------------------------------------------------------------ messages (paged)

    private static JToken Messages(Dictionary<string, string> query)
    {
        var limit = query.TryGetValue("limit", out var l) ? int.Parse(l, CultureInfo.InvariantCulture) : 20;
        var page = query.TryGetValue("page", out var p) ? int.Parse(p, CultureInfo.InvariantCulture) : 1;
        const int total = 45;
        var messages = Enumerable.Range((page - 1) * limit + 1, Math.Max(0, Math.Min(limit, total - (page - 1) * limit)))
            .Select(i => new JObject { ["id"] = i.ToString(CultureInfo.InvariantCulture), ["subject"] = $"Собрание №&nbsp;{i}", ["user_from"] = new JObject { ["name"] = "55" } });
        return new JObject { ["total"] = total.ToString(CultureInfo.InvariantCulture), ["count"] = messages.Count().ToString(CultureInfo.InvariantCulture), ["messages"] = new JArray(messages) };
    }

    // ------------------------------------------------------------------ envelope

    private static MockAnswer Ok(JToken result) => new(200, Envelope(200, null, result));

    /// <summary>Errors come in the same envelope, with the HTTP status equal to <c>state</c> and an empty result as [] or {}.</summary>
    private static MockAnswer Error(int state, string message) =>
        new(state, Envelope(state, message, state == 403 ? new JArray() : new JObject()));

    private static string Envelope(int state, string? error, JToken result) =>
        new JObject { ["response"] = new JObject { ["state"] = state, ["error"] = error, ["result"] = result } }.ToString(Formatting.None);

    private static Dictionary<string, string> Query(IRequestMessage request) => ParsePairs(request.RawQuery ?? "");

    private static bool Flag(Dictionary<string, string> query, string name) =>
        query.TryGetValue(name, out var value) && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    private static Dictionary<string, string> ParsePairs(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var key = Uri.UnescapeDataString((eq < 0 ? pair : pair.Substring(0, eq)).Replace('+', ' '));
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair.Substring(eq + 1).Replace('+', ' '));
            result[key] = value;
        }

        return result;
    }
}
