using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Pilot.Shared.Access;
using Pilot.Shared.Pages;
using Pilot.Shared.Validation;

namespace Pilot.Functions.Http;

/// <summary>
/// Admits the person behind a page by the roles its <see cref="AdmitsAttribute"/> declares, exactly as
/// <see cref="AccessGate"/> admits an API caller. Who they are: in Azure, the Entra ID sign-in of App Service
/// Authentication; locally, the signed session cookie of the development sign-in; for scripts and tests, a role's
/// key in <c>x-functions-key</c>, as the API takes it. Refusals are pages: 401 with a way to sign in, 403 naming the roles.
/// Also hands each page its anti-forgery token and checks the one a form posts back.
/// </summary>
public sealed class PageGate(CallerCredentials credentials, PageSessions sessions, AntiForgery antiForgery, PageTemplates templates, IConfiguration configuration)
{
    /// <summary>Whether App Service Authentication runs in front of the app (then it alone says who is signed in).</summary>
    public bool EasyAuth => string.Equals(configuration[EasyAuthPrincipal.EnabledSetting], "true", StringComparison.OrdinalIgnoreCase);

    public Caller? Identify(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers[CallerCredentials.Header].FirstOrDefault() is { Length: > 0 } key)
        {
            return credentials.Identify(key);
        }

        return EasyAuth
            ? EasyAuthPrincipal.Read(request.Headers[EasyAuthPrincipal.Header].FirstOrDefault())
            : sessions.Read(request.Cookies[PageSessions.CookieName]);
    }

    public async Task<(Caller? Caller, IActionResult? Refusal)> AdmitAsync(HttpRequest request, object function)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(function);
        var admitted = AccessGate.AdmittedBy(function.GetType());
        var caller = Identify(request);
        return AccessDecision.Decide(admitted, caller) switch
        {
            AccessVerdict.Admitted => (caller, null),
            AccessVerdict.Unauthenticated => (null, await MessageAsync(
                request,
                StatusCodes.Status401Unauthorized,
                "Sign in to see this page",
                "This page is for Jobcentre Plus office staff, children's centre managers and the evaluation team.",
                SignInHref(request),
                "Sign in",
                null)),
            _ => (null, await MessageAsync(
                request,
                StatusCodes.Status403Forbidden,
                "You cannot see this page",
                $"This page is for {AccessDecision.Describe(admitted)} staff; you are signed in as {caller!.Principal}.",
                null,
                null,
                caller)),
        };
    }

    /// <summary>Where a person not signed in goes: Entra ID in Azure, the development sign-in page locally; back here after.</summary>
    public string SignInHref(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var back = Uri.EscapeDataString(request.Path.Value + request.QueryString.Value);
        return EasyAuth ? $"/.auth/login/aad?post_login_redirect_uri={back}" : $"{PagePaths.SignIn}?returnUrl={back}";
    }

    /// <summary>The page's anti-forgery token, setting the nonce cookie it is bound to when the browser has none yet.</summary>
    public string AntiForgeryToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var nonce = request.Cookies[AntiForgery.CookieName];
        if (string.IsNullOrEmpty(nonce) || nonce.Length > 64)
        {
            nonce = AntiForgery.NewNonce();
            PageResults.SetCookie(request, AntiForgery.CookieName, nonce);
        }

        return antiForgery.TokenFor(nonce);
    }

    /// <summary>
    /// Whether a posted form may act. A caller that sends its key in a header needs no token: another site's form
    /// cannot set a header, so only credentials the browser adds by itself (cookies, Easy Auth's session) are at risk.
    /// </summary>
    public bool AntiForgeryHolds(HttpRequest request, IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(form);
        return request.Headers.ContainsKey(CallerCredentials.Header) || antiForgery.IsValid(request.Cookies[AntiForgery.CookieName], form[PageLayout.AntiForgeryField].FirstOrDefault());
    }

    /// <summary>A page of this app around one template, with the layout's title, signed-in principal and token.</summary>
    public async Task<IActionResult> RenderAsync(HttpRequest request, int status, string template, IReadOnlyDictionary<string, object?> model, string title, Caller? caller, IReadOnlyList<FieldError>? errors = null, bool personal = true, bool embedsLetter = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        var layout = new PageLayout(title, caller?.Principal, AntiForgeryToken(request), request.Path.Value ?? "", errors);
        var html = await templates.RenderAsync(template, model, layout);
        return PageResults.Html(request, new Page(status, html, personal, embedsLetter));
    }

    /// <summary>404 for a record that is not there or not this caller's: the two look the same.</summary>
    public Task<IActionResult> NotFoundAsync(HttpRequest request, Caller caller, string? detail)
        => MessageAsync(request, StatusCodes.Status404NotFound, "Page not found", detail ?? "There is nothing at this address.", null, null, caller);

    public Task<IActionResult> MessageAsync(HttpRequest request, int status, string heading, string text, string? linkHref, string? linkText, Caller? caller)
        => RenderAsync(request, status, "message", new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["heading"] = heading,
            ["text"] = text,
            ["link_href"] = linkHref,
            ["link_text"] = linkText,
        }, heading, caller, personal: false);
}
