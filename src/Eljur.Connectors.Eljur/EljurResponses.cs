using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Eljur.Abstractions.Connectors;
using Eljur.Connectors.Shared;
using Newtonsoft.Json.Linq;

namespace Eljur.Connectors.Eljur;

/// <summary>Whose data a call asks for: one student (<c>student=ID</c>) or, for staff, one class (<c>class=NAME</c>).</summary>
internal sealed record FetchUnit(bool IsClass, string Key, string? ClassName)
{
    public KeyValuePair<string, string> Parameter => new(IsClass ? "class" : "student", Key);

    public string Label => IsClass ? Key : "ученик " + Key;
}

/// <summary>A student as some answer describes them.</summary>
internal sealed record RawStudent(string Id, string? Name, string? ClassName);

/// <summary>
/// A lesson of the diary before ids of staff and subjects are settled. <see cref="TeacherId"/> is the
/// diary's <c>teacher_id</c> when sent; <see cref="ControlTypes"/> the <c>control_type</c> of its
/// assessments; <see cref="Extracurricular"/> a lesson of <c>items_extday</c> (кружок, внеурочная
/// деятельность).
/// </summary>
internal sealed record RawLesson(
    string? VendorId,
    string ClassName,
    DateTime Date,
    string Number,
    string Subject,
    string? Teacher,
    string? Group,
    string? Room,
    TimeSpan? Start,
    TimeSpan? End,
    bool IsControl,
    string? Topic,
    string? Homework,
    string? TeacherId = null,
    IReadOnlyList<string>? ControlTypes = null,
    bool Extracurricular = false);

/// <summary>A mark of <c>getmarks</c>, in the order the answer gave it.</summary>
internal sealed record RawMark(
    string StudentId,
    string Subject,
    DateTime? Date,
    string? LessonId,
    string Value,
    decimal? Weight,
    string? WorkType,
    string? Number,
    int Ordinal);

/// <summary>A mark of <c>getfinalassessments</c>.</summary>
internal sealed record RawFinal(string StudentId, string Subject, string Period, string Value);

/// <summary>A period of <c>getperiods</c>.</summary>
internal sealed record RawPeriod(string Name, string? FullName, DateTime Start, DateTime End, bool Disabled);

/// <summary>Who the account is and what it may see, from <c>getrules</c>.</summary>
internal sealed record RulesInfo(
    string? UserName,
    bool IsStaff,
    IReadOnlyList<RawStudent> Students,
    IReadOnlyList<string> Classes,
    IReadOnlyList<string> HomeClasses);

/// <summary>
/// Reads the answers of the ЭлЖур methods into raw records, leniently (every quirk of
/// <c>vendors.md</c>), but refusing answers of a shape that cannot hold the data, so a broken answer
/// fails the fetch instead of silently dropping records.
/// </summary>
internal static class EljurResponses
{
    // What each reader below reads of its method's result: every answer is built into JSON only
    // so far (see JsonShape), so a field read here and missing from its shape would silently read
    // as absent. Records of Keyed collections name "id" (their key when sent as an array).

    /// <summary>What <see cref="ReadRules"/> reads of <c>getrules</c>.</summary>
    public static readonly JsonShape RulesAnswer = JsonShape.Parse(
        "{roles, title, lastname, firstname, middlename, relations: {students: *{id, name, title, class}, groups: *{id, name, rel}}}");

    /// <summary>What <see cref="ReadPeriods"/> reads of <c>getperiods</c>.</summary>
    public static readonly JsonShape PeriodsAnswer = JsonShape.Parse(
        "{students: *{periods: *{name, fullname, start, end, disabled}}}");

    /// <summary>A day's <c>items</c> or <c>items_extday</c> as <see cref="ReadItems"/> and <see cref="ReadHomework"/> read them.</summary>
    private const string DiaryItems =
        "*{name, num, lesson_id, teacher, teacher_id, grp, room, starttime, endtime, is_control, topic, "
        + "assessments: *{control_type, control_type_short}, homework: *{value, individual}}";

    /// <summary>The days of a diary as <see cref="ReadDays"/> reads them (keyed by date, or an array).</summary>
    private const string DiaryDays = "*{name, holiday_name, items: " + DiaryItems + ", items_extday: " + DiaryItems + "}";

    /// <summary>What <see cref="ReadDiary"/> reads of <c>getdiary</c>: students' days, or a class's days at the top.</summary>
    public static readonly JsonShape DiaryAnswer = JsonShape.Parse(
        "{students: *{id, name, title, class, days: " + DiaryDays + "}, days: " + DiaryDays + "}");

