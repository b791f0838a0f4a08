using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Eljur.Abstractions.Sync;
using Eljur.Gateway.Runs;

namespace Eljur.Gateway.Web;

/// <summary>Breaches over the last checks as an inline SVG (no script, no external file).</summary>
internal static class TrendChart
{
    public static string Render(IReadOnlyList<GatewayRun> runsNewestFirst, string timeZone)
    {
        var runs = runsNewestFirst.Where(r => r.Status == GatewayRunStatus.Ok).Take(30).Reverse().ToList();
        if (runs.Count == 0)
        {
            return "<p class=\"muted\">Проверок ещё не было: график появится после первой.</p>";
        }

        const int width = 760, height = 180, left = 40, bottom = 28, top = 12;
        var max = System.Math.Max(1, runs.Max(r => FindingKinds.Breaches(r) + r.Possible));
        var step = (width - left - 10) / (double)System.Math.Max(1, runs.Count);
        var barWidth = System.Math.Clamp(step * 0.6, 4, 36);
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        double Y(int v) => top + ((height - top - bottom) * (1 - (v / (double)max)));

        var sb = new StringBuilder();
        sb.Append("<svg role=\"img\" aria-label=\"Нарушения по последним проверкам\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height)
            .Append("\" width=\"100%\" style=\"max-width:").Append(width).Append("px;background:#fff;border:1px solid #d9dee7;border-radius:8px\">");
        foreach (var tick in new[] { 0, max / 2, max }.Distinct())
        {
            sb.Append("<line x1=\"").Append(left).Append("\" x2=\"").Append(width - 6).Append("\" y1=\"").Append(F(Y(tick))).Append("\" y2=\"").Append(F(Y(tick)))
                .Append("\" stroke=\"#eef0f4\"/><text x=\"").Append(left - 6).Append("\" y=\"").Append(F(Y(tick) + 4)).Append("\" text-anchor=\"end\">").Append(tick).Append("</text>");
        }

        for (var i = 0; i < runs.Count; i++)
        {
            var r = runs[i];
            var certain = FindingKinds.Breaches(r);
            var x = left + (i * step) + ((step - barWidth) / 2);
            var when = Html.When(r.StartedAt, timeZone);
            sb.Append("<g><title>").Append(Html.E($"{when}: нарушений {certain}, возможных {r.Possible}")).Append("</title>");
            sb.Append("<rect x=\"").Append(F(x)).Append("\" y=\"").Append(F(Y(certain))).Append("\" width=\"").Append(F(barWidth)).Append("\" height=\"")
                .Append(F(Y(0) - Y(certain))).Append("\" fill=\"#b42318\"/>");
            sb.Append("<rect x=\"").Append(F(x)).Append("\" y=\"").Append(F(Y(certain + r.Possible))).Append("\" width=\"").Append(F(barWidth)).Append("\" height=\"")
                .Append(F(Y(certain) - Y(certain + r.Possible))).Append("\" fill=\"#f79009\" opacity=\"0.7\"/></g>");
            if (i == 0 || i == runs.Count - 1 || runs.Count <= 8)
            {
                sb.Append("<text x=\"").Append(F(x + (barWidth / 2))).Append("\" y=\"").Append(height - 10).Append("\" text-anchor=\"middle\">")
                    .Append(Html.E(when.Substring(0, 5))).Append("</text>");
            }
        }

        sb.Append("</svg><p class=\"muted\" style=\"font-size:13px\"><span style=\"color:#b42318\">■</span> нарушения · <span style=\"color:#f79009\">■</span> возможные нарушения</p>");
        return sb.ToString();
    }
}
