using System;
using System.Text.Json.Nodes;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Sync;
using Eljur.Abstractions.Time;
using Eljur.Gateway.Configuration;

namespace Eljur.Gateway.Api;

/// <summary>The API's run summary (<c>gateway.md</c>, <em>JSON API</em>); times in the school's zone.</summary>
internal static class RunJson
{
    public static JsonObject Summary(GatewayRun run, SchoolSettings? school)
    {
        var zone = school is null ? TimeZoneInfo.Utc : SchoolTimeZone.Resolve(school.TimeZone);
        string Time(DateTimeOffset t) => ReportJsonWriter.Timestamp(TimeZoneInfo.ConvertTime(t, zone));
        return new JsonObject
        {
            ["id"] = run.Id,
            ["school"] = run.SchoolId,
            ["node"] = run.Node,
            ["trigger"] = run.Trigger,
            ["startedAt"] = Time(run.StartedAt),
            ["endedAt"] = run.EndedAt is { } e ? Time(e) : null,
            ["status"] = run.Status,
            ["message"] = run.Message,
            ["sync"] = new JsonObject
            {
                ["new"] = run.SyncNew,
                ["changed"] = run.SyncChanged,
                ["deleted"] = run.SyncDeleted,
                ["unchanged"] = run.SyncUnchanged,
            },
            ["findings"] = new JsonObject
            {
                ["error"] = run.Errors,
                ["warning"] = run.Warnings,
                ["info"] = run.Infos,
                ["possible"] = run.Possible,
            },
            ["failedMetrics"] = run.FailedMetrics,
            ["notEvaluable"] = run.NotEvaluable,
        };
    }
}
