using System;
using System.IO;
using System.Linq;
using System.Text;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;
using static Eljur.Abstractions.Tests.Snapshots.SnapshotTestSupport;

namespace Eljur.Abstractions.Tests.Snapshots;

public class SnapshotRoundTripTests
{
    [Fact]
    public void Write_of_read_is_stable_and_lossless()
    {
        var first = Read(SampleSnapshot.Json);
        var text1 = Write(first);
        var second = Read(text1);
        var text2 = Write(second);

        Assert.Equal(text1, text2);
        AssertDeepEqual(first, second);

        var compact = Write(first, indented: false);
        Assert.DoesNotContain("\n", compact);
        AssertDeepEqual(first, Read(compact));
    }

    [Fact]
    public void Every_field_of_the_sample_is_read()
    {
        var s = Read(SampleSnapshot.Json);

        Assert.Equal("eljur.snapshot/1", s.Format);
        Assert.Equal("eljur", s.Source.Connector);
        Assert.Equal("school-66-ekb", s.Source.Instance);
        Assert.Equal(new DateTimeOffset(2024, 10, 1, 18, 5, 0, TimeSpan.FromHours(5)), s.Source.FetchedAt);
        Assert.Equal(new DateTime(2024, 9, 1), s.Source.From);
        Assert.Equal(DateTimeKind.Unspecified, s.Source.From.Kind);
        Assert.Equal(new DateTime(2024, 10, 1), s.Source.To);
        Assert.Equal(17, s.Source.Capabilities.Count);
        Assert.Equal("lessonTimes", s.Source.Capabilities[16]);

        Assert.Equal("66-001", s.School.Id);
        Assert.Equal("МАОУ СОШ № 1 г. Екатеринбурга", s.School.Name);
        Assert.Equal("Asia/Yekaterinburg", s.School.TimeZone);
        Assert.Equal(6, s.School.WorkWeek);
        Assert.Equal("Свердловская область", s.School.Region);

        Assert.Equal(
            new[] { PeriodKind.Quarter, PeriodKind.Trimester, PeriodKind.HalfYear, PeriodKind.Year },
            s.Periods!.Select(p => p.Kind));
        Assert.Equal("1 четверть", s.Periods![0].Name);
        Assert.Equal(new DateTime(2024, 10, 25), s.Periods[0].End);

        var holiday = Assert.Single(s.Holidays!);
        Assert.Equal("Осенние каникулы", holiday.Name);
        Assert.Equal(new DateTime(2024, 10, 28), holiday.Start);
        Assert.Equal(new DateTime(2024, 11, 4), holiday.End);

        Assert.Equal("Алгебра", s.Subjects![1].Name);

        var cls = Assert.Single(s.Classes!);
        Assert.Equal("9А", cls.Name);
        Assert.Equal(9, cls.Grade);
        Assert.Equal("t1", cls.HomeroomTeacherId);

        Assert.Equal(true, s.Students![0].Consent);
        Assert.Null(s.Students[0].LeftOn);
        Assert.Equal(false, s.Students[1].Consent);
        Assert.Equal(new DateTime(2024, 9, 30), s.Students[1].LeftOn);
        Assert.Equal(new DateTime(2016, 9, 1), s.Students[1].EnrolledOn);
        Assert.Equal("c9a", s.Students[1].ClassId);

        Assert.Equal(new[] { StaffRole.Teacher, StaffRole.ClassTeacher }, s.Staff![0].Roles);
        Assert.Equal(5, s.Staff[1].Roles.Count);
        Assert.Equal(StaffRole.Secretary, s.Staff[1].Roles[4]);
        Assert.Equal(new DateTime(2024, 12, 31), s.Staff[1].EmployedUntil);
        Assert.Null(s.Staff[0].EmployedUntil);

        var l1 = s.Lessons![0];
        Assert.Equal(("l1", "c9a", "rus", "t1", "t2", "g1"), (l1.Id, l1.ClassId, l1.SubjectId, l1.TeacherId, l1.SubstituteId, l1.GroupId));
        Assert.Equal(new DateTime(2024, 9, 2), l1.Date);
        Assert.Equal(new TimeSpan(8, 30, 0), l1.Start);
        Assert.Equal(new TimeSpan(9, 15, 30), l1.End);
        Assert.Equal(LessonKind.Test, l1.Kind);
        Assert.Equal(true, l1.Held);
        Assert.Equal(new DateTimeOffset(2024, 9, 2, 9, 20, 0, TimeSpan.FromHours(5)), l1.HeldAt);
        Assert.Equal("Сложноподчинённые предложения", l1.Topic);
        Assert.Equal(new DateTimeOffset(2024, 9, 2, 10, 0, 0, 500, TimeSpan.FromHours(5)), l1.TopicEnteredAt);
        Assert.Equal(new DateTimeOffset(2024, 9, 2, 0, 0, 0, TimeSpan.FromHours(5)), l1.TopicEnteredAfter);
        Assert.Equal("Упр. 15, с. 42 «Повторить правила»", l1.Homework);
        Assert.Equal(new DateTimeOffset(2024, 9, 2, 15, 30, 0, TimeSpan.Zero), l1.HomeworkEnteredAt);
        Assert.Equal(new DateTimeOffset(2024, 9, 2, 14, 0, 0, TimeSpan.Zero), l1.HomeworkEnteredAfter);
        Assert.Equal("Контрольная работа", l1.Comment);
        Assert.Equal(TimeSpan.FromHours(-3), l1.CommentEnteredAt!.Value.Offset);
        Assert.Equal(
            new[] { LessonKind.Test, LessonKind.Regular, LessonKind.Lab, LessonKind.Practical, LessonKind.Excursion, LessonKind.Regular },
            s.Lessons.Select(l => l.Kind));
        Assert.Equal(false, s.Lessons[1].Held);
        Assert.False(s.Lessons[1].IsHeld);
        Assert.Null(s.Lessons[2].Held);
        Assert.Equal("", s.Lessons[5].TeacherId);

        Assert.Equal(AbsenceReason.Valid, s.Absences![0].Reason);
        Assert.False(s.Absences[0].Late);
        Assert.Equal("t1", s.Absences[0].EnteredBy);
        Assert.Equal(new DateTimeOffset(2024, 9, 2, 8, 30, 0, TimeSpan.FromHours(5)), s.Absences[0].EnteredAfter);
        Assert.Equal(AbsenceReason.Invalid, s.Absences[1].Reason);
        Assert.True(s.Absences[1].Late);
        Assert.Equal(AbsenceReason.Unknown, s.Absences[2].Reason);
        Assert.Equal("l3:s1", s.Absences[2].Key);

        var m1 = s.Marks![0];
        Assert.Equal(("m1", "s1", "rus", "l1", "5"), (m1.Id, m1.StudentId, m1.SubjectId, m1.LessonId, m1.Value));
        Assert.Equal(MarkKind.Written, m1.Kind);
        Assert.Equal(2m, m1.Weight);
        Assert.Equal(new DateTime(2024, 9, 2, 16, 0, 0).AddTicks(1234567), m1.EnteredAt!.Value.DateTime);
        Assert.Equal("t1", m1.EnteredBy);
        Assert.Equal(2, m1.Revisions.Count);
        Assert.Equal(("t1", "", "4"), (m1.Revisions[0].By, m1.Revisions[0].From, m1.Revisions[0].To));
        Assert.Null(m1.Revisions[0].After);
        Assert.Equal(new DateTimeOffset(2024, 9, 2, 20, 0, 0, TimeSpan.Zero), m1.Revisions[1].After);
        Assert.Equal("s1", m1.Revisions[1].By);
        Assert.Equal(
            new[] { MarkKind.Written, MarkKind.Period, MarkKind.Current, MarkKind.Year, MarkKind.Exam, MarkKind.Gia, MarkKind.Final },
            s.Marks.Select(m => m.Kind));
        Assert.Equal("q1", s.Marks[1].PeriodId);
        Assert.Equal("3/5", s.Marks[1].Value);
        Assert.Equal("1.50", s.Marks[1].Weight!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("зач", s.Marks[2].Value);
        Assert.Equal("н/а", s.Marks[3].Value);
        Assert.Empty(s.Marks[3].Revisions);
        Assert.Null(s.Marks[3].Weight);

        var plan = Assert.Single(s.Plans!);
        Assert.Equal(102m, plan.PlannedHours);
        Assert.Equal(102.5m, plan.CurriculumHours);
        Assert.Equal(new DateTimeOffset(2024, 8, 30, 12, 0, 0, TimeSpan.FromHours(5)), plan.EnteredAt);

        var gia = Assert.Single(s.GiaResults!);
        Assert.Equal(("s1", "rus", "5"), (gia.StudentId, gia.SubjectId, gia.Value));
        Assert.Equal(new DateTime(2025, 6, 20), gia.AnnouncedOn);
        Assert.Equal(new DateTimeOffset(2025, 6, 21, 10, 0, 0, TimeSpan.FromHours(5)), gia.EnteredAt);

        Assert.Equal(
            new[] { AccountRole.Student, AccountRole.Parent, AccountRole.Teacher, AccountRole.Administration },
            s.Accounts!.Select(a => a.Role));
        Assert.Equal("s1", s.Accounts![0].PersonId);
        Assert.True(s.Accounts[0].Active);
        Assert.Equal(new DateTimeOffset(2024, 9, 1, 19, 0, 0, TimeSpan.FromHours(5)), s.Accounts[0].ActivatedAt);
        Assert.Equal(new DateTimeOffset(2024, 9, 30, 21, 15, 0, TimeSpan.FromHours(5)), s.Accounts[0].LastLoginAt);
        Assert.Equal(new[] { "s1", "s2" }, s.Accounts[1].StudentIds);
        Assert.False(s.Accounts[1].Active);
        Assert.Null(s.Accounts[1].ActivatedAt);
        Assert.Empty(s.Accounts[2].StudentIds);

        var login = Assert.Single(s.Logins!);
        Assert.Equal("a1", login.AccountId);
        Assert.Equal(new DateTimeOffset(2024, 9, 5, 19, 45, 0, TimeSpan.FromHours(5)), login.At);

        Assert.Equal(
            new[] { OperationKind.Backup, OperationKind.Archive, OperationKind.Export, OperationKind.Print },
            s.Operations!.Select(o => o.Kind));
        Assert.Equal(2, s.Operations![0].Copies);
        Assert.Equal("journal", s.Operations[0].Scope);
        Assert.Null(s.Operations[2].Copies);
        Assert.Null(s.Operations[2].Scope);

        Assert.Equal(
            new[] { ArchiveDocumentType.ClassJournal, ArchiveDocumentType.SummarySheet, ArchiveDocumentType.ElectronicCopy },
            s.Archive!.Select(a => a.DocumentType));
        Assert.Equal("2023/2024", s.Archive![0].SchoolYear);
        Assert.Equal("c9a", s.Archive[0].ClassId);
        Assert.Equal(new DateTime(2029, 7, 1), s.Archive[0].DestroyedOn);
        Assert.Null(s.Archive[1].ClassId);
        Assert.Equal(new DateTime(2024, 7, 1), s.Archive[2].ArchivedOn);
    }

    [Fact]
    public void Offsets_are_preserved_and_written_back()
    {
        var s = Read(SampleSnapshot.Json);
        var text = Write(s);
        var again = Read(text);

        Assert.Equal(TimeSpan.FromHours(5), again.Source.FetchedAt.Offset);
        Assert.Equal(new DateTime(2024, 10, 1, 18, 5, 0), again.Source.FetchedAt.DateTime);
        Assert.Equal(TimeSpan.Zero, again.Lessons![0].HomeworkEnteredAt!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(-3), again.Lessons[0].CommentEnteredAt!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(5), again.Marks![0].EnteredAt!.Value.Offset);

        Assert.Contains("\"fetchedAt\": \"2024-10-01T18:05:00+05:00\"", text);
        Assert.Contains("\"homeworkEnteredAt\": \"2024-09-02T15:30:00Z\"", text);
        Assert.Contains("\"commentEnteredAt\": \"2024-09-02T09:16:00-03:00\"", text);
        Assert.Contains("\"topicEnteredAt\": \"2024-09-02T10:00:00.5+05:00\"", text);
        Assert.Contains("\"enteredAt\": \"2024-09-02T16:00:00.1234567+05:00\"", text);
    }

    [Fact]
    public void Zero_offset_in_any_spelling_reads_as_zero_and_writes_as_Z()
    {
        var json = SampleSnapshot.Json.Replace("2024-09-02T15:30:00Z", "2024-09-02T15:30:00+00:00");
        var s = Read(json);
        Assert.Equal(TimeSpan.Zero, s.Lessons![0].HomeworkEnteredAt!.Value.Offset);
        Assert.Contains("\"homeworkEnteredAt\": \"2024-09-02T15:30:00Z\"", Write(s));
    }

    [Fact]
    public void Large_ids_are_kept_exactly()
    {
        var s = Read(SampleSnapshot.Json);
        Assert.Equal("2300000000000000123", s.Subjects![1].Id);
        Assert.Equal("2300000000000000123", s.Marks![1].SubjectId);
        Assert.Equal("2300000000000000123", s.Lessons![1].SubjectId);
        Assert.Contains("\"id\": \"2300000000000000123\"", Write(s));
    }

    [Fact]
    public void Unknown_properties_are_preserved_at_top_level_in_records_and_in_revisions()
    {
        var s = Read(SampleSnapshot.Json);

        Assert.Equal(
            "{\"name\":\"выгрузка\",\"version\":2,\"flags\":[true,null,1.50,123456789012345678901234567890]}",
            s.ExtensionData!["generator"]);
        Assert.Equal("30", s.Source.ExtensionData!["pollIntervalMinutes"]);
        Assert.Equal("\"каб. 12\"", s.Lessons![0].ExtensionData!["room"]);
        Assert.Equal("{\"x\":1,\"текст\":\"ок\"}", s.Marks![0].ExtensionData!["note"]);
        Assert.Equal("\"опрос\"", s.Marks[0].Revisions[1].ExtensionData!["source"]);
        Assert.Null(s.Marks[0].Revisions[0].ExtensionData);
        Assert.Null(s.Lessons[1].ExtensionData);

        var text = Write(s);
        Assert.Contains("\"room\": \"каб. 12\"", text);
        Assert.Contains("\"source\": \"опрос\"", text);
        Assert.Contains("123456789012345678901234567890", text);

        // Known properties first, extensions after them.
        var top = text.IndexOf("\"generator\"", StringComparison.Ordinal);
        Assert.True(top > text.IndexOf("\"archive\"", StringComparison.Ordinal));

        var again = Read(text);
        Assert.Equal(s.ExtensionData["generator"], again.ExtensionData!["generator"]);
        Assert.Equal("\"опрос\"", again.Marks![0].Revisions[1].ExtensionData!["source"]);
        Assert.Equal("{\"x\":1,\"текст\":\"ок\"}", again.Marks[0].ExtensionData!["note"]);
    }

    [Fact]
    public void Absent_and_empty_arrays_stay_distinct()
    {
        const string json = """
            {
              "format": "eljur.snapshot/1",
              "source": { "connector": "file", "fetchedAt": "2024-10-01T18:05:00Z", "from": "2024-09-01", "to": "2024-10-01" },
              "school": { "id": "sch", "timeZone": "Europe/Moscow", "workWeek": 5 },
              "marks": [],
              "lessons": null,
              "staff": [ { "id": "t1", "name": "Учитель" } ],
              "accounts": [ { "id": "a1", "role": "parent", "studentIds": [] } ]
            }
            """;
        var s = Read(json);

        Assert.NotNull(s.Marks);
        Assert.Empty(s.Marks!);
        Assert.Null(s.Lessons);
        Assert.Null(s.Students);
        Assert.Null(s.Periods);
        Assert.Empty(s.Source.Capabilities);
        Assert.Empty(s.Staff![0].Roles);
        Assert.Empty(s.Accounts![0].StudentIds);

        var text = Write(s);
        Assert.Contains("\"marks\": []", text);
        Assert.Contains("\"capabilities\": []", text);
        Assert.Contains("\"roles\": []", text);
        Assert.DoesNotContain("\"lessons\"", text);
        Assert.DoesNotContain("\"students\"", text);
        Assert.DoesNotContain("\"studentIds\"", text);
        Assert.DoesNotContain("\"revisions\"", text);

        var again = Read(text);
        Assert.NotNull(again.Marks);
        Assert.Empty(again.Marks!);
        Assert.Null(again.Lessons);
        Assert.Null(again.Students);
    }

    [Fact]
    public void Defaults_are_written_explicitly_and_null_optionals_are_left_out()
    {
        var s = Read(SampleSnapshot.Json);
        var text = Write(s);

        // l6 has no kind and no teacher; absence 3 has no reason and no late flag.
        Assert.Contains("\"id\": \"l6\",\n      \"classId\": \"c9a\",\n      \"subjectId\": \"rus\",\n      \"teacherId\": \"\",\n      \"date\": \"2024-09-07\",\n      \"kind\": \"regular\"\n    }", text);
        Assert.Contains("\"lessonId\": \"l3\",\n      \"studentId\": \"s1\",\n      \"reason\": \"unknown\",\n      \"late\": false\n    }", text);
    }

    [Fact]
    public void Numbers_and_times_are_written_as_they_were()
    {
        var text = Write(Read(SampleSnapshot.Json));

        Assert.Contains("\"weight\": 2,", text);
        Assert.Contains("\"weight\": 1.50\n", text);
        Assert.Contains("\"weight\": 0.25\n", text);
        Assert.Contains("\"plannedHours\": 102,", text);
        Assert.Contains("\"curriculumHours\": 102.5,", text);
        Assert.Contains("\"start\": \"08:30\"", text);
        Assert.Contains("\"end\": \"09:15:30\"", text);
        Assert.Contains("\"workWeek\": 6", text);
        Assert.Contains("\"copies\": 2", text);
    }

    [Fact]
    public void Writer_emits_utf8_without_bom_in_spec_order_and_leaves_the_stream_open()
    {
        var s = Read(SampleSnapshot.Json);
        using var ms = new MemoryStream();
        SnapshotWriter.Write(s, ms);
        Assert.True(ms.CanWrite);

        var bytes = ms.ToArray();
        Assert.Equal((byte)'{', bytes[0]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("{\n  \"format\": \"eljur.snapshot/1\",\n  \"source\": {\n    \"connector\": \"eljur\",", text);

        var order = new[]
        {
            "\"format\"", "\"source\"", "\"school\"", "\"periods\"", "\"holidays\"", "\"subjects\"", "\"classes\"", "\"students\"",
            "\"staff\"", "\"lessons\"", "\"absences\"", "\"marks\"", "\"plans\"", "\"giaResults\"", "\"accounts\"", "\"logins\"",
            "\"operations\"", "\"archive\"",
        };
        var positions = order.Select(name => text.IndexOf("\n  " + name, StringComparison.Ordinal)).ToArray();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.OrderBy(p => p), positions);
    }

    [Fact]
    public void Reads_from_a_forward_only_stream_that_returns_a_few_bytes_at_a_time()
    {
        var bytes = Encoding.UTF8.GetBytes(SampleSnapshot.Json);
        var stream = new ForwardOnlyStream(bytes, chunk: 3);

        var s = SnapshotReader.Read(stream);

        Assert.Equal(bytes.Length, stream.BytesRead);
        AssertDeepEqual(Read(SampleSnapshot.Json), s);
        Assert.Equal("Сложноподчинённые предложения", s.Lessons![0].Topic);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(SampleSnapshot.Json)).ToArray();
        var s = SnapshotReader.Read(new MemoryStream(bytes));
        Assert.Equal("66-001", s.School.Id);
    }

