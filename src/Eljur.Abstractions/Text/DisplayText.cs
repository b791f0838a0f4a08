using System;
using System.Globalization;
using System.Text;

namespace Eljur.Abstractions.Text;

/// <summary>
/// Makes text from outside (a vendor's answer, a file, a command line) safe to show a person on a
/// terminal, in a log or in a report: control characters (NUL, the escape character that starts a
/// terminal's colour and cursor commands, line breaks inside a value), the bidirectional overrides
/// and isolates that reorder what a reader sees (U+202A–U+202E, U+2066–U+2069, and the marks U+200E,
/// U+200F, U+061C), the line and paragraph separators and unpaired surrogates are shown as
/// <c>\uXXXX</c>; an over-long value is cut and marked with «…» and its full length.
/// </summary>
/// <remarks>
/// Use <see cref="Value(string?, int)"/> for one outside value placed in a sentence, and
/// <see cref="Message(string?, int, int)"/> for a whole line on its way to stderr or a log (it also
/// cuts every over-long run of characters without a space, such as a 100,000-digit id). Escaping
/// is idempotent (a backslash is shown as itself), so a value escaped before it reaches a message
/// is not escaped twice.
/// </remarks>
public static class DisplayText
{
    /// <summary>The longest value <see cref="Value(string?, int)"/> keeps whole by default.</summary>
    public const int DefaultValueLength = 200;

    /// <summary>The longest line <see cref="Message(string?, int, int)"/> gives by default.</summary>
    public const int DefaultMessageLength = 2000;

    /// <summary>Whether a character is shown as <c>\uXXXX</c> rather than as itself.</summary>
    /// <param name="c">The character.</param>
    /// <returns><see langword="true"/> for control characters, bidirectional controls and line/paragraph separators.</returns>
    public static bool IsUnsafe(char c) =>
        char.IsControl(c)
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069'
        || c is '\u200E' or '\u200F' or '\u061C' or '\u2028' or '\u2029' or '\uFEFF';

    /// <summary>
    /// One outside value, escaped and cut to <paramref name="maxLength"/> characters (the mark of the
    /// cut not counted): <c>1234567…(всего 100 000 символов)</c>.
    /// </summary>
    /// <param name="text">The value; <see langword="null"/> gives an empty string.</param>
    /// <param name="maxLength">Characters of the value kept whole (at least 1).</param>
    /// <returns>The text safe to print.</returns>
    public static string Value(string? text, int maxLength = DefaultValueLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (maxLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "must be at least 1");
        }

        if (text!.Length <= maxLength && !HasUnsafe(text, 0, text.Length))
        {
            return text;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength) + 40);
        AppendValue(builder, text, 0, text.Length, maxLength);
        return builder.ToString();
    }

    /// <summary>
    /// A whole line of output: every unsafe character escaped (line breaks included, so the result is
    /// one line), every run of more than <paramref name="maxWord"/> characters without a space cut as
    /// <see cref="Value(string?, int)"/> cuts a value, and the whole line cut to
    /// <paramref name="maxLength"/> characters.
    /// </summary>
    /// <param name="text">The message; <see langword="null"/> gives an empty string.</param>
    /// <param name="maxLength">The longest result (at least 100).</param>
    /// <param name="maxWord">The longest run without a space kept whole (at least 1).</param>
    /// <returns>One line safe to print.</returns>
    public static string Message(string? text, int maxLength = DefaultMessageLength, int maxWord = DefaultValueLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (maxLength < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "must be at least 100");
        }

        if (maxWord < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxWord), maxWord, "must be at least 1");
        }

        var builder = new StringBuilder(Math.Min(text!.Length, maxLength) + 40);
        var start = 0;
        while (start < text.Length)
        {
            if (text[start] == ' ')
            {
                builder.Append(' ');
                start++;
                continue;
            }

            var end = start;
            while (end < text.Length && text[end] != ' ')
            {
                end++;
            }

            AppendValue(builder, text, start, end - start, maxWord);
            start = end;
            if (builder.Length > maxLength)
            {
                break;
            }
        }

        if (builder.Length <= maxLength)
        {
            return builder.ToString();
        }

        var tail = Cut(text.Length);
        var keep = maxLength - tail.Length;
        if (keep > 0 && char.IsHighSurrogate(builder[keep - 1]))
        {
            keep--;
        }

        return builder.ToString(0, keep) + tail;
    }

    private static bool HasUnsafe(string text, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (IsUnsafe(c) || (char.IsSurrogate(c) && !IsPaired(text, i, start + count)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPaired(string text, int i, int end) =>
        char.IsHighSurrogate(text[i])
            ? i + 1 < end && char.IsLowSurrogate(text[i + 1])
            : i > 0 && char.IsHighSurrogate(text[i - 1]);

    /// <summary>Appends text[start..start+count) escaped, keeping at most <paramref name="maxLength"/> source characters.</summary>
    private static void AppendValue(StringBuilder builder, string text, int start, int count, int maxLength)
    {
        var end = start + count;
        var keepEnd = count <= maxLength ? end : start + maxLength;
        if (keepEnd < end && keepEnd > start && char.IsHighSurrogate(text[keepEnd - 1]) && char.IsLowSurrogate(text[keepEnd]))
        {
            keepEnd--; // never split a pair
        }

        for (var i = start; i < keepEnd; i++)
        {
            var c = text[i];
            if (IsUnsafe(c) || (char.IsSurrogate(c) && !IsPaired(text, i, end)))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        if (keepEnd < end)
        {
            builder.Append(Cut(count));
        }
    }

    /// <summary>The mark of a cut: «…(всего 100 000 символов)».</summary>
    private static string Cut(int length)
    {
        var number = length.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", "\u00A0");
        return "…(всего " + number + " " + Characters(length) + ")";
    }

    private static string Characters(int n)
    {
        var lastTwo = n % 100;
        var last = n % 10;
        if (lastTwo is >= 11 and <= 14)
        {
            return "символов";
        }

        return last switch
        {
            1 => "символ",
            2 or 3 or 4 => "символа",
            _ => "символов",
        };
    }
}
