using System;
using Microsoft.Extensions.Logging;

namespace Eljur.Connectors.Eljur;

/// <summary>The connector's log messages. Every URL and vendor text passed here is already redacted.</summary>
internal static class Log
{
    private static readonly Action<ILogger, string, int, long, string, Exception?> CallDone = LoggerMessage.Define<string, int, long, string>(
        LogLevel.Debug, new EventId(1, "EljurCall"), "ЭлЖур {Method}: HTTP {Status} in {ElapsedMs} ms ({Url})");

    private static readonly Action<ILogger, string, string, int, int, long, Exception?> Retrying = LoggerMessage.Define<string, string, int, int, long>(
        LogLevel.Warning, new EventId(2, "EljurRetry"), "ЭлЖур {Method}: {Reason}; retry {Attempt} of {MaxRetries} in {DelayMs} ms");

    private static readonly Action<ILogger, string, string, Exception?> SigningInAgain = LoggerMessage.Define<string, string>(
        LogLevel.Information, new EventId(3, "EljurRelogin"), "ЭлЖур {Method}: the session was refused ({Reason}); signing in again");

    private static readonly Action<ILogger, string, Exception?> SignedIn = LoggerMessage.Define<string>(
        LogLevel.Information, new EventId(4, "EljurLogin"), "ЭлЖур: signed in to {Vendor}");

    private static readonly Action<ILogger, string, string, Exception?> CallFailed = LoggerMessage.Define<string, string>(
        LogLevel.Error, new EventId(5, "EljurFailed"), "ЭлЖур {Method} failed: {Reason}");

    private static readonly Action<ILogger, string, Exception?> Dropped = LoggerMessage.Define<string>(
        LogLevel.Warning, new EventId(6, "EljurDropped"), "ЭлЖур: {What}");

    private static readonly Action<ILogger, string, string, string, int, Exception?> FetchStarted = LoggerMessage.Define<string, string, string, int>(
        LogLevel.Information, new EventId(7, "EljurFetch"), "ЭлЖур {Vendor}: fetching {From}–{To} in {Calls} calls");

    private static readonly Action<ILogger, string, int, int, int, int, Exception?> FetchDone = LoggerMessage.Define<string, int, int, int, int>(
        LogLevel.Information, new EventId(8, "EljurFetched"), "ЭлЖур {Vendor}: {Lessons} lessons, {Marks} marks, {Absences} absences in {Attempts} HTTP attempts");

    public static void Call(ILogger log, string method, int status, long elapsedMs, string url) => CallDone(log, method, status, elapsedMs, url, null);

    public static void Retry(ILogger log, string method, string reason, int attempt, int max, long delayMs) => Retrying(log, method, reason, attempt, max, delayMs, null);

    public static void Relogin(ILogger log, string method, string reason) => SigningInAgain(log, method, reason, null);

    public static void Login(ILogger log, string vendor) => SignedIn(log, vendor, null);

    public static void Failed(ILogger log, string method, string reason) => CallFailed(log, method, reason, null);

    public static void Drop(ILogger log, string what) => Dropped(log, what, null);

    public static void Started(ILogger log, string vendor, string from, string to, int calls) => FetchStarted(log, vendor, from, to, calls, null);

    public static void Done(ILogger log, string vendor, int lessons, int marks, int absences, int attempts) => FetchDone(log, vendor, lessons, marks, absences, attempts, null);
}
