using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pilot.Shared.Appointments;
using Pilot.Shared.Parents;
using Pilot.Shared.Venues;

namespace Pilot.Shared.DemoData;

/// <summary>
/// Seeds the demo: the pilot venues (upserted), fictional parents with 07700 900xxx numbers and their
/// appointments (added only when their fixed id is not there yet). Running it twice changes nothing.
/// </summary>
public sealed class DemoSeeder(
    VenueStore venues,
    ParentStore parents,
    ParentRegistration registration,
    AppointmentStore appointments,
    AppointmentBooking booking,
    TimeProvider time,
    ILogger<DemoSeeder> logger,
    WfiInvitations.WfiDemoInvitation wfiDemo)
{
    public async Task<DemoSeedResult> SeedAsync(CancellationToken ct)
    {
        var venueFile = Load<VenueFile>("pilot-venues.json");
        await venues.UpsertAsync(venueFile.Venues, ct);

        int parentsAdded = 0, appointmentsAdded = 0;
        foreach (var parent in Load<ParentFile>("demo-parents.json").Parents)
        {
            if (await parents.GetAsync(parent.Id, ct) is null)
            {
                var registered = await registration.RegisterAsync(
                    new RegisterParentRequest(parent.FirstName, parent.Mobile, new AddressRequest(parent.AddressLines, parent.Postcode), parent.PreferredLanguage, parent.Consents) { LastName = parent.LastName },
                    parent.Id,
                    ct);
                EnsureOk(registered.Kind, registered.Errors, parent.Id);
                parentsAdded++;
            }

            foreach (var appointment in parent.Appointments)
            {
                if (await appointments.GetAsync(appointment.Id, ct) is not null)
                {
                    continue;
                }

                var startsAt = RoundUpToFiveMinutes(time.GetUtcNow().AddMinutes(appointment.StartsInMinutes));
                var booked = await booking.BookAsync(
                    new BookAppointmentRequest(parent.Id, appointment.VenueId, startsAt.ToString("O", CultureInfo.InvariantCulture), appointment.Kind, appointment.AdviserName),
                    appointment.Id,
                    ct);
                EnsureOk(booked.Kind, booked.Errors, appointment.Id);
                appointmentsAdded++;
            }
        }

        logger.LogInformation("Demo data: {Venues} venues upserted, {Parents} parent(s) and {Appointments} appointment(s) added", venueFile.Venues.Count, parentsAdded, appointmentsAdded);
        if (await wfiDemo.SeedAsync(ct))
        {
            logger.LogInformation("Demo data: WFI invitation {InvitationId} from {OfficeId} added", WfiInvitations.WfiDemoInvitation.Id, WfiInvitations.WfiDemoInvitation.OfficeId);
        }

        return new DemoSeedResult(venueFile.Venues.Count, parentsAdded, appointmentsAdded);
    }

    /// <summary>The pilot venues as shipped, for callers that need them without storage.</summary>
    public static IReadOnlyList<Venue> PilotVenues() => Load<VenueFile>("pilot-venues.json").Venues;

    private static DateTimeOffset RoundUpToFiveMinutes(DateTimeOffset instant)
    {
        var ticks = TimeSpan.FromMinutes(5).Ticks;
        return new DateTimeOffset((instant.UtcTicks + ticks - 1) / ticks * ticks, TimeSpan.Zero);
    }

    private static void EnsureOk(Validation.OutcomeKind kind, IReadOnlyList<Validation.FieldError> errors, string id)
    {
        if (kind != Validation.OutcomeKind.Ok)
        {
            throw new InvalidOperationException($"Demo record {id} is invalid: {string.Join("; ", errors.Select(e => $"{e.Field} {e.Message}"))}");
        }
    }

    private static T Load<T>(string file)
    {
        var name = $"Pilot.Shared.Venues.Data.{file}";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        return JsonSerializer.Deserialize<T>(stream, JsonDefaults.Web) ?? throw new InvalidOperationException($"{name} is empty.");
    }

    private sealed record VenueFile(IReadOnlyList<Venue> Venues);

    private sealed record ParentFile(IReadOnlyList<DemoParent> Parents);

    private sealed record DemoParent(string Id, string FirstName, string Mobile, IReadOnlyList<string?> AddressLines, string Postcode, string PreferredLanguage, ConsentsRequest Consents, IReadOnlyList<DemoAppointment> Appointments, string? LastName = null);

    private sealed record DemoAppointment(string Id, string VenueId, string Kind, int StartsInMinutes, string? AdviserName);
}

public sealed record DemoSeedResult(int Venues, int ParentsAdded, int AppointmentsAdded);
