using System;
using System.Collections.Generic;
using Eljur.Rules.Reports;
using Microsoft.Extensions.Logging;

namespace Eljur.Cli.Infrastructure;

/// <summary>
/// Writes connector log messages to standard error, one line each, with the level in Russian:
/// warnings (a retried call, a record left out) by default, everything down to debug (each HTTP
/// call) with <c>--verbose</c>. Errors are not repeated: a failure ends the command with its own
/// message. Connectors redact secrets before they log.
/// </summary>
internal sealed class StderrLoggerProvider : ILoggerProvider
{
    private readonly Console2 _console;
    private readonly bool _verbose;
    private readonly object _gate = new();

    public StderrLoggerProvider(Console2 console, bool verbose)
    {
        _console = console;
        _verbose = verbose;
    }

    public ILogger CreateLogger(string categoryName) =>
        new LineLogger(Shows, (level, eventId, fields, text) => Write(level, (fields is null ? null : Russian(eventId, fields)) ?? text));

    public void Dispose()
    {
    }

    private bool Shows(LogLevel level) => _verbose ? level is >= LogLevel.Debug and < LogLevel.None : level == LogLevel.Warning;

    private void Write(LogLevel level, string message)
    {
        var label = level switch
        {
            LogLevel.Trace or LogLevel.Debug => "отладка",
            LogLevel.Information => "сведения",
            LogLevel.Warning => "предупреждение",
            _ => "ошибка",
        };
        lock (_gate)
        {
            _console.Error.WriteLine($"[{label}] {ErrorMapper.OneLine(message)}");
        }
    }

    /// <summary>A connector's retry warning or note of a record left out, in Russian (ЭлЖур's and the portal's share their shapes); null for any other event.</summary>
    private static string? Russian(EventId eventId, IReadOnlyList<KeyValuePair<string, object?>> fields)
    {
        var platform = eventId.Name switch
        {
            "EljurRetry" or "EljurDropped" => PlatformNames.Russian("eljur"),
            "MosregRetry" or "MosregDropped" => PlatformNames.Russian("mosreg"),
            _ => null,
        };
        if (platform is null)
        {
            return null;
        }

        if (eventId.Name!.EndsWith("Dropped", StringComparison.Ordinal))
        {
            return LogFields.Get(fields, "What") is string what ? ConnectorText.Dropped(platform, what) : null;
        }

        return (LogFields.Get(fields, "Method") ?? LogFields.Get(fields, "Operation"), LogFields.Get(fields, "Reason"), LogFields.Get(fields, "Attempt"), LogFields.Get(fields, "MaxRetries"), LogFields.Get(fields, "DelayMs")) is (string call, string reason, int attempt, int max, long delay)
            ? ConnectorText.Retry(platform, call, reason, attempt, max, delay)
            : null;
    }
}
