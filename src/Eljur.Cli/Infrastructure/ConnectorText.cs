using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Evaluation;
using Eljur.Rules.Reports;

namespace Eljur.Cli.Infrastructure;

/// <summary>
/// A connector's failure and its retry warnings in the words of the person who ran the command: what
/// happened with which platform and call, the vendor's own text in «», and what to do. The connectors
/// speak English to integrators (<see cref="ConnectorException.Kind"/> says what kind of failure it
/// is); known phrases of theirs are put into Russian here.
/// </summary>
internal static class ConnectorText
{
    private static readonly Regex Attempts = new(@"\s*\((\d+) attempts?\)", RegexOptions.CultureInvariant);

    // Applied in order to the connector's reason (the message without "connector: call: ").
    private static readonly (Regex Pattern, string Russian)[] Phrases =
    {
        (new(@"^network error: ", RegexOptions.CultureInvariant), ""),
        (new(@"no answer within ([\d.]+) s", RegexOptions.CultureInvariant), "нет ответа за $1 с"),
        (new(@"^[A-Za-z.]*Exception: (.*)$", RegexOptions.CultureInvariant), "«$1»"),
        (new(@"the answer is not an ЭлЖур envelope \(HTTP (\d+)\): (.*)$", RegexOptions.CultureInvariant), "ответ не в формате API ЭлЖур (HTTP $1): «$2»"),
        (new(@"the answer is not the portal's JSON \(HTTP (\d+)\): (.*)$", RegexOptions.CultureInvariant), "ответ не в формате API портала (HTTP $1): «$2»"),
        (new(@"HTTP (\d+), state (\d+)", RegexOptions.CultureInvariant), "HTTP $1, код ответа $2"),
        (new(@" \(rate limited\)", RegexOptions.CultureInvariant), " (превышена частота запросов)"),
        (new(@"the token was refused and there is no login and password to sign in again", RegexOptions.CultureInvariant), "токен отклонён, а логина и пароля для повторного входа нет"),
        (new(@"the token has expired and there is no login and password to sign in again", RegexOptions.CultureInvariant), "срок действия токена истёк, а логина и пароля для повторного входа нет"),
        (new(@"refused again right after signing in again", RegexOptions.CultureInvariant), "отказ сразу после повторного входа"),
        (new(@"the token was refused and no refresh credentials are configured", RegexOptions.CultureInvariant), "токен отклонён, а данных для его обновления нет"),
        (new(@"refused again right after the token was refreshed", RegexOptions.CultureInvariant), "отказ сразу после обновления токена"),
        (new(@"the token could not be refreshed", RegexOptions.CultureInvariant), "токен не удалось обновить"),
        (new(@"the answer has no (accessToken|token)", RegexOptions.CultureInvariant), "в ответе нет токена"),
        (new(@"the account sees no students or classes", RegexOptions.CultureInvariant), "учётной записи не видно ни одного ученика или класса"),
        (new(@"the account sees none of the requested classes \((.*)\)", RegexOptions.CultureInvariant), "учётной записи не видно ни одного из запрошенных классов ($1)"),
        (new(@"the school has no classes", RegexOptions.CultureInvariant), "в школе нет ни одного класса"),
        (new(@"the school has none of the requested classes \((.*)\)", RegexOptions.CultureInvariant), "в школе нет ни одного из запрошенных классов ($1)"),
    };

