using System;
using System.Linq;
using System.Threading.Tasks;
using Eljur.Abstractions.Model;
using Eljur.Connectors.MosregPortal.Tests.Mock;
using Eljur.Connectors.Testing;

namespace Eljur.Connectors.MosregPortal.Tests;

/// <summary>The snapshot of the mock school, record by record.</summary>
public sealed class MappingTests
{
    private static readonly TimeSpan Moscow = TimeSpan.FromHours(3);

    [Fact]
    public async Task Ids_above_two_to_the_53rd_survive_exactly()
    {
        using var f = new MosregFixture();
        var s = await f.FetchAsync();
        Assert.Equal("2300000000000000001", s.School.Id);
        Assert.Equal(new[] { "2300000000000000011", "2300000000000000012", "2300000000000000013" }, s.Classes!.Select(c => c.Id).OrderBy(x => x, StringComparer.Ordinal));

        // Neighbouring ids a double cannot tell apart (its spacing here is 256) stay distinct.
        Assert.Equal(new[] { "2300000000000000101", "2300000000000000102", "2300000000000000103" }, s.Students!.Where(x => x.ClassId == "2300000000000000011").Select(x => x.Id).OrderBy(x => x));
        Assert.Equal((double)2300000000000000101L, (double)2300000000000000102L);
        Assert.Equal(16, s.Lessons!.Select(l => l.Id).Distinct().Count());
        Assert.Contains(s.Marks!, m => m.Id == "2300000000000003010" && m.LessonId == "2300000000000001001");
    }

    [Fact]
    public async Task School_classes_subgroups_students_subjects_and_periods()
    {
        using var f = new MosregFixture();
        var s = await f.FetchAsync();
        Assert.Equal("МБОУ «Лицей № 5» г. Красногорска", s.School.Name);
        Assert.Equal("Europe/Moscow", s.School.TimeZone);
        Assert.Equal("Московская область", s.School.Region);
        Assert.Equal(new[] { "10А", "11А", "5А" }, s.Classes!.Select(c => c.Name));
        Assert.Equal(new int?[] { 10, 11, 5 }, s.Classes!.Select(c => c.Grade));
        Assert.Equal(6, s.Students!.Count);
        Assert.Equal("Иванов Иван", s.Students!.Single(x => x.Id == MockSchool.Id(101)).Name);
        Assert.Equal(new[] { "Алгебра", "Английский язык", "Математика", "Русский язык" }, s.Subjects!.Select(x => x.Name));

        // The subgroup is not a class: its lessons belong to 10А with the subgroup as groupId.
        var english = s.Lessons!.Where(l => l.SubjectId == MockSchool.Id(24)).ToList();
        Assert.Equal(2, english.Count);
        Assert.All(english, l => Assert.Equal((MockSchool.Id(12), MockSchool.Id(14)), (l.ClassId, l.GroupId)));

        Assert.Equal(
            new[] { ("1 четверть", PeriodKind.Quarter, "2024-09-02", "2024-10-27"), ("Учебный год", PeriodKind.Year, "2024-09-02", "2025-05-26"), ("2 четверть", PeriodKind.Quarter, "2024-11-05", "2024-12-28") },
            s.Periods!.Select(p => (p.Name, p.Kind, p.Start.ToString("yyyy-MM-dd"), p.End.ToString("yyyy-MM-dd"))));
    }

