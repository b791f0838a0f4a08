using System.Collections.Generic;
using System.Linq;
using System.Text;
using Eljur.Abstractions.Sync;
using Eljur.Gateway.Configuration;
using Eljur.Gateway.Runs;

namespace Eljur.Gateway.Web;

/// <summary><c>/schools/{id}/teachers/{staffId}</c>: one teacher's findings of the latest check, printable as a notice.</summary>
internal static class TeacherPage
{
    public static string Render(SchoolSettings school, GatewayRun run, string teacherName, IReadOnlyList<FindingRow> findings)
    {
        var sb = new StringBuilder();
        var certain = findings.Count(f => f.Certainty == "certain");
        var possible = findings.Count - certain;
        sb.Append("<p class=\"noprint\"><a href=\"/schools/").Append(Html.U(school.Id)).Append("\">← ").Append(Html.E(school.Name)).Append("</a></p>");
        sb.Append("<h1>Уведомление о нарушениях ведения журнала</h1>");
        sb.Append("<div class=\"card\"><p><b>").Append(Html.E(school.Name)).Append("</b><br>Кому: ").Append(Html.E(teacherName)).Append("<br>По состоянию на ")
            .Append(Html.When(run.StartedAt, school.TimeZone)).Append("<br>Регламент: ").Append(Html.E(school.Policy.Title)).Append("</p>");
        sb.Append("<p id=\"summary\">Найдено ").Append(Html.Count(certain, "нарушение", "нарушения", "нарушений"));
        if (possible > 0)
        {
            sb.Append(" и ").Append(Html.Count(possible, "возможное нарушение", "возможных нарушения", "возможных нарушений"));
        }

        sb.Append(". Пожалуйста, внесите недостающие записи и исправьте указанное.</p></div>");
        sb.Append("<p class=\"noprint muted\">Чтобы распечатать уведомление, нажмите Ctrl+P: меню и кнопки на печать не попадут.</p>");
        if (findings.Count == 0)
        {
            sb.Append("<p class=\"ok\">Нарушений нет.</p>");
            return sb.ToString();
        }

        sb.Append("<table id=\"findings\"><thead><tr><th>Дата</th><th>Класс</th><th>Правило</th><th>Достоверность</th><th class=\"num\">Задержка</th><th>Что не так</th></tr></thead><tbody>");
        foreach (var f in findings.OrderBy(f => f.Date).ThenBy(f => f.RuleTitle))
        {
            sb.Append("<tr><td>").Append(f.Date is { } d ? d.ToString("dd.MM.yyyy", Html.Ru) : "—").Append("</td><td>").Append(Html.E(f.ClassName ?? "—"))
                .Append("</td><td>").Append(Html.E(f.RuleTitle)).Append(f.Clause is null ? "" : " (п.\u00a0" + Html.E(f.Clause) + ")")
                .Append("</td><td>").Append(Html.Certainty(f.Certainty)).Append("</td><td class=\"num\">").Append(Html.Delay(f.DelayHours))
                .Append("</td><td>").Append(Html.E(f.Message)).Append("</td></tr>");
        }

        sb.Append("</tbody></table>");
        return sb.ToString();
    }
}
