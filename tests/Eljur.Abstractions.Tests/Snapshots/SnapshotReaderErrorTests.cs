using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Eljur.Abstractions.Snapshots;
using static Eljur.Abstractions.Tests.Snapshots.SnapshotTestSupport;

namespace Eljur.Abstractions.Tests.Snapshots;

public class SnapshotReaderErrorTests
{
    private const string GoodMark =
        """{ "id": "m1", "studentId": "s1", "subjectId": "rus", "lessonId": "l1", "date": "2024-09-02", "kind": "current", "value": "5" }""";

    private const string GoodAbsence = """{ "lessonId": "l1", "studentId": "s1" }""";

    /// <summary>A small valid document; the absences are on line 9 and the marks on line 11.</summary>
    private static string Doc(string mark = GoodMark, string absence = GoodAbsence, string format = "eljur.snapshot/1", string workWeek = "5") =>
        string.Join(
            "\n",
            "{",
            "  \"format\": \"" + format + "\",",
            "  \"source\": { \"connector\": \"file\", \"fetchedAt\": \"2024-10-01T18:05:00+05:00\", \"from\": \"2024-09-01\", \"to\": \"2024-10-01\" },",
            "  \"school\": { \"id\": \"sch\", \"timeZone\": \"Asia/Yekaterinburg\", \"workWeek\": " + workWeek + " },",
            "  \"subjects\": [ { \"id\": \"rus\", \"name\": \"Русский язык\" } ],",
            "  \"classes\": [ { \"id\": \"c9a\", \"name\": \"9А\" } ],",
            "  \"students\": [ { \"id\": \"s1\", \"name\": \"Иванов\", \"classId\": \"c9a\" } ],",
            "  \"lessons\": [ { \"id\": \"l1\", \"classId\": \"c9a\", \"subjectId\": \"rus\", \"date\": \"2024-09-02\" } ],",
            "  \"absences\": [ " + absence + " ],",
            "  \"marks\": [",
            "    " + mark,
            "  ]",
            "}");

    private static SnapshotFormatException Fails(string json, string path, int line)
    {
        var e = Assert.Throws<SnapshotFormatException>(() => Read(json));
        Assert.Equal(path, e.JsonPath);
        Assert.Equal(line, e.LineNumber);
        Assert.Contains("line " + line, e.Message);
        Assert.Contains(path, e.Message);
        return e;
    }

    [Fact]
    public void The_base_document_is_valid()
    {
        var s = Read(Doc());
        Assert.Equal("m1", Assert.Single(s.Marks!).Id);
        Assert.Equal("l1:s1", Assert.Single(s.Absences!).Key);
    }

    [Theory]
    [InlineData("this is not JSON", 1)]
    [InlineData("nope", 1)]
    [InlineData("\n\n  <snapshot/>", 3)]
    public void Not_json(string text, int line)
    {
        var e = Fails(text, "$", line);
        Assert.IsType<Newtonsoft.Json.JsonReaderException>(e.InnerException);
        Assert.Contains("pars", e.Problem);
        Assert.DoesNotContain("Path '", e.Problem);
    }

    [Fact]
    public void Not_an_object()
    {
        var e = Fails("[1, 2]", "$", 1);
        Assert.Contains("expected a JSON object, found StartArray", e.Problem);
    }

    [Fact]
    public void Empty_input()
    {
        var e = Assert.Throws<SnapshotFormatException>(() => Read("  "));
        Assert.Contains("empty", e.Problem);
    }

    [Fact]
    public void Truncated()
    {
        var json = Doc();
        var cut = json.Substring(0, json.IndexOf("\"kind\": \"current\"", StringComparison.Ordinal) + 9);
        var e = Assert.Throws<SnapshotFormatException>(() => Read(cut));
        Assert.Equal(11, e.LineNumber);
        Assert.StartsWith("$.marks[0]", e.JsonPath);
        Assert.Contains("line 11", e.Message);
    }

