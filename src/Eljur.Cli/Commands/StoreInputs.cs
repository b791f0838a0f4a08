using System;
using System.IO;
using System.Linq;
using System.Threading;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Sync;
using Eljur.Abstractions.Time;
using Eljur.Cli.Infrastructure;
using Eljur.Sync.Sqlite;
using Microsoft.Data.Sqlite;

namespace Eljur.Cli.Commands;

/// <summary>Opening a store and exporting from it, shared by <c>sync</c>, <c>snapshot</c> and <c>check --store</c>.</summary>
internal static class StoreInputs
{
    /// <summary>
    /// Opens an existing store (for reading) or creates one (for syncing). A file that exists must already
    /// be a store: anything else (a snapshot, another program's database, an empty file) is refused and left
    /// untouched, instead of being turned into a store.
    /// </summary>
    public static SqliteGradebookStore Open(string path, bool create)
    {
        if (Directory.Exists(path))
        {
            throw new CliException(ExitCodes.BadInput, $"--store: {path} — это папка, а нужен файл хранилища: укажите путь к файлу, например {Path.Combine(path, "school.db")}.");
        }

        if (File.Exists(path))
        {
            RequireStore(path);
        }
        else if (!create)
        {
            throw new CliException(ExitCodes.BadInput, $"--store: хранилища {path} нет: сначала выполните eljur sync … --store {path}.");
        }

        return new SqliteGradebookStore(path, createIfMissing: create);
    }

    /// <summary>Deletes a store a failed first sync created, with the files SQLite and the lock keep beside it.</summary>
    public static void DeleteCreated(string path)
    {
        foreach (var file in new[] { path, path + "-journal", path + "-wal", path + "-shm", path + ".lock" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Still open somewhere: what is left is an empty store, which the next sync fills.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static void RequireStore(string path)
    {
        var header = new byte[SqliteHeader.Length];
        int read;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            read = file.Read(header, 0, header.Length);
        }

        const string keep = "Файл не изменён; для хранилища укажите новый файл (например, school.db) или файл, созданный eljur sync.";
        if (read == 0)
        {
            throw new CliException(ExitCodes.BadInput, $"--store: {path} — пустой файл, а не хранилище eljur. {keep}");
        }

        if (read < header.Length || !header.AsSpan().SequenceEqual(SqliteHeader))
        {
            var json = header[0] == (byte)'{' || header[0] == (byte)'[' || (header[0] == 0xEF && read > 3 && header[3] == (byte)'{');
            throw new CliException(
                ExitCodes.BadInput,
                $"--store: {path} — не хранилище eljur: это не база данных SQLite{(json ? " (похоже на JSON; снимок данных передают в --snapshot)" : "")}. {keep}");
        }

        int tables;
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('schema_version', 'schools', 'sync_runs');";
            tables = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            throw new CliException(ExitCodes.BadInput, $"--store: {path} — база SQLite не читается (повреждена или зашифрована). {keep}");
        }

        if (tables < 3)
        {
            throw new CliException(ExitCodes.BadInput, $"--store: {path} — база SQLite другой программы, а не хранилище eljur (нет таблиц синхронизации). {keep}");
        }
    }

    private static ReadOnlySpan<byte> SqliteHeader => "SQLite format 3\0"u8;

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
        Inputs.RequireOrder(start, end, from is not null, to is not null);

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
