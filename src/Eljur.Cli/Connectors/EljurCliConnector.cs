using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Eljur.Abstractions.DependencyInjection;
using Eljur.Cli.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Eljur.Cli.Connectors;

/// <summary><c>--connector eljur</c>: the ЭлЖур API (see <c>docs/connectors/eljur.md</c>).</summary>
internal sealed class EljurCliConnector : ICliConnector
{
    private static readonly ConnectorOption[] Own =
    {
        new("--base-url", "Адрес API, например https://school.eljur.ru/apiv3 (по умолчанию https://{vendor}.eljur.ru/apiv3)"),
        new("--vendor", "Школа в ЭлЖур (поддомен)"),
        new("--devkey", "Ключ разработчика ЭлЖур", Secret: true),
        new("--login", "Логин учётной записи"),
        new("--password", "Пароль", Secret: true),
        new("--token", "Готовый токен (вместо логина и пароля)", Secret: true),
        new("--time-zone", "Часовой пояс школы (IANA), например Asia/Yekaterinburg"),
        new("--max-response-mb", "Предел размера одного ответа сервера в МБ, от 1 до 2048 (по умолчанию 32)"),
    };

    // Options properties as the command line calls them.
    private static readonly Dictionary<string, string> PropertyOptions = new()
    {
        ["BaseUrl"] = "--base-url",
        ["Vendor"] = "--vendor",
        ["DevKey"] = "--devkey",
        ["Login"] = "--login",
        ["Password"] = "--password",
        ["Token"] = "--token",
        ["TimeZone"] = "--time-zone",
        ["MaxResponseBytes"] = "--max-response-mb",
    };

    private static readonly Regex Property = new(@"^EljurConnectorOptions\[[^\]]*\]\.(\w+):\s*", RegexOptions.CultureInvariant);

    public string Id => "eljur";

    public string Description => "ЭлЖур, eljur.ru";

    public IReadOnlyList<ConnectorOption> Options => Own;

    public void Register(IGradebookBuilder builder, ConnectorValues values)
    {
        var vendor = values.Require("--vendor");
        var devkey = values.Require("--devkey");
        var timeZone = values.Require("--time-zone");
        var login = values.Get("--login");
        var password = values.Get("--password");
        var token = values.Get("--token");
        var maxResponse = values.Megabytes("--max-response-mb", 1, 2048);
        if (token is null && (login is null || password is null))
        {
            var missing = login is null ? Display("--login") : Display("--password");
            throw new CliException(ExitCodes.BadInput, $"для ЭлЖур нужны --login и --password или --token: не задан {missing}.");
        }

        builder.AddEljur("eljur", o =>
        {
            o.BaseUrl = values.Get("--base-url");
            o.Vendor = vendor;
            o.DevKey = devkey;
            o.Login = login;
            o.Password = password;
            o.Token = token;
            o.TimeZone = timeZone;
            o.MaxResponseBytes = maxResponse ?? o.MaxResponseBytes;
        });
    }

    public string Explain(string failure) => ValidationFailures.Explain(failure, Property, PropertyOptions, Own);

    private static string Display(string option) => Own.Single(o => o.Name == option).Display;
}
