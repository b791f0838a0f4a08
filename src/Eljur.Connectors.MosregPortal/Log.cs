using System;
using Microsoft.Extensions.Logging;

namespace Eljur.Connectors.MosregPortal;

/// <summary>The connector's log messages. Every URL and vendor text passed here is already redacted.</summary>
internal static class Log
{
    private static readonly Action<ILogger, string, int, long, string, Exception?> CallDone = LoggerMessage.Define<string, int, long, string>(
        LogLevel.Debug, new EventId(1, "MosregCall"), "Школьный портал {Verb}: HTTP {Status} in {ElapsedMs} ms ({Url})");

    private static readonly Action<ILogger, string, string, int, int, long, Exception?> Retrying = LoggerMessage.Define<string, string, int, int, long>(
        LogLevel.Warning, new EventId(2, "MosregRetry"), "Школьный портал {Operation}: {Reason}; retry {Attempt} of {MaxRetries} in {DelayMs} ms");

    private static readonly Action<ILogger, string, string, Exception?> RefreshingToken = LoggerMessage.Define<string, string>(
        LogLevel.Information, new EventId(3, "MosregRefresh"), "Школьный портал {Operation}: the token was refused ({Reason})");

    private static readonly Action<ILogger, Exception?> TokenRefreshed = LoggerMessage.Define(
        LogLevel.Information, new EventId(4, "MosregRefreshed"), "Школьный портал: the access token was refreshed");

    private static readonly Action<ILogger, string, string, Exception?> CallFailed = LoggerMessage.Define<string, string>(
        LogLevel.Error, new EventId(5, "MosregFailed"), "Школьный портал {Operation} failed: {Reason}");

    private static readonly Action<ILogger, string, Exception?> Dropped = LoggerMessage.Define<string>(
        LogLevel.Warning, new EventId(6, "MosregDropped"), "Школьный портал: {What}");

    private static readonly Action<ILogger, string, int, int, int, int, Exception?> FetchDone = LoggerMessage.Define<string, int, int, int, int>(
        LogLevel.Information, new EventId(8, "MosregFetched"), "Школьный портал, школа {School}: {Lessons} lessons, {Marks} marks, {Absences} absences in {Attempts} HTTP attempts");

    public static void Call(ILogger log, string verb, int status, long elapsedMs, string url) => CallDone(log, verb, status, elapsedMs, url, null);

    public static void Retry(ILogger log, string operation, string reason, int attempt, int max, long delayMs) => Retrying(log, operation, reason, attempt, max, delayMs, null);

    public static void Refreshing(ILogger log, string operation, string reason) => RefreshingToken(log, operation, reason, null);

    public static void Refreshed(ILogger log) => TokenRefreshed(log, null);

    public static void Failed(ILogger log, string operation, string reason) => CallFailed(log, operation, reason, null);

    public static void Drop(ILogger log, string what) => Dropped(log, what, null);

    public static void Done(ILogger log, string school, int lessons, int marks, int absences, int attempts) => FetchDone(log, school, lessons, marks, absences, attempts, null);
}
