using System;
using System.Threading.Tasks;
using Eljur.Gateway.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Eljur.Gateway.Pages;

/// <summary><c>/login</c>: the sign-in form (anti-forgery token, no script) and the sign-in lockout.</summary>
internal sealed class LoginModel : GatewayPageModel
{
    private readonly SignInService _signIn;

    public LoginModel(SignInService signIn)
    {
        _signIn = signIn;
        Title = "Вход";
    }

    public string? ReturnUrl { get; private set; }

    public string? Login { get; private set; }

    public string? Error { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync([FromForm] string? login, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        ReturnUrl = returnUrl;
        var (outcome, user) = _signIn.Check(login ?? "", password ?? "");
        if (outcome == SignInService.Outcome.SignedIn)
        {
            await HttpContext.SignInAsync(GatewayAuth.CookieScheme, user!).ConfigureAwait(false);
            return Redirect(IsLocal(returnUrl ?? "") ? returnUrl! : "/");
        }

        Login = login;
        Error = outcome == SignInService.Outcome.Locked
            ? "Слишком много неудачных попыток: вход для этого логина закрыт на минуту."
            : "Неверный логин или пароль.";
        return Status(outcome == SignInService.Outcome.Locked ? 429 : 401);
    }

    public override IActionResult FormExpired()
    {
        Error = "Форма устарела: попробуйте войти ещё раз.";
        return Status(400);
    }

    private static bool IsLocal(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
