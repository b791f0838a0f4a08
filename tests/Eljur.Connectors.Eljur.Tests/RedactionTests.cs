using Eljur.Connectors.Shared;

namespace Eljur.Connectors.Eljur.Tests;

public sealed class RedactionTests
{
    private static readonly SecretRedactor Redactor = new(new[] { "a1b2c3d4e5f60718293a4b5c6d7e8f90", "Пароль 7!", "abc" });

    [Fact]
    public void Secret_query_values_are_masked_whatever_they_are()
    {
        Assert.Equal(
            "https://x.eljur.ru/apiv3/getmarks?devkey=***&vendor=x&auth_token=***&student=1",
            Redactor.Redact("https://x.eljur.ru/apiv3/getmarks?devkey=unknownkey&vendor=x&auth_token=tok123&student=1"));
        Assert.Equal("auth?login=***&password=***", Redactor.Redact("auth?login=ivanova&password=anything"));
    }

    [Fact]
    public void Known_secrets_are_masked_plain_url_encoded_and_in_either_case()
    {
        Assert.Equal("key *** and ***", Redactor.Redact("key a1b2c3d4e5f60718293a4b5c6d7e8f90 and A1B2C3D4E5F60718293A4B5C6D7E8F90"));
        Assert.Equal("p=*** q=***", Redactor.Redact("p=" + System.Uri.EscapeDataString("Пароль 7!") + " q=" + System.Net.WebUtility.UrlEncode("Пароль 7!")));
    }

    [Fact]
    public void Secrets_learned_later_are_masked_and_very_short_ones_do_not_mangle_text()
    {
        var redactor = new SecretRedactor(new[] { "abc" });
        redactor.Add("session-token-42");
        Assert.Equal("Токен *** недействителен; abc", redactor.Redact("Токен session-token-42 недействителен; abc"));
        Assert.True(redactor.Leaks("x session-token-42"));
        Assert.False(redactor.Leaks("ничего секретного"));
    }
}
