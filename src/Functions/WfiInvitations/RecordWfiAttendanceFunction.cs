using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.WfiInvitations;
using Pilot.Shared.WfiInvitations.Offices;

namespace Pilot.Functions.WfiInvitations;

public sealed class RecordWfiAttendanceFunction(WfiInvitationDesk desk, OfficeCredentials credentials)
{
    [Function("RecordWfiAttendance")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "wfi-invitations/{id}/attendance")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var (caller, unauthorized) = OfficeKey.Identify(request, credentials);
        if (unauthorized is not null)
        {
            return unauthorized;
        }

        var (body, error) = await JsonBody.ReadAsync<RecordWfiAttendanceRequest>(request, cancellationToken);
        return error ?? ProblemResults.From(await desk.RecordAttendanceAsync(caller!, id, body, cancellationToken), view => new OkObjectResult(view));
    }
}
