using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.WfiInvitations;

namespace Pilot.Functions.WfiInvitations;

public sealed class RecordWfiAttendanceFunction(WfiInvitationDesk desk, AccessGate gate)
{
    [Function("RecordWfiAttendance")]
    [Admits(Role.Office)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "wfi-invitations/{id}/attendance")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var (caller, unauthorized) = gate.Admit(request, this);
        if (unauthorized is not null)
        {
            return unauthorized;
        }

        var (body, error) = await JsonBody.ReadAsync<RecordWfiAttendanceRequest>(request, cancellationToken);
        return error ?? ProblemResults.From(await desk.RecordAttendanceAsync(caller!, id, body, cancellationToken), view => new OkObjectResult(view));
    }
}
