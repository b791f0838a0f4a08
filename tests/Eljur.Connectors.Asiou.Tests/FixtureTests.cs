using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Eljur.Abstractions.Model;
using Eljur.Connectors.Testing;

namespace Eljur.Connectors.Asiou.Tests;

/// <summary>What the fixture exports (every real-world fault at once) become, in both encodings.</summary>
public sealed class FixtureTests : IDisposable
{
    private readonly AsiouHarness _utf8 = new();
    private readonly AsiouHarness _cp1251 = new(windows1251: true);

    public void Dispose()
    {
        _utf8.Dispose();
        _cp1251.Dispose();
    }

    [Fact]
    public void The_fixtures_have_the_faults_they_claim()
    {
        var utf8 = File.ReadAllBytes(Path.Combine(_utf8.Directory, "marks.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, utf8.Take(3));
        var cp = File.ReadAllBytes(Path.Combine(_cp1251.Directory, "marks.csv"));
        Assert.Equal(0xD3, cp[0]); // «У» in Windows-1251, no BOM
        var journal = Fixtures.Read(Path.Combine(_utf8.Directory, "journal.csv"));
        Assert.Contains("\r\n\r\n", journal); // blank lines
        Assert.Contains("\"Натуральные числа; повторение\"", journal); // a quoted ';'
        Assert.Contains("Всего уроков", journal); // a summary row
        Assert.Contains("02.09.2024", journal); // dd.MM.yyyy
    }

    [Fact]
    public async Task Both_encodings_give_the_same_snapshot()
    {
        var a = ConformanceAssert.ToJson(await TestSupport.FetchAsync(_utf8.Directory));
        var b = ConformanceAssert.ToJson(await TestSupport.FetchAsync(_cp1251.Directory));
        Assert.Equal(a, b);
        Assert.Contains("Иванов Иван Иванович", a);
    }

    [Fact]
    public async Task Fixture_rows_become_lessons_marks_absences_and_students()
    {
        var s = await TestSupport.FetchAsync(_utf8.Directory, o => o.SchoolName = "СШ № 32");
        Assert.Equal("asiou", s.Source.Connector);
        Assert.Equal("СШ № 32", s.School.Name);
        Assert.Equal(new[] { "5А", "5Б" }, s.Classes!.Select(c => c.Name));
        Assert.All(s.Classes!, c => Assert.Equal(5, c.Grade));
        Assert.Equal(new[] { "Математика", "Русский язык" }, s.Subjects!.Select(x => x.Name));
        Assert.Equal(2, s.Staff!.Count);

        // 6 journal rows: one in October is outside the request; blank lines and «Всего уроков» are skipped.
        Assert.Equal(5, s.Lessons!.Count);
        var first = s.Lessons!.Single(l => l.Topic == "Натуральные числа; повторение");
        Assert.Equal("§1, № 5", first.Homework);
        Assert.Equal(new DateTime(2024, 9, 2), first.Date);
        var russian = s.Lessons!.Single(l => l.SubjectId == s.Subjects!.Single(x => x.Name == "Русский язык").Id);
        Assert.Equal("Звуки и буквы \"ё\" и \"е\"", russian.Topic);
        Assert.Equal("Упр. 12;\r\nвыучить правило", russian.Homework);
        Assert.Null(s.Lessons!.Single(l => l.Topic == "Сложение натуральных чисел").Homework);

        // 4 students: the quoted name with ';' and ',' inside, a yyyy-MM-dd date, a leaving date, consents.
        Assert.Equal(4, s.Students!.Count);
        var sidorov = s.Students!.Single(x => x.Name == "Сидоров; Пётр, младший");
        Assert.Equal(new DateTime(2021, 9, 1), sidorov.EnrolledOn);
        Assert.Equal(new DateTime(2024, 10, 15), sidorov.LeftOn);
        Assert.Null(sidorov.Consent);
        Assert.True(s.Students!.Single(x => x.Name == "Орлова Вера Павловна").Consent);
        Assert.False(s.Students!.Single(x => x.Name == "Петрова Мария Сергеевна").Consent);

        // 8 marks rows: 3 absences («н», «Н» twice on a double lesson), 1 in October, 4 marks.
        Assert.Equal(4, s.Marks!.Count);
        Assert.Equal(3, s.Absences!.Count);
        var ivanov = s.Students!.Single(x => x.Name == "Иванов Иван Иванович");
        var two = s.Marks!.Where(m => m.StudentId == ivanov.Id).ToList();
        Assert.Equal(new[] { "5", "4" }, two.Select(m => m.Value));
        Assert.Equal(two[0].Id + "-2", two[1].Id);
        Assert.Equal(new DateTimeOffset(2024, 9, 2, 14, 5, 0, TimeSpan.FromHours(3)), two[0].EnteredAt);
        Assert.Equal(first.Id, two[0].LessonId);
        var written = s.Marks!.Single(m => m.Value == "3/5");
        Assert.Equal(MarkKind.Written, written.Kind);
        Assert.Equal(new DateTimeOffset(2024, 9, 4, 18, 30, 0, TimeSpan.FromHours(3)), written.EnteredAt);
        var sidorovAbsences = s.Absences!.Where(a => a.StudentId == sidorov.Id).ToList();
        Assert.Equal(2, sidorovAbsences.Select(a => a.LessonId).Distinct().Count()); // the double lesson: one absence each
        Assert.All(s.Absences!, a => Assert.NotNull(a.EnteredAt));

        Assert.Equal(
            new[] { Capability.Lessons, Capability.Topics, Capability.Homework, Capability.Marks, Capability.MarkEntryTimes, Capability.Absences, Capability.AbsenceEntryTimes, Capability.Consents },
            s.Source.Capabilities);
        Assert.Empty(ConformanceAssert.CapabilityMismatches(s));
        ConformanceAssert.PassesReaderAndRoundTrips(s);
    }

    [Fact]
    public async Task Ids_come_from_natural_keys_and_are_stable()
    {
        var a = await TestSupport.FetchAsync(_utf8.Directory);
        var b = await TestSupport.FetchAsync(_cp1251.Directory);
        Assert.Equal(a.Students!.Select(x => x.Id), b.Students!.Select(x => x.Id));
        Assert.Equal(a.Marks!.Select(x => x.Id), b.Marks!.Select(x => x.Id));
        Assert.All(a.Students!, x => Assert.Matches("^p-[0-9a-f]{16}$", x.Id));
        Assert.All(a.Lessons!, x => Assert.Matches("^l-[0-9a-f]{16}$", x.Id));
        Assert.All(a.Classes!, x => Assert.Matches("^c-[0-9a-f]{16}$", x.Id));

        // Case, spaces and «ё» do not change an id; the class does.
        using var ids = new StableIds();
        Assert.Equal(ids.Student("Сидоров Пётр", "5Б"), ids.Student("  сидоров   петр ", "5б"));
        Assert.NotEqual(ids.Student("Сидоров Пётр", "5Б"), ids.Student("Сидоров Пётр", "5А"));

        // A reordered export keeps every id.
        Fixtures.Edit(Path.Combine(_utf8.Directory, "students.csv"), "1,Иванов Иван Иванович,5А,01.09.2020,,да\r\n2,Петрова Мария Сергеевна,5А,01.09.2020,,нет", "2,Петрова Мария Сергеевна,5А,01.09.2020,,нет\r\n1,Иванов Иван Иванович,5А,01.09.2020,,да");
        var c = await TestSupport.FetchAsync(_utf8.Directory);
        Assert.Equal(a.Students!.Select(x => x.Id), c.Students!.Select(x => x.Id));
    }

    [Fact]
    public async Task Classes_filter_restricts_every_list()
    {
        var s = await TestSupport.FetchAsync(_utf8.Directory, request: new() { From = new DateTime(2024, 9, 1), To = new DateTime(2024, 9, 30), Classes = new[] { "5б" } });
        Assert.Equal("5Б", Assert.Single(s.Classes!).Name);
        Assert.Equal(2, s.Students!.Count);
        Assert.Equal(2, s.Lessons!.Count);
        Assert.Single(s.Marks!);
        Assert.Equal(2, s.Absences!.Count);
        ConformanceAssert.PassesReaderAndRoundTrips(s);
    }

    [Fact]
    public async Task Encoding_and_delimiter_can_be_configured_instead_of_detected()
    {
        var s = await TestSupport.FetchAsync(_cp1251.Directory, o => o.Encoding = "windows-1251");
        Assert.Equal(4, s.Marks!.Count);

        // Read as UTF-8, the Windows-1251 header is not what the mapping expects: a clear error, not garbage.
        var ex = await TestSupport.FailsAsync(_cp1251.Directory, o => o.Encoding = "utf-8");
        Assert.Contains("students.csv", ex.Message);
        Assert.Contains("неизвестный столбец", ex.Message);

        // students.csv is comma-separated: forcing ';' leaves one column, named after the whole header.
        var forced = await TestSupport.FailsAsync(_utf8.Directory, o => o.Delimiter = ";");
        Assert.Contains("students.csv", forced.Message);
    }
}
