using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Eljur.Rules.Reports;

/// <summary>Loads the embedded (or the integrator's) Scriban templates and renders models with escaping by format.</summary>
internal static class TemplateEngine
{
    private const string ResourcePrefix = "Eljur.Rules.Reports.Templates.";

    private static readonly ConcurrentDictionary<string, Template> Embedded = new(StringComparer.Ordinal);

    /// <summary>The resource name of the default template of a report in a format (without the prefix), e.g. <c>compliance.html.sbn</c>.</summary>
    public static string TemplateName(ReportKind kind, ReportFormat format) => KindName(kind) + "." + Extension(format) + ".sbn";

    public static string KindName(ReportKind kind) => kind switch
    {
        ReportKind.Compliance => "compliance",
        ReportKind.Activity => "activity",
        ReportKind.Progress => "progress",
        ReportKind.Notices => "notices",
        _ => "summary-sheet",
    };

    public static string Extension(ReportFormat format) => format switch
    {
        ReportFormat.Html => "html",
        ReportFormat.Markdown => "md",
        _ => "txt",
    };

    /// <summary>The text of an embedded resource of the templates folder, or null.</summary>
    public static string? Resource(string name)
    {
        using var stream = typeof(TemplateEngine).Assembly.GetManifestResourceStream(ResourcePrefix + name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static void Render(ReportKind kind, ReportFormat format, object model, ReportOptions options, TextWriter writer)
    {
        var template = Load(kind, format, options);
        TemplateContext context = format switch
        {
            ReportFormat.Html => new HtmlTemplateContext(),
            ReportFormat.Markdown => new MarkdownTemplateContext(),
            _ => new TemplateContext(),
        };
        context.LoopLimit = 0;
        context.LimitToString = 0;
        context.StrictVariables = true;
        context.NewLine = "\n";
        context.PushCulture(CultureInfo.InvariantCulture);
        var globals = new ScriptObject();
        globals.Import(model);
        context.PushGlobal(globals);
        string text;
        try
        {
            text = template.Render(context);
        }
        catch (ScriptRuntimeException ex)
        {
            throw new ReportTemplateException($"шаблон {template.SourceFilePath}: {ex.Message}", ex);
        }

        writer.Write(text);
    }

    private static Template Load(ReportKind kind, ReportFormat format, ReportOptions options)
    {
        if (options.TemplateText is { } text)
        {
            return Parse(text, "(шаблон из параметров)");
        }

        if (options.TemplatePath is { } path)
        {
            string fileText;
            try
            {
                fileText = File.ReadAllText(path, Encoding.UTF8);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new ReportTemplateException($"шаблон {path} не прочитан: {ex.Message}", ex);
            }

            return Parse(fileText, path);
        }

        var name = TemplateName(kind, format);
        return Embedded.GetOrAdd(name, n => Parse(
            Resource(n) ?? throw new ReportTemplateException($"отчёт «{KindName(kind)}» не выводится в формате {Extension(format)}: встроенного шаблона нет (можно передать свой)."),
            n));
    }

    private static Template Parse(string text, string name)
    {
        var template = Template.Parse(text, name);
        if (template.HasErrors)
        {
            throw new ReportTemplateException($"ошибка в шаблоне: {string.Join("; ", template.Messages.Select(m => m.ToString()))}");
        }

        return template;
    }

    /// <summary>HTML: every <c>{{ … }}</c> output is HTML-escaped (quotes included), except <see cref="TrustedHtml"/>.</summary>
    private sealed class HtmlTemplateContext : TemplateContext
    {
        public override TemplateContext Write(SourceSpan span, object? textAsObject) =>
            textAsObject switch
            {
                null => this,
                TrustedHtml trusted => Write(trusted.Html),
                _ => Write(EscapeHtml(textAsObject as string ?? ObjectToString(textAsObject) ?? "")),
            };

        public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) => new(Write(span, textAsObject));
    }

    /// <summary>
    /// Markdown: every <c>{{ … }}</c> output has Markdown and HTML punctuation backslash-escaped and line breaks
    /// turned into spaces, so that data cannot start markup, break a table row or become a tag.
    /// </summary>
    private sealed class MarkdownTemplateContext : TemplateContext
    {
        public override TemplateContext Write(SourceSpan span, object? textAsObject) =>
            textAsObject switch
            {
                null => this,
                TrustedHtml => this,
                _ => Write(EscapeMarkdown(textAsObject as string ?? ObjectToString(textAsObject) ?? "")),
            };

        public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) => new(Write(span, textAsObject));
    }

    /// <summary>Escapes <c>&amp; &lt; &gt; " '</c>; other characters (Cyrillic, «», no-break spaces) stay as they are in UTF-8.</summary>
    internal static string EscapeHtml(string text)
    {
        var result = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => result.Append("&amp;"),
                '<' => result.Append("&lt;"),
                '>' => result.Append("&gt;"),
                '"' => result.Append("&quot;"),
                '\'' => result.Append("&#39;"),
                _ => result.Append(c),
            };
        }

        return result.ToString();
    }

    internal static string EscapeMarkdown(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
                case '|': case '&': case '#': case '!': case '~':
                    result.Append('\\').Append(c);
                    break;
                case '\r':
                    break;
                case '\n':
                case '\t':
                    result.Append(' ');
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }

        return result.ToString();
    }
}
