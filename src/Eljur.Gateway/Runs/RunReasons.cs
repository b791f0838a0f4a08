using System;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Sync;

namespace Eljur.Gateway.Runs;

/// <summary>Why a run did not end <c>ok</c>, in Russian, without a secret or a vendor's raw text.</summary>
internal static class RunReasons
{
    public const string Interrupted = "прервано: служба остановлена во время синхронизации; данные не изменены, запуск повторится";
    public const string InterruptedAtStart = "прервано: служба была остановлена во время синхронизации; данные не изменены";

    /// <summary>The attempt of a node that died mid-run (its sync rolled back), taken over by another node.</summary>
    public static string NodeLost(string deadNode, string takenOverBy) =>
        $"прервано: узел «{deadNode}» перестал отвечать во время запуска; данные не изменены, запуск повторён на узле «{takenOverBy}»";

    public static string Source(ConnectorException ex) => (ex.Kind switch
    {
        ConnectorFailureKind.Network => "журнал недоступен: сеть или сервер не ответили после повторных попыток",
        ConnectorFailureKind.Authentication => "журнал не принял учётные данные: проверьте логин, пароль или ключ в конфигурации",
        ConnectorFailureKind.Vendor => "журнал ответил ошибкой" + (ex.StatusCode is { } code ? $" (HTTP {code})" : "") + " после повторных попыток",
        ConnectorFailureKind.MalformedResponse => "ответ журнала не удалось разобрать: возможно, изменился его формат",
        ConnectorFailureKind.Input => "файлы выгрузки отсутствуют или испорчены",
        ConnectorFailureKind.RateLimited => "журнал ограничил частоту запросов, повторные попытки исчерпаны",
        _ => "журнал недоступен",
    }) + "; проверка не выполнялась.";

    public static string Store(GradebookStoreException ex) => "ошибка хранилища: " + ex.Message;

    public static string Bug(Exception ex) => "внутренняя ошибка (" + ex.GetType().Name + "): " + ex.Message;
}
