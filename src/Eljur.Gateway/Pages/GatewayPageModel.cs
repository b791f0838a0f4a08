using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Eljur.Gateway.Pages;

/// <summary>
/// What the gateway's pages share: the title, the Russian «not found» answer (404 outside one's
/// schools) and the anti-forgery check of every posted form, with a Russian answer when it fails.
/// </summary>
[IgnoreAntiforgeryToken(Order = 1001)]
internal abstract class GatewayPageModel : PageModel
{
    public const string NotFoundText = "Такой страницы нет или она вам не открыта.";

    /// <summary>Set when the page answers 404: the text to show instead of the page.</summary>
    public string? Missing { get; private set; }

    public string Title { get; protected set; } = "";

    /// <summary>The 404 page, with the layout, in Russian.</summary>
    public PageResult NotFoundPage(string text = NotFoundText)
    {
        Missing = text;
        Title = "Не найдено";
        return Status(404);
    }

    /// <summary>This page with a status code.</summary>
    public PageResult Status(int status)
    {
        var result = Page();
        result.StatusCode = status;
        return result;
    }

    /// <summary>What to answer when a posted form's anti-forgery token is missing or wrong: 400 with a Russian message.</summary>
    public virtual IActionResult FormExpired()
    {
        Title = "Ошибка";
        Missing = "Форма устарела: обновите страницу и попробуйте снова.";
        return Status(400);
    }

    /// <summary>
    /// Checks the anti-forgery token of every posted form before its handler runs (the same
    /// <see cref="IAntiforgery"/> check Razor Pages make on their own, made here so a failure can
    /// answer with this page's Russian message instead of an empty 400).
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!HttpMethods.IsGet(Request.Method) && !HttpMethods.IsHead(Request.Method)
            && !await HttpContext.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(HttpContext).ConfigureAwait(false))
        {
            context.Result = FormExpired();
            return;
        }

        await next().ConfigureAwait(false);
    }
}
