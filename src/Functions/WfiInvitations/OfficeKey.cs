using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Pilot.Functions.Http;
using Pilot.Shared.WfiInvitations.Offices;

namespace Pilot.Functions.WfiInvitations;

/// <summary>The calling office, from the key in <c>x-functions-key</c> (or <c>?code=</c>, as the Functions host accepts); 401 problem+json when unknown.</summary>
public static class OfficeKey
{
    public static (OfficeCaller? Caller, IActionResult? Error) Identify(HttpRequest request, OfficeCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        var key = request.Headers[OfficeCredentials.Header].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        var caller = credentials.Identify(key);
        return caller is null
            ? (null, ProblemResults.Problem(StatusCodes.Status401Unauthorized, "Unauthorized", $"send your office's key in the {OfficeCredentials.Header} header"))
            : (caller, null);
    }
}
