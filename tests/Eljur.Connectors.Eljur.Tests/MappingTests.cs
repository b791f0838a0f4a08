using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Eljur.Abstractions.Model;
using Eljur.Connectors.Eljur.Tests.Mock;
using Eljur.Connectors.Testing;

namespace Eljur.Connectors.Eljur.Tests;

/// <summary>How ЭлЖур answers become a snapshot: a teacher's account (class view) over the first quarter.</summary>
public sealed class MappingTests : IClassFixture<MappingTests.TermSnapshot>
{
    private static readonly string[] Classes = { "10А", "9Б" };
    private readonly TermSnapshot _term;

    public MappingTests(TermSnapshot term) => _term = term;

    private GradebookSnapshot S => _term.Snapshot;

    private MockSchool School => _term.School;

    [Fact]
    public void Every_lesson_of_the_term_is_there_once_with_its_vendor_id_or_a_composite_one()
    {
        var expected = Expected.Lessons(School, EljurFixture.TermStart, EljurFixture.TermEnd, Classes).Select(Expected.LessonId).OrderBy(i => i, StringComparer.Ordinal).ToList();
        var actual = S.Lessons!.Select(l => l.Id).OrderBy(i => i, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
        Assert.Equal(352, actual.Count); // 8 weeks × (22 + 21) lessons, less Friday 4 October (4 + 4), and 16 extracurricular (items_extday)
    }

    [Fact]
    public void A_lesson_id_beyond_two_to_the_53rd_is_kept_exactly()
    {
        var lesson = Assert.Single(S.Lessons!, l => l.Id == MockSchool.HugeLessonId);
        Assert.Equal(new DateTime(2024, 9, 4), lesson.Date);
        Assert.Equal("10А", lesson.ClassId);
        Assert.DoesNotContain(S.Lessons!, l => l.Id == "9007199254740992");
    }

    [Fact]
    public void Lessons_without_lesson_id_get_a_stable_composite_id()
    {
        var informatics = S.Lessons!.Where(l => l.SubjectId == "Информатика").ToList();
        Assert.NotEmpty(informatics);
        Assert.Contains(informatics, l => l.Id == "9Б:20240902:4:Информатика");
        Assert.All(informatics, l => Assert.StartsWith("9Б:", l.Id));
    }

    [Fact]
    public void Numeric_and_string_lesson_ids_both_become_the_same_strings()
    {
        var numeric = School.Lessons.First(l => l.LessonId is long && l.Date >= EljurFixture.TermStart);
        var text = School.Lessons.First(l => l.LessonId is string && l.Date >= EljurFixture.TermStart);
        Assert.Contains(S.Lessons!, l => l.Id == ((long)numeric.LessonId!).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(S.Lessons!, l => l.Id == (string)text.LessonId!);
    }

    [Fact]
    public void Lesson_times_come_from_the_rings()
    {
        var first = S.Lessons!.Single(l => l.Id == MockSchool.HugeLessonId);
        Assert.Equal(new TimeSpan(8, 30, 0), first.Start);
        Assert.Equal(new TimeSpan(9, 15, 0), first.End);
        Assert.All(S.Lessons!, l => Assert.True(l.Start < l.End));
    }

    [Fact]
    public void Is_control_as_one_as_a_string_or_as_true_makes_a_test()
    {
        var controls = Expected.Lessons(School, EljurFixture.TermStart, EljurFixture.TermEnd, Classes).Where(l => l.Control).ToList();
        Assert.Contains(controls, l => l.IsControl is int);
        Assert.Contains(controls, l => l.IsControl is string);
        Assert.Contains(controls, l => l.IsControl is bool);
        var tests = S.Lessons!.Where(l => l.Kind == LessonKind.Test).Select(l => l.Id).OrderBy(i => i, StringComparer.Ordinal);
        Assert.Equal(controls.Select(Expected.LessonId).OrderBy(i => i, StringComparer.Ordinal), tests);
        Assert.All(S.Lessons!.Where(l => l.Kind != LessonKind.Test), l => Assert.Equal(LessonKind.Regular, l.Kind));
    }

    [Fact]
    public void Topics_and_homework_have_their_html_entities_decoded()
    {
        var algebra = School.Lessons.First(l => l.TopicRaw == "Квадратные уравнения&nbsp;&mdash; решение задач" && l.Date <= EljurFixture.TermEnd);
        var lesson = S.Lessons!.Single(l => l.Id == Expected.LessonId(algebra));
        Assert.Equal("Квадратные уравнения — решение задач", lesson.Topic);

        var withHomework = School.Lessons.First(l => l.Homework.Count == 1 && l.Date <= EljurFixture.TermEnd);
        var h = S.Lessons!.Single(l => l.Id == Expected.LessonId(withHomework));
        Assert.Equal(withHomework.Homework[0].Value.Replace("&nbsp;", " ", StringComparison.Ordinal), h.Homework);
        Assert.DoesNotContain(S.Lessons!, l => (l.Topic ?? "").Contains('&') && !(l.Topic ?? "").Contains("& ", StringComparison.Ordinal));
        Assert.Contains(S.Lessons!, l => l.Topic == "Present Perfect & Past Simple");
    }

    [Fact]
    public void One_pupils_individual_task_is_not_the_lessons_homework_and_an_empty_topic_or_homework_is_null()
    {
        var both = School.Lessons.First(l => l.Homework.Count == 2 && l.Date <= EljurFixture.TermEnd);
        Assert.True(both.Homework[1].Individual);
        Assert.Equal("Прочитать «Капитанскую дочку»", S.Lessons!.Single(l => l.Id == Expected.LessonId(both)).Homework);
        Assert.DoesNotContain(S.Lessons!, l => (l.Homework ?? "").Contains("Доклад", StringComparison.Ordinal));

        var none = School.Lessons.First(l => l.Homework.Count == 0 && l.Date <= EljurFixture.TermEnd);
        Assert.Null(S.Lessons!.Single(l => l.Id == Expected.LessonId(none)).Homework);

        var untitled = School.Lessons.First(l => l.TopicRaw.Length == 0 && l.Date <= EljurFixture.TermEnd);
        Assert.Null(S.Lessons!.Single(l => l.Id == Expected.LessonId(untitled)).Topic);
    }

    [Fact]
    public void Every_mark_arrives_once_with_its_value_weight_kind_and_lesson_and_phantoms_and_absences_are_not_marks()
    {
        var students = School.Students.Select(s => s.Id).ToList();
        var cells = Expected.Cells(School, EljurFixture.TermStart, EljurFixture.TermEnd, students).ToList();
        var expected = cells
            .Where(m => m.Value.Length > 0 && !MockSchool.IsAbsenceCode(m.Value))
            .Select(m => Expected.Line(m.StudentId, m.Lesson.Subject, m.Lesson.Date, Expected.LessonId(m.Lesson), m.Value, Expected.Weight(m.Weight), Expected.Kind(m)))
            .OrderBy(l => l, StringComparer.Ordinal)
            .ToList();
        var actual = S.Marks!.Where(m => m.Kind is MarkKind.Current or MarkKind.Written)
            .Select(m => Expected.Line(m.StudentId, m.SubjectId, m.Date, m.LessonId, m.Value, m.Weight, m.Kind))
            .OrderBy(l => l, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, actual);
        Assert.Contains(cells, m => m.Value.Length == 0); // the fixture does plant phantoms
        Assert.Equal(S.Marks!.Count, S.Marks!.Select(m => m.Id).Distinct().Count());
    }

    [Fact]
    public void Double_marks_and_credit_marks_are_kept_as_values()
    {
        Assert.Contains(S.Marks!, m => m.Value == "3/5");
        Assert.Contains(S.Marks!, m => m.Value == "зач");
        Assert.DoesNotContain(S.Marks!, m => m.Value.Length == 0 || m.Value == "н" || m.Value == "оп");
    }

    [Fact]
    public void Weights_sent_as_numbers_or_strings_become_decimals()
    {
        var control = S.Marks!.First(m => m.Kind == MarkKind.Written && School.Marks.Any(c => c.Type == MockSchool.Control && Expected.LessonId(c.Lesson) == m.LessonId));
        Assert.Equal(2m, control.Weight); // sent as "2"
        Assert.Contains(S.Marks!, m => m.Weight == 1.5m); // sent as 1.5
        Assert.Contains(S.Marks!, m => m.Weight == 1m);
    }

    [Fact]
    public void Marks_without_lesson_id_are_placed_on_their_lesson_by_class_date_and_subject()
    {
        var cell = School.Marks.First(m => !m.LessonIdOnMark && m.Value.Length > 0 && !MockSchool.IsAbsenceCode(m.Value) && m.Lesson.Date <= EljurFixture.TermEnd && m.Lesson.LessonId is not null);
        Assert.Contains(S.Marks!, m => m.StudentId == cell.StudentId && m.LessonId == Expected.LessonId(cell.Lesson) && m.Id.Contains(":-:", StringComparison.Ordinal));
    }

    [Fact]
    public void N_and_op_marks_become_absences_and_late_arrivals()
    {
        var students = School.Students.Select(s => s.Id).ToList();
        var cells = Expected.Cells(School, EljurFixture.TermStart, EljurFixture.TermEnd, students).Where(m => MockSchool.IsAbsenceCode(m.Value)).ToList();
        var expected = cells.Select(m => $"{Expected.LessonId(m.Lesson)}:{m.StudentId}:{(m.Value is "оп" or "ОП" ? "late" : "absent")}").OrderBy(k => k, StringComparer.Ordinal);
        Assert.Contains(cells, m => m.Value == "Н"); // capitals, with no weight or mtype, too
        Assert.Contains(cells, m => m.Value == "ОП");
        var actual = S.Absences!.Select(a => $"{a.LessonId}:{a.StudentId}:{(a.Late ? "late" : "absent")}").OrderBy(k => k, StringComparer.Ordinal);
        Assert.Equal(expected, actual);
        Assert.Contains(S.Absences!, a => a.Late);
        Assert.Contains(S.Absences!, a => !a.Late);
        Assert.All(S.Absences!, a => Assert.Equal(AbsenceReason.Unknown, a.Reason));
    }

    [Fact]
    public void Periods_come_from_getperiods_with_their_kind_and_dates()
    {
        Assert.Equal(new[] { "1 четверть", "2 четверть", "3 четверть", "4 четверть" }, S.Periods!.Select(p => p.Id));
        var first = S.Periods![0];
        Assert.Equal("1-я четверть", first.Name);
        Assert.Equal(PeriodKind.Quarter, first.Kind);
        Assert.Equal(new DateTime(2024, 9, 2), first.Start);
        Assert.Equal(new DateTime(2024, 10, 27), first.End);
    }

    [Fact]
    public void Quarter_marks_are_period_marks_dated_at_the_quarter_end_and_empty_ones_are_skipped()
    {
        var expected = School.Finals.Where(f => f.Period == "1 четверть" && f.Value.Length > 0).ToList();
        var actual = S.Marks!.Where(m => m.Kind == MarkKind.Period).ToList();
        Assert.Equal(expected.Count, actual.Count);
        Assert.All(actual, m =>
        {
            Assert.Equal("1 четверть", m.PeriodId);
            Assert.Equal(new DateTime(2024, 10, 27), m.Date);
            Assert.Null(m.LessonId);
        });
        var item = expected.First(f => f.StudentId == "1003"); // that student's items arrive as an object
        Assert.Contains(actual, m => m.StudentId == "1003" && m.SubjectId == item.Subject && m.Value == item.Value);
        Assert.DoesNotContain(S.Marks!, m => m.Kind == MarkKind.Year);
    }

    [Fact]
    public void Extracurricular_lessons_of_items_extday_are_lessons_with_topic_and_class_homework()
    {
        var clubs = S.Lessons!.Where(l => l.SubjectId == "Робототехника").OrderBy(l => l.Date).ToList();
        Assert.Equal(8, clubs.Count);
        Assert.All(clubs, l => Assert.Equal(("10А", "308", new TimeSpan(15, 0, 0), LessonKind.Regular), (l.ClassId, l.TeacherId, l.Start!.Value, l.Kind)));
        Assert.Equal("Занятие 1: датчики и моторы", clubs[0].Topic);
        Assert.Equal("Собрать модель № 1", clubs[0].Homework);
        Assert.Equal("Собрать модель № 3", clubs[2].Homework); // the individual task of week 3 is not the class's homework
        Assert.Null(clubs[3].Topic);
        var theatre = S.Lessons!.Where(l => l.SubjectId == "Школьный театр").ToList();
        Assert.Equal(8, theatre.Count);
        Assert.Contains(theatre, l => l.Id == "9Б:20240903:extday1:Школьный театр");
        Assert.All(theatre, l => Assert.Equal("Орлова Татьяна Михайловна", l.TeacherId));
        Assert.Null(S.Source.Unmapped);
    }

    [Fact]
    public void Staff_are_the_teachers_named_in_the_diary_with_stable_ids_and_the_account_holder_is_class_teacher()
    {
        var ids = S.Staff!.Select(s => s.Id).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);

        // teacher_id keys the staff when sent (Mondays omit it: the name finds the id); Орлова has no id and keeps her name.
        Assert.Equal("Смирнова Ольга Викторовна", S.Staff!.Single(s => s.Id == "302").Name); // also written with &nbsp; in some lessons
        Assert.DoesNotContain("Смирнова Ольга Викторовна", ids);
        Assert.Contains("Орлова Татьяна Михайловна", ids);
        Assert.Equal(MockSchool.TeacherIds.Count + 1, ids.Count);
        Assert.DoesNotContain(S.Staff!, s => s.Name.Contains('&') || s.Name.Contains('\u00A0'));
        var teacher = S.Staff!.Single(s => s.Id == "301");
        Assert.Equal(MockSchool.TeacherName, teacher.Name);
        Assert.Equal(new[] { StaffRole.Teacher, StaffRole.ClassTeacher }, teacher.Roles);
        Assert.Equal("301", S.Classes!.Single(c => c.Id == "10А").HomeroomTeacherId);
        Assert.Null(S.Classes!.Single(c => c.Id == "9Б").HomeroomTeacherId);
        Assert.All(S.Lessons!, l => Assert.Contains(l.TeacherId, ids));
    }

    [Fact]
    public void Classes_students_and_subjects_are_filled_from_the_answers()
    {
        Assert.Equal(new[] { ("10А", (int?)10), ("9Б", (int?)9) }, S.Classes!.Select(c => (c.Id, c.Grade)));
        Assert.Equal(9, S.Students!.Count);
        var petrov = S.Students!.Single(s => s.Id == "1001"); // sent as a number
        Assert.Equal("Петров Пётр Сергеевич", petrov.Name);
        Assert.Equal("10А", petrov.ClassId);
        Assert.Contains(S.Subjects!, s => s.Id == "Английский язык");
        Assert.Contains(S.Lessons!, l => l.GroupId == "1 группа");
    }

    [Fact]
    public void Source_and_school_say_what_was_fetched_and_where()
    {
        Assert.Equal("eljur", S.Source.Connector);
        Assert.Equal(MockSchool.Vendor, S.Source.Instance);
        Assert.Equal(new DateTimeOffset(2024, 11, 20, 10, 0, 0, TimeSpan.FromHours(3)), S.Source.FetchedAt);
        Assert.Equal(TimeSpan.FromHours(3), S.Source.FetchedAt.Offset);
        Assert.Equal(new[] { "absences", "homework", "lessonTimes", "lessons", "marks", "periods", "topics" }, S.Source.Capabilities.OrderBy(c => c, StringComparer.Ordinal));
        Assert.Equal("Europe/Moscow", S.School.TimeZone);
        Assert.Equal("Гимназия № 7", S.School.Name);
        Assert.Equal(MockSchool.Vendor, S.School.Id);
        Assert.Empty(ConformanceAssert.CapabilityMismatches(S));
        ConformanceAssert.PassesReaderAndRoundTrips(S);
    }

    [Fact]
    public void The_day_without_lessons_adds_none_and_vacation_days_are_not_lessons()
    {
        Assert.DoesNotContain(S.Lessons!, l => l.Date == MockSchool.NoLessonsDay);
        Assert.Empty(S.Holidays!); // the term ends before the autumn vacation
    }

    /// <summary>One fetch of the term shared by the tests of this class.</summary>
    public sealed class TermSnapshot : IDisposable
    {
        private readonly EljurFixture _fixture = new();

        public TermSnapshot()
        {
            School = _fixture.Mock.School;
            Snapshot = _fixture.FetchTermAsync().GetAwaiter().GetResult();
        }

        internal MockSchool School { get; }

        public GradebookSnapshot Snapshot { get; }

        public void Dispose() => _fixture.Dispose();
    }
}

/// <summary>Shapes other than the teacher's term: a parent's account, vacations, filters.</summary>
public sealed class OtherShapesTests
{
    [Fact]
    public async Task A_parent_sees_each_child_through_the_student_shape_with_items_as_object_array_or_null()
    {
        using var f = new EljurFixture(o =>
        {
            o.Login = MockSchool.ParentLogin;
            o.Password = MockSchool.ParentPassword;
        });
        var from = new DateTime(2024, 9, 30);
        var to = new DateTime(2024, 10, 6);
        var s = await f.FetchAsync(from, to);

        // Monday–Friday: items keyed by number; Wednesday: an array; Friday 4 October: null.
        var expected = Expected.Lessons(f.Mock.School, from, to, new[] { "10А", "9Б" }).Select(Expected.LessonId).OrderBy(i => i, StringComparer.Ordinal);
        Assert.Equal(expected, s.Lessons!.Select(l => l.Id).OrderBy(i => i, StringComparer.Ordinal));
        Assert.Contains(s.Lessons!, l => l.Date.DayOfWeek == DayOfWeek.Wednesday);
        Assert.Equal(new[] { "1001", "2001" }, s.Students!.Select(x => x.Id).OrderBy(i => i, StringComparer.Ordinal));
        Assert.Equal("9Б", s.Students!.Single(x => x.Id == "2001").ClassId);
        Assert.All(s.Marks!, m => Assert.Contains(m.StudentId, new[] { "1001", "2001" }));

        var cells = Expected.Cells(f.Mock.School, from, to, new[] { "1001", "2001" }).Where(m => m.Value.Length > 0 && !MockSchool.IsAbsenceCode(m.Value)).ToList();
        Assert.Equal(cells.Count, s.Marks!.Count);
        Assert.Null(s.Classes!.Single(c => c.Id == "10А").HomeroomTeacherId);
        Assert.DoesNotContain(s.Staff!, st => st.Roles.Contains(StaffRole.ClassTeacher));
        ConformanceAssert.PassesReaderAndRoundTrips(s);
    }

