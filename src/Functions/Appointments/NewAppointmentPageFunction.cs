using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Appointments.Console;

namespace Pilot.Functions.Appointments;

/// <summary>The office console's "book an appointment" form, empty; <see cref="BookAppointmentPageFunction"/> takes what it posts.</summary>
public sealed class NewAppointmentPageFunction(NewAppointmentPage page, PageGate gate)
{
    public const string Title = "Book an appointment";

    [Function("NewAppointmentPage")]
    [Admits(Role.Office)]
    public async Task<IActionResult> Show(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "office/appointments/new")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, refusal) = await gate.AdmitAsync(request, this);
        if (refusal is not null)
        {
            return refusal;
        }

        return await gate.RenderAsync(request, StatusCodes.Status200OK, "appointment-new", await page.BuildAsync(caller!, NewAppointmentForm.Empty, [], cancellationToken), Title, caller);
    }
}