    /// <summary>The one-line message of a failed fetch.</summary>
    public static string Failure(ConnectorException failure)
    {
        var platform = PlatformNames.Russian(failure.Connector);
        var (reason, attempts) = Reason(Detail(failure));
        var call = "вызов " + failure.Operation + (attempts is { } n ? ", " + RussianText.Count(n, "попытка", "попытки", "попыток") : "");
        if (failure.Kind == ConnectorFailureKind.ResponseTooLarge)
        {
            return $"{platform} ({call}): {reason}"; // the connector's own Russian, with what to do
        }

        if (failure.Kind == ConnectorFailureKind.Input)
        {
            // What we were given is wrong (an export file's row, a school to choose): the connector names
            // the file or call and says what to fix.
            return $"{platform}: {failure.Operation}: {reason}";
        }

        var (lead, advice) = failure.Kind switch
        {
            ConnectorFailureKind.Network => ($"{platform} не отвечает", "Проверьте адрес сервера и подключение к сети; если сервер перегружен, повторите позже."),
            ConnectorFailureKind.Authentication => ($"{platform} отказал во входе", "Проверьте учётные данные: логин и пароль или токен, ключ разработчика, адрес школы."),
            ConnectorFailureKind.RateLimited => ($"{platform} ограничил частоту запросов", "Повторите позже или загрузите меньший период."),
            ConnectorFailureKind.MalformedResponse => ($"{platform} прислал ответ не того вида", "Проверьте адрес сервера: по нему должен отвечать API платформы, а не её сайт."),
            _ => ($"{platform} сообщил об ошибке", "Если ошибка повторяется, обратитесь в поддержку платформы и приложите это сообщение."),
        };
        return $"{lead} ({call}): {reason}. {advice}";
    }

    /// <summary>A retry warning: «ЭлЖур, вызов getdiary: HTTP 503; повтор 1 из 3 через 1,2 с».</summary>
    public static string Retry(string platform, string call, string reason, int attempt, int max, long delayMs) =>
        $"{platform}, вызов {call}: {Reason(reason).Text}; повтор {attempt} из {max} через {(delayMs / 1000.0).ToString("0.#", RussianText.Culture)} с";

    private static readonly Regex DroppedRecord = new(@"^(\w+) (\S+): (.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    private static readonly (Regex Pattern, string Russian)[] DropPhrases =
    {
        (new(@"^(\d+) marks left out: empty, or of a lesson outside the range$", RegexOptions.CultureInvariant), "пропущено отметок: $1 (пустые или к урокам вне загружаемого периода)"),
        (new(@"^the school's timeZone «(.*)» is not a known zone; (.*) is used$", RegexOptions.CultureInvariant), "часовой пояс школы «$1» неизвестен; взят $2"),
        (new(@"^work types not listed by work-types/\{school\} \((.*)\): their marks are taken as current$", RegexOptions.CultureInvariant), "типов работ нет в справочнике школы ($1): их отметки считаются текущими"),
    };

    /// <summary>
    /// A connector's note of what it left out, in Russian: a record it could not map («итоговая отметка 4009
    /// не разобрана: …», the same records the summary after the fetch counts) or one of its known notes;
    /// any other text as the connector wrote it.
    /// </summary>
    public static string Dropped(string platform, string what)
    {
        var record = DroppedRecord.Match(what);
        if (record.Success && Abstractions.Evaluation.UnmappedSummary.Name(record.Groups[1].Value) is { } name)
        {
            return $"{platform}: не разобрано — {name} {record.Groups[2].Value}: {record.Groups[3].Value}";
        }

        foreach (var (pattern, russian) in DropPhrases)
        {
            if (pattern.IsMatch(what))
            {
                return $"{platform}: {pattern.Replace(what, russian)}";
            }
        }

        return $"{platform}: {what}";
    }

    /// <summary>The reason in Russian where its phrases are known, and the attempts it names, if any.</summary>
    public static (string Text, int? Attempts) Reason(string reason)
    {
        int? attempts = null;
        var match = Attempts.Match(reason);
        if (match.Success)
        {
            attempts = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            reason = reason.Remove(match.Index, match.Length);
        }

        foreach (var (pattern, russian) in Phrases)
        {
            reason = pattern.Replace(reason, russian);
        }

        return (reason.Trim(), attempts);
    }

    private static string Detail(ConnectorException failure)
    {
        var prefix = failure.Connector + ": " + failure.Operation + ": ";
        return failure.Message.StartsWith(prefix, StringComparison.Ordinal) ? failure.Message.Substring(prefix.Length) : failure.Message;
    }
}
