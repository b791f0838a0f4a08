using System.Collections.Generic;

namespace Eljur.Cli.Infrastructure;

/// <summary>The named values of a structured log event (what <c>LoggerMessage</c> passes as its state).</summary>
internal static class LogFields
{
    /// <summary>The value of <paramref name="name"/>, or null when the event has none.</summary>
    public static object? Get(IReadOnlyList<KeyValuePair<string, object?>> fields, string name)
    {
        foreach (var field in fields)
        {
            if (field.Key == name)
            {
                return field.Value;
            }
        }

        return null;
    }
}
