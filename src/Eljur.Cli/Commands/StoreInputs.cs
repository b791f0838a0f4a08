using System;
using System.Linq;
using System.Threading;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Sync;
using Eljur.Abstractions.Time;
using Eljur.Cli.Infrastructure;
using Eljur.Sync.Sqlite;

namespace Eljur.Cli.Commands;

/// <summary>Opening a store and exporting from it, shared by <c>sync</c>, <c>snapshot</c> and <c>check --store</c>.</summary>
internal static class StoreInputs
{
    /// <summary>Opens an existing store (for reading) or creates one (for syncing).</summary>
    public static SqliteGradebookStore Open(string path, bool create) => new(path, createIfMissing: create);

    /// <summary>
    /// Exports a snapshot from the store. Without a range: from the earliest to the latest date the
    /// school's successful syncs covered.
    /// </summary>
    public static GradebookSnapshot Export(IGradebookStore store, string? school, string? from, string? to, CancellationToken cancellationToken)
    {
        var schoolId = school ?? SingleSchool(store, cancellationToken);
        var runs = store.GetRunsAsync(schoolId, cancellationToken).GetAwaiter().GetResult().Where(r => r.Succeeded).ToList();
        if (runs.Count == 0)
        {
            throw new CliException(ExitCodes.BadInput, $"в хранилище нет успешной синхронизации школы «{schoolId}»");
        }

        var start = Inputs.Date(from, "--from") ?? runs.Min(r => r.From);
        var end = Inputs.Date(to, "--to") ?? runs.Max(r => r.To);
        if (end < start)
        {
            throw new CliException(ExitCodes.BadInput, "--to раньше, чем --from");
        }

        return GradebookSync.ExportAsync(store, schoolId, start, end, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>The school of a store that holds exactly one.</summary>
    public static string SingleSchool(IGradebookStore store, CancellationToken cancellationToken)
    {
        var schools = store.GetSchoolIdsAsync(cancellationToken).GetAwaiter().GetResult();
        return schools.Count switch
        {
            0 => throw new CliException(ExitCodes.BadInput, "хранилище пусто: сначала выполните eljur sync"),
            1 => schools[0],
            _ => throw new CliException(ExitCodes.BadInput, "в хранилище несколько школ (" + string.Join(", ", schools) + "): укажите --school"),
        };
    }

    /// <summary>
    /// The academic year (1 September – 31 August) containing today in the school's zone. The zone is
    /// the stored school's when the store knows exactly one school, else Moscow time.
    /// </summary>
    public static (DateTime From, DateTime To) CurrentAcademicYear(IGradebookStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var zone = SchoolTimeZone.Resolve("Europe/Moscow");
        var schools = store.GetSchoolIdsAsync(cancellationToken).GetAwaiter().GetResult();
        if (schools.Count == 1 && GradebookSync.GetSchoolAsync(store, schools[0], cancellationToken).GetAwaiter().GetResult() is { } school)
        {
            zone = SchoolTimeZone.Resolve(school.TimeZone);
        }

        var today = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).Date;
        var startYear = today.Month >= 9 ? today.Year : today.Year - 1;
        return (new DateTime(startYear, 9, 1), new DateTime(startYear + 1, 8, 31));
    }
}
