using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Eljur.Rules.Reports;
using static Eljur.Rules.Tests.Reports.ComplianceSamples;

namespace Eljur.Rules.Tests.Reports;

public sealed class ComplianceReportTests
{
    private static int Count(string text, string what) => Regex.Matches(text, Regex.Escape(what)).Count;

    [Fact]
    public void The_model_groups_findings_by_rule_with_the_quote_and_splits_possible_ones()
    {
        var model = ReportRenderer.ComplianceModel(Report(), Policy());

        Assert.Equal(new[] { "lesson-topic", "written-mark-entry" }, model.Rules.Select(r => r.Rule));
        var topic = model.Rules[0];
        Assert.Equal("Тема урока записана в срок", topic.Title);
        Assert.Equal("Доля уроков с записанным домашним заданием", model.Metrics[2].Title);
        Assert.Equal("5.1", topic.Clause);
        Assert.Equal("информация о теме урока – в день проведения урока", topic.Quote);
        Assert.Equal(new[] { "L-1" }, topic.Certain.Select(f => f.EntityId));
        Assert.Equal(new[] { "L-2" }, topic.Possible.Select(f => f.EntityId));
        Assert.Equal("возможно", topic.Possible[0].CertaintyText);
        Assert.Equal("28.10.2024 23:59", topic.Certain[0].Deadline);
        Assert.Equal("29.10.2024 09:00", topic.Certain[0].Observed);
        Assert.Equal("внесено позже срока", topic.Certain[0].AspectText);
        Assert.Equal(4, model.ErrorCount);
        Assert.Equal(1, model.PossibleCount);
        Assert.Equal(1, model.FailedMetricCount);
        Assert.True(model.HasErrors);
        Assert.StartsWith("Есть нарушения регламента (нарушений: 4, не выполнено нормативов: 1).", model.Verdict);
        Assert.Equal(new[] { "история исправлений отметок", "авторы записей" }, model.NotEvaluable[0].MissingText);
        Assert.Equal("внесено позже срока", model.NotEvaluable[1].AspectText);
    }

    [Fact]
    public void Metric_charts_place_the_bar_and_the_threshold_on_a_520_wide_track()
    {
        var metrics = ReportRenderer.ComplianceModel(Report(), Policy()).Metrics;

        Assert.Equal("480", metrics[0].Chart.BarWidth); // 0.9231 × 520
        Assert.Equal("504", metrics[0].Chart.ThresholdX); // 10 + 0.95 × 520
        Assert.Equal("520", metrics[1].Chart.BarWidth);
        Assert.Equal("end", metrics[0].Chart.ThresholdLabelAnchor);
        Assert.Equal("failed", metrics[0].Status);
        Assert.Equal("≥ 95\u00a0%", metrics[0].ThresholdText);
        Assert.Equal("passed", metrics[1].Status);
        Assert.Equal("reported", metrics[2].Status);
        Assert.Null(metrics[2].Chart.ThresholdX);
        Assert.Equal("no-data", metrics[3].Status);
        Assert.Equal("Ведение планирования", metrics[0].Quote);
    }

