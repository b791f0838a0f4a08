using System.Text;

namespace Eljur.Gateway.Web;

/// <summary><c>/login</c>: the sign-in form (anti-forgery token, no script).</summary>
internal static class LoginPage
{
    public static string Render(string csrf, string? returnUrl, string? login, string? error)
    {
        var sb = new StringBuilder();
        sb.Append("<div class=\"login card\"><h1>Вход</h1>");
        if (error is not null)
        {
            sb.Append("<p class=\"error\" id=\"error\">").Append(Html.E(error)).Append("</p>");
        }

        sb.Append("<form method=\"post\" action=\"/login\">").Append(csrf)
            .Append("<input type=\"hidden\" name=\"returnUrl\" value=\"").Append(Html.E(returnUrl)).Append("\">")
            .Append("<label for=\"login\">Логин</label><input id=\"login\" name=\"login\" autocomplete=\"username\" required value=\"").Append(Html.E(login)).Append("\">")
            .Append("<label for=\"password\">Пароль</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>")
            .Append("<p><button type=\"submit\">Войти</button></p></form></div>");
        return sb.ToString();
    }
}
