using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Appointments.Console;

namespace Pilot.Functions.Appointments;

/// <summary>The office console's upcoming appointments, soonest first: an office's own, central's every office's.</summary>
public sealed class AppointmentListPageFunction(AppointmentListPage page, PageGate gate)
{
    [Function("AppointmentListPage")]
    [Admits(Role.Office, Role.Central)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "office/appointments")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, refusal) = await gate.AdmitAsync(request, this);
        if (refusal is not null)
        {
            return refusal;
        }

        var model = await page.BuildAsync(caller!, request.Query["after"], cancellationToken);
        return model is null
            ? await gate.MessageAsync(request, StatusCodes.Status400BadRequest, "This link is broken", "The address does not say where the list left off.", AppointmentListPage.Path, "Show the soonest appointments", caller)
            : await gate.RenderAsync(request, StatusCodes.Status200OK, "appointments", model, "Appointments", caller);
    }
}
