using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Pages;
using Pilot.Shared.Secrets;
using Pilot.Shared.Validation;

namespace Pilot.Functions.Pages;

/// <summary>
/// The development sign-in: a role's development key for a signed session cookie. Only in local development;
/// in Azure, App Service Authentication signs staff in with Entra ID and this page sends them there.
/// </summary>
public sealed class SignInFunction(PageGate gate, CallerCredentials credentials, PageSessions sessions, IHostEnvironment environment, IConfiguration configuration)
{
    [Function("SignIn")]
    [PublicEndpoint("the sign-in page itself: a development key is checked on POST, and only in local development")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "sign-in")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (gate.EasyAuth)
        {
            return PageResults.SeeOther(request, gate.SignInHref(request));
        }

        if (!LocalDevelopment.Is(environment, configuration))
        {
            return await gate.MessageAsync(request, StatusCodes.Status404NotFound, "Page not found", "Development sign-in is only on a developer's machine; staff sign in with Microsoft Entra ID.", null, null, null);
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            return await FormAsync(request, StatusCodes.Status200OK, request.Query["returnUrl"], signedOut: request.Query["signedOut"] == "1", error: null);
        }

        var form = await PageForms.ReadAsync(request, cancellationToken);
        var returnUrl = form?["returnUrl"].FirstOrDefault();
        if (form is null || !gate.AntiForgeryHolds(request, form))
        {
            return await FormAsync(request, StatusCodes.Status400BadRequest, returnUrl, false, "The form had expired: enter your development key again");
        }

        if (credentials.Identify(form["key"].FirstOrDefault()) is not { } caller)
        {
            return await FormAsync(request, StatusCodes.Status400BadRequest, returnUrl, false, "Enter the development key of an office, a centre manager or central");
        }

        PageResults.SetCookie(request, PageSessions.CookieName, sessions.Issue(caller), PageSessions.Lifetime);
        return PageResults.SeeOther(request, PagePaths.SafeReturn(returnUrl));
    }

    private Task<IActionResult> FormAsync(HttpRequest request, int status, string? returnUrl, bool signedOut, string? error)
        => gate.RenderAsync(
            request,
            status,
            "sign-in",
            new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["return_url"] = PagePaths.SafeReturn(returnUrl),
                ["signed_out"] = signedOut,
                ["key_error"] = error,
            },
            "Sign in",
            null,
            error is null ? null : [new FieldError("key", error)],
            personal: false);
}
