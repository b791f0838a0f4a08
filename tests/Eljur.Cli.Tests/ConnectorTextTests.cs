using Eljur.Abstractions.Connectors;
using Eljur.Cli.Infrastructure;

namespace Eljur.Cli.Tests;

/// <summary>A connector's failure, as the person who ran the command reads it.</summary>
public sealed class ConnectorTextTests
{
    [Theory]
    [InlineData("eljur", "getrules", "network error: HttpRequestException: Connection refused (127.0.0.1:9) (4 attempts)", ConnectorFailureKind.Network,
        "ЭлЖур не отвечает (вызов getrules, 4 попытки): «Connection refused (127.0.0.1:9)». Проверьте адрес сервера и подключение к сети; если сервер перегружен, повторите позже.")]
    [InlineData("mosreg", "persons", "no answer within 30 s (1 attempt)", ConnectorFailureKind.Network,
        "Дневник.ру не отвечает (вызов persons, 1 попытка): нет ответа за 30 с. Проверьте адрес сервера и подключение к сети; если сервер перегружен, повторите позже.")]
    [InlineData("eljur", "getdiary", "HTTP 401; the token was refused and there is no login and password to sign in again", ConnectorFailureKind.Authentication,
        "ЭлЖур отказал во входе (вызов getdiary): HTTP 401; токен отклонён, а логина и пароля для повторного входа нет. Проверьте учётные данные: логин и пароль или токен, ключ разработчика, адрес школы.")]
    [InlineData("eljur", "getmarks", "HTTP 200, state 429 (rate limited) (5 attempts)", ConnectorFailureKind.RateLimited,
        "ЭлЖур ограничил частоту запросов (вызов getmarks, 5 попыток): HTTP 200, код ответа 429 (превышена частота запросов). Повторите позже или загрузите меньший период.")]
    [InlineData("eljur", "getrules", "the answer is not an ЭлЖур envelope (HTTP 200): Unexpected character", ConnectorFailureKind.MalformedResponse,
        "ЭлЖур прислал ответ не того вида (вызов getrules): ответ не в формате API ЭлЖур (HTTP 200): «Unexpected character». Проверьте адрес сервера: по нему должен отвечать API платформы, а не её сайт.")]
    [InlineData("eljur", "getrules", "the account sees none of the requested classes (5Я)", ConnectorFailureKind.Vendor,
        "ЭлЖур сообщил об ошибке (вызов getrules): учётной записи не видно ни одного из запрошенных классов (5Я). Если ошибка повторяется, обратитесь в поддержку платформы и приложите это сообщение.")]
    [InlineData("asiou", "marks.csv", "строка 3, столбец «Дата»: «32.09.2024» — не дата (ожидается dd.MM.yyyy или yyyy-MM-dd)", ConnectorFailureKind.Input,
        "выгрузки АСИОУ «Школа»: marks.csv: строка 3, столбец «Дата»: «32.09.2024» — не дата (ожидается dd.MM.yyyy или yyyy-MM-dd)")]
    public void AFailureSaysWhatHappenedWithWhichCallAndWhatToDo(string connector, string call, string reason, ConnectorFailureKind kind, string expected)
    {
        Assert.Equal(expected, ConnectorText.Failure(new ConnectorException(connector, call, reason, kind)));
    }

    [Fact]
    public void ARetryWarningIsRussianWithTheDelayInSeconds()
    {
        Assert.Equal(
            "ЭлЖур, вызов getdiary: нет ответа за 30 с; повтор 2 из 3 через 1,5 с",
            ConnectorText.Retry("ЭлЖур", "getdiary", "no answer within 30 s", 2, 3, 1500));
    }

    [Theory]
    [InlineData("finalMark 4009: учебный период 49 не найден среди периодов класса", "ЭлЖур: не разобрано — итоговая отметка 4009: учебный период 49 не найден среди периодов класса")]
    [InlineData("12 marks left out: empty, or of a lesson outside the range", "ЭлЖур: пропущено отметок: 12 (пустые или к урокам вне загружаемого периода)")]
    [InlineData("the school's timeZone «Mars/Olympus» is not a known zone; Europe/Moscow is used", "ЭлЖур: часовой пояс школы «Mars/Olympus» неизвестен; взят Europe/Moscow")]
    [InlineData("work types not listed by work-types/{school} (77, 78): their marks are taken as current", "ЭлЖур: типов работ нет в справочнике школы (77, 78): их отметки считаются текущими")]
    [InlineData("spaceship 7: не с этой планеты", "ЭлЖур: spaceship 7: не с этой планеты")]
    public void ARecordLeftOutIsNamedInRussian(string what, string expected)
    {
        Assert.Equal(expected, ConnectorText.Dropped("ЭлЖур", what));
    }
}