    [Fact]
    public async Task Lessons_topics_homework_status_and_both_lesson_shapes()
    {
        using var f = new MosregFixture();
        var s = await f.FetchAsync();
        var byIndex = f.Mock.School.Lessons.ToDictionary(l => l.Index, l => s.Lessons!.Single(x => x.Id == l.Id));
        Assert.Equal(16, s.Lessons!.Count);
        Assert.Equal("Натуральные числа и шкалы", byIndex[1].Topic);
        Assert.Null(byIndex[4].Topic);
        Assert.Null(byIndex[10].Topic);
        Assert.Null(byIndex[15].Topic);
        Assert.Equal("№ 12, 15 на с. 8", byIndex[1].Homework);

        // Shape B: the subgroup's lesson lists its homework by id only; the connector fetched works/{w}.
        Assert.Equal("Упр. 3, с. 14", byIndex[5].Homework);
        Assert.Equal(1, f.Mock.CountOf("works/{work}"));
        // Teachers are named by the people list, or (the one it leaves out, a bare id in the subgroup's lessons) by persons/{p}.
        Assert.Equal("Зайцева Т. А.", s.Staff!.Single(x => x.Id == MockSchool.Id(33)).Name);
        Assert.Equal("Васильева Е. П.", s.Staff!.Single(x => x.Id == MockSchool.Id(31)).Name);
        Assert.DoesNotContain(s.Staff!, x => x.Name.StartsWith("учитель", StringComparison.Ordinal));
        Assert.Equal(1, f.Mock.CountOf("persons/{person}"));

        Assert.Equal("Повторить таблицу умножения", byIndex[12].Homework);
        Assert.False(byIndex[14].Held);
        Assert.True(byIndex[8].Held);
        Assert.Null(byIndex[1].Held);
        Assert.Equal(LessonKind.Test, byIndex[2].Kind);
        Assert.Equal(LessonKind.Regular, byIndex[1].Kind);
        Assert.All(s.Lessons!, l => Assert.Null(l.TopicEnteredAt));
        Assert.All(s.Lessons!, l => Assert.Null(l.Start));
    }

    [Fact]
    public async Task Marks_take_their_zone_less_date_as_the_entry_time_and_their_work_type_as_kind()
    {
        using var f = new MosregFixture();
        var s = await f.FetchAsync();
        var lessonMarks = s.Marks!.Where(m => m.LessonId is not null).ToList();
        Assert.Equal(11, lessonMarks.Count);

        var first = lessonMarks.Single(m => m.Id == MockSchool.Id(3010));
        Assert.Equal(new DateTimeOffset(2024, 9, 23, 10, 15, 22, 437, Moscow), first.EnteredAt);
        Assert.Equal(new DateTime(2024, 9, 23), first.Date);
        Assert.Equal(MockSchool.Id(21), first.SubjectId);
        Assert.Equal("5", first.Value);
        Assert.Equal(MarkKind.Current, first.Kind);

        // A mark entered days later keeps its lesson's date; its entry time is what was typed in.
        var late = lessonMarks.Single(m => m.Id == MockSchool.Id(3110));
        Assert.Equal(new DateTime(2024, 10, 1), late.Date);
        Assert.Equal(new DateTimeOffset(2024, 10, 8, 15, 0, 0, Moscow), late.EnteredAt);

        // Class marks carry numeric work-type ids (КР = 31: written), the subgroup's the codes.
        Assert.Equal(
            new[] { MockSchool.Id(3020), MockSchool.Id(3060), MockSchool.Id(3110) },
            lessonMarks.Where(m => m.Kind == MarkKind.Written).Select(m => m.Id).OrderBy(x => x));
        Assert.All(s.Marks!, m => Assert.NotNull(m.EnteredAt));
        Assert.Equal(1, f.Mock.CountOf("work-types/{school}"));
    }

    [Fact]
    public async Task A_mark_with_no_lesson_reaches_its_lesson_through_its_work()
    {
        using var f = new MosregFixture();
        var s = await f.FetchAsync();
        var homework = s.Marks!.Single(m => m.Id == MockSchool.Id(3012));
        Assert.Equal((MockSchool.Id(1001), MockSchool.Id(103), new DateTime(2024, 9, 23), MarkKind.Current), (homework.LessonId, homework.StudentId, homework.Date, homework.Kind));
        Assert.Null(s.Source.Unmapped);
    }

