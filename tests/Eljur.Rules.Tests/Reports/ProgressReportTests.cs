using System;
using System.Linq;
using Eljur.Abstractions.Model;
using Eljur.Rules.Reports;
using static Eljur.Rules.Tests.Reports.ReportData;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Reports;

public sealed class ProgressReportTests
{
    /// <summary>
    /// 9А, Алгебра, 1 четверть, current marks: st1 5 4 5 (good); st2 «3/5» 4 (passing, a 3); st3 2 5 (failing);
    /// st4 «зач» only (passing, not graded); st5 «н/а» (failing); st6 none (a mark in the 2nd quarter only).
    /// </summary>
    private static GradebookSnapshot Algebra() => School(new[]
    {
        M("st1", "alg", "2024-09-10", "5"), M("st1", "alg", "2024-09-17", "4"), M("st1", "alg", "2024-10-01", "5", MarkKind.Written),
        M("st2", "alg", "2024-09-10", "3/5"), M("st2", "alg", "2024-09-24", "4"),
        M("st3", "alg", "2024-09-10", "2"), M("st3", "alg", "2024-09-24", "5"),
        M("st4", "alg", "2024-09-10", "зач"),
        M("st5", "alg", "2024-10-20", "н/а"),
        M("st6", "alg", "2024-11-12", "5"),
        M("st6", "rus", "2024-09-12", "5"),
        M("st1", "alg", "2024-10-20", "5", MarkKind.Exam),
    });

    [Fact]
    public void Current_marks_give_progress_quality_average_and_students_without_marks()
    {
        var model = ReportRenderer.ProgressModel(Algebra(), "q1");

        var period = Assert.Single(model.Periods);
        Assert.Equal("1 четверть", period.Name);
        Assert.Equal(new[] { "9А", "10Б" }, period.Classes.Select(c => c.ClassName));
        var nine = period.Classes[0];
        Assert.Equal(6, nine.Students);
        Assert.Equal(new[] { "alg", "rus", "his" }, nine.Subjects.Select(s => s.SubjectId));

        var alg = nine.Subjects[0];
        Assert.Equal("current", alg.Basis);
        Assert.Equal(6, alg.Students);
        Assert.Equal(5, alg.StudentsWithMarks);
        Assert.Equal(1, alg.StudentsWithoutMarks);
        Assert.Equal(new[] { "Волкова Ольга" }, alg.WithoutMarksNames);
        Assert.Equal(3, alg.Passing); // st1, st2, st4 («зач»)
        Assert.Equal(2, alg.Failing); // st3 (2), st5 (н/а)
        Assert.Equal(new[] { "Сидоров Пётр", "Смирнов Олег" }, alg.FailingNames);
        Assert.Equal(0.6, alg.Progress);
        Assert.Equal("60\u00a0%", alg.ProgressText);
        Assert.Equal(4, alg.Graded); // everyone with a mark other than «зач»
        Assert.Equal(1, alg.Good); // st1 only
        Assert.Equal(0.25, alg.Quality);
        // 5 4 5 | 3 5 4 | 2 5 = 33 / 8 = 4.125: the double mark counts as two marks, «зач» and «н/а» none.
        Assert.Equal(8, alg.NumericMarks);
        Assert.Equal(4.13, alg.Average);
        Assert.Equal("4,13", alg.AverageText);

        var rus = nine.Subjects[1];
        Assert.Equal(1, rus.StudentsWithMarks);
        Assert.Equal(1.0, rus.Progress);
        Assert.Equal(1.0, rus.Quality);

        var his = nine.Subjects[2];
        Assert.Equal(6, his.StudentsWithoutMarks);
        Assert.Null(his.Progress);
        Assert.Null(his.Quality);
        Assert.Null(his.Average);
        Assert.Equal("—", his.AverageText);
    }

