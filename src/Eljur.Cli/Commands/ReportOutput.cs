using System.Collections.Generic;
using System.IO;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;
using Eljur.Cli.Infrastructure;
using Eljur.Rules.Reports;

namespace Eljur.Cli.Commands;

/// <summary>How <c>eljur check</c> writes its report: the format, anonymization and the user's template.</summary>
internal sealed class ReportOutput
{
    private readonly string _format;
    private readonly ReportOptions _options;
    private readonly Policy? _policy;
    private readonly IReadOnlyDictionary<string, string>? _names;

    private ReportOutput(string format, ReportOptions options, Policy? policy, IReadOnlyDictionary<string, string>? names)
    {
        _format = format;
        _options = options;
        _policy = policy;
        _names = names;
    }

    public static ReportOutput ForCheck(string format, bool anonymize, string? template, GradebookSnapshot? snapshot, Policy? policy)
    {
        if (template is not null && format == "json")
        {
            throw new CliException(ExitCodes.BadInput, "--template: шаблон применим к форматам text, html и md, а не к json.");
        }

        if (template is not null)
        {
            InputFiles.Existing(template, "--template", "файл шаблона отчёта (Scriban)");
        }

        var names = snapshot is null ? null : ReportRenderer.StudentNames(snapshot);
        return new ReportOutput(format, new ReportOptions { Anonymize = anonymize, TemplatePath = template, Snapshot = snapshot }, policy, names);
    }

    /// <summary>The format option's value as a <see cref="ReportFormat"/> (html, md, or text).</summary>
    public static ReportFormat Format(string format) => format switch
    {
        "html" => ReportFormat.Html,
        "md" => ReportFormat.Markdown,
        _ => ReportFormat.Text,
    };

    public void Write(EvaluationReport report, TextWriter writer)
    {
        if (_format == "json")
        {
            ReportJsonWriter.Write(_options.Anonymize && _names is not null ? ReportRenderer.Anonymized(report, _names) : report, writer);
            return;
        }

        writer.Write(ReportRenderer.RenderCompliance(report, _policy, Format(_format), _options, _names));
    }
}
