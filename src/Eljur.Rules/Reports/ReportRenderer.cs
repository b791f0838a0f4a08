using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;
using Eljur.Rules.Reports.Models;

namespace Eljur.Rules.Reports;

/// <summary>
/// Renders the reports with Scriban templates (embedded, or the integrator's own via <see cref="ReportOptions"/>):
/// the compliance report of a check, and the school reports computed from a snapshot. HTML output escapes every
/// data string; see <c>docs/reports.md</c> for the models and how to override a template.
/// </summary>
public static class ReportRenderer
{
    private static readonly Lazy<TrustedHtml> Css = new(() => new TrustedHtml(TemplateEngine.Resource("report.css") ?? ""));

    /// <summary>The embedded template of a report in a format, to copy and adapt; null when there is none.</summary>
    /// <param name="kind">Report.</param>
    /// <param name="format">Format.</param>
    /// <returns>The Scriban template text.</returns>
    public static string? DefaultTemplate(ReportKind kind, ReportFormat format) => TemplateEngine.Resource(TemplateEngine.TemplateName(kind, format));

    /// <summary>Student names by id, from a snapshot: what anonymization replaces in finding messages.</summary>
    /// <param name="snapshot">The snapshot the report was evaluated on.</param>
    /// <returns>Name by student id.</returns>
    public static IReadOnlyDictionary<string, string> StudentNames(GradebookSnapshot snapshot)
    {
        if (snapshot is null)
        {
            throw new ArgumentNullException(nameof(snapshot));
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in snapshot.Students ?? Array.Empty<Student>())
        {
            names[s.Id] = s.Name;
        }

        return names;
    }

