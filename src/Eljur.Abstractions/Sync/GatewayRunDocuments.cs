namespace Eljur.Abstractions.Sync;

/// <summary>What a finished <c>ok</c> run keeps besides its summary.</summary>
public sealed record GatewayRunDocuments
{
    /// <summary>Document kind of <see cref="ReportJson"/>.</summary>
    public const string Json = "json";

    /// <summary>Document kind of <see cref="Html"/>.</summary>
    public const string HtmlKind = "html";

    /// <summary>Document kind of <see cref="Markdown"/>.</summary>
    public const string MarkdownKind = "md";

    /// <summary>Document kind of <see cref="View"/>.</summary>
    public const string ViewKind = "view";

    /// <summary>The full <c>eljur.report/1</c> JSON.</summary>
    public string ReportJson { get; init; } = "";

    /// <summary>The report rendered as HTML, or null.</summary>
    public string? Html { get; init; }

    /// <summary>The report rendered as Markdown, or null.</summary>
    public string? Markdown { get; init; }

    /// <summary>The findings as the gateway's pages show them (JSON owned by the gateway), or null.</summary>
    public string? View { get; init; }
}
