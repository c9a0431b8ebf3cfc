using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Appointments;

namespace Pilot.Functions.Appointments;

/// <summary>Books an appointment for one of the calling office's parents; the office owns it.</summary>
public sealed class BookAppointmentFunction(AppointmentBooking booking, AccessGate gate)
{
    [Function("BookAppointment")]
    [Admits(Role.Office)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "appointments")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (caller, refused) = gate.Admit(request, this);
        if (refused is not null)
        {
            return refused;
        }

        var (body, error) = await JsonBody.ReadAsync<BookAppointmentRequest>(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var outcome = await booking.BookAsync(caller!, body, cancellationToken);
        return ProblemResults.From(outcome, booked => new CreatedResult($"/api/appointments/{booked.Id}", booked));
    }
}