    [Fact]
    public void Html_is_one_self_contained_printable_page_with_a_chart_per_metric()
    {
        var html = ReportRenderer.RenderCompliance(Report(), Policy(), ReportFormat.Html);

        Assert.StartsWith("<!DOCTYPE html>", html);
        // Norms (metrics with a threshold) get a chart; a metric without one is a row of the table at the end.
        Assert.Equal(3, Count(html, "<svg class=\"chart\""));
        Assert.Equal(4, Count(html, "data-metric="));
        Assert.Contains("@media print", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", ""));
        Assert.Contains("id=\"summary\"", html);
        Assert.Contains("Лицей № 1", html);
        Assert.Contains("01.10.2024 — 15.11.2024", html);
        Assert.Contains("20.11.2024 12:00", html);
        Assert.Contains("<blockquote class=\"quote\">информация о теме урока – в день проведения урока</blockquote>", html);
        Assert.Contains("class=\"possible\"", html);
        Assert.Contains(">возможно<", html);
        Assert.Contains("история исправлений отметок, авторы записей", html);
        foreach (var id in new[] { "L-1", "L-2", "M-1", "L-3:st3" })
        {
            Assert.Contains($"data-entity=\"{id}\"", html);
        }
    }

    [Fact]
    public void Html_escapes_every_data_string()
    {
        var html = ReportRenderer.RenderCompliance(Report("Тема «" + Script + "»"), Policy(), ReportFormat.Html, studentNames: Names);

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("& co", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", html);
        Assert.Equal(5, Count(html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co")); // the quote, and two messages in the teacher and the rule view
    }

    [Fact]
    public void Markdown_has_the_same_content_with_data_escaped()
    {
        var md = ReportRenderer.RenderCompliance(Report(), Policy(), ReportFormat.Markdown);

        Assert.Contains("# Отчёт о проверке электронного журнала", md);
        Assert.Contains("## Нормативы", md);
        Assert.Contains("## Показатели без нормативов", md);
        Assert.Contains("## Кто должен исправить", md);
        Assert.Contains("> информация о теме урока – в день проведения урока", md);
        Assert.Contains("**Возможные нарушения (1)**", md);
        Assert.Contains("| `L-2` |", md);
        Assert.Contains("\\<script\\>alert(1)\\</script\\> \\& co", md);
        Assert.DoesNotContain("<script>", md);
        Assert.Contains("история исправлений отметок, авторы записей", md);
    }

    [Fact]
    public void Text_keeps_the_terminal_layout()
    {
        var text = ReportRenderer.RenderCompliance(Report(), Policy(), ReportFormat.Text);

        Assert.StartsWith("Проверка электронного журнала: Лицей № 1\nРегламент: Положение об электронном журнале ⟦lyceum-test⟧\n", text);
        Assert.Contains("\n  - [возможно] администрация: ", text);
        Assert.Contains("⟦M-1⟧", text);
    }

    [Fact]
    public void Anonymize_replaces_every_student_name_in_messages_by_a_stable_pseudonym()
    {
        var options = new ReportOptions { Anonymize = true };

        var html = ReportRenderer.RenderCompliance(Report(), Policy(), ReportFormat.Html, options, Names);
        var md = ReportRenderer.RenderCompliance(Report(), Policy(), ReportFormat.Markdown, options, Names);
        var model = ReportRenderer.ComplianceModel(Report(), Policy(), Names, options);

        foreach (var output in new[] { html, md })
        {
            Assert.DoesNotContain("Иванов", output);
            Assert.DoesNotContain("Петрова", output);
            Assert.Contains("имена учеников заменены псевдонимами", output);
        }

        var mark = model.Rules[1].Certain.Single(f => f.EntityId == "M-1").Message;
        // st1 and st3 share the name: the mark's message cannot tell which, so it names both pseudonyms.
        Assert.Equal($"Отметка за письменную работу («4», {Pseudonyms.For("st1")} или {Pseudonyms.For("st3")}, Алгебра, работа 28.10.2024) внесена поздно; {Pseudonyms.For("st2")} тоже.", mark);
        // The absence's entity id names st3.
        Assert.StartsWith($"Пропуск: {Pseudonyms.For("st3")}, ", model.Rules[1].Certain.Single(f => f.EntityId == "L-3:st3").Message);
    }

    [Fact]
    public void Pseudonyms_are_stable_distinct_and_hide_the_id()
    {
        Assert.Equal("Ученик 68F1C0", Pseudonyms.For("st1")); // SHA-256("st1") starts 68f1c0
        Assert.Equal(Pseudonyms.For("st1"), Pseudonyms.For("st1"));
        Assert.NotEqual(Pseudonyms.For("st1"), Pseudonyms.For("st2"));
        Assert.DoesNotContain("st1", Pseudonyms.For("st1"));

        var many = Pseudonyms.ForAll(Enumerable.Range(0, 20000).Select(i => "s" + i));
        Assert.Equal(20000, many.Values.Distinct().Count());
    }

    [Fact]
    public void A_template_given_as_text_or_as_a_file_replaces_the_embedded_one_and_still_escapes()
    {
        var template = "<h1>{{ school_name }}</h1>{{ for r in rules }}<p>{{ r.rule }}: {{ r.count }} — {{ r.quote }}</p>{{ end }}";
        var fromText = ReportRenderer.RenderCompliance(Report(), Policy(), ReportFormat.Html, new ReportOptions { TemplateText = template });

        var file = Path.Combine(Path.GetTempPath(), "eljur-template-" + Guid.NewGuid().ToString("N") + ".sbn");
        File.WriteAllText(file, template);
        var fromFile = ReportRenderer.RenderCompliance(Report(), Policy(), ReportFormat.Html, new ReportOptions { TemplatePath = file });
        File.Delete(file);

        const string expected = "<h1>Лицей № 1</h1><p>lesson-topic: 2 — информация о теме урока – в день проведения урока</p>"
            + "<p>written-mark-entry: 2 — не позднее 5 рабочих дней &lt;script&gt;alert(1)&lt;/script&gt; &amp; co</p>";
        Assert.Equal(expected, fromText);
        Assert.Equal(expected, fromFile);
    }

    [Fact]
    public void The_one_line_example_of_the_docs_works()
    {
        const string template = "{{ school_name }}: {{ error_count }} нарушений ({{ possible_count }} возможных); {{ for m in metrics }}{{ m.title }} {{ m.value_text }}{{ if !for.last }}, {{ end }}{{ end }}";

        var text = ReportRenderer.RenderCompliance(Report(), Policy(), ReportFormat.Text, new ReportOptions { TemplateText = template });

        Assert.Equal("Лицей № 1: 4 нарушений (1 возможных); Доля уроков с темой или домашним заданием 92,3\u00a0%, Доля уроков с записью в журнале 100\u00a0%, Доля уроков с записанным домашним заданием 25\u00a0%, Доля активированных пользователей, входивших в систему нет данных", text);
    }

    [Fact]
    public void A_broken_template_or_an_unknown_variable_is_a_template_error()
    {
        var syntax = Assert.Throws<ReportTemplateException>(() => ReportRenderer.RenderCompliance(Report(), Policy(), ReportFormat.Html, new ReportOptions { TemplateText = "{{ for r in rules }}" }));
        Assert.Contains("ошибка в шаблоне", syntax.Message);

        var unknown = Assert.Throws<ReportTemplateException>(() => ReportRenderer.RenderCompliance(Report(), Policy(), ReportFormat.Html, new ReportOptions { TemplateText = "{{ schol_name }}" }));
        Assert.Contains("schol_name", unknown.Message);

        var missing = Assert.Throws<ReportTemplateException>(() => ReportRenderer.RenderCompliance(Report(), Policy(), ReportFormat.Html, new ReportOptions { TemplatePath = "/nonexistent/report.sbn" }));
        Assert.Contains("/nonexistent/report.sbn", missing.Message);
    }

    [Fact]
    public void The_default_templates_are_available_to_copy()
    {
        Assert.Contains("{{ school_name }}", ReportRenderer.DefaultTemplate(ReportKind.Compliance, ReportFormat.Html));
        Assert.NotNull(ReportRenderer.DefaultTemplate(ReportKind.SummarySheet, ReportFormat.Markdown));
        Assert.Null(ReportRenderer.DefaultTemplate(ReportKind.Activity, ReportFormat.Text));
        Assert.Throws<ReportTemplateException>(() => ReportRenderer.RenderActivity(ReportData.School(), ReportFormat.Text));
    }

    [Fact]
    public void A_model_of_another_report_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ReportRenderer.Render(ReportKind.Activity, ReportRenderer.ComplianceModel(Report()), ReportFormat.Html));
    }
}
