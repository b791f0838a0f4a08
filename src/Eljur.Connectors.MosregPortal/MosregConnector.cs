using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Time;
using Eljur.Connectors.Shared;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace Eljur.Connectors.MosregPortal;

/// <summary>
/// The Moscow-region portal connector. Without a configured school id, <c>users/me/context</c> names
/// the school first. Then three rounds of calls, each at most
/// <see cref="MosregPortalOptions.MaxInFlight"/> in flight, the first failure failing the fetch:
/// (1) the school, its edu-groups, its work types (what a numeric <c>workType</c> means; once per
/// fetch) and its teachers (<c>people?role=teacher</c>); (2) per class its students, reporting
/// periods and final marks, per group (class or subgroup) its subjects, and per group and month
/// window its lessons and marks; (3) per group, month window and subject that had lessons there,
/// the lesson log entries (attendance), <c>works/{w}</c> for each work a lesson lists by id only or
/// a mark without a lesson points to, and <c>persons/{p}</c> for each teacher the people list did
/// not name.
/// </summary>
internal sealed class MosregConnector : IGradebookConnector, IDisposable
{
    private static readonly string[] Declared =
    {
        Capability.Lessons, Capability.Topics, Capability.Homework, Capability.Marks, Capability.Absences, Capability.Periods,
        Capability.MarkEntryTimes, Capability.AbsenceEntryTimes,
    };

    private readonly MosregPortalOptions _options;
    private readonly ILogger _log;
    private readonly TimeProvider _clock;
    private readonly MosregApiClient _api;

