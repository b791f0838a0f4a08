using System;
using System.IO;
using Eljur.Abstractions.Evaluation;

namespace Eljur.Rules.Reports;

/// <summary>Writes a compliance report as plain Russian text for a terminal or a log (the <c>compliance.txt.sbn</c> template).</summary>
public static class TextReportWriter
{
    /// <summary>Writes the report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Destination.</param>
    /// <param name="catalog">Catalog for rule titles; the standard one by default.</param>
    public static void Write(EvaluationReport report, TextWriter writer, IRuleCatalog? catalog = null)
    {
        if (report is null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        var options = new ReportOptions { Catalog = catalog };
        ReportRenderer.Render(ReportKind.Compliance, ReportRenderer.ComplianceModel(report, null, null, options), ReportFormat.Text, writer, options);
    }
}
