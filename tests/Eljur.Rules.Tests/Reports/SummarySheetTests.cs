using System.Linq;
using Eljur.Abstractions.Model;
using Eljur.Rules.Reports;
using Eljur.Rules.Reports.Models;
using static Eljur.Rules.Tests.Reports.ReportData;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Reports;

public sealed class SummarySheetTests
{
    private static GradebookSnapshot YearEnd() => School(new[]
    {
        M("st1", "alg", "2024-10-27", "4", MarkKind.Period, "q1"),
        M("st1", "alg", "2024-12-28", "5", MarkKind.Period, "q2"),
        M("st2", "alg", "2024-10-27", "3", MarkKind.Period, "q1"),
        M("st1", "alg", "2025-05-26", "5", MarkKind.Year),
        M("st2", "alg", "2025-05-26", "3", MarkKind.Period, "y"),
        M("st1", "alg", "2025-06-20", "5", MarkKind.Final),
        M("st1", "rus", "2025-05-26", "4", MarkKind.Year),
        // Corrected: the later year mark is the one shown.
        M("st2", "rus", "2025-05-20", "3", MarkKind.Year),
        M("st2", "rus", "2025-05-26", "4", MarkKind.Year),
        // Current marks are not in the sheet; a year mark of the previous year is not either.
        M("st3", "rus", "2025-05-20", "5"),
        M("st3", "alg", "2024-05-20", "2", MarkKind.Year),
    }, new[] { new Student { Id = "st8", Name = "Андреев Антон", ClassId = "9a", EnrolledOn = D("2024-09-01"), LeftOn = D("2025-02-10") } });

    private static string Header(SummaryClassModel c) => string.Join(" ", c.Columns.Select(col => $"{col.SubjectId}:{col.Header}"));

    [Fact]
    public void Each_class_gets_students_by_subjects_with_period_year_and_final_columns()
    {
        var model = ReportRenderer.SummarySheetModel(YearEnd());

        Assert.Equal("2024/2025", model.SchoolYear);
        Assert.Equal("Хранить 75 лет", model.Retention);
        Assert.Equal("Соколов Игорь Николаевич", model.Director);
        Assert.Equal(new[] { "9А", "10Б" }, model.Classes.Select(c => c.ClassName));

        var nine = model.Classes[0];
        Assert.Equal("Белова Анна Сергеевна", nine.ClassTeacher);
        Assert.Equal("alg:1 ч. alg:2 ч. alg:год alg:итог. rus:год his:год", Header(nine));
        Assert.Equal(
            new[] { "Андреев Антон", "Волкова Ольга", "Иванов Иван", "Кузнецова Анна", "Петрова Мария", "Сидоров Пётр", "Смирнов Олег" },
            nine.Students.Select(s => s.Name));
        Assert.Equal("выбыл(а) 10.02.2025", nine.Students[0].Note);
        var ivanov = nine.Students.Single(s => s.StudentId == "st1");
        Assert.Equal(3, ivanov.Number);
        Assert.Equal(new[] { "4", "5", "5", "5", "4", "" }, ivanov.Cells.Select(c => c.Value));
        var petrova = nine.Students.Single(s => s.StudentId == "st2");
        Assert.Equal(new[] { "3", "", "3", "", "4", "" }, petrova.Cells.Select(c => c.Value));
        var sidorov = nine.Students.Single(s => s.StudentId == "st3");
        Assert.All(sidorov.Cells, c => Assert.Equal("", c.Value));
        Assert.Equal(new[] { true, false, false, false, true, true }, ivanov.Cells.Select(c => c.FirstOfSubject));

        Assert.Equal("alg:год", Header(model.Classes[1]));
    }

    [Fact]
    public void The_html_is_a_printable_sheet_with_a_title_block_and_signatures()
    {
        var html = ReportRenderer.RenderSummarySheet(YearEnd(), ReportFormat.Html);

        Assert.Contains("Сводная ведомость итоговых отметок", html);
        Assert.Contains("2024/2025 учебный год", html);
        Assert.Contains("Хранить 75 лет", html);
        Assert.Contains("Директор", html);
        Assert.Contains("/ Соколов Игорь Николаевич /", html);
        Assert.Contains("Классный руководитель", html);
        Assert.Contains("size: A4 landscape", html);
        Assert.Contains("page-break-before: always", html);
        Assert.Contains("colspan=\"4\"", html); // Алгебра: 1 ч., 2 ч., год, итог.
    }

    [Fact]
    public void Without_periods_the_school_year_starts_on_the_first_of_September()
    {
        var snapshot = YearEnd() with { Periods = null, Source = YearEnd().Source with { From = D("2025-03-01") } };

        var model = ReportRenderer.SummarySheetModel(snapshot);

        Assert.Equal("2024/2025", model.SchoolYear);
    }

    [Fact]
    public void The_markdown_has_one_table_per_class()
    {
        var md = ReportRenderer.RenderSummarySheet(YearEnd(), ReportFormat.Markdown);

        Assert.Contains("| № | ученик | Алгебра: 1 ч. | Алгебра: 2 ч. | Алгебра: год | Алгебра: итог. | Русский язык: год | История: год |", md);
        Assert.Contains("| 3 | Иванов Иван | 4 | 5 | 5 | 5 | 4 |  |", md);
        Assert.Contains("**Хранить 75 лет**", md);
    }
}