    [Fact]
    public void Truncated_after_a_record()
    {
        var json = Doc();
        var cut = json.Substring(0, json.IndexOf("  ]\n}", StringComparison.Ordinal));
        var e = Assert.Throws<SnapshotFormatException>(() => Read(cut));
        Assert.Equal("$.marks[0]", e.JsonPath);
        Assert.NotNull(e.LineNumber);
        Assert.Contains("$.marks[0]", e.Message);
    }

    [Fact]
    public void Trailing_content_after_the_document()
    {
        var e = Assert.Throws<SnapshotFormatException>(() => Read(Doc() + "\n{}"));
        Assert.Equal(14, e.LineNumber);
        Assert.Equal(1, e.LinePosition);
    }

    [Fact]
    public void Wrong_type_string_expected()
    {
        var e = Fails(Doc(GoodMark.Replace("\"value\": \"5\"", "\"value\": 5")), "$.marks[0].value", 11);
        Assert.Equal("expected a string, found Integer", e.Problem);
    }

    [Fact]
    public void Wrong_type_number_expected()
    {
        var e = Fails(Doc(GoodMark.Replace("\"value\": \"5\"", "\"value\": \"5\", \"weight\": \"2\"")), "$.marks[0].weight", 11);
        Assert.Equal("expected a number, found String", e.Problem);
    }

    [Fact]
    public void Wrong_type_boolean_expected()
    {
        var e = Fails(Doc(absence: """{ "lessonId": "l1", "studentId": "s1", "late": "yes" }"""), "$.absences[0].late", 9);
        Assert.Equal("expected true or false, found String", e.Problem);
    }

    [Fact]
    public void Wrong_type_object_expected()
    {
        var e = Fails(Doc("\"m1\""), "$.marks[0]", 11);
        Assert.Equal("expected an object, found String", e.Problem);
    }

    [Fact]
    public void A_number_where_an_id_is_expected()
    {
        var e = Fails(Doc(GoodMark.Replace("\"studentId\": \"s1\"", "\"studentId\": 2300000000000000123")), "$.marks[0].studentId", 11);
        Assert.StartsWith("expected a string id, found Integer", e.Problem);
    }

    [Fact]
    public void Missing_required_field()
    {
        var e = Fails(Doc(GoodMark.Replace("\"date\": \"2024-09-02\", ", "")), "$.marks[0].date", 11);
        Assert.Equal("required field \"date\" is missing or null", e.Problem);
        Assert.Equal(5, e.LinePosition);
    }

    [Fact]
    public void A_mark_with_no_student()
    {
        var e = Fails(Doc(GoodMark.Replace("\"studentId\": \"s1\", ", "")), "$.marks[0].studentId", 11);
        Assert.Contains("\"studentId\"", e.Problem);
    }

    [Fact]
    public void A_mark_with_a_null_student()
    {
        var e = Fails(Doc(GoodMark.Replace("\"studentId\": \"s1\"", "\"studentId\": null")), "$.marks[0].studentId", 11);
        Assert.Contains("missing or null", e.Problem);
    }

    [Fact]
    public void An_empty_id()
    {
        var e = Fails(Doc(GoodMark.Replace("\"id\": \"m1\"", "\"id\": \"\"")), "$.marks[0].id", 11);
        Assert.Equal("an id must not be empty", e.Problem);
    }

    [Fact]
    public void Missing_required_field_of_a_revision()
    {
        var e = Fails(
            Doc(GoodMark.Replace("\"value\": \"5\"", "\"value\": \"5\", \"revisions\": [ { \"at\": \"2024-09-02T10:00:00Z\", \"from\": \"4\" } ]")),
            "$.marks[0].revisions[0].to",
            11);
        Assert.Contains("\"to\"", e.Problem);
    }

    [Fact]
    public void Unknown_enum_value()
    {
        var e = Fails(Doc(GoodMark.Replace("\"kind\": \"current\"", "\"kind\": \"oral\"")), "$.marks[0].kind", 11);
        Assert.Equal("unknown value \"oral\"; expected one of: current, written, period, year, exam, gia, final", e.Problem);
    }