    [Fact]
    public async Task The_school_comes_from_the_context_and_its_int_time_zone_names_the_zone()
    {
        using var f = new MosregFixture(o => { o.SchoolId = null; o.TimeZone = null; });
        f.Mock.School.TimeZoneHours = 5;
        var s = await f.FetchAsync();
        Assert.Equal(MockSchool.Id(1), s.School.Id);
        Assert.Equal("Asia/Yekaterinburg", s.School.TimeZone);
        Assert.Equal(TimeSpan.FromHours(5), s.Marks!.Single(m => m.Id == MockSchool.Id(3010)).EnteredAt!.Value.Offset);
    }

    [Fact]
    public async Task A_token_that_opens_several_schools_is_an_error_listing_them()
    {
        using var f = new MosregFixture(o => o.SchoolId = null);
        f.Mock.School.ContextSchools.Add((MockSchool.Id(2), "Школа № 2"));
        var ex = await Assert.ThrowsAsync<Eljur.Abstractions.Connectors.ConnectorException>(() => f.FetchAsync());
        Assert.Equal("mosreg: users/me/context: токен открывает 2 школы: 2300000000000000001 «Лицей № 5», 2300000000000000002 «Школа № 2»; укажите нужную (SchoolId; в eljur — --school-id)", ex.Message);
        Assert.Equal(0, f.Mock.CountOf("schools/{school}"));
    }

    [Fact]
    public async Task Final_marks_nested_per_person_become_period_and_year_marks_of_their_periods()
    {
        using var f = new MosregFixture();
        var s = await f.FetchAsync();
        var period = s.Marks!.Where(m => m.Kind == MarkKind.Period).OrderBy(m => m.Id).ToList();
        Assert.Equal(3, period.Count); // 4003 is for the second quarter, outside the range
        Assert.Equal((MockSchool.Id(101), MockSchool.Id(21), MockSchool.Id(41), "5", new DateTime(2024, 10, 27)), (period[0].StudentId, period[0].SubjectId, period[0].PeriodId, period[0].Value, period[0].Date));
        Assert.Equal(new DateTimeOffset(2024, 10, 25, 14, 0, 0, Moscow), period[0].EnteredAt);
        Assert.Null(period[0].LessonId);
        Assert.Equal(new[] { MockSchool.Id(4001), MockSchool.Id(4002), MockSchool.Id(4006) }, period.Select(m => m.Id));
        Assert.All(period, m => Assert.Equal(MockSchool.Id(41), m.PeriodId));

        // reportingPeriod null and the Year period both give a year mark, dated at the year's end.
        var year = s.Marks!.Where(m => m.Kind == MarkKind.Year).OrderBy(m => m.Id).ToList();
        Assert.Equal(
            new[] { (MockSchool.Id(4004), MockSchool.Id(101), MockSchool.Id(21), "5"), (MockSchool.Id(4005), MockSchool.Id(104), MockSchool.Id(23), "4") },
            year.Select(m => (m.Id, m.StudentId, m.SubjectId, m.Value)));
        Assert.All(year, m => Assert.Equal((new DateTime(2025, 5, 26), (string?)null), (m.Date, m.PeriodId)));
        Assert.Null(s.Source.Unmapped);
    }

    [Fact]
    public async Task A_final_mark_of_an_unknown_period_is_counted_unmapped_not_dropped()
    {
        using var f = new MosregFixture(school: new MockSchool(includeUnmappable: true));
        var s = await f.FetchAsync();
        Assert.DoesNotContain(s.Marks!, m => m.Id == MockSchool.Id(4009));
        var unmapped = Assert.IsType<UnmappedRecords>(s.Source.Unmapped);
        Assert.Equal(1, unmapped.Count);
        Assert.Equal(("finalMark", MockSchool.Id(4009), "учебный период 2300000000000000049 не найден среди периодов класса"), (unmapped.Examples[0].Kind, unmapped.Examples[0].VendorId, unmapped.Examples[0].Reason));
        Assert.Equal(5, s.Marks!.Count(m => m.Kind is MarkKind.Period or MarkKind.Year));
        var read = ConformanceAssert.PassesReaderAndRoundTrips(s);
        Assert.Equal(unmapped.Examples, read.Source.Unmapped!.Examples);
    }

