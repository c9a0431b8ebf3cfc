using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pilot.Shared.Access;
using Pilot.Shared.Appointments;
using Pilot.Shared.Parents;
using Pilot.Shared.Time;
using Pilot.Shared.Vacancies.Alerts;
using Pilot.Shared.Vacancies.Catalogue;
using Pilot.Shared.Venues;

namespace Pilot.Shared.DemoData;

/// <summary>
/// Seeds the demo: the pilot venues (loaded through <see cref="VenueCatalogue"/>, as an operator's PUT or CSV is),
/// fictional parents with 07700 900xxx numbers and their appointments (added only when their fixed id is not there
/// yet, each moved to the next time its venue is open). Running it twice changes nothing.
/// </summary>
public sealed class DemoSeeder(
    VenueCatalogue catalogue,
    ParentStore parents,
    ParentRegistration registration,
    AppointmentStore appointments,
    AppointmentBooking booking,
    VacancyIngestion vacancies,
    TimeProvider time,
    ILogger<DemoSeeder> logger,
    WfiInvitations.WfiDemoInvitation wfiDemo,
    WfiInvitations.TakeUp.WfiDemoMonth wfiMonth,
    Parents.OwnPage.ParentLinks parentLinks)
{
    /// <summary>The demo parent whose own page the start-up log links (Bea, Lambeth, vacancy alerts on).</summary>
    public const string LinkedParentId = "demo-parent-7";

    public async Task<DemoSeedResult> SeedAsync(CancellationToken ct)
    {
        var loaded = await catalogue.LoadAsync(PilotVenueRows(), ct);
        if (loaded.Rejected.Count > 0)
        {
            throw new InvalidOperationException("A demo venue is invalid: " + string.Join("; ", loaded.Rejected.SelectMany(r => r.Errors.Select(e => $"{r.Id} {e.Field} {e.Message}"))));
        }

        var venues = loaded.Stored.ToDictionary(v => v.Id, StringComparer.Ordinal);

        int parentsAdded = 0, appointmentsAdded = 0;
        foreach (var parent in Load<ParentFile>("demo-parents.json").Parents)
        {
            if (await parents.GetAsync(parent.Id, ct) is null)
            {
                var registered = await registration.RegisterAsync(
                    Caller.Office(parent.OfficeId),
                    new RegisterParentRequest(parent.FirstName, parent.Mobile, new AddressRequest(parent.AddressLines, parent.Postcode), parent.PreferredLanguage, parent.Consents,
                        parent.Availability, null, parent.MaxTravelKm, parent.TravelMode, parent.JobInterests, null, null, parent.AcceptUnknownHours, parent.Alerts) { LastName = parent.LastName },
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

                // About when the file says, then on to the next time the venue is open (a demo started in the evening books the morning).
                var wanted = RoundUpToFiveMinutes(time.GetUtcNow().AddMinutes(appointment.StartsInMinutes));
                var startsAt = VenueHours.NextOpenAt(venues[appointment.VenueId], wanted)
                    ?? throw new InvalidOperationException($"Demo venue {appointment.VenueId} is never open.");
                var booked = await booking.BookAsync(
                    Caller.Office(parent.OfficeId),
                    new BookAppointmentRequest(parent.Id, appointment.VenueId, startsAt.ToString("O", CultureInfo.InvariantCulture), appointment.Kind, appointment.AdviserName),
                    appointment.Id,
                    ct);
                EnsureOk(booked.Kind, booked.Errors, appointment.Id);
                appointmentsAdded++;
            }
        }

        // Sent again at every start (a re-sent ref updates): the alert timer picks them up within its schedule,
        // and the ledger keeps a parent from hearing of one twice.
        var today = DateOnly.FromDateTime(LondonTime.ToLocal(time.GetUtcNow()).DateTime);
        var batch = Load<VacancyFile>("demo-vacancies.json").Vacancies
            .Select(v => v.Vacancy with { ExpiryDate = today.AddDays(v.ExpiresInDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })
            .ToList();
        var ingested = await vacancies.IngestJsonAsync(JsonSerializer.SerializeToUtf8Bytes(new { vacancies = batch }, JsonDefaults.Web), ct);
        EnsureOk(ingested.Kind, ingested.Errors, "demo-vacancies");
        if (ingested.Value!.Rejected > 0)
        {
            throw new InvalidOperationException("A demo vacancy is invalid: " + string.Join("; ", ingested.Value.Items.Where(i => i.Errors is not null).SelectMany(i => i.Errors!.Select(e => $"{i.Ref} {e.Key} {string.Join(", ", e.Value)}"))));
        }

        logger.LogInformation("Demo data: {Venues} venues upserted, {Parents} parent(s) and {Appointments} appointment(s) added, {Vacancies} vacancies sent", loaded.Stored.Count, parentsAdded, appointmentsAdded, batch.Count);
        if (await wfiDemo.SeedAsync(ct))
        {
            logger.LogInformation("Demo data: WFI invitation {InvitationId} from {OfficeId} added", WfiInvitations.WfiDemoInvitation.Id, WfiInvitations.WfiDemoInvitation.OfficeId);
        }

        if (await wfiMonth.SeedAsync(ct) is > 0 and var history)
        {
            logger.LogInformation("Demo data: {Invitations} past WFI invitations across the pilot areas added, for the take-up report", history);
        }

        // A fresh link at every start, so the quick start's "open the parent's page" always works. Not logged: a link is
        // a bearer credential and the log scan refuses one; the runner prints it to the console instead.
        var link = await parents.GetAsync(LinkedParentId, ct) is { } linked ? parentLinks.NewLink(linked).Url : null;
        return new DemoSeedResult(loaded.Stored.Count, parentsAdded, appointmentsAdded) { ParentLink = link };
    }

    /// <summary>The pilot venues as shipped, checked as an operator's would be, for callers that need them without storage.</summary>
    public static IReadOnlyList<Venue> PilotVenues()
    {
        var known = new Dictionary<string, Venue>(StringComparer.Ordinal);
        foreach (var row in PilotVenueRows())
        {
            var errors = new List<Validation.FieldError>();
            var venue = VenueValidation.Check(row.Id, row.Request, known, errors)
                ?? throw new InvalidOperationException($"Demo venue {row.Id} is invalid: {string.Join("; ", errors.Select(e => $"{e.Field} {e.Message}"))}");
            known[venue.Id] = venue;
        }

        return [.. known.Values];
    }

    /// <summary>The pilot venues as rows to load (<see cref="VenueCatalogue.LoadAsync"/>), in file order (hubs before their outreach sites).</summary>
    public static IReadOnlyList<VenueRow> PilotVenueRows()
        => [.. Load<VenueFile>("pilot-venues.json").Venues.Select((v, i) => new VenueRow(i + 1, v.Id, v))];

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

    private sealed record VenueFile(IReadOnlyList<VenueRequest> Venues);

    private sealed record ParentFile(IReadOnlyList<DemoParent> Parents);

    private sealed record DemoParent(
        string Id,
        string OfficeId,
        string FirstName,
        string Mobile,
        IReadOnlyList<string?> AddressLines,
        string Postcode,
        string PreferredLanguage,
        ConsentsRequest Consents,
        IReadOnlyList<DemoAppointment> Appointments,
        IReadOnlyList<WeeklyWindowRequest?>? Availability = null,
        double? MaxTravelKm = null,
        string? TravelMode = null,
        JobInterestsRequest? JobInterests = null,
        bool? AcceptUnknownHours = null,
        AlertsRequest? Alerts = null,
        string? LastName = null);

    private sealed record VacancyFile(IReadOnlyList<DemoVacancy> Vacancies);

    /// <summary>A demo vacancy: the API's fields, with the expiry counted in days from seeding.</summary>
    private sealed record DemoVacancy(
        string Ref,
        string Title,
        string Employer,
        string Postcode,
        string HoursText,
        string Category,
        SalaryRequest? Salary,
        int ExpiresInDays,
        ApplyRequest Apply)
    {
        public VacancyRequest Vacancy => new(Ref, Title, Employer, Postcode, HoursText, null, null, null, Salary, Category, null, null, Apply);
    }

    private sealed record DemoAppointment(string Id, string VenueId, string Kind, int StartsInMinutes, string? AdviserName);
}

public sealed record DemoSeedResult(int Venues, int ParentsAdded, int AppointmentsAdded)
{
    /// <summary>The demo parent's own page (<see cref="DemoSeeder.LinkedParentId"/>), fresh from this start.</summary>
    public string? ParentLink { get; init; }
}
