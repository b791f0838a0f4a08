namespace Eljur.Rules.Reports;

/// <summary>How a report is rendered.</summary>
public enum ReportFormat
{
    /// <summary>One self-contained HTML page (inline CSS and SVG, no scripts); every data string is HTML-escaped.</summary>
    Html,

    /// <summary>Markdown; data strings are escaped so that they cannot become markup.</summary>
    Markdown,

    /// <summary>Plain text for a terminal or a log (the compliance report only).</summary>
    Text,
}