    public MosregConnector(MosregPortalOptions options, ILoggerFactory loggers, TimeProvider clock)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _log = loggers.CreateLogger("Eljur.Connectors.MosregPortal");
        _clock = clock;
        _api = new MosregApiClient(options, _log, clock);
    }

    public string Id => MosregApiClient.ConnectorId;

    public IReadOnlyList<string> Capabilities => Declared;

    /// <summary>HTTP attempts made by this instance so far (for measurements and tests).</summary>
    internal int HttpAttempts => _api.Attempts;

    /// <summary>Token refreshes made by this instance so far.</summary>
    internal int Refreshes => _api.Refreshes;

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
        var done = 0;
        progress?.Report(new FetchProgress("school", 0, 0));
        var school = _options.SchoolId?.Trim() is { Length: > 0 } configured
            ? configured
            : SchoolOfContext(await _api.GetAsync(ContextOperation, ContextOperation, ContextAnswer, cancellationToken).ConfigureAwait(false));
        var builder = new MosregSnapshotBuilder(_options, school, from, to, _log);

        // Round 1: the school, its groups, its work types and its teachers.
        var first = await RunAsync(
            new[]
            {
                new Call("schools/{school}", $"schools/{school}", MosregSnapshotBuilder.SchoolAnswer),
                new Call("schools/{school}/edu-groups", $"schools/{school}/edu-groups", MosregSnapshotBuilder.GroupsAnswer),
                new Call("work-types/{school}", $"work-types/{school}", MosregSnapshotBuilder.WorkTypesAnswer),
                new Call("schools/{school}/people", $"schools/{school}/people?role=teacher", MosregSnapshotBuilder.PeopleAnswer),
            },
            progress,
            () => Interlocked.Increment(ref done),
            cancellationToken).ConfigureAwait(false);
        builder.AddSchool(first[0]);
        builder.AddWorkTypes(first[2]);
        builder.AddPeople(first[3]);
        var groups = builder.AddGroups(first[1], request.Classes);

        // Round 2: per class and per group, and per group and month window.
        var windows = MonthWindows(from, to);
        var second = new List<Call>();
        foreach (var g in groups)
        {
            if (g.IsClass)
            {
                second.Add(new Call("edu-groups/{group}/students", $"edu-groups/{g.Id}/students", MosregSnapshotBuilder.PeopleAnswer, g));
                second.Add(new Call("edu-groups/{group}/reporting-periods", $"edu-groups/{g.Id}/reporting-periods", MosregSnapshotBuilder.PeriodsAnswer, g));
                second.Add(new Call("edu-groups/{group}/final-marks", $"edu-groups/{g.Id}/final-marks", MosregSnapshotBuilder.FinalMarksAnswer, g));
            }

            second.Add(new Call("edu-groups/{group}/subjects", $"edu-groups/{g.Id}/subjects", MosregSnapshotBuilder.SubjectsAnswer, g));
            foreach (var (start, end) in windows)
            {
                second.Add(new Call("edu-groups/{group}/lessons", $"edu-groups/{g.Id}/lessons/{Day(start)}/{Day(end)}", MosregSnapshotBuilder.LessonsAnswer, g, start, end));
                second.Add(new Call("edu-groups/{group}/marks", $"edu-groups/{g.Id}/marks/{Day(start)}/{Day(end)}", MosregSnapshotBuilder.MarksAnswer, g, start, end));
            }
        }

        var answers = await RunAsync(second, progress, () => Interlocked.Increment(ref done), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < second.Count; i++)
        {
            var call = second[i];
            var group = call.Group!;
            switch (call.Operation)
            {
                case "edu-groups/{group}/students": builder.AddStudents(group, answers[i]); break;
                case "edu-groups/{group}/reporting-periods": builder.AddPeriods(answers[i]); break;
                case "edu-groups/{group}/final-marks": builder.AddFinalMarks(answers[i]); break;
                case "edu-groups/{group}/subjects": builder.AddSubjects(answers[i]); break;
                case "edu-groups/{group}/lessons": builder.AddLessons(group, call.From!.Value, answers[i]); break;
                case "edu-groups/{group}/marks": builder.AddMarks(answers[i]); break;
            }
        }

        // Round 3: attendance per group, window and subject taught there; works listed by id only or
        // pointed to by marks without a lesson; teachers the people list did not name.
        var third = new List<Call>();
        foreach (var (group, windowStart, subject) in builder.TaughtSubjects())
        {
            var window = windows.First(w => w.Start == windowStart);
            third.Add(new Call(
                "lesson-log-entries/group",
                $"lesson-log-entries/group/{group.Id}?subject={subject}&from={Day(window.Start)}&to={Day(window.End)}",
                MosregSnapshotBuilder.LogEntriesAnswer,
                group));
        }

        foreach (var work in builder.WorksToFetch())
        {
            third.Add(new Call("works/{work}", $"works/{work}", MosregSnapshotBuilder.WorkAnswer));
        }

        foreach (var person in builder.TeachersToFetch())
        {
            third.Add(new Call("persons/{person}", $"persons/{person}", MosregSnapshotBuilder.PeopleAnswer));
        }

        var last = await RunAsync(third, progress, () => Interlocked.Increment(ref done), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < third.Count; i++)
        {
            switch (third[i].Operation)
            {
                case "works/{work}": builder.AddWork(last[i]); break;
                case "persons/{person}": builder.AddPeople(last[i]); break;
                default: builder.AddLogEntries(last[i]); break;
            }
        }

        var fetchedAt = TimeZoneInfo.ConvertTime(_clock.GetUtcNow(), builder.Zone);
        var snapshot = builder.Build(fetchedAt, Declared);
        Log.Done(_log, school, snapshot.Lessons!.Count, snapshot.Marks!.Count, snapshot.Absences!.Count, _api.Attempts);
        return snapshot;
    }

    internal const string ContextOperation = "users/me/context";

    /// <summary>A school as <see cref="SchoolOfContext"/> reads it: an id, or an object with its id and name.</summary>
    private const string ContextSchools = "{id, id_str, name, fullName}";

    /// <summary>What <see cref="SchoolOfContext"/> reads of <c>users/me/context</c>.</summary>
    internal static readonly JsonShape ContextAnswer = JsonShape.Parse(
        "{schools: " + ContextSchools + ", schoolIds: " + ContextSchools + ", children: {schools: " + ContextSchools + ", school: " + ContextSchools + "}}");

    /// <summary>
    /// The school of <c>users/me/context</c>: its <c>schools</c> (and, for a parent, the schools of
    /// its <c>children</c>). None, or several, is an error that says what to configure.
    /// </summary>
    internal static string SchoolOfContext(JToken context)
    {
        var schools = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        void Add(JToken? list)
        {
            foreach (var s in MosregJson.Items(list))
            {
                if (MosregJson.IdOf(s) is { } id && !schools.ContainsKey(id))
                {
                    schools[id] = s is JObject ? (MosregJson.Text(s, "name") ?? MosregJson.Text(s, "fullName"))?.Trim() : null;
                }
            }
        }

        Add(MosregJson.Get(context, "schools"));
        if (schools.Count == 0)
        {
            Add(MosregJson.Get(context, "schoolIds"));
            foreach (var child in MosregJson.Items(MosregJson.Get(context, "children")))
            {
                Add(MosregJson.Get(child, "schools"));
                Add(MosregJson.Get(child, "school"));
            }
        }

        return schools.Count switch
        {
            1 => schools.Keys.First(),
            0 => throw new ConnectorException(
                MosregApiClient.ConnectorId,
                ContextOperation,
                "портал не называет ни одной школы этого токена; укажите идентификатор школы (SchoolId; в eljur — --school-id)",
                ConnectorFailureKind.Input),
            _ => throw new ConnectorException(
                MosregApiClient.ConnectorId,
                ContextOperation,
                $"токен открывает {schools.Count} {UnmappedSummary.Plural(schools.Count, "школу", "школы", "школ")}: "
                    + string.Join(", ", schools.Select(p => p.Value is { Length: > 0 } name ? $"{p.Key} «{name}»" : p.Key))
                    + "; укажите нужную (SchoolId; в eljur — --school-id)",
                ConnectorFailureKind.Input),
        };
    }

    public void Dispose() => _api.Dispose();

    /// <summary>Calendar months cut to the range: the portal's lists are bounded by dates, not paged.</summary>
    internal static List<(DateTime Start, DateTime End)> MonthWindows(DateTime from, DateTime to)
    {
        var windows = new List<(DateTime, DateTime)>();
        for (var start = from.Date; start <= to.Date;)
        {
            var monthEnd = new DateTime(start.Year, start.Month, 1).AddMonths(1).AddDays(-1);
            var end = monthEnd < to ? monthEnd : to.Date;
            windows.Add((start, end));
            start = end.AddDays(1);
        }

        return windows;
    }

    private static string Day(DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<JToken[]> RunAsync(IReadOnlyList<Call> calls, IProgress<FetchProgress>? progress, Func<int> tick, CancellationToken cancellationToken) =>
        FailFastWork.RunAsync(
            calls.Count,
            _options.MaxInFlight,
            async (i, token) =>
            {
                var result = await _api.GetAsync(calls[i].Operation, calls[i].Path, calls[i].Shape, token).ConfigureAwait(false);
                progress?.Report(new FetchProgress(calls[i].Operation, tick(), 0));
                return result;
            },
            cancellationToken);

    private sealed record Call(string Operation, string Path, JsonShape Shape, PortalGroup? Group = null, DateTime? From = null, DateTime? To = null);
}
