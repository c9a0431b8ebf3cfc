using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Pages;

namespace Pilot.Functions.Pages;

/// <summary>Signing out: the session cookie goes (and, in Azure, App Service Authentication's own session).</summary>
public sealed class SignOutFunction(PageGate gate)
{
    [Function("SignOut")]
    [PublicEndpoint("ends the caller's own session; the form's anti-forgery token keeps another site from signing them out")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sign-out")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = await PageForms.ReadAsync(request, cancellationToken);
        if (form is null || !gate.AntiForgeryHolds(request, form))
        {
            return await gate.MessageAsync(request, StatusCodes.Status400BadRequest, "Sign out again", "The sign-out form had expired. Go back and press Sign out again.", PagePaths.TakeUp, "Back to the take-up report", null);
        }

        PageResults.DeleteCookie(request, PageSessions.CookieName);
        return PageResults.SeeOther(request, gate.EasyAuth ? $"/.auth/logout?post_logout_redirect_uri={Uri.EscapeDataString(PagePaths.TakeUp)}" : PagePaths.SignIn + "?signedOut=1");
    }
}
