using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Eljur.Connectors.Testing;

/// <summary>One log entry captured from the connector under test.</summary>
/// <param name="Level">Level.</param>
/// <param name="Category">Logger category.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="State">The structured values (template arguments), as text.</param>
/// <param name="Exception">The exception logged with it, as text (<see cref="System.Exception.ToString"/>).</param>
public sealed record CapturedLog(LogLevel Level, string Category, string Message, IReadOnlyList<string> State, string? Exception)
{
    /// <summary>Every text of the entry, for searching.</summary>
    public IEnumerable<string> Texts => new[] { Message, Exception ?? "" }.Concat(State);
}

/// <summary>A logger provider that keeps every entry at every level, for assertions.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    /// <summary>The entries so far.</summary>
    public IReadOnlyList<CapturedLog> Entries => _entries.ToList();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger : ILogger
    {
        private readonly string _category;
        private readonly ConcurrentQueue<CapturedLog> _entries;

        public Logger(string category, ConcurrentQueue<CapturedLog> entries)
        {
            _category = category;
            _entries = entries;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Select(p => p.Key + "=" + Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList()
                : new List<string> { Convert.ToString(state, System.Globalization.CultureInfo.InvariantCulture) ?? "" };
            _entries.Enqueue(new CapturedLog(logLevel, _category, formatter(state, exception), values, exception?.ToString()));
        }
    }
}