    [Fact]
    public void Timestamp_without_offset()
    {
        var e = Fails(
            Doc(GoodMark.Replace("\"value\": \"5\"", "\"value\": \"5\", \"enteredAt\": \"2024-09-02T10:00:00\"")),
            "$.marks[0].enteredAt",
            11);
        Assert.StartsWith("timestamp needs an offset", e.Problem);
    }

    [Theory]
    [InlineData("2024-09-02 10:00:00+05:00")]
    [InlineData("2024-09-02T25:00:00+05:00")]
    [InlineData("2024-09-02T10:00:00+5")]
    [InlineData("2024-09-02T10:00:00.12345678Z")]
    [InlineData("2024-09-02")]
    public void Malformed_timestamp(string value)
    {
        var e = Fails(
            Doc(GoodMark.Replace("\"value\": \"5\"", "\"value\": \"5\", \"enteredAt\": \"" + value + "\"")),
            "$.marks[0].enteredAt",
            11);
        Assert.StartsWith("expected a timestamp", e.Problem);
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("2024-9-2")]
    [InlineData("02.09.2024")]
    [InlineData("2024-09-02T00:00:00")]
    [InlineData("")]
    public void Bad_date(string value)
    {
        var e = Fails(Doc(GoodMark.Replace("\"date\": \"2024-09-02\"", "\"date\": \"" + value + "\"")), "$.marks[0].date", 11);
        Assert.Equal("expected a date YYYY-MM-DD, found \"" + value + "\"", e.Problem);
    }

    [Fact]
    public void Bad_time_of_day()
    {
        var json = Doc().Replace("\"date\": \"2024-09-02\" } ],", "\"date\": \"2024-09-02\", \"start\": \"8:30\" } ],");
        var e = Fails(json, "$.lessons[0].start", 8);
        Assert.Contains("HH:mm", e.Problem);
    }

    [Fact]
    public void Dangling_reference_from_a_mark_to_a_student()
    {
        var e = Fails(Doc(GoodMark.Replace("\"studentId\": \"s1\"", "\"studentId\": \"s99\"")), "$.marks[0].studentId", 11);
        Assert.Equal("refers to student \"s99\" which is not in $.students", e.Problem);
    }

    [Fact]
    public void Dangling_reference_from_an_absence_to_a_lesson()
    {
        var e = Fails(Doc(absence: """{ "lessonId": "l404", "studentId": "s1" }"""), "$.absences[0].lessonId", 9);
        Assert.Equal("refers to lesson \"l404\" which is not in $.lessons", e.Problem);
    }

    [Fact]
    public void Dangling_reference_to_a_later_section_is_found()
    {
        // The marks come before the subjects here: references are checked after the whole document.
        var json = "{\n\"marks\": [\n" + GoodMark.Replace("\"rus\"", "\"math\"") + "\n],\n"
            + Doc().Substring(2).Replace("\"marks\": [\n    " + GoodMark + "\n  ]", "\"staff\": []");
        var e = Fails(json, "$.marks[0].subjectId", 3);
        Assert.Equal("refers to subject \"math\" which is not in $.subjects", e.Problem);
    }

    [Fact]
    public void References_into_an_absent_array_are_not_checked()
    {
        var json = Doc().Replace("  \"lessons\": [ { \"id\": \"l1\", \"classId\": \"c9a\", \"subjectId\": \"rus\", \"date\": \"2024-09-02\" } ],\n", "");
        var s = Read(json);
        Assert.Null(s.Lessons);
        Assert.Equal("l1", s.Marks![0].LessonId);
    }

    [Fact]
    public void Dangling_reference_inside_a_list_of_ids()
    {
        var json = Doc().Replace("\"absences\"", "\"accounts\": [ { \"id\": \"a1\", \"role\": \"parent\", \"studentIds\": [\"s1\", \"s7\"] } ],\n  \"absences\"");
        var e = Fails(json, "$.accounts[0].studentIds[1]", 9);
        Assert.Equal("refers to student \"s7\" which is not in $.students", e.Problem);
    }

    [Fact]
    public void Authors_are_not_checked()
    {
        var s = Read(Doc(GoodMark.Replace("\"value\": \"5\"", "\"value\": \"5\", \"enteredBy\": \"s1\"")));
        Assert.Equal("s1", s.Marks![0].EnteredBy);
    }

