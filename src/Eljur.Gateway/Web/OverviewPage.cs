using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Eljur.Abstractions.Sync;
using Eljur.Gateway.Configuration;

namespace Eljur.Gateway.Web;

/// <summary><c>/</c>: the caller's schools with their last run, breaches, possible breaches, failed norms, the change since the previous check and the source's health; sortable by link.</summary>
internal static class OverviewPage
{
    public static readonly string[] Sorts = { "name", "when", "breaches", "possible", "norms", "change", "status" };

    public sealed record Row(SchoolSettings School, GatewayRun? Last, GatewayRun? LastOk, GatewayRun? PreviousOk)
    {
        public int Breaches => LastOk is { } r ? Total(r) : 0;

        public int? Change => LastOk is { } a && PreviousOk is { } b ? Total(a) - Total(b) : null;

        public bool Failing => Last is { Status: GatewayRunStatus.SourceFailed or GatewayRunStatus.Failed };

        public static int Total(GatewayRun r) => r.Errors + r.Warnings + r.Infos;
    }

    public static List<Row> Rows(IReadOnlyList<SchoolSettings> schools, IReadOnlyList<GatewayRun> latest)
    {
        var bySchool = latest.GroupBy(r => r.SchoolId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return schools.Select(s =>
        {
            var runs = bySchool.TryGetValue(s.Id, out var list) ? list : new List<GatewayRun>();
            var ok = runs.Where(r => r.Status == GatewayRunStatus.Ok).ToList();
            return new Row(s, runs.FirstOrDefault(), ok.ElementAtOrDefault(0), ok.ElementAtOrDefault(1));
        }).ToList();
    }

    public static string Render(List<Row> rows, string? sort, bool desc)
    {
        IEnumerable<Row> ordered = (sort ?? "name") switch
        {
            "when" => rows.OrderBy(r => r.Last?.StartedAt ?? DateTimeOffset.MinValue),
            "breaches" => rows.OrderBy(r => r.Breaches),
            "possible" => rows.OrderBy(r => r.LastOk?.Possible ?? 0),
            "norms" => rows.OrderBy(r => r.LastOk?.FailedMetrics ?? 0),
            "change" => rows.OrderBy(r => r.Change ?? 0),
            "status" => rows.OrderBy(r => r.Failing ? 0 : 1),
            _ => rows.OrderBy(r => r.School.Name, StringComparer.Create(Html.Ru, true)),
        };
        if (desc)
        {
            ordered = ordered.Reverse();
        }

        var list = ordered.ToList();
        var sb = new StringBuilder();
        sb.Append("<h1>Школы</h1>");
        var failing = list.Count(r => r.Failing);
        sb.Append("<div class=\"stats\">")
            .Append($"<div class=\"stat\"><b>{Html.N(list.Count)}</b><span>{Html.Plural(list.Count, "школа", "школы", "школ")}</span></div>")
            .Append($"<div class=\"stat\"><b>{Html.N(list.Sum(r => r.Breaches))}</b><span>{Html.Plural(list.Sum(r => r.Breaches), "нарушение", "нарушения", "нарушений")} всего</span></div>")
            .Append($"<div class=\"stat\"><b class=\"{(failing > 0 ? "bad" : "ok")}\">{Html.N(failing)}</b><span>{Html.Plural(failing, "школа", "школы", "школ")} с ошибкой последнего запуска</span></div>")
            .Append("</div>");
        if (list.Count == 0)
        {
            sb.Append("<p class=\"card\">Вам не открыта ни одна школа. Обратитесь к администратору шлюза.</p>");
            return sb.ToString();
        }

        sb.Append("<table id=\"schools\"><thead><tr>");
        Header(sb, "name", "Школа", sort, desc, false);
        Header(sb, "when", "Последний запуск", sort, desc, false);
        Header(sb, "status", "Состояние", sort, desc, false);
        Header(sb, "breaches", "Нарушения", sort, desc, true);
        Header(sb, "possible", "Возможные нарушения", sort, desc, true);
        Header(sb, "norms", "Невыполненные нормы", sort, desc, true);
        Header(sb, "change", "Изменение", sort, desc, true);
        sb.Append("<th>Источник</th></tr></thead><tbody>");
        foreach (var r in list)
        {
            var s = r.School;
            sb.Append(r.Failing ? "<tr class=\"bad\"" : "<tr").Append(" data-school=\"").Append(Html.E(s.Id)).Append("\">");
            sb.Append("<td><a href=\"/schools/").Append(Html.U(s.Id)).Append("\">").Append(Html.E(s.Name)).Append("</a></td>");
            sb.Append("<td>").Append(Html.When(r.Last?.StartedAt, s.TimeZone)).Append("</td>");
            sb.Append("<td>").Append(r.Last is null ? "<span class=\"muted\">ещё не запускалась</span>" : Html.E(Html.Status(r.Last.Status)));
            if (r.Failing && r.Last?.Message is { } reason)
            {
                sb.Append("<span class=\"reason\">").Append(Html.E(reason)).Append("</span>");
            }

            sb.Append("</td>");
            if (r.LastOk is { } ok)
            {
                sb.Append("<td class=\"num\" data-field=\"breaches\">").Append(Html.N(r.Breaches)).Append("</td>");
                sb.Append("<td class=\"num\" data-field=\"possible\">").Append(Html.N(ok.Possible)).Append("</td>");
                sb.Append("<td class=\"num\" data-field=\"norms\">").Append(Html.N(ok.FailedMetrics)).Append("</td>");
            }
            else
            {
                sb.Append("<td class=\"num muted\">—</td><td class=\"num muted\">—</td><td class=\"num muted\">—</td>");
            }

            sb.Append("<td class=\"num\">").Append(r.Change switch
            {
                null => "<span class=\"muted\">—</span>",
                > 0 => $"<span class=\"bad\" title=\"больше, чем при прошлой проверке\">↑\u00a0{Html.N(r.Change.Value)}</span>",
                < 0 => $"<span class=\"ok\" title=\"меньше, чем при прошлой проверке\">↓\u00a0{Html.N(-r.Change.Value)}</span>",
                _ => "<span class=\"muted\">без изменений</span>",
            }).Append("</td>");
            sb.Append("<td>").Append(r.Last switch
            {
                null => "<span class=\"muted\">нет данных</span>",
                { Status: GatewayRunStatus.SourceFailed } => "<span class=\"bad\">не отвечает</span>",
                { Status: GatewayRunStatus.Failed } => "<span class=\"warn\">сбой</span>",
                _ => "<span class=\"ok\">в порядке</span>",
            }).Append("</td></tr>");
        }

        sb.Append("</tbody></table>");
        return sb.ToString();
    }

    private static void Header(StringBuilder sb, string key, string title, string? sort, bool desc, bool numeric)
    {
        var active = (sort ?? "name") == key;
        var nextDesc = active ? !desc : numeric;
        sb.Append(numeric ? "<th class=\"num\">" : "<th>").Append("<a href=\"/?sort=").Append(key).Append(nextDesc ? "&amp;desc=1" : "").Append("\">")
            .Append(Html.E(title)).Append(active ? (desc ? " ▼" : " ▲") : "").Append("</a></th>");
    }
}
