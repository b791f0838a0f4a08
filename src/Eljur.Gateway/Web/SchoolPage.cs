using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Eljur.Abstractions.Sync;
using Eljur.Gateway.Configuration;
using Eljur.Gateway.Runs;

namespace Eljur.Gateway.Web;

/// <summary><c>/schools/{id}</c>: the trend, the teachers table, the latest findings with filters, the report downloads and the run list.</summary>
internal static class SchoolPage
{
    public const int MaxRows = 300;

    public sealed record Filters(string? Rule, string? Teacher, string? Class, string? Certainty)
    {
        public bool Match(FindingRow f) =>
            (string.IsNullOrEmpty(Rule) || f.Rule == Rule)
            && (string.IsNullOrEmpty(Teacher) || (Teacher == "-" ? f.TeacherId is null : f.TeacherId == Teacher))
            && (string.IsNullOrEmpty(Class) || f.ClassName == Class)
            && (string.IsNullOrEmpty(Certainty) || f.Certainty == Certainty);
    }

    public static string Render(SchoolSettings school, IReadOnlyList<GatewayRun> runs, GatewayRun? lastOk, RunView? view, Filters filters, string csrf)
    {
        var sb = new StringBuilder();
        var last = runs.FirstOrDefault();
        sb.Append("<p class=\"noprint\"><a href=\"/\">← Все школы</a></p>");
        sb.Append("<h1>").Append(Html.E(school.Name)).Append("</h1>");
        sb.Append("<p class=\"muted\">Регламент: ").Append(Html.E(lastOk is null ? school.PolicyName : school.Policy.Title)).Append(" · журнал: ").Append(Html.E(Html.Source(school.Connector)))
            .Append(" · проверка ").Append(Html.E(Html.Schedule(school.Schedule))).Append("</p>");
        if (last is { Status: GatewayRunStatus.SourceFailed or GatewayRunStatus.Failed })
        {
            sb.Append("<p class=\"error\">Последний запуск ").Append(Html.When(last.StartedAt, school.TimeZone)).Append(": ").Append(Html.E(Html.Status(last.Status)))
                .Append(". ").Append(Html.E(last.Message)).Append("</p>");
        }

        sb.Append("<form method=\"post\" action=\"/schools/").Append(Html.U(school.Id)).Append("/run\" class=\"noprint\">").Append(csrf)
            .Append("<button type=\"submit\">Запустить проверку сейчас</button></form>");

        if (lastOk is not null && view is not null)
        {
            var certain = view.Findings.Count(f => f.Certainty == "certain");
            sb.Append("<div class=\"stats\">")
                .Append($"<div class=\"stat\"><b id=\"breaches\">{Html.N(certain)}</b><span>{Html.Plural(certain, "нарушение", "нарушения", "нарушений")}</span></div>")
                .Append($"<div class=\"stat\"><b id=\"possible\">{Html.N(lastOk.Possible)}</b><span>{Html.Plural(lastOk.Possible, "возможное нарушение", "возможных нарушения", "возможных нарушений")}</span></div>")
                .Append($"<div class=\"stat\"><b id=\"norms\">{Html.N(lastOk.FailedMetrics)}</b><span>{Html.Plural(lastOk.FailedMetrics, "норма не выполнена", "нормы не выполнены", "норм не выполнено")}</span></div>")
                .Append($"<div class=\"stat\"><b>{Html.When(lastOk.StartedAt, school.TimeZone)}</b><span>последняя проверка</span></div>")
                .Append("</div>");
        }

        sb.Append("<h2>Нарушения по последним проверкам</h2>").Append(TrendChart.Render(runs, school.TimeZone));

        if (lastOk is not null && view is not null)
        {
            Teachers(sb, school, view);
            Findings(sb, school, view, filters);
            sb.Append("<h2>Отчёты последней проверки</h2><p class=\"noprint\">");
            foreach (var (kind, title) in new[] { ("html", "HTML"), ("json", "JSON"), ("md", "Markdown") })
            {
                sb.Append("<a class=\"button\" href=\"/schools/").Append(Html.U(school.Id)).Append("/runs/").Append(Html.U(lastOk.Id)).Append("/report.").Append(kind)
                    .Append("\">Скачать ").Append(title).Append("</a> ");
            }

            sb.Append("</p>");
        }

        RunList(sb, school, runs);
        return sb.ToString();
    }

