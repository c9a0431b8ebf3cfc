using System.Globalization;
using Pilot.Shared.Appointments;
using Pilot.Shared.Parents;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests;

/// <summary>Registers parents and books appointments through the real services.</summary>
public static class Scenario
{
    public const string Centre = "cc-lambeth-stockwell";

    public static async Task<string> ParentAsync(PilotServices services, string mobile = "07700 900123", bool consent = true, string firstName = "Amina")
    {
        ArgumentNullException.ThrowIfNull(services);
        var outcome = await services.Get<ParentRegistration>().RegisterAsync(
            RoleKeys.LambethOffice,
            new RegisterParentRequest(firstName, mobile, new AddressRequest(["12 Stockwell Road", "London"], "SW9 9TN"), "en", new ConsentsRequest(consent)),
            CancellationToken.None);
        Assert.True(outcome.IsOk, string.Join("; ", outcome.Errors));
        return outcome.Value!.Id;
    }

    public static async Task<AppointmentBooked> BookAsync(PilotServices services, string parentId, DateTimeOffset startsAt, string kind = "wfi")
    {
        ArgumentNullException.ThrowIfNull(services);
        var outcome = await services.Get<AppointmentBooking>().BookAsync(
            RoleKeys.LambethOffice,
            new BookAppointmentRequest(parentId, Centre, startsAt.ToString("O", CultureInfo.InvariantCulture), kind, "Priya S."),
            CancellationToken.None);
        Assert.True(outcome.IsOk, string.Join("; ", outcome.Errors));
        return outcome.Value!;
    }

    public static async Task<AppointmentView> ViewAsync(PilotServices services, string appointmentId)
    {
        ArgumentNullException.ThrowIfNull(services);
        var outcome = await services.Get<AppointmentBooking>().GetAsync(RoleKeys.LambethOffice, appointmentId, CancellationToken.None);
        Assert.True(outcome.IsOk);
        return outcome.Value!;
    }
}
