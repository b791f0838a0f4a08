using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Sync;
using Npgsql;

namespace Eljur.Sync.PostgreSql;

/// <summary>
/// The live rows of a school's range, passed to an <see cref="IGradebookRowSink"/> one by one: each
/// payload's text goes into one reused UTF-8 buffer, so no record object or payload string outlives
/// its row. Runs on the caller's connection and transaction.
/// </summary>
internal static class StoreRows
{
    public static async Task ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, string schoolId, DateTime from, DateTime to, IGradebookRowSink sink, CancellationToken cancellationToken)
    {
        sink.Begin(await StoreReader.HeaderAsync(connection, transaction, schema, schoolId, cancellationToken).ConfigureAwait(false));
        var buffer = new Utf8Buffer();
        var range = $"WHERE school_id = @school AND date BETWEEN @from AND @to AND deleted_at IS NULL";

        using (var command = StoreReader.Range(connection, transaction, schoolId, from, to, $"SELECT date, payload, topic_entered_at, topic_entered_after, homework_entered_at, homework_entered_after FROM {schema}.lessons {range};"))
        using (var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                sink.Lesson(r.GetDateTime(0), buffer.Of(r.GetString(1)), StoreReader.Time(r, 2), StoreReader.Time(r, 3), StoreReader.Time(r, 4), StoreReader.Time(r, 5));
            }
        }

        using (var command = StoreReader.Range(connection, transaction, schoolId, from, to, $"SELECT date, payload, entered_at, entered_after FROM {schema}.absences {range};"))
        using (var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                sink.Absence(r.GetDateTime(0), buffer.Of(r.GetString(1)), StoreReader.Time(r, 2), StoreReader.Time(r, 3));
            }
        }

        using (var command = StoreReader.Range(connection, transaction, schoolId, from, to, $"SELECT date, payload, entered_at, entered_after, revisions FROM {schema}.marks {range};"))
        using (var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var revisions = r.IsDBNull(4) ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(r.GetString(4));
                sink.Mark(r.GetDateTime(0), buffer.Of(r.GetString(1)), StoreReader.Time(r, 2), StoreReader.Time(r, 3), revisions);
            }
        }
    }

    /// <summary>One growing buffer the payloads are encoded into, row after row.</summary>
    private sealed class Utf8Buffer
    {
        private byte[] _bytes = new byte[4096];

        public ReadOnlySpan<byte> Of(string text)
        {
            var max = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (_bytes.Length < max)
            {
                _bytes = new byte[Math.Max(max, _bytes.Length * 2)];
            }

            var length = Encoding.UTF8.GetBytes(text, 0, text.Length, _bytes, 0);
            return new ReadOnlySpan<byte>(_bytes, 0, length);
        }
    }
}
