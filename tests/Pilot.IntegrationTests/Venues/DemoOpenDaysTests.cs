using Pilot.IntegrationTests.WfiInvitations;
using Pilot.Shared.Appointments;
using Pilot.Shared.DemoData;
using Pilot.Shared.Time;
using Pilot.Shared.Venues;
using Pilot.Shared.WfiInvitations;

namespace Pilot.IntegrationTests.Venues;

/// <summary>The demo books and invites only when its venues are open, whenever it is started.</summary>
public sealed class DemoOpenDaysTests
{
    [Theory]
    [InlineData("2026-12-03T19:00:00Z")] // a Thursday evening: ten days on is Sunday 13 December, when the demo used to invite to Ealing Jobcentre
    [InlineData("2026-12-15T10:00:00Z")] // ten days on is Christmas Day, eleven Boxing Day
    [InlineData("2026-03-28T23:30:00Z")] // Saturday night before the clocks go forward
    public async Task The_demo_seeds_its_appointments_and_invitation_when_the_venues_are_open(string startedAt)
    {
        await using var services = await PilotServices.StartAsync(settings: WfiScenario.Settings());
        services.Time.SetUtcNow(DateTimeOffset.Parse(startedAt, System.Globalization.CultureInfo.InvariantCulture));

        await services.Get<DemoSeeder>().SeedAsync(CancellationToken.None);

        var venues = await services.Get<VenueStore>().AllAsync(CancellationToken.None);
        var invitation = (await services.Get<WfiInvitationStore>().GetAsync(WfiDemoInvitation.OfficeId, WfiDemoInvitation.Id, CancellationToken.None))!;
        Assert.Null(VenueHours.Refusal(venues[invitation.JobcentreVenueId], invitation.JobcentreStartsAt));
        Assert.Null(VenueHours.Refusal(venues[invitation.CentreVenueId], invitation.CentreStartsAt));
        Assert.Equal(10, LondonTime.ToLocal(invitation.JobcentreStartsAt).Hour);
        Assert.NotEqual(DayOfWeek.Sunday, LondonTime.ToLocal(invitation.JobcentreStartsAt).DayOfWeek);
        foreach (var id in new[] { "demo-appt-1", "demo-appt-2", "demo-appt-3", "demo-appt-4", "demo-appt-5", "demo-appt-6", "demo-appt-7", "demo-appt-8" })
        {
            var appointment = (await services.Get<AppointmentStore>().GetAsync(id, CancellationToken.None))!;
            Assert.Null(VenueHours.Refusal(venues[appointment.VenueId], appointment.StartsAt));
        }
    }
}
