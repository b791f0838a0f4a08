using System;
using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Sync;
using Eljur.Gateway.Runs;
using Eljur.Gateway.Configuration;

namespace Eljur.Gateway.Web;

/// <summary>The overview's rows and order (the page is <c>Pages/Gateway/Index.cshtml</c>): the caller's schools with their last run, breaches, possible breaches, failed norms, the change since the previous check and the source's health; sortable by link.</summary>
internal static class OverviewPage
{
    public static readonly string[] Sorts = { "name", "when", "breaches", "possible", "norms", "change", "status" };

    public sealed record Row(SchoolSettings School, GatewayRun? Last, GatewayRun? LastOk, GatewayRun? PreviousOk)
    {
        public int Breaches => LastOk is { } r ? Total(r) : 0;

        public int? Change => LastOk is { } a && PreviousOk is { } b ? Total(a) - Total(b) : null;

        public bool Failing => Last is { Status: GatewayRunStatus.SourceFailed or GatewayRunStatus.Failed };

        public static int Total(GatewayRun r) => FindingKinds.Breaches(r);
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

    public static List<Row> Order(List<Row> rows, string? sort, bool desc)
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

        return ordered.ToList();
    }

    /// <summary>A sortable column's link and label: the active column shows its direction, a click flips it (numbers start descending).</summary>
    public static (string Href, string Label) Header(string key, string title, string? sort, bool desc, bool numeric)
    {
        var active = (sort ?? "name") == key;
        var nextDesc = active ? !desc : numeric;
        return ("/?sort=" + key + (nextDesc ? "&desc=1" : ""), title + (active ? (desc ? " ▼" : " ▲") : ""));
    }
}