    [Fact]
    public async Task Absences_come_from_log_entries_with_their_created_date()
    {
        using var f = new MosregFixture();
        var s = await f.FetchAsync();
        var a = s.Absences!.ToDictionary(x => (x.LessonId, x.StudentId));
        Assert.Equal(4, a.Count); // Attend is presence, not an absence
        var ill = a[(MockSchool.Id(1003), MockSchool.Id(103))];
        Assert.Equal((AbsenceReason.Valid, false, new DateTimeOffset(2024, 9, 24, 9, 0, 0, Moscow)), (ill.Reason, ill.Late, ill.EnteredAt));
        Assert.Equal(AbsenceReason.Unknown, a[(MockSchool.Id(1007), MockSchool.Id(105))].Reason);
        Assert.Equal(AbsenceReason.Unknown, a[(MockSchool.Id(1009), MockSchool.Id(102))].Reason);
        Assert.True(a[(MockSchool.Id(1012), MockSchool.Id(101))].Late);
    }

    [Fact]
    public async Task Capabilities_are_declared_honestly()
    {
        using var f = new MosregFixture();
        var s = await f.FetchAsync();
        Assert.Equal(
            new[] { "absenceEntryTimes", "absences", "homework", "lessons", "markEntryTimes", "marks", "periods", "topics" },
            s.Source.Capabilities.OrderBy(c => c, StringComparer.Ordinal));
        Assert.DoesNotContain(Capability.EntryTimes, s.Source.Capabilities);
        Assert.DoesNotContain(Capability.TopicEntryTimes, s.Source.Capabilities);
        Assert.Empty(ConformanceAssert.CapabilityMismatches(s));
        ConformanceAssert.PassesReaderAndRoundTrips(s);
    }

    [Fact]
    public void Work_types_map_to_written_or_current()
    {
        foreach (var written in new[] { "ControlWork", "TestWork", "IndependentWork", "Dictation", "Essay", "LaboratoryWork", "Контрольная работа", "Самостоятельная работа", "Диктант" })
        {
            Assert.True(MosregSnapshotBuilder.IsWritten(written), written);
        }

        foreach (var current in new[] { "LessonAnswer", "DefaultNewLessonWork", "Homework", "Ответ на уроке", "Домашнее задание", "CommonWork Ответ на уроке", "", null, "17" })
        {
            Assert.False(MosregSnapshotBuilder.IsWritten(current), current);
        }
    }

    [Fact]
    public void A_range_is_cut_into_calendar_month_windows()
    {
        var windows = MosregConnector.MonthWindows(new DateTime(2024, 9, 23), new DateTime(2024, 11, 2));
        Assert.Equal(
            new[] { ("2024-09-23", "2024-09-30"), ("2024-10-01", "2024-10-31"), ("2024-11-01", "2024-11-02") },
            windows.Select(w => (w.Start.ToString("yyyy-MM-dd"), w.End.ToString("yyyy-MM-dd"))));
        Assert.Single(MosregConnector.MonthWindows(new DateTime(2024, 2, 29), new DateTime(2024, 2, 29)));
    }

    [Fact]
    public void An_id_is_never_read_through_a_double()
    {
        var exact = Newtonsoft.Json.Linq.JObject.Parse("{\"id\":2300000000000000101}");
        Assert.Equal("2300000000000000101", MosregJson.Id(MosregJson.Parse(System.Text.Encoding.UTF8.GetBytes(exact.ToString()))));
        Assert.Equal("2300000000000000101", MosregJson.Id(MosregJson.Parse("{\"id\":1,\"id_str\":\"2300000000000000101\"}"u8.ToArray())));
        Assert.Null(MosregJson.Id(MosregJson.Parse("{\"id\":2.3000000000000001E+18}"u8.ToArray())));
    }
}
