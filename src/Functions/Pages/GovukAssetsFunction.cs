using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Pages;

namespace Pilot.Functions.Pages;

/// <summary>GOV.UK Frontend's styles, fonts and images (and Pilot's stylesheet), cached for a year.</summary>
public sealed class GovukAssetsFunction(GovukAssets assets)
{
    [Function("GovukAssets")]
    [PublicEndpoint("static styles, fonts and images from the govuk-frontend package: nothing personal")]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "govuk/{*path}")] HttpRequest request,
        string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = request.HttpContext.Response;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self'";
        if (assets.Find(path) is not { } asset)
        {
            return ProblemResults.Problem(StatusCodes.Status404NotFound, "Not found", "no such GOV.UK Frontend file");
        }

        response.Headers.CacheControl = GovukAssets.CacheControl;
        return new FileContentResult(asset.Content, asset.ContentType);
    }
}
