using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Appointments;

namespace Pilot.Functions.Appointments;

public sealed class RescheduleAppointmentFunction(AppointmentBooking booking)
{
    [Function("RescheduleAppointment")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "appointments/{id}/reschedule")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync<RescheduleAppointmentRequest>(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        return ProblemResults.From(await booking.RescheduleAsync(id, body, cancellationToken), view => new OkObjectResult(view));
    }
}
