using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;

namespace Eljur.Rules.Reports;

/// <summary>Options shared by every report.</summary>
public sealed record ReportOptions
{
    /// <summary>Replace student names by stable pseudonyms (<see cref="Pseudonyms"/>) everywhere in the report, finding messages included.</summary>
    public bool Anonymize { get; init; }

    /// <summary>
    /// The integrator's own Scriban template text, used instead of the embedded one.
    /// It sees the same model (members in snake_case, e.g. <c>school_name</c>); see <c>docs/reports.md</c>.
    /// </summary>
    public string? TemplateText { get; init; }

    /// <summary>A path to the integrator's own Scriban template file, used instead of the embedded one (ignored when <see cref="TemplateText"/> is set).</summary>
    public string? TemplatePath { get; init; }

    /// <summary>
    /// The snapshot a compliance report was evaluated on. With it the report groups findings into cases (the late
    /// marks of one written work are one row) and names students for anonymization; without it every finding is a
    /// row of its own.
    /// </summary>
    public GradebookSnapshot? Snapshot { get; init; }

    /// <summary>Catalog for rule and metric titles; the standard one when null.</summary>
    public IRuleCatalog? Catalog { get; init; }
}
