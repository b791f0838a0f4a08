using System;
using System.Globalization;
using System.IO;
using System.Text;
using Newtonsoft.Json;

namespace Eljur.Abstractions.Evaluation;

/// <summary>Writes an <see cref="EvaluationReport"/> as <c>eljur.report/1</c> JSON (see <c>cli.md</c>).</summary>
public static class ReportJsonWriter
{
    /// <summary>Writes the report to a stream (UTF-8, no BOM; the stream stays open).</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">Destination.</param>
    public static void Write(EvaluationReport report, Stream stream)
    {
        using var text = new StreamWriter(stream, new UTF8Encoding(false), 65536, leaveOpen: true);
        Write(report, text);
    }

    /// <summary>Writes the report to a text writer.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Destination.</param>
    public static void Write(EvaluationReport report, TextWriter writer)
    {
        if (report is null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        using var w = new JsonTextWriter(writer) { Formatting = Formatting.Indented, CloseOutput = false };
        w.WriteStartObject();
        w.WritePropertyName("format");
        w.WriteValue(EvaluationReport.FormatId);
        w.WritePropertyName("policy");
        w.WriteStartObject();
        w.WritePropertyName("id");
        w.WriteValue(report.PolicyId);
        w.WritePropertyName("title");
        w.WriteValue(report.PolicyTitle);
        w.WriteEndObject();
        w.WritePropertyName("asOf");
        w.WriteValue(Timestamp(report.AsOf));
        w.WritePropertyName("range");
        w.WriteStartObject();
        w.WritePropertyName("from");
        w.WriteValue(Date(report.From));
        w.WritePropertyName("to");
        w.WriteValue(Date(report.To));
        w.WriteEndObject();

        w.WritePropertyName("findings");
        w.WriteStartArray();
        foreach (var f in report.Findings)
        {
            w.WriteStartObject();
            Prop(w, "rule", f.Rule);
            Prop(w, "clause", f.Clause);
            Prop(w, "severity", Name(f.Severity));
            Prop(w, "certainty", f.Certainty == Certainty.Certain ? "certain" : "possible");
            Prop(w, "aspect", f.Aspect);
            w.WritePropertyName("entity");
            w.WriteStartObject();
            Prop(w, "type", f.Entity.Type);
            Prop(w, "id", f.Entity.Id);
            w.WriteEndObject();
            if (f.Deadline is { } d)
            {
                Prop(w, "deadline", Timestamp(d));
            }

            if (f.Observed is { } o)
            {
                Prop(w, "observed", Timestamp(o));
            }

            w.WritePropertyName("responsible");
            if (f.Responsible is { } who)
            {
                w.WriteStartObject();
                Prop(w, "id", who.Id);
                Prop(w, "name", who.Name);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull();
            }

            Prop(w, "message", f.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WritePropertyName("metrics");
        w.WriteStartArray();
        foreach (var m in report.Metrics)
        {
            w.WriteStartObject();
            Prop(w, "metric", m.Metric);
            Prop(w, "clause", m.Clause);
            w.WritePropertyName("value");
            if (m.Value is { } v)
            {
                w.WriteValue(v);
            }
            else
            {
                w.WriteNull();
            }

            w.WritePropertyName("numerator");
            w.WriteValue(m.Numerator);
            w.WritePropertyName("denominator");
            w.WriteValue(m.Denominator);
            w.WritePropertyName("threshold");
            if (m.Threshold is { } t)
            {
                w.WriteValue(t);
            }
            else
            {
                w.WriteNull();
            }

            if (m.ThresholdIsMaximum)
            {
                w.WritePropertyName("thresholdIsMaximum");
                w.WriteValue(true);
            }

            w.WritePropertyName("passed");
            if (m.Passed is { } p)
            {
                w.WriteValue(p);
            }
            else
            {
                w.WriteNull();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WritePropertyName("notEvaluable");
        w.WriteStartArray();
        foreach (var n in report.NotEvaluable)
        {
            w.WriteStartObject();
            Prop(w, "rule", n.Rule);
            Prop(w, "aspect", n.Aspect);
            w.WritePropertyName("missing");
            w.WriteStartArray();
            foreach (var c in n.Missing)
            {
                w.WriteValue(c);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WritePropertyName("warnings");
        w.WriteStartArray();
        foreach (var warning in report.Warnings)
        {
            w.WriteValue(warning);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        writer.WriteLine();
    }

    /// <summary>Formats a timestamp as in the report: seconds, milliseconds when not zero, and the offset.</summary>
    /// <param name="value">The instant, in the offset to show.</param>
    /// <returns>E.g. <c>2024-11-02T23:59:59.999+05:00</c>.</returns>
    public static string Timestamp(DateTimeOffset value)
    {
        var format = value.Millisecond != 0 ? "yyyy-MM-dd'T'HH:mm:ss.fffzzz" : "yyyy-MM-dd'T'HH:mm:sszzz";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>The JSON name of a severity.</summary>
    /// <param name="severity">Severity.</param>
    /// <returns><c>error</c>, <c>warning</c> or <c>info</c>.</returns>
    public static string Name(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    private static string Date(DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Prop(JsonWriter w, string name, string? value)
    {
        w.WritePropertyName(name);
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.WriteValue(value);
        }
    }
}
