using System;
using System.Threading;
using Eljur.Abstractions.Sync;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Eljur.Sync.Sqlite;

/// <summary>
/// The live rows of a school's range, passed to an <see cref="IGradebookRowSink"/> as SQLite holds
/// them: each payload is the UTF-8 text of its column, lent for the call (SQLite's own buffer, through
/// the SQLitePCL layer Microsoft.Data.Sqlite is built on), with no string or record object in between.
/// Runs on the caller's open connection and transaction.
/// </summary>
internal static class SqliteRows
{
    private const int CancellationInterval = 1 << 12;

    /// <summary>Lessons, then absences, then marks of the school dated within the range, deleted ones left out.</summary>
    public static void Read(SqliteConnection connection, string schoolId, DateTime from, DateTime to, IGradebookRowSink sink, CancellationToken cancellationToken)
    {
        var range = "WHERE " + SqliteText.InRange(from, to) + " AND deleted_at IS NULL";
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");

        Each(db, schoolId, from, to, cancellationToken,
            "SELECT date, payload, ifnull(topic_entered_at, -1), ifnull(topic_entered_after, -1), ifnull(homework_entered_at, -1), ifnull(homework_entered_after, -1) FROM lessons " + range + ";",
            (stmt, date) => sink.Lesson(date, raw.sqlite3_column_blob(stmt, 1), Instant(stmt, 2), Instant(stmt, 3), Instant(stmt, 4), Instant(stmt, 5)));
        Each(db, schoolId, from, to, cancellationToken,
            "SELECT date, payload, ifnull(entered_at, -1), ifnull(entered_after, -1) FROM absences " + range + ";",
            (stmt, date) => sink.Absence(date, raw.sqlite3_column_blob(stmt, 1), Instant(stmt, 2), Instant(stmt, 3)));
        Each(db, schoolId, from, to, cancellationToken,
            "SELECT date, payload, ifnull(entered_at, -1), ifnull(entered_after, -1), revisions FROM marks " + range + ";",
            (stmt, date) => sink.Mark(date, raw.sqlite3_column_blob(stmt, 1), Instant(stmt, 2), Instant(stmt, 3), raw.sqlite3_column_blob(stmt, 4)));
    }

    private static void Each(sqlite3 db, string schoolId, DateTime from, DateTime to, CancellationToken cancellationToken, string sql, Action<sqlite3_stmt, DateTime> row)
    {
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var stmt));
        using (stmt)
        {
            Check(db, raw.sqlite3_bind_text(stmt, raw.sqlite3_bind_parameter_index(stmt, "$school"), schoolId));
            Check(db, raw.sqlite3_bind_text(stmt, raw.sqlite3_bind_parameter_index(stmt, "$from"), SqliteText.Date(from)));
            Check(db, raw.sqlite3_bind_text(stmt, raw.sqlite3_bind_parameter_index(stmt, "$to"), SqliteText.Date(to)));
            var untilCheck = CancellationInterval;
            int rc;
            while ((rc = raw.sqlite3_step(stmt)) == raw.SQLITE_ROW)
            {
                if (--untilCheck == 0)
                {
                    untilCheck = CancellationInterval;
                    cancellationToken.ThrowIfCancellationRequested();
                }

                row(stmt, SqliteText.ParseDate(raw.sqlite3_column_blob(stmt, 0)));
            }

            if (rc != raw.SQLITE_DONE)
            {
                Check(db, rc);
            }
        }
    }

    /// <summary>An instant stored as UTC ticks, -1 for none (the queries' <c>ifnull</c>).</summary>
    private static DateTimeOffset? Instant(sqlite3_stmt stmt, int column) =>
        raw.sqlite3_column_int64(stmt, column) is var ticks && ticks >= 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
        }
    }
}
