using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Appointments;

namespace Pilot.Functions.Appointments;

public sealed class RescheduleAppointmentFunction(AppointmentBooking booking, AccessGate gate)
{
    [Function("RescheduleAppointment")]
    [Admits(Role.Office)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "appointments/{id}/reschedule")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var (caller, refused) = gate.Admit(request, this);
        if (refused is not null)
        {
            return refused;
        }

        var (body, error) = await JsonBody.ReadAsync<RescheduleAppointmentRequest>(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        return ProblemResults.From(await booking.RescheduleAsync(caller!, id, body, cancellationToken), view => new OkObjectResult(view));
    }
}