    [Fact]
    public void Period_marks_are_the_basis_when_the_class_has_them()
    {
        var snapshot = School(new[]
        {
            M("st1", "alg", "2024-09-10", "2"),
            M("st1", "alg", "2024-10-27", "5", MarkKind.Period, "q1"),
            M("st2", "alg", "2024-10-27", "4", MarkKind.Period, "q1"),
            M("st3", "alg", "2024-10-27", "3", MarkKind.Period, "q1"),
            M("st4", "alg", "2024-10-27", "2", MarkKind.Period, "q2"),
        });

        var alg = ReportRenderer.ProgressModel(snapshot, "q1").Periods[0].Classes[0].Subjects[0];

        Assert.Equal("period", alg.Basis);
        Assert.Equal(3, alg.StudentsWithMarks);
        Assert.Equal(3, alg.StudentsWithoutMarks);
        Assert.Equal(1.0, alg.Progress); // st1's current «2» does not count once period marks exist
        Assert.Equal(0.6667, alg.Quality);
        Assert.Equal(4.0, alg.Average);
    }

    [Fact]
    public void The_class_list_is_taken_on_the_last_day_of_the_period()
    {
        var snapshot = School(
            new[] { M("st8", "alg", "2024-09-10", "2"), M("st9", "alg", "2024-10-10", "5") },
            new[]
            {
                new Student { Id = "st8", Name = "Выбывший Ученик", ClassId = "9a", EnrolledOn = D("2024-09-01"), LeftOn = D("2024-10-01") },
                new Student { Id = "st9", Name = "Новый Ученик", ClassId = "9a", EnrolledOn = D("2024-10-07") },
                new Student { Id = "st10", Name = "Поздний Ученик", ClassId = "9a", EnrolledOn = D("2024-11-11") },
            });

        var nine = ReportRenderer.ProgressModel(snapshot, "q1").Periods[0].Classes[0];

        Assert.Equal(7, nine.Students); // st1…st6 and st9
        Assert.Equal(1, nine.Subjects[0].StudentsWithMarks);
        Assert.Equal(1.0, nine.Subjects[0].Progress);
    }

    [Fact]
    public void Without_a_period_every_period_is_reported_in_order_and_a_range_narrows_them()
    {
        var all = ReportRenderer.ProgressModel(Algebra());
        Assert.Equal(new[] { "q1", "y", "q2", "q3", "q4" }, all.Periods.Select(p => p.PeriodId));

        var autumn = ReportRenderer.ProgressModel(Algebra(), from: D("2024-11-01"), to: D("2024-12-31"));
        Assert.Equal(new[] { "y", "q2" }, autumn.Periods.Select(p => p.PeriodId));
        var q2 = autumn.Periods[1].Classes[0].Subjects[0];
        Assert.Equal(1, q2.StudentsWithMarks); // st6's «5» of 12.11
    }

    [Fact]
    public void An_unknown_period_is_an_error_that_names_it_and_the_known_ones()
    {
        var ex = Assert.Throws<ArgumentException>(() => ReportRenderer.ProgressModel(Algebra(), "q9"));
        Assert.Contains("q9", ex.Message);
        Assert.Contains("q1, q2", ex.Message);
    }

    [Theory]
    [InlineData("5", "Numeric", "5", false)]
    [InlineData("4-", "Numeric", "4", false)]
    [InlineData("3/5", "Numeric", "3,5", false)]
    [InlineData("2/4", "Numeric", "2,4", true)]
    [InlineData("1", "Numeric", "1", true)]
    [InlineData("зач", "Pass", "", false)]
    [InlineData("Зачёт", "Pass", "", false)]
    [InlineData("н/а", "NotAttested", "", true)]
    [InlineData("незач", "Fail", "", true)]
    [InlineData("н", "Unknown", "", false)]
    [InlineData("6", "Unknown", "", false)]
    public void Mark_values_are_read_as_the_reports_count_them(string value, string kind, string numbers, bool failing)
    {
        var parsed = MarkValue.Parse(value);
        Assert.Equal(kind, parsed.Kind.ToString());
        Assert.Equal(numbers, string.Join(",", parsed.Numbers));
        Assert.Equal(failing, parsed.IsFailing);
    }

    [Fact]
    public void The_html_says_how_na_is_counted_and_shows_the_figures()
    {
        var html = ReportRenderer.RenderProgress(Algebra(), ReportFormat.Html, periodId: "q1");

        Assert.Contains("«н/а» (не аттестован)", html);
        Assert.Contains("60\u00a0%", html);
        Assert.Contains("25\u00a0%", html);
        Assert.Contains("4,13", html);
        Assert.Contains("без отметок: Волкова Ольга", html);
    }
}
