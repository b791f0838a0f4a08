using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Sync;
using Eljur.Abstractions.Time;
using Eljur.Gateway.Configuration;
using Eljur.Rules;
using Eljur.Rules.Reports;
using Microsoft.Extensions.Logging;

namespace Eljur.Gateway.Runs;

/// <summary>One run of one school (<c>gateway.md</c>, <em>A run</em>): sync into the store, check as of the sync's end, record.</summary>
internal sealed partial class SchoolRunner
{
    private readonly GatewayRuntime _runtime;
    private readonly ConnectorDirectory _connectors;
    private readonly GatewayMetrics _metrics;
    private readonly ILogger<SchoolRunner> _log;
    private readonly SemaphoreSlim _node;
    private readonly SemaphoreSlim _store;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _perConnector = new(StringComparer.Ordinal);

    public SchoolRunner(GatewayRuntime runtime, ConnectorDirectory connectors, GatewayMetrics metrics, ILogger<SchoolRunner> log)
    {
        _runtime = runtime;
        _connectors = connectors;
        _metrics = metrics;
        _log = log;
        _node = new SemaphoreSlim(runtime.Settings.SyncsInFlight);
        _store = new SemaphoreSlim(Math.Max(1, runtime.StorageProvider.MaxConcurrentSyncs));
    }

    private TimeProvider Time => _runtime.Options.Time;

    /// <summary>A new run id: sortable by time, unique.</summary>
    public static string NewRunId(TimeProvider time) =>
        time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The range a school syncs and checks: its fixed range, or the current academic year in its zone.</summary>
    public (DateTime From, DateTime To) Range(SchoolSettings school)
    {
        if (school.From is { } from && school.To is { } to)
        {
            return (from, to);
        }

        var today = TimeZoneInfo.ConvertTime(Time.GetUtcNow(), SchoolTimeZone.Resolve(school.TimeZone)).Date;
        var year = today.Month >= 9 ? today.Year : today.Year - 1;
        return (new DateTime(year, 9, 1), new DateTime(year + 1, 8, 31));
    }