    [Fact]
    public async Task An_absence_on_a_day_without_its_lesson_is_counted_unmapped_not_dropped()
    {
        var school = new MockSchool(includeUnmappable: true);
        using var f = new EljurFixture(school: school);
        var s = await f.FetchAsync(new DateTime(2024, 9, 9), new DateTime(2024, 9, 15));
        var unmapped = Assert.IsType<global::Eljur.Abstractions.Model.UnmappedRecords>(s.Source.Unmapped);
        Assert.Equal(1, unmapped.Count);
        Assert.Equal(("absence", "1001:Алгебра:20240914"), (unmapped.Examples[0].Kind, unmapped.Examples[0].VendorId));
        Assert.Equal("пропуск «Н» не привязан ни к одному уроку дневника", unmapped.Examples[0].Reason);
        Assert.DoesNotContain(s.Absences!, a => a.StudentId == "1001" && s.Lessons!.Single(l => l.Id == a.LessonId).Date == MockSchool.UnmappableDay);
    }

    [Fact]
    public void A_diary_assessment_with_a_control_type_makes_the_lesson_a_test()
    {
        var diary = EljurJson.Parse(System.Text.Encoding.UTF8.GetBytes(
            "{\"days\":{\"20240903\":{\"items\":[{\"name\":\"Химия\",\"num\":\"2\",\"teacher\":\"Никитина Вера Алексеевна\",\"teacher_id\":307,\"assessments\":[{\"value\":\"4\",\"control_type\":\"Контрольная работа\",\"control_type_short\":\"КР\"}]}]}}}"));
        var (lessons, _, _) = EljurResponses.ReadDiary(diary, new FetchUnit(true, "9Б", "9Б"), _ => null);
        var lesson = Assert.Single(lessons);
        Assert.Equal(new[] { "Контрольная работа", "КР" }, lesson.ControlTypes);
        Assert.Equal("307", lesson.TeacherId);

        var builder = new EljurSnapshotBuilder(new EljurConnectorOptions { Vendor = "v", TimeZone = "Europe/Moscow" }, new DateTime(2024, 9, 2), new DateTime(2024, 9, 8), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        builder.AddDiary(lessons, Array.Empty<(DateTime, string)>(), Array.Empty<RawStudent>());
        var built = builder.Build(DateTimeOffset.UnixEpoch, new[] { "lessons" });
        Assert.Equal((LessonKind.Test, "307"), (built.Lessons!.Single().Kind, built.Lessons!.Single().TeacherId));
        Assert.Equal("Никитина Вера Алексеевна", built.Staff!.Single().Name);
    }

    [Fact]
    public async Task Vacation_days_of_the_diary_become_one_holiday_across_the_weekend()
    {
        using var f = new EljurFixture();
        var s = await f.FetchAsync(new DateTime(2024, 10, 21), new DateTime(2024, 11, 10));
        var vacation = Assert.Single(s.Holidays!);
        Assert.Equal(MockSchool.Autumn, vacation.Name);
        Assert.Equal(new DateTime(2024, 10, 28), vacation.Start);
        Assert.Equal(new DateTime(2024, 11, 4), vacation.End);
        Assert.DoesNotContain(s.Lessons!, l => l.Date >= vacation.Start && l.Date <= vacation.End);
        Assert.Contains(s.Lessons!, l => l.Date == new DateTime(2024, 11, 5));
    }

    [Fact]
    public async Task A_class_filter_fetches_only_that_class()
    {
        using var f = new EljurFixture();
        var s = await f.FetchAsync(new DateTime(2024, 9, 2), new DateTime(2024, 9, 8), new[] { "9Б" });
        Assert.All(s.Lessons!, l => Assert.Equal("9Б", l.ClassId));
        Assert.All(s.Students!, st => Assert.Equal("9Б", st.ClassId));
        Assert.DoesNotContain(f.Mock.Calls, c => c.PathAndQuery.Contains("class=10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_filter_naming_no_visible_class_fails_naming_getrules()
    {
        using var f = new EljurFixture();
        var ex = await Assert.ThrowsAsync<Abstractions.Connectors.ConnectorException>(() => f.FetchAsync(new DateTime(2024, 9, 2), new DateTime(2024, 9, 8), new[] { "11В" }));
        Assert.Equal("getrules", ex.Operation);
        Assert.Contains("11В", ex.Message);
    }

    [Fact]
    public async Task A_range_ending_before_it_starts_is_refused()
    {
        using var f = new EljurFixture();
        await Assert.ThrowsAsync<ArgumentException>(() => f.FetchAsync(new DateTime(2024, 9, 8), new DateTime(2024, 9, 2)));
        Assert.Empty(f.Mock.Calls);
    }

    [Fact]
    public async Task The_range_is_split_into_chunks_of_the_configured_length()
    {
        using var f = new EljurFixture(o => o.ChunkDays = 10);
        await f.FetchAsync(new DateTime(2024, 9, 2), new DateTime(2024, 9, 22), new[] { "10А" });
        var diary = f.Mock.Calls.Where(c => c.Operation == "getdiary").Select(c => Query(c.PathAndQuery)["days"]).OrderBy(d => d, StringComparer.Ordinal);
        Assert.Equal(new[] { "20240902-20240911", "20240912-20240921", "20240922-20240922" }, diary);
        Assert.All(f.Mock.Calls.Where(c => c.Operation == "getdiary"), c => Assert.Equal("true", Query(c.PathAndQuery)["rings"]));
        Assert.All(f.Mock.Calls, c => Assert.Equal("json", Query(c.PathAndQuery)["out_format"]));
    }

    internal static Dictionary<string, string> Query(string pathAndQuery) =>
        pathAndQuery.Substring(pathAndQuery.IndexOf('?', StringComparison.Ordinal) + 1).Split('&')
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);
}