    private static void Teachers(StringBuilder sb, SchoolSettings school, RunView view)
    {
        sb.Append("<h2>Учителя</h2>");
        var groups = view.Findings.Where(f => f.Certainty == "certain").GroupBy(f => f.TeacherId ?? "")
            .Select(g => (Id: g.Key, Name: g.First().TeacherName ?? "Администрация школы", Findings: g.ToList()))
            .OrderByDescending(g => g.Findings.Count).ThenBy(g => g.Name, StringComparer.Create(Html.Ru, true)).ToList();
        if (groups.Count == 0)
        {
            sb.Append("<p class=\"ok\">Нарушений не найдено.</p>");
            return;
        }

        sb.Append("<table id=\"teachers\"><thead><tr><th>Учитель</th><th class=\"num\">Нарушения</th><th>По правилам</th><th class=\"num\">Наибольшая задержка</th></tr></thead><tbody>");
        foreach (var g in groups)
        {
            sb.Append("<tr data-teacher=\"").Append(Html.E(g.Id)).Append("\"><td>");
            if (g.Id.Length > 0)
            {
                sb.Append("<a href=\"/schools/").Append(Html.U(school.Id)).Append("/teachers/").Append(Html.U(g.Id)).Append("\">").Append(Html.E(g.Name)).Append("</a>");
            }
            else
            {
                sb.Append(Html.E(g.Name));
            }

            sb.Append("</td><td class=\"num\">").Append(Html.N(g.Findings.Count)).Append("</td><td>");
            sb.Append(string.Join("; ", g.Findings.GroupBy(f => f.RuleTitle).OrderByDescending(r => r.Count()).Select(r => Html.E(r.Key) + ":\u00a0" + Html.N(r.Count()))));
            sb.Append("</td><td class=\"num\">").Append(Html.Delay(g.Findings.Max(f => f.DelayHours))).Append("</td></tr>");
        }

        sb.Append("</tbody></table>");
    }

    private static void Findings(StringBuilder sb, SchoolSettings school, RunView view, Filters filters)
    {
        sb.Append("<h2>Нарушения последней проверки</h2>");
        sb.Append("<form class=\"filters noprint\" method=\"get\" action=\"/schools/").Append(Html.U(school.Id)).Append("\">");
        Select(sb, "rule", "Правило", filters.Rule, view.Findings.GroupBy(f => f.Rule).Select(g => (g.Key, g.First().RuleTitle)).OrderBy(x => x.Item2));
        Select(sb, "teacher", "Учитель", filters.Teacher, view.Findings.GroupBy(f => f.TeacherId ?? "-").Select(g => (g.Key, g.First().TeacherName ?? "Администрация школы")).OrderBy(x => x.Item2));
        Select(sb, "class", "Класс", filters.Class, view.Findings.Where(f => f.ClassName is not null).Select(f => f.ClassName!).Distinct().OrderBy(c => c).Select(c => (c, c)));
        Select(sb, "certainty", "Достоверность", filters.Certainty, new[] { ("certain", "точные"), ("possible", "возможные") });
        sb.Append("<button type=\"submit\">Показать</button> <a href=\"/schools/").Append(Html.U(school.Id)).Append("\">сбросить</a></form>");

        var rows = view.Findings.Where(filters.Match).ToList();
        sb.Append("<p class=\"muted\">").Append(rows.Count > MaxRows ? $"Показаны первые {Html.N(MaxRows)} из {Html.N(rows.Count)}." : $"Найдено: {Html.N(rows.Count)}.").Append("</p>");
        if (rows.Count == 0)
        {
            return;
        }

        sb.Append("<table id=\"findings\"><thead><tr><th>Дата</th><th>Класс</th><th>Учитель</th><th>Правило</th><th>Достоверность</th><th>Что не так</th></tr></thead><tbody>");
        foreach (var f in rows.Take(MaxRows))
        {
            sb.Append("<tr><td>").Append(f.Date is { } d ? d.ToString("dd.MM.yyyy", Html.Ru) : "—").Append("</td><td>").Append(Html.E(f.ClassName ?? "—"))
                .Append("</td><td>").Append(Html.E(f.TeacherName ?? "администрация")).Append("</td><td>").Append(Html.E(f.RuleTitle))
                .Append(f.Clause is null ? "" : " <span class=\"muted\">(п.\u00a0" + Html.E(f.Clause) + ")</span>")
                .Append("</td><td>").Append(Html.Certainty(f.Certainty)).Append("</td><td>").Append(Html.E(f.Message)).Append("</td></tr>");
        }

        sb.Append("</tbody></table>");
    }