    /// <summary>What <see cref="ReadMarks"/> reads of <c>getmarks</c>.</summary>
    public static readonly JsonShape MarksAnswer = JsonShape.Parse(
        "{students: *{id, name, title, class, lessons: *{name, marks: *{value, mtype, date, lesson_id, weight, weight_float, nm}}}}");

    /// <summary>What <see cref="ReadFinals"/> reads of <c>getfinalassessments</c>.</summary>
    public static readonly JsonShape FinalsAnswer = JsonShape.Parse(
        "{students: *{id, name, title, class, items: *{name, assessments: *{value, period}}}}");

    private static readonly string[] StaffRoles = { "teacher", "administrator", "admin", "director", "deputy", "staff", "employee" };

    public static RulesInfo ReadRules(JToken result)
    {
        var root = RequireObject(result, "getrules", "result");
        var roles = EljurJson.Elements(root["roles"]).Select(r => EljurJson.Text(r)?.ToLowerInvariant()).Where(r => r is not null).ToList();
        var relations = root["relations"];
        var students = new List<RawStudent>();
        foreach (var entry in Keyed(EljurJson.Get(relations, "students")))
        {
            var s = entry.Value as JObject;
            students.Add(new RawStudent(entry.Key, EljurJson.Text(s?["title"]) ?? EljurJson.Text(s?["name"]), EljurJson.Text(s?["class"])));
        }

        var classes = new List<string>();
        var homeClasses = new List<string>();
        foreach (var entry in Keyed(EljurJson.Get(relations, "groups")))
        {
            var name = EljurJson.Clean(entry.Key);
            if (name is null)
            {
                continue;
            }

            classes.Add(name);
            if (entry.Value is JObject group && string.Equals(EljurJson.Text(group["rel"]), "homeclass", StringComparison.OrdinalIgnoreCase))
            {
                homeClasses.Add(name);
            }
        }

        var isStaff = roles.Any(r => StaffRoles.Contains(r)) || (students.Count == 0 && classes.Count > 0);
        var userName = EljurJson.Text(root["title"]) ?? JoinName(root);
        return new RulesInfo(userName, isStaff, students, classes.Distinct(StringComparer.Ordinal).ToList(), homeClasses);
    }

    public static List<RawPeriod> ReadPeriods(JToken result)
    {
        var periods = new List<RawPeriod>();
        if (EljurJson.IsEmpty(result))
        {
            return periods;
        }

        var root = RequireObject(result, "getperiods", "result");

        // students is an array of {name,title,periods[]}; some hosts send an object keyed by id.
        foreach (var student in EljurJson.Elements(root["students"]))
        {
            foreach (var p in EljurJson.Elements(EljurJson.Get(student, "periods")))
            {
                var name = EljurJson.Text(EljurJson.Get(p, "name"));
                var start = EljurJson.Date(EljurJson.Text(EljurJson.Get(p, "start")));
                var end = EljurJson.Date(EljurJson.Text(EljurJson.Get(p, "end")));
                if (name is null || start is null || end is null)
                {
                    throw Malformed("getperiods", "a period without name, start or end");
                }

                periods.Add(new RawPeriod(name, EljurJson.Text(EljurJson.Get(p, "fullname")), start.Value, end.Value, EljurJson.Flag(EljurJson.Get(p, "disabled"))));
            }
        }

        return periods;
    }

    /// <summary>
    /// Reads <c>getdiary</c>: <c>students{id:{days{…}}}</c>, or for a class <c>days{…}</c> at the top;
    /// each day's <c>items</c> an object, an array, null or missing.
    /// </summary>
    public static (List<RawLesson> Lessons, List<(DateTime Date, string Name)> Holidays, List<RawStudent> Students) ReadDiary(
        JToken result, FetchUnit unit, Func<string, string?> classOfStudent)
    {
        var lessons = new List<RawLesson>();
        var holidays = new List<(DateTime, string)>();
        var students = new List<RawStudent>();
        if (EljurJson.IsEmpty(result))
        {
            return (lessons, holidays, students);
        }

        var root = RequireObject(result, "getdiary", "result");
        if (root["students"] is { } studentsToken && !EljurJson.IsEmpty(studentsToken))
        {
            foreach (var entry in Keyed(studentsToken))
            {
                var data = entry.Value as JObject ?? throw Malformed("getdiary", $"students.{entry.Key} is not an object");
                var id = entry.Key;
                var className = EljurJson.Text(data["class"]) ?? classOfStudent(id) ?? unit.ClassName;
                students.Add(new RawStudent(id, EljurJson.Text(data["title"]), className));
                ReadDays(data["days"], className ?? "", lessons, holidays);
            }
        }
        else if (root["days"] is { } days)
        {
            ReadDays(days, unit.ClassName ?? unit.Key, lessons, holidays);
        }

        return (lessons, holidays, students);
    }

