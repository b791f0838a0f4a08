namespace Eljur.Rules.Reports;

/// <summary>
/// Markup produced by the SDK itself (the report style sheet), written into HTML reports without escaping.
/// Data from the gradebook is never wrapped in it.
/// </summary>
public sealed class TrustedHtml
{
    internal TrustedHtml(string html) => Html = html;

    /// <summary>The markup.</summary>
    public string Html { get; }

    /// <inheritdoc />
    public override string ToString() => Html;
}
