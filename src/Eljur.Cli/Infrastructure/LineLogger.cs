using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace Eljur.Cli.Infrastructure;

/// <summary>
/// The logger of the tool's own console providers: it asks its provider whether a level shows and hands
/// each event over whole (level, event id, the named fields of a structured event, the English text),
/// so a provider only decides what to print.
/// </summary>
internal sealed class LineLogger : ILogger
{
    private readonly Func<LogLevel, bool> _shows;
    private readonly Action<LogLevel, EventId, IReadOnlyList<KeyValuePair<string, object?>>?, string> _write;

    public LineLogger(Func<LogLevel, bool> shows, Action<LogLevel, EventId, IReadOnlyList<KeyValuePair<string, object?>>?, string> write)
    {
        _shows = shows;
        _write = write;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => _shows(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            _write(logLevel, eventId, state as IReadOnlyList<KeyValuePair<string, object?>>, formatter(state, exception));
        }
    }
}
