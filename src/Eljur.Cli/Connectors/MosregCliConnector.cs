using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Eljur.Abstractions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace Eljur.Cli.Connectors;

/// <summary><c>--connector mosreg</c>: the Moscow-region school portal, Dnevnik.ru API v2 (see <c>docs/connectors/mosreg.md</c>).</summary>
internal sealed class MosregCliConnector : ICliConnector
{
    private static readonly ConnectorOption[] Own =
    {
        new("--base-url", "Адрес API (по умолчанию https://api.school.mosreg.ru/v2.0/; для других регионов https://api.dnevnik.ru/v2/)"),
        new("--token", "Токен доступа (Access-Token), выданный приложению интегратора", Secret: true),
        new("--school-id", "Идентификатор школы на портале; без него школа берётся из профиля владельца токена (если токен открывает одну школу)"),
        new("--refresh-token", "Refresh-токен для обновления отклонённого токена (вместе с --client-id и --client-secret)", Secret: true),
        new("--client-id", "Идентификатор приложения (OAuth2 client_id)"),
        new("--client-secret", "Секрет приложения (OAuth2 client_secret)", Secret: true),
        new("--time-zone", "Часовой пояс школы (IANA); по умолчанию — пояс, который портал указывает для школы, иначе Europe/Moscow"),
        new("--max-response-mb", "Предел размера одного ответа сервера в МБ, от 1 до 2048 (по умолчанию 32)"),
    };

    private static readonly Dictionary<string, string> PropertyOptions = new()
    {
        ["BaseUrl"] = "--base-url",
        ["Token"] = "--token",
        ["SchoolId"] = "--school-id",
        ["RefreshToken"] = "--refresh-token",
        ["ClientId"] = "--client-id",
        ["ClientSecret"] = "--client-secret",
        ["TimeZone"] = "--time-zone",
        ["MaxResponseBytes"] = "--max-response-mb",
    };

    private static readonly Regex Property = new(@"^MosregPortalOptions\[[^\]]*\]\.(\w+):\s*", RegexOptions.CultureInvariant);

    public string Id => "mosreg";

    public string Description => "Школьный портал Московской области, API Дневник.ру v2";

    public IReadOnlyList<ConnectorOption> Options => Own;

    public void Register(IGradebookBuilder builder, ConnectorValues values)
    {
        var token = values.Require("--token");
        var school = values.Get("--school-id");
        var maxResponse = values.Megabytes("--max-response-mb", 1, 2048);
        builder.AddMosregPortal("mosreg", o =>
        {
            o.BaseUrl = values.Get("--base-url") ?? o.BaseUrl;
            o.Token = token;
            o.SchoolId = school;
            o.RefreshToken = values.Get("--refresh-token");
            o.ClientId = values.Get("--client-id");
            o.ClientSecret = values.Get("--client-secret");
            o.TimeZone = values.Get("--time-zone");
            o.MaxResponseBytes = maxResponse ?? o.MaxResponseBytes;
        });
    }

    public string Explain(string failure) => ValidationFailures.Explain(failure, Property, PropertyOptions, Own);
}
