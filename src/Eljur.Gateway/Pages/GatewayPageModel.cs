using System;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eljur.Gateway.Pages;

/// <summary>
/// What the gateway's pages share: the title, the Russian «not found» answer (404 outside one's
/// schools) and the answer to a form whose anti-forgery token failed (validated natively by Razor Pages).
/// </summary>
[FormExpired]
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

    /// <summary>Replaces the empty 400 of a failed anti-forgery check with the page's own answer.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    private sealed class FormExpiredAttribute : Attribute, IAlwaysRunResultFilter
    {
        public void OnResultExecuting(ResultExecutingContext context)
        {
            if (context.Result is IAntiforgeryValidationFailedResult && context.Controller is GatewayPageModel page)
            {
                context.Result = page.FormExpired();
            }
        }

        public void OnResultExecuted(ResultExecutedContext context)
        {
        }
    }
}
