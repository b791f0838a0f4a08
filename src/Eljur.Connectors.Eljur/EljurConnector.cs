using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Time;
using Eljur.Connectors.Shared;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace Eljur.Connectors.Eljur;

/// <summary>
/// The ЭлЖур connector: <c>getrules</c> tells whose data the account sees (its children, or for
/// staff its classes); <c>getperiods</c> gives the calendar; then, per student or class and per
/// chunk of the range, <c>getdiary</c> (with <c>rings</c>) and <c>getmarks</c>, and once per student
/// or class <c>getfinalassessments</c>, at most <see cref="EljurConnectorOptions.MaxConcurrency"/>
/// at a time. The first call that fails cancels the rest and fails the fetch.
/// </summary>
internal sealed class EljurConnector : IGradebookConnector, IDisposable
{
    private static readonly string[] Declared =
    {
        Capability.Lessons, Capability.Topics, Capability.Homework, Capability.Marks, Capability.Absences, Capability.Periods, Capability.LessonTimes,
    };

    private readonly EljurConnectorOptions _options;
    private readonly ILogger _log;
    private readonly TimeProvider _clock;
    private readonly TimeZoneInfo _zone;
    private readonly EljurApiClient _api;

    public EljurConnector(EljurConnectorOptions options, ILoggerFactory loggers, TimeProvider clock)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _log = loggers.CreateLogger("Eljur.Connectors.Eljur");
        _clock = clock;
        _zone = SchoolTimeZone.Resolve(options.TimeZone!);
        _api = new EljurApiClient(options, _log, clock, _zone);
    }

    public string Id => EljurApiClient.ConnectorId;

    public IReadOnlyList<string> Capabilities => Declared;

    /// <summary>HTTP attempts made by this instance so far (for measurements and tests).</summary>
    internal int HttpAttempts => _api.Attempts;

    /// <summary>Logins made by this instance so far.</summary>
    internal int Logins => _api.Logins;

    public async Task<GradebookSnapshot> FetchAsync(FetchRequest request, IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (request.To.Date < request.From.Date)
        {
            throw new ArgumentException($"The range ends ({request.To:yyyy-MM-dd}) before it starts ({request.From:yyyy-MM-dd}).", nameof(request));
        }

        var from = request.From.Date;
        var to = request.To.Date;
        var builder = new EljurSnapshotBuilder(_options, from, to, _log);

        progress?.Report(new FetchProgress("getrules", 0, 0));
        var rules = EljurResponses.ReadRules(await _api.CallAsync("getrules", NoParameters, EljurResponses.RulesAnswer, cancellationToken).ConfigureAwait(false));
        builder.AddRules(rules);
        var units = Units(rules, request.Classes);
        foreach (var unit in units.Where(u => u.IsClass))
        {
            builder.AddClass(unit.Key);
        }

        var classOfStudent = rules.Students.Where(s => s.ClassName is not null)
            .GroupBy(s => s.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().ClassName, StringComparer.Ordinal);
        string? ClassOf(string id) => classOfStudent.TryGetValue(id, out var c) ? c : null;

        var chunks = Chunks(from, to, _options.ChunkDays);
        var work = new List<WorkItem> { new("getperiods", EljurResponses.PeriodsAnswer, null, null) };
        foreach (var unit in units)
        {
            foreach (var chunk in chunks)
            {
                work.Add(new WorkItem("getdiary", EljurResponses.DiaryAnswer, unit, chunk));
                work.Add(new WorkItem("getmarks", EljurResponses.MarksAnswer, unit, chunk));
            }

            work.Add(new WorkItem("getfinalassessments", EljurResponses.FinalsAnswer, unit, null));
        }

        Log.Started(_log, _options.Vendor ?? "", Iso(from), Iso(to), work.Count);
        // Each answer is read into records as soon as it arrives (its JSON is then dropped, so the
        // memory of a fetch is the records plus the answers in flight, not every answer's JSON);
        // the records go to the builder in plan order, whatever order they arrived in.
        var results = await RunAsync(work, (item, result) => Read(item, result, ClassOf), progress, cancellationToken).ConfigureAwait(false);
        foreach (var add in results)
        {
            add(builder);
        }

        var fetchedAt = TimeZoneInfo.ConvertTime(_clock.GetUtcNow(), _zone);
        var snapshot = builder.Build(fetchedAt, Declared);
        Log.Done(_log, _options.Vendor ?? "", snapshot.Lessons!.Count, snapshot.Marks!.Count, snapshot.Absences!.Count, _api.Attempts);
        return snapshot;
    }

    public void Dispose() => _api.Dispose();

    private static readonly IReadOnlyList<KeyValuePair<string, string>> NoParameters = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>
    /// Staff see classes (<c>class=NAME</c>); students and parents see students (<c>student=ID</c>).
    /// A filter keeps the classes (or the students of the classes) it names.
    /// </summary>
    private static List<FetchUnit> Units(RulesInfo rules, IReadOnlyList<string>? filter)
    {
        var wanted = filter is { Count: > 0 } ? new HashSet<string>(filter, StringComparer.OrdinalIgnoreCase) : null;
        List<FetchUnit> units;
        if (rules.IsStaff && rules.Classes.Count > 0)
        {
            units = rules.Classes.Select(c => new FetchUnit(true, c, c)).ToList();
            if (wanted is not null)
            {
                units = units.Where(u => wanted.Contains(u.Key)).ToList();
            }
        }
        else
        {
            units = rules.Students.GroupBy(s => s.Id, StringComparer.Ordinal).Select(g => g.First())
                .Select(s => new FetchUnit(false, s.Id, s.ClassName)).ToList();
            if (wanted is not null)
            {
                units = units.Where(u => wanted.Contains(u.Key) || (u.ClassName is not null && wanted.Contains(u.ClassName))).ToList();
            }
        }

        if (units.Count == 0)
        {
            var what = wanted is null ? "no students or classes" : "none of the requested classes (" + string.Join(", ", filter!) + ")";
            throw new ConnectorException(EljurApiClient.ConnectorId, "getrules", $"the account sees {what}", ConnectorFailureKind.Vendor);
        }

        return units;
    }

    private static List<(DateTime From, DateTime To)> Chunks(DateTime from, DateTime to, int days)
    {
        var chunks = new List<(DateTime, DateTime)>();
        for (var start = from; start <= to; start = start.AddDays(days))
        {
            var end = start.AddDays(days - 1);
            chunks.Add((start, end > to ? to : end));
        }

        return chunks;
    }

    /// <summary>One answer read into records, and how they are added to the builder.</summary>
    private static Action<EljurSnapshotBuilder> Read(WorkItem item, JToken result, Func<string, string?> classOf)
    {
        switch (item.Method)
        {
            case "getperiods":
                var periods = EljurResponses.ReadPeriods(result);
                return b => b.AddPeriods(periods);
            case "getdiary":
                var diary = EljurResponses.ReadDiary(result, item.Unit!, classOf);
                return b => b.AddDiary(diary.Lessons, diary.Holidays, diary.Students);
            case "getmarks":
                var marks = EljurResponses.ReadMarks(result, item.Unit!, classOf);
                return b => b.AddMarks(marks.Marks, marks.Students);
            case "getfinalassessments":
                var finals = EljurResponses.ReadFinals(result, item.Unit!, classOf);
                return b => b.AddFinals(finals.Finals, finals.Students);
            default:
                return static _ => { };
        }
    }

    private Task<Action<EljurSnapshotBuilder>[]> RunAsync(
        List<WorkItem> work, Func<WorkItem, JToken, Action<EljurSnapshotBuilder>> read, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        var done = 0;
        return FailFastWork.RunAsync(
            work.Count,
            _options.MaxConcurrency,
            async (index, token) =>
            {
                var item = work[index];
                var result = await _api.CallAsync(item.Method, item.Parameters(), item.Shape, answer => read(item, answer), token).ConfigureAwait(false);
                progress?.Report(new FetchProgress(item.Stage, Interlocked.Increment(ref done), work.Count));
                return result;
            },
            cancellationToken);
    }

    private static string Iso(DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record WorkItem(string Method, JsonShape Shape, FetchUnit? Unit, (DateTime From, DateTime To)? Range)
    {
        public string Stage => Unit is null ? Method
            : Range is { } r ? $"{Method} {Unit.Label} {r.From:dd.MM}–{r.To:dd.MM}"
            : $"{Method} {Unit.Label}";

        public IReadOnlyList<KeyValuePair<string, string>> Parameters()
        {
            var list = new List<KeyValuePair<string, string>>();
            if (Unit is not null)
            {
                list.Add(Unit.Parameter);
            }

            if (Range is { } r)
            {
                list.Add(new("days", EljurResponses.Day(r.From) + "-" + EljurResponses.Day(r.To)));
            }

            if (Method == "getdiary")
            {
                list.Add(new("rings", "true"));
            }

            if (Method == "getperiods")
            {
                list.Add(new("show_disabled", "true")); // closed and future periods are periods of the year too
            }

            return list;
        }
    }
}