    private static void RunList(StringBuilder sb, SchoolSettings school, IReadOnlyList<GatewayRun> runs)
    {
        sb.Append("<h2>Запуски</h2>");
        if (runs.Count == 0)
        {
            sb.Append("<p class=\"muted\">Запусков ещё не было.</p>");
            return;
        }

        sb.Append("<table id=\"runs\"><thead><tr><th>Начало</th><th>Как запущен</th><th>Итог</th><th class=\"num\">Новых записей</th><th class=\"num\">Изменено</th><th class=\"num\">Удалено</th><th class=\"num\">Нарушения</th><th>Отчёт</th></tr></thead><tbody>");
        foreach (var r in runs)
        {
            var failing = r.Status is GatewayRunStatus.SourceFailed or GatewayRunStatus.Failed;
            sb.Append(failing ? "<tr class=\"bad\">" : "<tr>").Append("<td>").Append(Html.When(r.StartedAt, school.TimeZone)).Append("</td><td>").Append(Html.E(Html.Trigger(r.Trigger)))
                .Append("</td><td>").Append(Html.E(Html.Status(r.Status)));
            if (failing && r.Message is { } m)
            {
                sb.Append("<span class=\"reason\">").Append(Html.E(m)).Append("</span>");
            }

            sb.Append("</td>");
            if (r.Status == GatewayRunStatus.Ok)
            {
                sb.Append("<td class=\"num\">").Append(Html.N(r.SyncNew)).Append("</td><td class=\"num\">").Append(Html.N(r.SyncChanged)).Append("</td><td class=\"num\">")
                    .Append(Html.N(r.SyncDeleted)).Append("</td><td class=\"num\">").Append(Html.N(r.Errors + r.Warnings + r.Infos)).Append("</td><td><a href=\"/schools/")
                    .Append(Html.U(school.Id)).Append("/runs/").Append(Html.U(r.Id)).Append("/report.html\">HTML</a></td>");
            }
            else
            {
                sb.Append("<td class=\"num muted\">—</td><td class=\"num muted\">—</td><td class=\"num muted\">—</td><td class=\"num muted\">—</td><td class=\"muted\">нет</td>");
            }

            sb.Append("</tr>");
        }

        sb.Append("</tbody></table>");
    }

    private static void Select(StringBuilder sb, string name, string title, string? current, IEnumerable<(string Value, string Title)> options)
    {
        sb.Append("<label>").Append(Html.E(title)).Append("<select name=\"").Append(name).Append("\"><option value=\"\">все</option>");
        foreach (var (value, text) in options)
        {
            sb.Append("<option value=\"").Append(Html.E(value)).Append('"').Append(value == current ? " selected" : "").Append('>').Append(Html.E(text)).Append("</option>");
        }

        sb.Append("</select></label>");
    }
}
