using System;
using System.IO;
using System.Linq;
using Eljur.Abstractions.Evaluation;

namespace Eljur.Rules.Reports;

/// <summary>Writes a compliance report as plain Russian text for a terminal or a log.</summary>
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

        catalog ??= StandardRules.Catalog;
        var errors = report.Findings.Count(f => f.Severity == Severity.Error);
        var possible = report.Findings.Count(f => f.Certainty == Certainty.Possible);
        writer.WriteLine($"Проверка: {report.PolicyTitle} ({report.PolicyId})");
        if (report.SchoolName.Length > 0)
        {
            writer.WriteLine($"Школа: {report.SchoolName}");
        }

        writer.WriteLine($"Период: {RussianText.Date(report.From)} — {RussianText.Date(report.To)}; на момент {RussianText.Moment(report.AsOf)} ({report.TimeZone})");
        writer.WriteLine($"Нарушений: {report.Findings.Count} (ошибок: {errors}, из них возможных: {possible}); показателей: {report.Metrics.Count}; не проверено: {report.NotEvaluable.Count}");
        writer.WriteLine(report.HasErrors ? "Итог: есть нарушения регламента." : "Итог: нарушений регламента не найдено.");

        foreach (var group in report.Findings.GroupBy(f => f.Rule))
        {
            writer.WriteLine();
            var first = group.First();
            writer.WriteLine($"== {Title(catalog, group.Key)} [{group.Key}], п. {first.Clause ?? "—"}: {group.Count()}");
            foreach (var f in group)
            {
                var mark = f.Certainty == Certainty.Possible ? "возможно" : SeverityName(f.Severity);
                writer.WriteLine($"  - [{mark}] {f.Entity.Type} {f.Entity.Id}: {f.Message}");
            }
        }

        if (report.Metrics.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("== Показатели");
            foreach (var m in report.Metrics)
            {
                var value = m.Value is { } v ? $"{RussianText.Percent(v)} ({m.Numerator} из {m.Denominator})" : "нет данных";
                var verdict = m.Passed switch
                {
                    true => $" — норматив {(m.ThresholdIsMaximum ? "≤" : "≥")} {RussianText.Percent(m.Threshold!.Value)} выполнен",
                    false => $" — норматив {(m.ThresholdIsMaximum ? "≤" : "≥")} {RussianText.Percent(m.Threshold!.Value)} НЕ выполнен",
                    _ => m.Threshold is { } t ? $" — норматив {RussianText.Percent(t)}" : "",
                };
                writer.WriteLine($"  - {Title(catalog, m.Metric)} [{m.Metric}]: {value}{verdict}");
            }
        }

        if (report.NotEvaluable.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("== Не удалось проверить (источник не предоставляет данные)");
            foreach (var n in report.NotEvaluable)
            {
                var aspect = n.Aspect is null ? "" : $" (часть «{n.Aspect}»)";
                writer.WriteLine($"  - {Title(catalog, n.Rule)} [{n.Rule}]{aspect}: нет {string.Join(", ", n.Missing)}");
            }
        }
    }

    private static string Title(IRuleCatalog catalog, string id) => catalog.TryGet(id, out var rule) ? rule.Title : id;

    private static string SeverityName(Severity s) => s switch
    {
        Severity.Error => "ошибка",
        Severity.Warning => "предупреждение",
        _ => "сведения",
    };
}
