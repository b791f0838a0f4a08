using System.Linq;
using Eljur.Abstractions.Model;
using Eljur.Rules.Reports;
using static Eljur.Rules.Tests.Reports.ReportData;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Reports;

/// <summary>Escaping and anonymization in the school reports.</summary>
public sealed class SchoolReportSafetyTests
{
    private const string Evil = "<script>alert(1)</script> & Co";

    private static GradebookSnapshot Hostile() => School(
        new[]
        {
            M("st1", "alg", "2024-09-10", "5"),
            M("evil", "alg", "2024-09-10", "2"),
            M("st1", "alg", "2025-05-26", "5", MarkKind.Year),
            M("evil", "alg", "2025-05-26", "3", MarkKind.Year),
        },
        new[] { new Student { Id = "evil", Name = "Смит " + Evil, ClassId = "9a", EnrolledOn = D("2024-09-01") } },
        subjectName: "Алгебра " + Evil) with
    {
        School = School().School with { Name = "Школа " + Evil },
    };

    [Theory]
    [InlineData(ReportKind.Progress)]
    [InlineData(ReportKind.SummarySheet)]
    [InlineData(ReportKind.Activity)]
    public void Html_school_reports_escape_names_subjects_and_the_school(ReportKind kind)
    {
        var html = Render(kind, ReportFormat.Html, anonymize: false);

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("& Co", html);
        Assert.Contains("Школа &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co", html);
        if (kind != ReportKind.Activity)
        {
            Assert.Contains("Алгебра &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co", html);
            Assert.Contains("Смит &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co", html);
        }
    }

    [Theory]
    [InlineData(ReportKind.Progress)]
    [InlineData(ReportKind.SummarySheet)]
    public void Markdown_school_reports_escape_data(ReportKind kind)
    {
        var md = Render(kind, ReportFormat.Markdown, anonymize: false);

        Assert.DoesNotContain("<script>", md);
        Assert.Contains("Смит \\<script\\>alert(1)\\</script\\> \\& Co", md);
    }

    [Theory]
    [InlineData(ReportKind.Progress, ReportFormat.Html)]
    [InlineData(ReportKind.Progress, ReportFormat.Markdown)]
    [InlineData(ReportKind.SummarySheet, ReportFormat.Html)]
    [InlineData(ReportKind.SummarySheet, ReportFormat.Markdown)]
    [InlineData(ReportKind.Activity, ReportFormat.Html)]
    public void Anonymize_removes_every_real_student_name(ReportKind kind, ReportFormat format)
    {
        var snapshot = Hostile();
        var output = Render(kind, format, anonymize: true);

        foreach (var student in snapshot.Students!)
        {
            Assert.DoesNotContain(student.Name, output);
            Assert.DoesNotContain(student.Name.Split(' ')[0], output);
        }

        if (kind != ReportKind.Activity)
        {
            Assert.Contains(Pseudonyms.For("evil"), output);
        }
    }

    [Fact]
    public void The_anonymized_summary_sheet_is_ordered_by_pseudonym_and_marked_as_not_for_the_archive()
    {
        var model = ReportRenderer.SummarySheetModel(Hostile(), new ReportOptions { Anonymize = true });
        var html = ReportRenderer.RenderSummarySheet(Hostile(), ReportFormat.Html, new ReportOptions { Anonymize = true });

        var names = model.Classes[0].Students.Select(s => s.Name).ToList();
        Assert.Equal(names.OrderBy(n => n, System.StringComparer.Ordinal), names);
        Assert.All(names, n => Assert.StartsWith(Pseudonyms.Prefix, n));
        Assert.Contains("копия не для архива", html);
    }

    private static string Render(ReportKind kind, ReportFormat format, bool anonymize)
    {
        var options = new ReportOptions { Anonymize = anonymize };
        return kind switch
        {
            ReportKind.Progress => ReportRenderer.RenderProgress(Hostile(), format, options, "q1"),
            ReportKind.SummarySheet => ReportRenderer.RenderSummarySheet(Hostile(), format, options),
            _ => ReportRenderer.RenderActivity(Hostile(), format, options),
        };
    }
}
