using System;

namespace Eljur.Rules.Reports;

/// <summary>A report template could not be parsed or rendered; the message names the template and the position.</summary>
public sealed class ReportTemplateException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, with the template's name and position.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public ReportTemplateException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
