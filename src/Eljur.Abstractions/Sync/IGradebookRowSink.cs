using System;

namespace Eljur.Abstractions.Sync;

/// <summary>
/// Receives the rows an <see cref="IGradebookRowSource"/> reads. A payload is the UTF-8 text the store
/// keeps for the record (<see cref="SyncRecordJson"/>: the record without its observed entry times);
/// the span is valid only during the call. Times are instants as stored (any offset).
/// </summary>
public interface IGradebookRowSink
{
    /// <summary>Called once, before any row, with the school's reference document and successful runs (the state's record lists are empty).</summary>
    /// <param name="header">The reference and runs.</param>
    void Begin(StoredState header);

    /// <summary>A live lesson of the range.</summary>
    /// <param name="date">The stored date.</param>
    /// <param name="payload">The stored payload, UTF-8.</param>
    /// <param name="topicEnteredAt">When the topic was entered, when known.</param>
    /// <param name="topicEnteredAfter">The last time the topic was looked for and not seen.</param>
    /// <param name="homeworkEnteredAt">When the homework was entered, when known.</param>
    /// <param name="homeworkEnteredAfter">The last time the homework was looked for and not seen.</param>
    void Lesson(DateTime date, ReadOnlySpan<byte> payload, DateTimeOffset? topicEnteredAt, DateTimeOffset? topicEnteredAfter, DateTimeOffset? homeworkEnteredAt, DateTimeOffset? homeworkEnteredAfter);

    /// <summary>A live mark of the range.</summary>
    /// <param name="date">The stored date.</param>
    /// <param name="payload">The stored payload, UTF-8.</param>
    /// <param name="enteredAt">When entered, when known.</param>
    /// <param name="enteredAfter">The last time it was looked for and not seen.</param>
    /// <param name="revisions">The stored revisions (<see cref="SyncRecordJson.Revisions"/>, UTF-8), empty when there are none.</param>
    void Mark(DateTime date, ReadOnlySpan<byte> payload, DateTimeOffset? enteredAt, DateTimeOffset? enteredAfter, ReadOnlySpan<byte> revisions);

    /// <summary>A live absence of the range.</summary>
    /// <param name="date">The stored date (its lesson's).</param>
    /// <param name="payload">The stored payload, UTF-8.</param>
    /// <param name="enteredAt">When entered, when known.</param>
    /// <param name="enteredAfter">The last time it was looked for and not seen.</param>
    void Absence(DateTime date, ReadOnlySpan<byte> payload, DateTimeOffset? enteredAt, DateTimeOffset? enteredAfter);
}