    /// <summary>
    /// A copy of a report whose finding messages name students by pseudonyms instead of their names, e.g. before
    /// writing it as JSON with <see cref="ReportJsonWriter"/>.
    /// </summary>
    /// <param name="report">The evaluation result.</param>
    /// <param name="studentNames">Student names by id (see <see cref="StudentNames"/>).</param>
    /// <returns>The report with scrubbed messages.</returns>
    public static EvaluationReport Anonymized(EvaluationReport report, IReadOnlyDictionary<string, string> studentNames)
    {
        if (report is null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        var namer = new StudentNamer(studentNames, anonymize: true);
        return report with { Findings = report.Findings.Select(f => f with { Message = namer.Scrub(f.Message, f.Entity.Id) }).ToList() };
    }

    /// <summary>The model of the compliance report.</summary>
    /// <param name="report">The evaluation result.</param>
    /// <param name="policy">The policy evaluated, for the clause quotes; optional.</param>
    /// <param name="studentNames">Student names by id (see <see cref="StudentNames"/>); needed to anonymize finding messages.</param>
    /// <param name="options">Options (anonymization, catalog for titles).</param>
    /// <returns>The model.</returns>
    public static ComplianceReportModel ComplianceModel(EvaluationReport report, Policy? policy = null, IReadOnlyDictionary<string, string>? studentNames = null, ReportOptions? options = null)
    {
        if (report is null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        options ??= new ReportOptions();
        studentNames ??= options.Snapshot is { } snapshot ? StudentNames(snapshot) : null;
        return ComplianceModelBuilder.Build(report, policy, new StudentNamer(studentNames, options.Anonymize), options.Catalog ?? StandardRules.Catalog, Css.Value, options.Snapshot);
    }

    /// <summary>The model of the monthly activity report.</summary>
    /// <param name="snapshot">The data.</param>
    /// <param name="from">First date; the snapshot's by default.</param>
    /// <param name="to">Last date; the snapshot's by default.</param>
    /// <param name="options">Options.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">The range ends before it starts.</exception>
    public static ActivityReportModel ActivityModel(GradebookSnapshot snapshot, DateTime? from = null, DateTime? to = null, ReportOptions? options = null)
    {
        if (snapshot is null)
        {
            throw new ArgumentNullException(nameof(snapshot));
        }

        return SchoolReportBuilder.Activity(snapshot, from, to, Namer(snapshot, options), Css.Value);
    }

    /// <summary>The model of the progress report: one period, or every period overlapping the range (all by default).</summary>
    /// <param name="snapshot">The data.</param>
    /// <param name="periodId">One period's id; null for every period.</param>
    /// <param name="from">Without <paramref name="periodId"/>: only periods ending on or after this date.</param>
    /// <param name="to">Without <paramref name="periodId"/>: only periods starting on or before this date.</param>
    /// <param name="options">Options.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">No such period, or the snapshot has no periods.</exception>
    public static ProgressReportModel ProgressModel(GradebookSnapshot snapshot, string? periodId = null, DateTime? from = null, DateTime? to = null, ReportOptions? options = null)
    {
        if (snapshot is null)
        {
            throw new ArgumentNullException(nameof(snapshot));
        }

        return SchoolReportBuilder.Progress(snapshot, periodId, from, to, Namer(snapshot, options), Css.Value);
    }

    /// <summary>The model of the summary sheet (сводная ведомость) of the school year of the snapshot.</summary>
    /// <param name="snapshot">The data.</param>
    /// <param name="options">Options.</param>
    /// <returns>The model.</returns>
    public static SummarySheetModel SummarySheetModel(GradebookSnapshot snapshot, ReportOptions? options = null)
    {
        if (snapshot is null)
        {
            throw new ArgumentNullException(nameof(snapshot));
        }

        return SchoolReportBuilder.SummarySheet(snapshot, Namer(snapshot, options), Css.Value);
    }

    /// <summary>Renders a model (built by this class, possibly adjusted) with the template of its report.</summary>
    /// <param name="kind">Which report the model is.</param>
    /// <param name="model">A <see cref="ComplianceReportModel"/>, <see cref="ActivityReportModel"/>, <see cref="ProgressReportModel"/> or <see cref="Models.SummarySheetModel"/>.</param>
    /// <param name="format">Format.</param>
    /// <param name="writer">Destination.</param>
    /// <param name="options">Options (the template override).</param>
    /// <exception cref="ReportTemplateException">The template is unreadable, invalid, or fails on the model.</exception>
    public static void Render(ReportKind kind, object model, ReportFormat format, TextWriter writer, ReportOptions? options = null)
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        var expected = kind switch
        {
            ReportKind.Compliance or ReportKind.Notices => typeof(ComplianceReportModel),
            ReportKind.Activity => typeof(ActivityReportModel),
            ReportKind.Progress => typeof(ProgressReportModel),
            _ => typeof(SummarySheetModel),
        };
        if (model.GetType() != expected)
        {
            throw new ArgumentException($"The {kind} report needs a {expected.Name}, not a {model.GetType().Name}.", nameof(model));
        }

        TemplateEngine.Render(kind, format, model, options ?? new ReportOptions(), writer);
    }

    /// <summary>Renders a model to a string; see <see cref="Render(ReportKind, object, ReportFormat, TextWriter, ReportOptions?)"/>.</summary>
    /// <param name="kind">Which report the model is.</param>
    /// <param name="model">The model.</param>
    /// <param name="format">Format.</param>
    /// <param name="options">Options.</param>
    /// <returns>The report text.</returns>
    public static string Render(ReportKind kind, object model, ReportFormat format, ReportOptions? options = null)
    {
        using var writer = new StringWriter();
        Render(kind, model, format, writer, options);
        return writer.ToString();
    }

    /// <summary>Renders the compliance report of a check.</summary>
    /// <param name="report">The evaluation result.</param>
    /// <param name="policy">The policy evaluated, for the clause quotes; optional.</param>
    /// <param name="format">Format.</param>
    /// <param name="options">Options.</param>
    /// <param name="studentNames">Student names by id, to anonymize finding messages (see <see cref="StudentNames"/>).</param>
    /// <returns>The report text.</returns>
    public static string RenderCompliance(EvaluationReport report, Policy? policy, ReportFormat format, ReportOptions? options = null, IReadOnlyDictionary<string, string>? studentNames = null) =>
        Render(ReportKind.Compliance, ComplianceModel(report, policy, studentNames, options), format, options);

    /// <summary>Renders the monthly activity report.</summary>
    /// <param name="snapshot">The data.</param>
    /// <param name="format">Format.</param>
    /// <param name="options">Options.</param>
    /// <param name="from">First date; the snapshot's by default.</param>
    /// <param name="to">Last date; the snapshot's by default.</param>
    /// <returns>The report text.</returns>
    public static string RenderActivity(GradebookSnapshot snapshot, ReportFormat format, ReportOptions? options = null, DateTime? from = null, DateTime? to = null) =>
        Render(ReportKind.Activity, ActivityModel(snapshot, from, to, options), format, options);

    /// <summary>Renders the progress report.</summary>
    /// <param name="snapshot">The data.</param>
    /// <param name="format">Format.</param>
    /// <param name="options">Options.</param>
    /// <param name="periodId">One period's id; null for every period.</param>
    /// <param name="from">Without <paramref name="periodId"/>: only periods ending on or after this date.</param>
    /// <param name="to">Without <paramref name="periodId"/>: only periods starting on or before this date.</param>
    /// <returns>The report text.</returns>
    public static string RenderProgress(GradebookSnapshot snapshot, ReportFormat format, ReportOptions? options = null, string? periodId = null, DateTime? from = null, DateTime? to = null) =>
        Render(ReportKind.Progress, ProgressModel(snapshot, periodId, from, to, options), format, options);

    /// <summary>Renders the summary sheet (сводная ведомость).</summary>
    /// <param name="snapshot">The data.</param>
    /// <param name="format">Format.</param>
    /// <param name="options">Options.</param>
    /// <returns>The report text.</returns>
    public static string RenderSummarySheet(GradebookSnapshot snapshot, ReportFormat format, ReportOptions? options = null) =>
        Render(ReportKind.SummarySheet, SummarySheetModel(snapshot, options), format, options);

    private static StudentNamer Namer(GradebookSnapshot snapshot, ReportOptions? options) =>
        new(StudentNames(snapshot), options?.Anonymize == true);
}
