using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;
using Eljur.Abstractions.Synthetic;
using Eljur.Abstractions.Time;

namespace Eljur.Abstractions.Tests.Synthetic;

public class SyntheticSnapshotGeneratorTests
{
    /// <summary>A small school over one term: fast, but every kind of record occurs.</summary>
    private static readonly SyntheticSnapshotOptions Small = new()
    {
        StudentsPerSchool = 60,
        From = new DateTime(2024, 9, 1),
        To = new DateTime(2024, 12, 31),
        Seed = 42,
    };

    [Fact]
    public void The_same_seed_gives_byte_identical_output()
    {
        var first = Bytes(Small);
        var second = Bytes(Small with { });

        Assert.True(first.Length > 100_000);
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_different_seed_gives_different_data()
    {
        var a = SyntheticSnapshotGenerator.Generate(Small);
        var b = SyntheticSnapshotGenerator.Generate(Small with { Seed = 43 });

        Assert.NotEqual(Bytes(Small), Bytes(Small with { Seed = 43 }));
        Assert.NotEqual(
            a.Marks!.Select(m => m.Value + m.EnteredAt).ToList(),
            b.Marks!.Select(m => m.Value + m.EnteredAt).ToList());
    }

    [Fact]
    public void The_generated_snapshot_passes_the_reader_and_round_trips()
    {
        var snapshot = SyntheticSnapshotGenerator.Generate(Small with { Schools = 3, StudentsPerSchool = 30 });
        var bytes = Bytes(snapshot);

        var read = SnapshotReader.Read(new MemoryStream(bytes));

        Assert.Equal(snapshot.Marks!.Count, read.Marks!.Count);
        Assert.Equal(snapshot.Lessons!.Count, read.Lessons!.Count);
        Assert.Equal(snapshot.Absences!.Count, read.Absences!.Count);
        Assert.Equal(snapshot.Marks[snapshot.Marks.Count - 1], read.Marks[read.Marks.Count - 1]);
        Assert.Equal(bytes, Bytes(read));
    }

    [Fact]
    public void Every_kind_of_record_is_generated()
    {
        // Twelve classes: every grade from 1 to 11.
        var s = SyntheticSnapshotGenerator.Generate(Small with { StudentsPerSchool = 300 });
        Assert.Equal(Enumerable.Range(1, 11), s.Classes!.Select(c => c.Grade!.Value).Distinct().OrderBy(g => g));

        Assert.Equal(SyntheticSnapshotGenerator.Connector, s.Source.Connector);
        Assert.Contains(Capability.EntryTimes, s.Source.Capabilities);
        Assert.Equal(2, s.Periods!.Count(p => p.Kind == PeriodKind.Quarter));
        Assert.NotEmpty(s.Holidays!);
        Assert.Contains(s.Marks!, m => m.Kind == MarkKind.Current);
        Assert.Contains(s.Marks!, m => m.Kind == MarkKind.Written && m.LessonId is not null);
        Assert.Contains(s.Marks!, m => m.Kind == MarkKind.Period && m.PeriodId == "2024-q1");
        Assert.Contains(s.Marks!, m => m.Revisions.Count > 0);
        Assert.Contains(s.Marks!, m => m.EnteredAfter is not null);
        Assert.Contains(s.Lessons!, l => l.Kind == LessonKind.Test);
        Assert.Contains(s.Lessons!, l => l.GroupId is not null);
        Assert.All(s.Lessons!, l => Assert.True(l.Start < l.End));
        Assert.Contains(s.Absences!, a => a.Late);
        Assert.Contains(s.Absences!, a => !a.Late);
        Assert.NotEmpty(s.Plans!);
        Assert.NotEmpty(s.Logins!);
        Assert.NotEmpty(s.Operations!);
        Assert.NotEmpty(s.Archive!);

        // Revisions end at the mark's value; grade 1 gets no marks.
        Assert.All(s.Marks!.Where(m => m.Revisions.Count > 0), m => Assert.Equal(m.Value, m.Revisions[m.Revisions.Count - 1].To));
        var firstGraders = new HashSet<string>(s.Students!.Where(st => s.Classes!.First(c => c.Id == st.ClassId).Grade == 1).Select(st => st.Id));
        Assert.NotEmpty(firstGraders);
        Assert.DoesNotContain(s.Marks!, m => firstGraders.Contains(m.StudentId));
    }

    [Theory]
    [InlineData(0.0, 5)]
    [InlineData(1.0, 6)]
    public void No_lesson_falls_on_a_day_off_of_the_production_calendar_or_in_a_vacation(double sixDayShare, int week)
    {
        var options = Small with { From = new DateTime(2024, 9, 1), To = new DateTime(2025, 5, 31), StudentsPerSchool = 30, SixDayWeekShare = sixDayShare };
        var s = SyntheticSnapshotGenerator.Generate(options);
        var calendar = ProductionCalendar.Russia;

        Assert.Equal(week, s.School.WorkWeek);
        var dates = s.Lessons!.Select(l => l.Date).Distinct().ToList();
        Assert.All(dates, d => Assert.True(calendar.IsWorkingDay(d, week), $"lesson on {d:yyyy-MM-dd}, a day off"));
        Assert.All(dates, d => Assert.DoesNotContain(s.Holidays!, v => d >= v.Start && d <= v.End));

        // The calendar is really consulted: 4 November (Unity Day) and the 2 November working Saturday of 2024.
        Assert.DoesNotContain(new DateTime(2024, 11, 4), dates);
        Assert.Equal(week == 6, dates.Contains(new DateTime(2024, 10, 19)));
        Assert.Contains(new DateTime(2024, 12, 28), dates);
        Assert.DoesNotContain(new DateTime(2025, 5, 1), dates);
        Assert.DoesNotContain(new DateTime(2025, 2, 23), dates);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(0.3)]
    public void The_late_entry_rate_is_honoured(double rate)
    {
        var s = SyntheticSnapshotGenerator.Generate(Small with { StudentsPerSchool = 150, LateEntryRate = rate });
        var zone = SchoolTimeZone.Resolve(s.School.TimeZone);
        bool LateSameDay(DateTime date, DateTimeOffset? at) => TimeZoneInfo.ConvertTime(at!.Value, zone).Date > date;

        var current = s.Marks!.Where(m => m.Kind == MarkKind.Current).ToList();
        var topics = s.Lessons!.Where(l => l.TopicEnteredAt is not null).ToList();
        var absences = s.Absences!;
        Assert.True(current.Count > 5_000);

        var markRate = current.Count(m => LateSameDay(m.Date, m.EnteredAt)) / (double)current.Count;
        var topicRate = topics.Count(l => LateSameDay(l.Date, l.TopicEnteredAt)) / (double)topics.Count;
        var lessonDate = s.Lessons!.ToDictionary(l => l.Id, l => l.Date);
        var absenceRate = absences.Count(a => LateSameDay(lessonDate[a.LessonId], a.EnteredAt)) / (double)absences.Count;

        // Binomial noise on thousands of records stays well inside 15 % of the rate plus half a point.
        var tolerance = (rate * 0.15) + 0.005;
        Assert.InRange(markRate, rate - tolerance, rate + tolerance);
        Assert.InRange(topicRate, rate - tolerance, rate + tolerance);
        Assert.InRange(absenceRate, rate - tolerance, rate + tolerance);
    }

    [Fact]
    public void A_bundle_prefixes_ids_per_school_and_matches_the_schools_generated_one_by_one()
    {
        var options = Small with { Schools = 3, StudentsPerSchool = 40, SixDayWeekShare = 0 };
        var bundle = SyntheticSnapshotGenerator.Generate(options);
        var schools = SyntheticSnapshotGenerator.GenerateSchools(options).ToList();

        Assert.Equal(3, schools.Count);
        Assert.StartsWith("region-", bundle.School.Id);
        Assert.Equal(schools.Sum(s => s.Marks!.Count), bundle.Marks!.Count);
        for (var k = 0; k < 3; k++)
        {
            var prefix = "s0" + (k + 1) + "-";
            Assert.All(schools[k].Marks!, m => Assert.StartsWith(prefix, m.Id));
            Assert.Equal(schools[k].Marks!.Select(Key), bundle.Marks.Where(m => m.Id.StartsWith(prefix, StringComparison.Ordinal)).Select(Key));
        }

        Assert.Equal(bundle.Marks.Count, bundle.Marks.Select(m => m.Id).Distinct().Count());
    }

    [Fact]
    public void Each_school_of_a_split_draws_its_own_week()
    {
        var options = Small with { Schools = 12, StudentsPerSchool = 5, To = new DateTime(2024, 9, 30), SixDayWeekShare = 0.5 };

        var weeks = SyntheticSnapshotGenerator.GenerateSchools(options).Select(s => s.School.WorkWeek).ToList();

        Assert.Contains(5, weeks);
        Assert.Contains(6, weeks);
        Assert.Equal(weeks, Enumerable.Range(0, 12).Select(k => SyntheticSnapshotGenerator.WorkWeekOf(options, k)));
    }

    [Fact]
    public void Bad_options_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticSnapshotGenerator.Generate(Small with { LateEntryRate = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticSnapshotGenerator.Generate(Small with { Schools = 0 }));
        Assert.Throws<ArgumentException>(() => SyntheticSnapshotGenerator.Generate(Small with { To = new DateTime(2024, 8, 1) }));
        var missing = Assert.Throws<CalendarYearMissingException>(() => SyntheticSnapshotGenerator.Generate(Small with { From = new DateTime(2030, 9, 1), To = new DateTime(2030, 10, 1) }));
        Assert.Equal(2030, missing.Year);
    }

    [Fact]
    public void Write_streams_the_same_bytes_as_generate_then_write()
    {
        using var direct = new MemoryStream();
        var marks = SyntheticSnapshotGenerator.Write(Small, direct, indented: false);

        Assert.Equal(SyntheticSnapshotGenerator.Generate(Small).Marks!.Count, marks);
        Assert.Equal(Bytes(SyntheticSnapshotGenerator.Generate(Small), indented: false), direct.ToArray());
    }

    private static string Key(Mark m) => $"{m.Id}|{m.StudentId}|{m.Value}|{m.EnteredAt:O}|{m.EnteredAfter:O}|{m.Revisions.Count}";

    private static byte[] Bytes(SyntheticSnapshotOptions options) => Bytes(SyntheticSnapshotGenerator.Generate(options));

    private static byte[] Bytes(GradebookSnapshot snapshot, bool indented = true)
    {
        using var stream = new MemoryStream();
        SnapshotWriter.Write(snapshot, stream, indented);
        return stream.ToArray();
    }
}
