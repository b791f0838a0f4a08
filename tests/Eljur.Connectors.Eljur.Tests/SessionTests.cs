using System;
using System.Linq;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Connectors.Eljur.Tests.Mock;

namespace Eljur.Connectors.Eljur.Tests;

/// <summary>auth: the three ways to send credentials, tokens, expiry and refusals, never a login loop.</summary>
public sealed class SessionTests
{
    private static readonly DateTime Day = new(2024, 9, 2);

    [Theory]
    [InlineData("form", "POST")]
    [InlineData("json", "POST")]
    [InlineData("query", "GET")]
    public async Task Each_auth_method_signs_in(string method, string verb)
    {
        using var f = new EljurFixture(o => o.AuthMethod = method);
        var s = await f.FetchAsync(Day, Day, new[] { "10А" });
        Assert.NotEmpty(s.Lessons!);
        var auth = Assert.Single(f.Mock.Calls, c => c.Operation == "auth");
        Assert.Equal(verb, auth.Method);
        Assert.Equal(method == "query", auth.PathAndQuery.Contains("password=", StringComparison.Ordinal));
        Assert.DoesNotContain(f.Mock.Calls, c => c.Operation != "auth" && c.PathAndQuery.Contains("password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_given_token_is_used_without_signing_in()
    {
        using var f = new EljurFixture(o =>
        {
            o.Login = null;
            o.Password = null;
            o.Token = "given-token-0123456789abcdef";
        });
        f.Mock.AddToken("given-token-0123456789abcdef", MockSchool.TeacherLogin);
        var s = await f.FetchAsync(Day, Day);
        Assert.NotEmpty(s.Lessons!);
        Assert.Equal(0, f.Mock.CountOf("auth"));
        Assert.All(f.Mock.Calls, c => Assert.Contains("auth_token=given-token-0123456789abcdef", c.PathAndQuery, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_given_token_without_credentials_fails_at_once_without_the_token_in_the_message()
    {
        using var f = new EljurFixture(o =>
        {
            o.Login = null;
            o.Password = null;
            o.Token = "stale-token-0123456789abcdef";
        });
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => f.FetchAsync(Day, Day));
        Assert.Equal(ConnectorFailureKind.Authentication, ex.Kind);
        Assert.Equal("getrules", ex.Operation);
        Assert.Equal(0, f.Mock.CountOf("auth"));
        Assert.Equal(1, f.Mock.CountOf("getrules"));
        Assert.DoesNotContain("stale-token", ex.Message, StringComparison.Ordinal);
        Assert.Contains("неверный токен", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_given_token_is_replaced_by_a_login_when_credentials_are_there()
    {
        using var f = new EljurFixture(o => o.Token = "stale-token-0123456789abcdef");
        var s = await f.FetchAsync(Day, Day);
        Assert.NotEmpty(s.Lessons!);
        Assert.Equal(1, f.Mock.CountOf("auth"));
    }

    [Fact]
    public async Task The_session_is_kept_between_fetches_and_renewed_before_it_expires()
    {
        using var f = new EljurFixture();
        await f.FetchAsync(Day, Day);
        await f.FetchAsync(Day, Day);
        Assert.Equal(1, f.Mock.CountOf("auth"));

        // The token lasts 90 days from 20 November 2024, 10:00 Moscow time.
        f.Clock.Now = new DateTimeOffset(2025, 2, 18, 9, 0, 0, TimeSpan.FromHours(3));
        await f.FetchAsync(Day, Day);
        Assert.Equal(1, f.Mock.CountOf("auth"));
        f.Clock.Now = new DateTimeOffset(2025, 2, 18, 9, 59, 30, TimeSpan.FromHours(3));
        await f.FetchAsync(Day, Day);
        Assert.Equal(2, f.Mock.CountOf("auth"));
        var renewed = f.Mock.Calls.SkipWhile(c => c.Operation != "auth").Skip(1).SkipWhile(c => c.Operation != "auth").ToList();
        Assert.Equal("getrules", renewed[1].Operation); // the login came before the next call, not after a refusal
        Assert.DoesNotContain(f.Mock.Calls, c => c.Status == 400 || c.Status == 403);
    }

    [Fact]
    public async Task A_token_the_vendor_calls_expired_is_replaced_by_one_login()
    {
        using var f = new EljurFixture();
        await f.FetchAsync(Day, Day);
        f.Mock.ExpireAllTokens(); // answers 400 «Токен устарел»
        f.Mock.ResetCalls();
        var s = await f.FetchAsync(Day, Day);
        Assert.NotEmpty(s.Lessons!);
        Assert.Equal(1, f.Mock.CountOf("auth"));
        Assert.Equal(2, f.Mock.CountOf("getrules"));
    }

    [Fact]
    public async Task Tokens_refused_as_soon_as_issued_fail_after_one_renewal_not_in_a_loop()
    {
        using var f = new EljurFixture();
        f.Mock.TokenLifetime = TimeSpan.FromDays(-1); // every token is born expired at the vendor
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => f.FetchAsync(Day, Day));
        Assert.Equal(ConnectorFailureKind.Authentication, ex.Kind);
        Assert.Equal("getrules", ex.Operation);
        Assert.Equal(2, f.Mock.CountOf("auth"));
        Assert.Equal(2, f.Mock.CountOf("getrules"));
        Assert.Contains("Токен устарел", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_fails_naming_auth_after_one_attempt_without_the_password()
    {
        using var f = new EljurFixture(o => o.Password = "неверный-пароль-123");
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => f.FetchAsync(Day, Day));
        Assert.Equal("auth", ex.Operation);
        Assert.Equal(ConnectorFailureKind.Authentication, ex.Kind);
        Assert.Equal(403, ex.StatusCode);
        Assert.Equal("eljur: auth: HTTP 403: «Неверный логин или пароль»", ex.Message);
        Assert.Equal(1, f.Mock.CountOf("auth"));
        Assert.DoesNotContain(f.Logs.Entries, e => e.Texts.Any(t => t.Contains("неверный-пароль-123", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_wrong_devkey_fails_with_the_vendors_message_and_no_devkey()
    {
        const string other = "ffffffffffffffffffffffffffffffff";
        using var f = new EljurFixture(o => o.DevKey = other);
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => f.FetchAsync(Day, Day));
        Assert.Equal("auth", ex.Operation);
        Assert.Contains("не удалось авторизовать разработчика", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(other, ex.ToString(), StringComparison.Ordinal);
        Assert.All(f.Logs.Entries, e => Assert.DoesNotContain(other, string.Join(" ", e.Texts), StringComparison.Ordinal));
        Assert.Contains(f.Logs.Entries, e => e.Message.Contains("devkey=***", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_vendor_message_quoting_the_token_is_redacted()
    {
        using var f = new EljurFixture();
        f.Mock.Faults.Always("getmarks", new Testing.Fault(Testing.FaultKind.AuthFailure));
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => f.FetchAsync(Day, Day));
        Assert.Equal("getmarks", ex.Operation);
        Assert.Contains("«Токен *** недействителен, авторизуйтесь заново»", ex.Message, StringComparison.Ordinal);
        Assert.All(f.Mock.IssuedTokens, t => Assert.DoesNotContain(t, ex.ToString(), StringComparison.Ordinal));
    }
}