    /// <summary>
    /// Runs a school: the accepted run <paramref name="runId"/> when it is still waiting (accepted by any node of a
    /// cluster, run by this one), else a new one. <paramref name="recovering"/>: the node that was running this job
    /// died (Quartz recovered it here) — its attempt is recorded as interrupted and the run starts afresh.
    /// </summary>
    /// <returns>The finished run, or null when another run of the school is running.</returns>
    public async Task<GatewayRun?> RunAsync(string schoolId, string? runId, string trigger, CancellationToken cancellationToken, bool recovering = false)
    {
        var school = _runtime.Schools[schoolId];
        var history = _runtime.History.Value;
        GatewayRun? run = null;
        if (recovering)
        {
            await AbandonDeadAttemptsAsync(schoolId).ConfigureAwait(false);
            runId = null;
        }

        if (runId is not null && await history.GetAsync(runId, CancellationToken.None).ConfigureAwait(false) is { Status: GatewayRunStatus.Running } accepted
            && accepted.SchoolId == schoolId)
        {
            run = accepted with { Node = _runtime.Node };
        }

        if (run is null)
        {
            run = new GatewayRun { Id = NewRunId(Time), SchoolId = schoolId, Node = _runtime.Node, Trigger = trigger, StartedAt = Time.GetUtcNow() };
            if (!await history.TryBeginAsync(run, CancellationToken.None).ConfigureAwait(false))
            {
                LogSkipped(_log, schoolId);
                return null;
            }
        }

        var clock = Stopwatch.StartNew();
        LogStarted(_log, schoolId, run.Id, run.Trigger);
        GatewayRun finished;
        GatewayRunDocuments? documents = null;
        try
        {
            (finished, documents) = await SyncAndCheckAsync(school, run, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            finished = run with { Status = GatewayRunStatus.Failed, Message = RunReasons.Interrupted };
        }
        catch (ConnectorException ex)
        {
            _metrics.VendorError(school.Connector, ex.Kind.ToString());
            finished = run with { Status = GatewayRunStatus.SourceFailed, Message = _runtime.Redact(RunReasons.Source(ex)) };
        }
        catch (HttpRequestException)
        {
            _metrics.VendorError(school.Connector, "Network");
            finished = run with { Status = GatewayRunStatus.SourceFailed, Message = RunReasons.Source(new ConnectorException(school.Connector, "fetch", "", ConnectorFailureKind.Network)) };
        }
        catch (GradebookStoreException ex)
        {
            finished = run with { Status = GatewayRunStatus.Failed, Message = _runtime.Redact(RunReasons.Store(ex)) };
        }
        catch (Exception ex)
        {
            finished = run with { Status = GatewayRunStatus.Failed, Message = _runtime.Redact(RunReasons.Bug(ex)) };
        }

        finished = finished with { EndedAt = Time.GetUtcNow() };
        await history.CompleteAsync(finished, finished.Status == GatewayRunStatus.Ok ? documents : null, CancellationToken.None).ConfigureAwait(false);
        _metrics.Run(schoolId, finished.Status, clock.Elapsed);
        LogFinished(_log, schoolId, finished.Id, finished.Status, finished.Message ?? "", clock.Elapsed.TotalSeconds);
        return finished;
    }

    /// <summary>The school's runs left running by a node that died: failed, «прервано», with the time this node took over.</summary>
    private async Task AbandonDeadAttemptsAsync(string schoolId)
    {
        var history = _runtime.History.Value;
        foreach (var dead in await history.ListAsync(schoolId, 5, CancellationToken.None).ConfigureAwait(false))
        {
            if (dead.Status == GatewayRunStatus.Running)
            {
                await history.CompleteAsync(
                    dead with { Status = GatewayRunStatus.Failed, Message = RunReasons.NodeLost(dead.Node, _runtime.Node), EndedAt = Time.GetUtcNow() },
                    null,
                    CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task<(GatewayRun Run, GatewayRunDocuments Documents)> SyncAndCheckAsync(SchoolSettings school, GatewayRun run, CancellationToken cancellationToken)
    {
        var (from, to) = Range(school);
        var limit = _runtime.Settings.PerConnector.TryGetValue(school.Connector, out var n) ? n : int.MaxValue;
        var perConnector = limit == int.MaxValue ? null : _perConnector.GetOrAdd(school.Connector, _ => new SemaphoreSlim(limit));
        var store = _runtime.StorageProvider.SyncStoreFor(_runtime.SyncStore.Value, school.Id);

        SyncRun sync;
        await _node.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (perConnector is not null)
            {
                await perConnector.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            try
            {
                await _store.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    // The connector belongs to the directory's container (it is cached there): not disposed here.
                    var connector = _connectors.Create(school.Id);
                    var fetch = Stopwatch.StartNew();
                    sync = await new GradebookSync(store, Time)
                        .SyncAsync(connector, new FetchRequest { From = from, To = to }, null, cancellationToken)
                        .ConfigureAwait(false);
                    _metrics.Fetch(school.Connector, fetch.Elapsed);
                }
                finally
                {
                    _store.Release();
                }
            }
            finally
            {
                perConnector?.Release();
            }
        }
        finally
        {
            _node.Release();
        }

        // The check reads what the store now holds, as `eljur snapshot` would, as of the sync's end.
        var snapshot = await GradebookSync.ExportAsync(store, school.Id, from, to, cancellationToken).ConfigureAwait(false);
        var engine = new PolicyEngine(StandardRules.Catalog, ProductionCalendar.Russia, Time);
        var report = engine.Evaluate(snapshot, school.Policy, new EvaluationOptions { AsOf = sync.FinishedAt, From = from, To = to }, cancellationToken);

        var json = new StringWriter();
        ReportJsonWriter.Write(report, json);
        // With the snapshot the reports group findings into cases and name students, as `eljur check` does.
        var options = new ReportOptions { Snapshot = snapshot };
        var view = FindingAttribution.Build(report, snapshot);
        var documents = new GatewayRunDocuments
        {
            ReportJson = json.ToString(),
            Html = ReportRenderer.RenderCompliance(report, school.Policy, ReportFormat.Html, options),
            Markdown = ReportRenderer.RenderCompliance(report, school.Policy, ReportFormat.Markdown, options),
            View = System.Text.Json.JsonSerializer.Serialize(view),
        };
        foreach (var group in report.Findings.GroupBy(f => f.Rule, StringComparer.Ordinal))
        {
            _metrics.Findings(group.Key, group.Count());
        }

        var c = sync.Counts;
        var ok = FindingKinds.Counted(run, report.Findings) with
        {
            Status = GatewayRunStatus.Ok,
            SyncNew = c.LessonsAdded + c.MarksAdded + c.AbsencesAdded,
            SyncChanged = c.LessonsChanged + c.MarksChanged + c.AbsencesChanged,
            SyncDeleted = c.LessonsDeleted + c.MarksDeleted + c.AbsencesDeleted,
            SyncUnchanged = c.Unchanged,
            FailedMetrics = report.Metrics.Count(m => m.Passed == false),
            NotEvaluable = report.NotEvaluable.Count,
        };
        return (ok, documents);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Run {RunId} of school {School} started ({Trigger})")]
    private static partial void LogStarted(ILogger logger, string school, string runId, string trigger);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Run {RunId} of school {School} ended: {Status} {Reason} ({Seconds:0.0} s)")]
    private static partial void LogFinished(ILogger logger, string school, string runId, string status, string reason, double seconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "School {School} already has a run in progress; this trigger is skipped")]
    private static partial void LogSkipped(ILogger logger, string school);
}
