using System.IO;
using Eljur.Abstractions.Snapshots;

namespace Eljur.Benchmarks;

/// <summary>
/// The reader's token cursor alone over a snapshot: every token through the same buffer, path frames and
/// property-name look-up the reader uses, no record built. Between the bare tokenizer and the reader, it
/// tells how much of a read is the cursor's and how much the records'.
/// </summary>
public static class CursorWalk
{
    /// <summary>Walks every token; returns a sum of the name numbers (so the walk is not optimised away).</summary>
    public static long Walk(Stream stream)
    {
        using var input = new JsonInput(stream, 1 << 16);
        var cursor = new JsonCursor(input);
        long sum = 0;
        while (cursor.Read())
        {
            sum += input.NameId;
        }

        return sum;
    }
}