    [Fact]
    public void Files_round_trip()
    {
        var path = Path.Combine(Path.GetTempPath(), "snapshot-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var s = Read(SampleSnapshot.Json);
            SnapshotWriter.WriteFile(s, path);
            var again = SnapshotReader.ReadFile(path);
            AssertDeepEqual(s, again);
            Assert.Equal(Write(s), File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_model_built_in_code_round_trips()
    {
        var s = new GradebookSnapshot
        {
            Source = new SnapshotSource
            {
                Connector = "demo",
                FetchedAt = new DateTimeOffset(2024, 10, 1, 18, 5, 0, 123, TimeSpan.FromHours(3)),
                From = new DateTime(2024, 9, 1),
                To = new DateTime(2024, 10, 1),
                Capabilities = new[] { Capability.Marks },
            },
            School = new School { Id = "1", Name = "Школа", TimeZone = "Europe/Moscow", WorkWeek = 5 },
            Subjects = new[] { new Subject { Id = "rus", Name = "Русский язык" } },
            Students = Array.Empty<Student>(),
            Marks = Array.Empty<Mark>(),
        };

        var text = Write(s);
        Assert.Contains("\"fetchedAt\": \"2024-10-01T18:05:00.123+03:00\"", text);
        AssertDeepEqual(s, Read(text));
    }

    [Fact]
    public void Writer_rejects_values_the_format_cannot_hold()
    {
        var s = Read(SampleSnapshot.Json);
        var badTime = s with { Lessons = new[] { s.Lessons![0] with { Start = TimeSpan.FromHours(25) } } };
        var badExtension = s with { Subjects = new[] { s.Subjects![0] with { ExtensionData = new System.Collections.Generic.Dictionary<string, string> { ["name"] = "1" } } } };

        Assert.Throws<ArgumentException>(() => Write(badTime));
        Assert.Throws<ArgumentException>(() => Write(badExtension));
    }
}
