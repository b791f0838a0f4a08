using System.Threading.Tasks;
using Eljur.Gateway.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Eljur.Gateway.Pages;

/// <summary><c>/logout</c>: signs out on a posted form; a stale form leads back to the sign-out button.</summary>
internal sealed class LogoutModel : GatewayPageModel
{
    public LogoutModel() => Title = "Выход";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(GatewayAuth.CookieScheme).ConfigureAwait(false);
        return Redirect("/login");
    }

    public override IActionResult FormExpired() => Redirect("/logout");
}
