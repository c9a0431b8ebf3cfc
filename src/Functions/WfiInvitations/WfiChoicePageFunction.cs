using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.WfiInvitations.Choosing;

namespace Pilot.Functions.WfiInvitations;

/// <summary>The letter's short link: anonymous, because the signed token in the address is the credential.</summary>
public sealed class WfiChoicePageFunction(WfiChoicePages pages)
{
    [Function("WfiChoicePage")]
    [PublicEndpoint("the parent's signed choice link (the token in the path), valid until the reply date")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "c/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        WfiPage page;
        if (HttpMethods.IsPost(request.Method))
        {
            var choice = request.HasFormContentType ? (await request.ReadFormAsync(cancellationToken))["choice"].FirstOrDefault() : null;
            page = await pages.ChooseAsync(token, choice, cancellationToken);
        }
        else
        {
            page = await pages.ShowAsync(token, cancellationToken);
        }

        foreach (var (name, value) in WfiPage.SecurityHeaders)
        {
            request.HttpContext.Response.Headers[name] = value;
        }

        return new ContentResult { StatusCode = page.StatusCode, ContentType = WfiPage.ContentType, Content = page.Html };
    }
}