    private static void ReadDays(JToken? days, string className, List<RawLesson> lessons, List<(DateTime, string)> holidays)
    {
        foreach (var day in EljurJson.Entries(days))
        {
            var data = day.Value as JObject;
            var date = EljurJson.Date(day.Key) ?? EljurJson.Date(EljurJson.Text(data?["name"]))
                ?? throw Malformed("getdiary", $"day \"{day.Key}\" is not a date");
            if (data is null)
            {
                continue;
            }

            if (EljurJson.Text(data["holiday_name"]) is { } holiday)
            {
                holidays.Add((date, holiday));
            }

            ReadItems(data["items"], className, date, extracurricular: false, lessons);
            ReadItems(data["items_extday"], className, date, extracurricular: true, lessons);
        }
    }

    /// <summary>
    /// A day's <c>items</c> (lessons) or <c>items_extday</c> (extracurricular lessons, an array whose
    /// <c>homework</c> is itself an array): both become lessons.
    /// </summary>
    private static void ReadItems(JToken? items, string className, DateTime date, bool extracurricular, List<RawLesson> lessons)
    {
        foreach (var item in EljurJson.Entries(items))
        {
            if (item.Value is not JObject lesson)
            {
                continue;
            }

            var subject = EljurJson.Text(lesson["name"]);
            if (subject is null)
            {
                continue; // an empty timetable slot
            }

            var number = EljurJson.Id(lesson["num"]) ?? item.Key;
            var controlTypes = EljurJson.Elements(lesson["assessments"])
                .SelectMany(a => new[] { EljurJson.Text(EljurJson.Get(a, "control_type")), EljurJson.Text(EljurJson.Get(a, "control_type_short")) })
                .Where(t => t is not null)
                .Select(t => t!)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            lessons.Add(new RawLesson(
                EljurJson.Id(lesson["lesson_id"]),
                className,
                date,
                extracurricular ? "extday" + number : number,
                subject,
                EljurJson.Text(lesson["teacher"]),
                EljurJson.Text(lesson["grp"]),
                EljurJson.Text(lesson["room"]),
                EljurJson.Time(EljurJson.Text(lesson["starttime"])),
                EljurJson.Time(EljurJson.Text(lesson["endtime"])),
                EljurJson.Flag(lesson["is_control"]),
                EljurJson.Text(lesson["topic"]),
                ReadHomework(lesson["homework"]),
                EljurJson.Id(lesson["teacher_id"]),
                controlTypes,
                extracurricular));
        }
    }

    /// <summary>
    /// Homework is <c>{id:{id,value,individual}}</c>, an array of the same, or <c>[]</c>: the class's
    /// tasks, each once. An <c>individual: true</c> task is one pupil's, not the lesson's homework.
    /// </summary>
    private static string? ReadHomework(JToken? homework)
    {
        var common = new List<string>();
        foreach (var entry in EljurJson.Elements(homework))
        {
            var text = entry.Type == JTokenType.String ? EljurJson.Text(entry) : EljurJson.Text(EljurJson.Get(entry, "value"));
            if (text is not null && !EljurJson.Flag(EljurJson.Get(entry, "individual")))
            {
                common.Add(text);
            }
        }

        var all = common.Distinct(StringComparer.Ordinal).ToList();
        return all.Count == 0 ? null : string.Join("\n", all);
    }

