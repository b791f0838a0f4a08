using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Sync;
using Eljur.Gateway.Access;
using Eljur.Gateway.Runs;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Eljur.Gateway.Web;

/// <summary>The pages: overview, school, teacher, report downloads, sign-in and sign-out.</summary>
internal static class PageEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").RequireAuthorization(GatewayAuth.Scheme);

        pages.MapGet("/", async (string? sort, string? desc, HttpContext ctx, SchoolAccess access, GatewayRuntime runtime, IAntiforgery af, CancellationToken ct) =>
        {
            var latest = await runtime.History.Value.LatestAsync(10, ct).ConfigureAwait(false);
            var rows = OverviewPage.Rows(access.Visible(ctx.User), latest);
            return Layout.Result(ctx, af, "Школы", OverviewPage.Render(rows, OverviewPage.Sorts.Contains(sort) ? sort : null, desc == "1"));
        });

        pages.MapGet("/schools/{id}", async (string id, string? rule, string? teacher, string? @class, string? certainty, HttpContext ctx, SchoolAccess access, GatewayRuntime runtime, IAntiforgery af, CancellationToken ct) =>
        {
            if (access.Find(ctx.User, id) is not { } school)
            {
                return NotFound(ctx, af);
            }

            var runs = await runtime.History.Value.ListAsync(id, 50, ct).ConfigureAwait(false);
            var lastOk = runs.FirstOrDefault(r => r.Status == GatewayRunStatus.Ok);
            var view = lastOk is null ? null : await View(runtime, lastOk.Id, ct).ConfigureAwait(false);
            var body = SchoolPage.Render(school, runs, lastOk, view, new SchoolPage.Filters(rule, teacher, @class, certainty), Layout.Csrf(ctx, af));
            return Layout.Result(ctx, af, school.Name, body);
        });

        pages.MapGet("/schools/{id}/teachers/{staffId}", async (string id, string staffId, HttpContext ctx, SchoolAccess access, GatewayRuntime runtime, IAntiforgery af, CancellationToken ct) =>
        {
            if (access.Find(ctx.User, id) is not { } school)
            {
                return NotFound(ctx, af);
            }

            var runs = await runtime.History.Value.ListAsync(id, 50, ct).ConfigureAwait(false);
            var lastOk = runs.FirstOrDefault(r => r.Status == GatewayRunStatus.Ok);
            var view = lastOk is null ? null : await View(runtime, lastOk.Id, ct).ConfigureAwait(false);
            var findings = view?.Findings.Where(f => f.TeacherId == staffId).ToList();
            if (lastOk is null || findings is null || findings.Count == 0)
            {
                return NotFound(ctx, af, "У этого учителя нет нарушений в последней проверке, или такого учителя нет.");
            }

            return Layout.Result(ctx, af, findings[0].TeacherName ?? staffId, TeacherPage.Render(school, lastOk, findings[0].TeacherName ?? staffId, findings));
        });

        pages.MapGet("/schools/{id}/runs/{runId}/report.{kind}", async (string id, string runId, string kind, HttpContext ctx, SchoolAccess access, GatewayRuntime runtime, IAntiforgery af, CancellationToken ct) =>
        {
            var (type, ext) = kind switch
            {
                "html" => ("text/html; charset=utf-8", "html"),
                "json" => ("application/json; charset=utf-8", "json"),
                "md" => ("text/markdown; charset=utf-8", "md"),
                _ => (null, null),
            };
            var run = await runtime.History.Value.GetAsync(runId, ct).ConfigureAwait(false);
            if (access.Find(ctx.User, id) is null || type is null || run is null || run.SchoolId != id)
            {
                return NotFound(ctx, af);
            }

            var text = await runtime.History.Value.GetDocumentAsync(runId, kind, ct).ConfigureAwait(false);
            if (text is null)
            {
                return NotFound(ctx, af, "У этого запуска нет отчёта: проверка не выполнялась.");
            }

            ctx.Response.Headers["X-Content-Type-Options"] = "nosniff";
            return Results.File(Encoding.UTF8.GetBytes(text), type, $"eljur-{id}-{run.StartedAt:yyyyMMdd-HHmm}.{ext}");
        });

        pages.MapPost("/schools/{id}/run", async (string id, HttpContext ctx, SchoolAccess access, RunCoordinator runs, IAntiforgery af, CancellationToken ct) =>
        {
            if (!await Valid(ctx, af).ConfigureAwait(false))
            {
                return Layout.Result(ctx, af, "Ошибка", "<p class=\"error\">Форма устарела: обновите страницу и попробуйте снова.</p>", 400);
            }

            if (access.Find(ctx.User, id) is null)
            {
                return NotFound(ctx, af);
            }

            await runs.RequestAsync(id, "manual", ct).ConfigureAwait(false);
            return Results.Redirect("/schools/" + Uri.EscapeDataString(id));
        });

        app.MapGet("/login", (string? returnUrl, HttpContext ctx, IAntiforgery af) =>
            Layout.Result(ctx, af, "Вход", LoginPage.Render(Layout.Csrf(ctx, af), returnUrl, null, null)));

        app.MapPost("/login", async (HttpContext ctx, SignInService signIn, IAntiforgery af) =>
        {
            if (!await Valid(ctx, af).ConfigureAwait(false))
            {
                return Layout.Result(ctx, af, "Вход", LoginPage.Render(Layout.Csrf(ctx, af), null, null, "Форма устарела: попробуйте войти ещё раз."), 400);
            }

            var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted).ConfigureAwait(false);
            var login = form["login"].ToString();
            var returnUrl = form["returnUrl"].ToString();
            var (outcome, user) = signIn.Check(login, form["password"].ToString());
            if (outcome == SignInService.Outcome.SignedIn)
            {
                await ctx.SignInAsync(GatewayAuth.CookieScheme, user!).ConfigureAwait(false);
                return Results.Redirect(IsLocal(returnUrl) ? returnUrl : "/");
            }

            var error = outcome == SignInService.Outcome.Locked
                ? "Слишком много неудачных попыток: вход для этого логина закрыт на минуту."
                : "Неверный логин или пароль.";
            return Layout.Result(ctx, af, "Вход", LoginPage.Render(Layout.Csrf(ctx, af), returnUrl, login, error), outcome == SignInService.Outcome.Locked ? 429 : 401);
        });

        app.MapGet("/logout", (HttpContext ctx, IAntiforgery af) => Layout.Result(ctx, af, "Выход",
            "<div class=\"login card\"><h1>Выход</h1><form method=\"post\" action=\"/logout\">" + Layout.Csrf(ctx, af) + "<button type=\"submit\">Выйти</button></form></div>"));

        app.MapPost("/logout", async (HttpContext ctx, IAntiforgery af) =>
        {
            if (!await Valid(ctx, af).ConfigureAwait(false))
            {
                return Results.Redirect("/logout");
            }

            await ctx.SignOutAsync(GatewayAuth.CookieScheme).ConfigureAwait(false);
            return Results.Redirect("/login");
        });
    }

    private static async Task<RunView?> View(GatewayRuntime runtime, string runId, CancellationToken ct)
    {
        var json = await runtime.History.Value.GetDocumentAsync(runId, GatewayRunDocuments.ViewKind, ct).ConfigureAwait(false);
        return json is null ? null : JsonSerializer.Deserialize<RunView>(json);
    }

    private static async Task<bool> Valid(HttpContext ctx, IAntiforgery af)
    {
        try
        {
            await af.ValidateRequestAsync(ctx).ConfigureAwait(false);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    private static bool IsLocal(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static IResult NotFound(HttpContext ctx, IAntiforgery af, string text = "Такой страницы нет или она вам не открыта.") =>
        Layout.Result(ctx, af, "Не найдено", "<h1>Не найдено</h1><p>" + Html.E(text) + "</p><p><a href=\"/\">К списку школ</a></p>", 404);
}
