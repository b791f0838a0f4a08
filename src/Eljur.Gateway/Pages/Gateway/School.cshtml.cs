using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Sync;
using Eljur.Gateway.Access;
using Eljur.Gateway.Configuration;
using Eljur.Gateway.Runs;
using Eljur.Gateway.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Eljur.Gateway.Pages;

/// <summary><c>/schools/{id}</c>: the trend, the teachers table, the latest findings with filters, the report downloads and the run list.</summary>
[Authorize(Policy = GatewayAuth.Scheme)]
internal sealed class SchoolModel : GatewayPageModel
{
    private readonly SchoolAccess _access;
    private readonly GatewayRuntime _runtime;

    public SchoolModel(SchoolAccess access, GatewayRuntime runtime)
    {
        _access = access;
        _runtime = runtime;
    }

    public SchoolSettings School { get; private set; } = null!;

    public IReadOnlyList<GatewayRun> Runs { get; private set; } = Array.Empty<GatewayRun>();

    public GatewayRun? LastOk { get; private set; }

    public RunView? View { get; private set; }

    public SchoolPage.Filters Filters { get; private set; } = new(null, null, null, null);

    /// <summary>The teachers with certain breaches (notes of severity info are not breaches), most first; the administration has an empty id.</summary>
    public IReadOnlyList<(string Id, string Name, List<FindingRow> Findings)> Teachers { get; private set; } = Array.Empty<(string, string, List<FindingRow>)>();

    public async Task<IActionResult> OnGetAsync(string id, string? rule, string? teacher, string? @class, string? certainty, CancellationToken ct)
    {
        if (_access.Find(User, id) is not { } school)
        {
            return NotFoundPage();
        }

        School = school;
        Title = school.Name;
        Filters = new SchoolPage.Filters(rule, teacher, @class, certainty);
        (Runs, LastOk, View) = await RunLoader.LoadAsync(_runtime, id, ct).ConfigureAwait(false);
        if (View is not null)
        {
            Teachers = View.Findings.Where(FindingKinds.IsBreach).GroupBy(f => f.TeacherId ?? "")
                .Select(g => (Id: g.Key, Name: g.First().TeacherName ?? "Администрация школы", Findings: g.ToList()))
                .OrderByDescending(g => g.Findings.Count).ThenBy(g => g.Name, StringComparer.Create(Html.Ru, true)).ToList();
        }

        return Page();
    }
}
