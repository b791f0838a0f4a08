using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Synthetic;
using Eljur.Rules.Reports;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Eljur.Rules.Tests.Reports;

/// <summary>
/// The compliance report and the notices as Chromium prints them to PDF: A4 pages numbered «стр. N из M», and no heading
/// left as the last line of a page (its table would start on the next one). Read back with PdfPig, line by line.
/// </summary>
public sealed class PrintLayoutTests
{
    private readonly ITestOutputHelper _output;

    public PrintLayoutTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void The_printed_report_and_notices_are_numbered_a4_pages_with_no_heading_at_a_page_bottom()
    {
        var chromium = Chromium.FindOrExplain(_output);
        if (chromium is null)
        {
            return;
        }

        // A generated 100-pupil school checked in November: many teachers, long sections, tables across pages.
        var snapshot = SyntheticSnapshotGenerator.Generate(new SyntheticSnapshotOptions { StudentsPerSchool = 100, Seed = 7 });
        var policy = Presets.Load("lyceum68-ufa-2023");
        var engine = new PolicyEngine(StandardRules.Catalog, ProductionCalendar.Russia, TimeProvider.System);
        var report = engine.Evaluate(snapshot, policy, new EvaluationOptions { AsOf = new DateTimeOffset(2024, 11, 20, 12, 0, 0, TimeSpan.FromHours(5)) });
        var options = new ReportOptions { Snapshot = snapshot };
        var model = ReportRenderer.ComplianceModel(report, policy, null, options);
        Assert.True(model.Teachers.Count >= 5, "the generated school should give several teachers to rank");

        var dir = Directory.CreateTempSubdirectory("eljur-print-").FullName;
        foreach (var (kind, name) in new[] { (ReportKind.Compliance, "report"), (ReportKind.Notices, "notices") })
        {
            var html = ReportRenderer.Render(kind, model, ReportFormat.Html, options);
            var file = Path.Combine(dir, name + ".html");
            File.WriteAllText(file, html);
            var pdf = Path.Combine(dir, name + ".pdf");
            Chromium.PrintToPdf(chromium, file, pdf);

            var pages = Pages(pdf);
            var headings = Headings(html);
            Assert.True(pages.Count > 2, $"{name}: expected several pages, got {pages.Count}");
            for (var i = 0; i < pages.Count; i++)
            {
                var (width, height, lines) = pages[i];
                Assert.InRange(width, 593, 597);   // A4: 210 × 297 mm = 595 × 842 pt
                Assert.InRange(height, 840, 844);
                Assert.True(lines.Count >= 2, $"{name}, page {i + 1}: almost empty");
                Assert.Equal($"стр. {i + 1} из {pages.Count}", lines[^1]);
                var last = lines[^2];
                var heading = headings.FirstOrDefault(h => last.Length >= 6 && h.StartsWith(last, StringComparison.Ordinal));
                Assert.True(heading is null, $"{name}, page {i + 1} ends with the heading «{heading}» (its table starts on the next page)");
            }

            _output.WriteLine($"{name}: {pages.Count} pages, {headings.Count} headings, none at a page bottom");
        }

        if (model.Teachers.Count > 0)
        {
            // What a deputy sees first: the first page and one notice, kept for a look (artifacts/ is not committed).
            var shots = Chromium.ScreenshotDir();
            Chromium.Screenshot(chromium, Path.Combine(dir, "report.html"), Path.Combine(shots, "report-first-page.png"), 900, 1270);
            Chromium.Screenshot(chromium, Path.Combine(dir, "notices.html"), Path.Combine(shots, "notice.png"), 900, 1270);
        }
    }

    [Fact]
    public void The_check_catches_a_heading_left_at_the_bottom_of_a_page()
    {
        // The control: without break-after: avoid, a heading pushed to the bottom of page 1 stays there.
        var chromium = Chromium.FindOrExplain(_output);
        if (chromium is null)
        {
            return;
        }

        var dir = Directory.CreateTempSubdirectory("eljur-print-").FullName;
        var file = Path.Combine(dir, "bad.html");
        File.WriteAllText(file, "<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><style>@page { size: A4; margin: 20mm; } h2 { break-after: auto; margin: 0; } .filler { height: 246mm; }</style></head>"
            + "<body><div class=\"filler\">Начало</div><h2>Одинокий заголовок</h2><table><tr><td>строка таблицы</td></tr></table></body></html>");
        var pdf = Path.Combine(dir, "bad.pdf");
        Chromium.PrintToPdf(chromium, file, pdf);

        var pages = Pages(pdf);
        Assert.Equal(2, pages.Count);
        Assert.Equal("Одинокий заголовок", pages[0].Lines[^1]);
    }

    /// <summary>Each page's size and its text lines, top to bottom (words on one baseline make a line).</summary>
    private static List<(double Width, double Height, List<string> Lines)> Pages(string pdf)
    {
        var result = new List<(double, double, List<string>)>();
        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            var lines = new List<(double Y, List<(double X, string Text)> Words)>();
            foreach (var word in page.GetWords())
            {
                var y = word.BoundingBox.Bottom;
                var line = lines.FirstOrDefault(l => Math.Abs(l.Y - y) < 3);
                if (line.Words is null)
                {
                    line = (y, new List<(double, string)>());
                    lines.Add(line);
                }

                line.Words.Add((word.BoundingBox.Left, word.Text));
            }

            var text = lines
                .OrderByDescending(l => l.Y)
                .Select(l => string.Join(" ", l.Words.OrderBy(w => w.X).Select(w => w.Text)))
                .ToList();
            result.Add((page.Width, page.Height, text));
        }

        return result;
    }

    /// <summary>The text of every heading of a page, as it prints.</summary>
    private static List<string> Headings(string html) =>
        Regex.Matches(html, "<h[1-4][^>]*>(.*?)</h[1-4]>", RegexOptions.Singleline)
            .Cast<Match>()
            .Select(m => Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", "")), @"\s+", " ").Trim())
            .Where(h => h.Length > 0)
            .ToList();
}
