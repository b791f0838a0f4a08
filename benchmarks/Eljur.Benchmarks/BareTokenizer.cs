using System;
using System.IO;
using System.Text.Json;

namespace Eljur.Benchmarks;

/// <summary>
/// The limit the snapshot reader is measured against: System.Text.Json's <see cref="Utf8JsonReader"/>
/// alone over the same bytes, fed the same way (a 64 KB buffer refilled from the stream), building
/// nothing — every token read, string and number tokens' bytes touched, no value decoded.
/// </summary>
public static class BareTokenizer
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads every token of the stream; returns the number of tokens.</summary>
    public static long Tokens(Stream stream)
    {
        var buffer = new byte[1 << 16];
        var filled = 0;
        var final = false;
        var state = new JsonReaderState(Options);
        long tokens = 0;
        var sum = 0;
        while (true)
        {
            while (!final && filled < buffer.Length)
            {
                var n = stream.Read(buffer, filled, buffer.Length - filled);
                if (n == 0)
                {
                    final = true;
                }

                filled += n;
            }

            var reader = new Utf8JsonReader(buffer.AsSpan(0, filled), final, state);
            while (reader.Read())
            {
                tokens++;
                sum += reader.ValueSpan.Length;
            }

            if (final)
            {
                return tokens + (sum & 1) - (sum & 1);
            }

            var consumed = (int)reader.BytesConsumed;
            Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
            filled -= consumed;
            state = reader.CurrentState;
        }
    }
}
