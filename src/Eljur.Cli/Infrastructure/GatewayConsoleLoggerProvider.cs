using System;
using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Gateway.Web;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Eljur.Cli.Infrastructure;

/// <summary>
/// The console of <c>eljur serve</c> in Russian: each school's run as it starts, ends or is skipped
/// («09:41:02 Лицей: проверка начата (по расписанию)»), in the words of the gateway's pages, the
/// service's clock. The framework's own warnings and errors keep their console logger; this provider
/// takes only the gateway's run events.
/// </summary>
internal sealed class GatewayConsoleLoggerProvider : ILoggerProvider
{
    /// <summary>The category of the gateway's run events.</summary>
    public const string RunsCategory = "Eljur.Gateway.Runs.SchoolRunner";

    private readonly Console2 _console;
    private readonly TimeProvider _time;
    private readonly object _gate = new();

    public GatewayConsoleLoggerProvider(Console2 console, TimeProvider time)
    {
        _console = console;
        _time = time;
    }

    public ILogger CreateLogger(string categoryName) =>
        categoryName == RunsCategory
            ? new LineLogger(level => level is >= LogLevel.Information and < LogLevel.None, (_, eventId, fields, text) => Write((fields is null ? null : Russian(eventId, fields)) ?? text))
            : NullLogger.Instance;

    public void Dispose()
    {
    }

    /// <summary>A run event in Russian; null for an event this does not know.</summary>
    internal static string? Russian(EventId eventId, IReadOnlyList<KeyValuePair<string, object?>> fields)
    {
        var school = LogFields.Get(fields, "School") as string ?? "";
        return eventId.Id switch
        {
            1 => $"школа «{school}»: проверка начата ({Html.Trigger(LogFields.Get(fields, "Trigger") as string ?? "")})",
            2 => $"школа «{school}»: проверка окончена — {Html.Status(LogFields.Get(fields, "Status") as string ?? "")}"
                + (LogFields.Get(fields, "Reason") is string { Length: > 0 } reason ? ": " + reason : "")
                + (LogFields.Get(fields, "Seconds") is double seconds ? $" ({seconds.ToString("0.0", RussianText.Culture)} с)" : ""),
            3 => $"школа «{school}»: проверка уже идёт, этот запуск пропущен",
            _ => null,
        };
    }

    private void Write(string line)
    {
        var now = _time.GetLocalNow().ToString("dd.MM.yyyy HH:mm:ss", RussianText.Culture);
        lock (_gate)
        {
            _console.Out.WriteLine($"{now} {ErrorMapper.OneLine(line)}");
        }
    }
}
