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
        var page = HttpMethods.IsPost(request.Method)
            ? await pages.ChooseAsync(token, ct => ReadFormAsync(request, ct), cancellationToken)
            : await pages.ShowAsync(token, cancellationToken);

        foreach (var (name, value) in WfiPage.SecurityHeaders)
        {
            request.HttpContext.Response.Headers[name] = value;
        }

        return new ContentResult { StatusCode = page.StatusCode, ContentType = WfiPage.ContentType, Content = page.Html };
    }

    /// <summary>At most the same 1 MB as every other body; the form is parsed from what was read, never from the wire.</summary>
    private static async Task<WfiChoiceForm> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return new WfiChoiceForm(null);
        }

        if (await JsonBody.ReadAtMostAsync(request, ct) is not { } body)
        {
            return WfiChoiceForm.Oversized;
        }

        request.Body = new MemoryStream(body, writable: false);
        try
        {
            return new WfiChoiceForm((await request.ReadFormAsync(ct))["choice"].FirstOrDefault());
        }
        catch (InvalidDataException)
        {
            // A multipart form with no boundary, or broken: it names no choice, so the page asks for one.
            return new WfiChoiceForm(null);
        }
    }
}