    [Fact]
    public void Duplicate_id()
    {
        var e = Fails(Doc(GoodMark + ", " + GoodMark), "$.marks[1].id", 11);
        Assert.Equal("duplicate id \"m1\"; first used at $.marks[0]", e.Problem);
    }

    [Fact]
    public void Duplicate_section()
    {
        var e = Fails(Doc().Replace("\"absences\"", "\"subjects\": [],\n  \"absences\""), "$.subjects", 9);
        Assert.Contains("appears twice", e.Problem);
    }

    [Fact]
    public void Wrong_format_id()
    {
        var e = Fails(Doc(format: "eljur.snapshot/2"), "$.format", 2);
        Assert.Equal("unsupported format \"eljur.snapshot/2\"; expected \"eljur.snapshot/1\"", e.Problem);
    }

    [Fact]
    public void Missing_format_id()
    {
        var e = Fails(Doc().Replace("\"format\"", "\"formatVersion\""), "$.format", 1);
        Assert.Contains("\"format\"", e.Problem);
    }

    [Fact]
    public void Work_week_must_be_five_or_six()
    {
        var e = Fails(Doc(workWeek: "7"), "$.school.workWeek", 4);
        Assert.Equal("workWeek must be 5 or 6, found 7", e.Problem);
    }

    [Fact]
    public void Missing_school()
    {
        var json = Doc().Replace("  \"school\": { \"id\": \"sch\", \"timeZone\": \"Asia/Yekaterinburg\", \"workWeek\": 5 },\n", "");
        var e = Fails(json, "$.school", 1);
        Assert.Contains("\"school\"", e.Problem);
    }

    [Fact]
    public void Invalid_utf8()
    {
        var text = Doc();
        var offset = Encoding.UTF8.GetByteCount(text.Substring(0, text.IndexOf("Иванов", StringComparison.Ordinal)));
        var broken = Encoding.UTF8.GetBytes(text);
        broken[offset] = 0xFF;

        var e = Assert.Throws<SnapshotFormatException>(() => SnapshotReader.Read(new MemoryStream(broken)));
        Assert.Contains("UTF-8", e.Problem);
    }

    [Fact]
    public void ReadFile_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "bad-snapshot-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, Doc(GoodMark.Replace("\"studentId\": \"s1\"", "\"studentId\": \"s99\"")));
        try
        {
            var e = Assert.Throws<SnapshotFormatException>(() => SnapshotReader.ReadFile(path));
            Assert.Equal(path, e.FileName);
            Assert.StartsWith(path + ": line 11, position 5, $.marks[0].studentId: refers to student \"s99\"", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Stream_errors_name_the_given_file()
    {
        var e = Assert.Throws<SnapshotFormatException>(() => Read("{", "x.json"));
        Assert.StartsWith("x.json: line 1", e.Message);
    }

    [Fact]
    public void A_cancelled_token_stops_the_reader()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => SnapshotReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Doc())), null, cts.Token));
    }

    [Fact]
    public void Cancellation_is_noticed_while_reading()
    {
        var sb = new StringBuilder("{\"format\":\"eljur.snapshot/1\",\"marks\":[");
        for (var i = 0; i < 20_000; i++)
        {
            sb.Append(i == 0 ? "" : ",")
              .Append("{\"id\":\"m").Append(i).Append("\",\"studentId\":\"s1\",\"subjectId\":\"rus\",\"date\":\"2024-09-02\",\"kind\":\"current\",\"value\":\"5\"}");
        }

        sb.Append("]}");
        using var cts = new CancellationTokenSource();
        var stream = new ForwardOnlyStream(Encoding.UTF8.GetBytes(sb.ToString()), 4096) { OnRead = n => { if (n > 100_000) cts.Cancel(); } };

        Assert.Throws<OperationCanceledException>(() => SnapshotReader.Read(stream, null, cts.Token));
        Assert.True(stream.BytesRead < 1_000_000);
    }
}
