using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Snapshots;
using Eljur.Abstractions.Sync;
using Eljur.Gateway.Access;
using Eljur.Gateway.Runs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Eljur.Gateway.Api;

/// <summary>The JSON API: schools, runs, reports, the snapshot from the store, runs now, and sign-in for scripts.</summary>
internal static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(GatewayAuth.Scheme);

        api.MapGet("/schools", async (HttpContext ctx, SchoolAccess access, GatewayRuntime runtime, CancellationToken ct) =>
        {
            var latest = (await runtime.History.Value.LatestAsync(1, ct).ConfigureAwait(false)).ToDictionary(r => r.SchoolId, StringComparer.Ordinal);
            var list = new JsonArray();
            foreach (var school in access.Visible(ctx.User))
            {
                list.Add(new JsonObject
                {
                    ["id"] = school.Id,
                    ["name"] = school.Name,
                    ["connector"] = school.Connector,
                    ["policy"] = school.PolicyName,
                    ["lastRun"] = latest.TryGetValue(school.Id, out var run) ? RunJson.Summary(run, school) : null,
                });
            }

            return Results.Json(list, GatewayJson.Options);
        });

        // limit is read as text: a bound int? answers a bad value with an empty 400, and every answer here is JSON.
        api.MapGet("/schools/{id}/runs", async (string id, string? limit, HttpContext ctx, SchoolAccess access, GatewayRuntime runtime, CancellationToken ct) =>
        {
            if (access.Find(ctx.User, id) is not { } school)
            {
                return NotFound();
            }

            var count = 50;
            if (limit is not null && !int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count))
            {
                return Results.Json(new JsonObject { ["error"] = "limit — целое число запусков, от 1 до 1000" }, GatewayJson.Options, statusCode: 400);
            }

            var runs = await runtime.History.Value.ListAsync(id, Math.Clamp(count, 1, 1000), ct).ConfigureAwait(false);
            return Results.Json(new JsonArray(runs.Select(r => (JsonNode)RunJson.Summary(r, school)).ToArray()), GatewayJson.Options);
        });

        api.MapGet("/runs/{runId}/report", async (string runId, HttpContext ctx, SchoolAccess access, GatewayRuntime runtime, CancellationToken ct) =>
        {
            var run = await runtime.History.Value.GetAsync(runId, ct).ConfigureAwait(false);
            if (run is null || access.Find(ctx.User, run.SchoolId) is null)
            {
                return NotFound();
            }

            var json = await runtime.History.Value.GetDocumentAsync(runId, GatewayRunDocuments.Json, ct).ConfigureAwait(false);
            return json is null
                ? NotFound("у этого запуска нет отчёта: проверка не выполнялась (" + (run.Message ?? run.Status) + ")")
                : Results.Text(json, "application/json; charset=utf-8");
        });

        api.MapGet("/schools/{id}/snapshot", async (string id, string? from, string? to, HttpContext ctx, SchoolAccess access, GatewayRuntime runtime, SchoolRunner runner, CancellationToken ct) =>
        {
            if (access.Find(ctx.User, id) is not { } school)
            {
                return NotFound();
            }

            var year = runner.Range(school);
            if (!TryDate(from, year.From, out var first) || !TryDate(to, year.To, out var last))
            {
                return Results.Json(new JsonObject { ["error"] = "даты from и to — в виде ГГГГ-ММ-ДД" }, GatewayJson.Options, statusCode: 400);
            }

            Abstractions.Model.GradebookSnapshot snapshot;
            try
            {
                snapshot = await GradebookSync.ExportAsync(runtime.SyncStore.Value, id, first, last, ct).ConfigureAwait(false);
            }
            catch (GradebookStoreException)
            {
                return NotFound("школа ещё не синхронизирована: данных в хранилище нет");
            }

            // Written to a temporary file, then streamed: no whole-year string in memory.
            var temp = Path.Combine(Path.GetTempPath(), "eljur-snapshot-" + Guid.NewGuid().ToString("N") + ".json");
            var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            SnapshotWriter.Write(snapshot, file, indented: false);
            file.Position = 0;
            return Results.Stream(file, "application/json; charset=utf-8");
        });

        api.MapPost("/schools/{id}/runs", async (string id, HttpContext ctx, SchoolAccess access, RunCoordinator runs, CancellationToken ct) =>
        {
            if (access.Find(ctx.User, id) is null)
            {
                return NotFound();
            }

            var runId = await runs.RequestAsync(id, "manual", ct).ConfigureAwait(false);
            return runId is null
                ? Results.Json(new JsonObject { ["error"] = "запуск этой школы уже идёт: дождитесь его окончания" }, GatewayJson.Options, statusCode: 409)
                : Results.Json(new JsonObject { ["runId"] = runId }, GatewayJson.Options, statusCode: 202);
        });

        // Any other address under /api answers in JSON too, after the same sign-in check.
        api.MapFallback("{**rest}", () => NotFound("такого адреса в API нет: адреса API перечислены в docs/gateway.md"));

        var session = app.MapGroup("/api/session");
        session.MapPost("", async (HttpContext ctx, SignInService signIn) =>
        {
            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted).ConfigureAwait(false);
            }
            catch (System.Text.Json.JsonException)
            {
                body = null;
            }

            var login = body?["login"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? body["login"]!.GetValue<string>() : null;
            var password = body?["password"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? body["password"]!.GetValue<string>() : null;
            if (login is null || password is null)
            {
                return Results.Json(new JsonObject { ["error"] = "нужен JSON { \"login\": …, \"password\": … }" }, GatewayJson.Options, statusCode: 400);
            }

            var (outcome, user) = signIn.Check(login, password);
            switch (outcome)
            {
                case SignInService.Outcome.SignedIn:
                    await ctx.SignInAsync(GatewayAuth.CookieScheme, user!).ConfigureAwait(false);
                    return Results.NoContent();
                case SignInService.Outcome.Locked:
                    ctx.Response.Headers.RetryAfter = "60";
                    return Results.Json(new JsonObject { ["error"] = "слишком много неудачных попыток входа: вход для этого логина закрыт на минуту" }, GatewayJson.Options, statusCode: 429);
                default:
                    return Results.Json(new JsonObject { ["error"] = "неверный логин или пароль" }, GatewayJson.Options, statusCode: 401);
            }
        });
        session.MapDelete("", async (HttpContext ctx) =>
        {
            await ctx.SignOutAsync(GatewayAuth.CookieScheme).ConfigureAwait(false);
            return Results.NoContent();
        });
    }

    private static IResult NotFound(string message = "нет такой школы или запуска") =>
        Results.Json(new JsonObject { ["error"] = message }, GatewayJson.Options, statusCode: 404);

    private static bool TryDate(string? text, DateTime fallback, out DateTime value)
    {
        if (text is null)
        {
            value = fallback;
            return true;
        }

        return DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}
