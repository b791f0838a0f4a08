using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Sync;
using Eljur.Gateway.Access;
using Eljur.Gateway.Configuration;
using Eljur.Gateway.Runs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Eljur.Gateway.Pages;

/// <summary><c>/schools/{id}/teachers/{staffId}</c>: one teacher's findings of the latest check, printable as a notice.</summary>
[Authorize(Policy = GatewayAuth.Scheme)]
internal sealed class TeacherModel : GatewayPageModel
{
    private readonly SchoolAccess _access;
    private readonly GatewayRuntime _runtime;

    public TeacherModel(SchoolAccess access, GatewayRuntime runtime)
    {
        _access = access;
        _runtime = runtime;
    }

    public SchoolSettings School { get; private set; } = null!;

    public GatewayRun Run { get; private set; } = null!;

    public string TeacherName { get; private set; } = "";

    public IReadOnlyList<FindingRow> Findings { get; private set; } = Array.Empty<FindingRow>();

    public async Task<IActionResult> OnGetAsync(string id, string staffId, CancellationToken ct)
    {
        if (_access.Find(User, id) is not { } school)
        {
            return NotFoundPage();
        }

        var loaded = await RunLoader.LoadAsync(_runtime, id, ct).ConfigureAwait(false);
        var findings = loaded.View?.Findings.Where(f => f.TeacherId == staffId).ToList();
        if (loaded.LastOk is null || findings is null || findings.Count == 0)
        {
            return NotFoundPage("У этого учителя нет нарушений в последней проверке, или такого учителя нет.");
        }

        School = school;
        Run = loaded.LastOk;
        Findings = findings;
        TeacherName = findings[0].TeacherName ?? staffId;
        Title = TeacherName;
        return Page();
    }
}