    /// <summary>Reads <c>getmarks</c>: <c>students{id:{name,title,lessons:[{name,marks:[…]}]}}</c>.</summary>
    public static (List<RawMark> Marks, List<RawStudent> Students) ReadMarks(JToken result, FetchUnit unit, Func<string, string?> classOfStudent)
    {
        var marks = new List<RawMark>();
        var students = new List<RawStudent>();
        if (EljurJson.IsEmpty(result))
        {
            return (marks, students);
        }

        var root = RequireObject(result, "getmarks", "result");
        foreach (var entry in Keyed(root["students"]))
        {
            var data = entry.Value as JObject ?? throw Malformed("getmarks", $"students.{entry.Key} is not an object");
            var id = entry.Key;
            var className = EljurJson.Text(data["class"]) ?? classOfStudent(id) ?? unit.ClassName;
            students.Add(new RawStudent(id, EljurJson.Text(data["title"]) ?? EljurJson.Text(data["name"]), className));
            var ordinal = 0;
            foreach (var lesson in EljurJson.Elements(data["lessons"]))
            {
                var subject = EljurJson.Text(EljurJson.Get(lesson, "name"));
                if (subject is null)
                {
                    throw Malformed("getmarks", $"a subject without a name for student {id}");
                }

                foreach (var mark in EljurJson.Elements(EljurJson.Get(lesson, "marks")))
                {
                    var value = EljurJson.Text(EljurJson.Get(mark, "value"));
                    ordinal++;
                    if (value is null)
                    {
                        continue; // a phantom mark: ЭлЖур lists an empty cell
                    }

                    var type = EljurJson.Get(mark, "mtype");
                    var workType = type is JObject t ? EljurJson.Text(t["type"]) ?? EljurJson.Text(t["short"]) : EljurJson.Text(type);
                    marks.Add(new RawMark(
                        id,
                        subject,
                        EljurJson.Date(EljurJson.Text(EljurJson.Get(mark, "date"))),
                        EljurJson.Id(EljurJson.Get(mark, "lesson_id")),
                        value,
                        EljurJson.Decimal(EljurJson.Get(mark, "weight")) ?? EljurJson.Decimal(EljurJson.Get(mark, "weight_float")),
                        workType,
                        EljurJson.Id(EljurJson.Get(mark, "nm")),
                        ordinal));
                }
            }
        }

        return (marks, students);
    }

    /// <summary>Reads <c>getfinalassessments</c>: <c>students{id:{items:[{name,assessments:[{period,value}]}]}}</c>.</summary>
    public static (List<RawFinal> Finals, List<RawStudent> Students) ReadFinals(JToken result, FetchUnit unit, Func<string, string?> classOfStudent)
    {
        var finals = new List<RawFinal>();
        var students = new List<RawStudent>();
        if (EljurJson.IsEmpty(result))
        {
            return (finals, students);
        }

        var root = RequireObject(result, "getfinalassessments", "result");
        foreach (var entry in Keyed(root["students"]))
        {
            var data = entry.Value as JObject ?? throw Malformed("getfinalassessments", $"students.{entry.Key} is not an object");
            students.Add(new RawStudent(entry.Key, EljurJson.Text(data["title"]) ?? EljurJson.Text(data["name"]), EljurJson.Text(data["class"]) ?? classOfStudent(entry.Key) ?? unit.ClassName));
            foreach (var item in EljurJson.Elements(data["items"]))
            {
                var subject = EljurJson.Text(EljurJson.Get(item, "name"));
                if (subject is null)
                {
                    throw Malformed("getfinalassessments", $"a subject without a name for student {entry.Key}");
                }

                foreach (var a in EljurJson.Elements(EljurJson.Get(item, "assessments")))
                {
                    var value = EljurJson.Text(EljurJson.Get(a, "value"));
                    var period = EljurJson.Text(EljurJson.Get(a, "period"));
                    if (value is null || period is null)
                    {
                        continue; // not given yet
                    }

                    finals.Add(new RawFinal(entry.Key, subject, period, value));
                }
            }
        }

        return (finals, students);
    }

    private static JObject RequireObject(JToken token, string method, string path)
    {
        if (token is JObject o)
        {
            return o;
        }

        if (token is JArray { Count: 0 })
        {
            return new JObject(); // an empty object sent as []
        }

        throw Malformed(method, $"{path} is {token.Type.ToString().ToLowerInvariant()}, expected an object");
    }

    /// <summary>
    /// Members of a map keyed by id or name, which may also arrive as an array of records carrying
    /// their own <c>id</c> or <c>name</c>.
    /// </summary>
    private static IEnumerable<KeyValuePair<string, JToken>> Keyed(JToken? token)
    {
        if (token is JArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var key = EljurJson.Id(EljurJson.Get(array[i], "id")) ?? EljurJson.Id(EljurJson.Get(array[i], "name"));
                if (key is not null)
                {
                    yield return new KeyValuePair<string, JToken>(key, array[i]);
                }
            }

            yield break;
        }

        foreach (var entry in EljurJson.Entries(token))
        {
            yield return entry;
        }
    }

    private static string? JoinName(JObject root)
    {
        var parts = new[] { "lastname", "firstname", "middlename" }.Select(k => EljurJson.Text(root[k])).Where(p => p is not null).ToList();
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }

    public static ConnectorException Malformed(string method, string what) =>
        new(EljurApiClient.ConnectorId, method, "unexpected answer: " + what, ConnectorFailureKind.MalformedResponse);

    public static string Day(DateTime date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
