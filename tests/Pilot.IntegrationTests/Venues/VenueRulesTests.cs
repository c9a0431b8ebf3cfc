using System.Globalization;
using Pilot.IntegrationTests.WfiInvitations;
using Pilot.Shared.Appointments;
using Pilot.Shared.Postcodes;
using Pilot.Shared.Validation;
using Pilot.Shared.Venues;
using Pilot.Shared.WfiInvitations;
using Pilot.Shared.WfiInvitations.Bulk;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.Venues;

/// <summary>Opening hours, bank holidays and retirement, as booking, rescheduling and inviting meet them (real services on Azurite).</summary>
public sealed class VenueRulesTests
{
    // Friday 25 December 2026, 10:00 GMT: a weekday inside every pilot venue's hours, but Christmas Day.
    private static readonly DateTimeOffset ChristmasMorning = new(2026, 12, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Appointment_on_christmas_day_is_refused_naming_startsAt()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await Scenario.ParentAsync(services);

        var outcome = await Book(services, parent, Scenario.Centre, ChristmasMorning);

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal("startsAt", error.Field);
        Assert.Contains("bank holiday in England (Christmas)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_appointment_after_closing_in_summer_time_is_refused_though_the_same_utc_hour_is_open_in_winter()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await Scenario.ParentAsync(services);

        // Stockwell is open 08:00-18:00: 17:00 UTC is 17:00 in March (GMT) but 18:00 in June (BST).
        var winter = await Book(services, parent, Scenario.Centre, new DateTimeOffset(2026, 3, 10, 17, 0, 0, TimeSpan.Zero));
        var summer = await Book(services, parent, Scenario.Centre, new DateTimeOffset(2026, 6, 9, 17, 0, 0, TimeSpan.Zero));

        Assert.True(winter.IsOk);
        Assert.Equal("startsAt", Assert.Single(summer.Errors).Field);
    }

    [Fact]
    public async Task A_reschedule_to_a_sunday_is_refused_naming_startsAt_and_moves_nothing()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var booked = await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(3));

        var moved = await services.Get<AppointmentBooking>().RescheduleAsync(
            RoleKeys.LambethOffice,
            booked.Id, new RescheduleAppointmentRequest(PilotServices.Morning.AddDays(5).ToString("O", CultureInfo.InvariantCulture)), CancellationToken.None);
        var view = await Scenario.ViewAsync(services, booked.Id);

        Assert.Equal("startsAt", Assert.Single(moved.Errors).Field);
        Assert.Equal(1, view.Version);
        Assert.Equal(PilotServices.Morning.AddDays(3), view.StartsAt);
    }

    [Fact]
    public async Task A_retired_venue_takes_no_new_booking_or_reschedule_but_stays_readable()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var booked = await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(3));

        var retired = await services.Get<VenueCatalogue>().RetireAsync(Scenario.Centre, CancellationToken.None);
        var again = await services.Get<VenueCatalogue>().RetireAsync(Scenario.Centre, CancellationToken.None);
        var unknown = await services.Get<VenueCatalogue>().RetireAsync("cc-nowhere", CancellationToken.None);
        var booking = await Book(services, parent, Scenario.Centre, PilotServices.Morning.AddDays(6));
        var reschedule = await services.Get<AppointmentBooking>().RescheduleAsync(
            RoleKeys.LambethOffice,
            booked.Id, new RescheduleAppointmentRequest(PilotServices.Morning.AddDays(6).ToString("O", CultureInfo.InvariantCulture)), CancellationToken.None);
        var reloaded = await services.Get<VenueCatalogue>().LoadAsync(Pilot.Shared.DemoData.DemoSeeder.PilotVenueRows(), CancellationToken.None);
        var stored = await services.Get<VenueStore>().GetAsync(Scenario.Centre, CancellationToken.None);

        Assert.True(retired.Value!.Retired);
        Assert.Equal(PilotServices.Morning, retired.Value.RetiredAt);
        Assert.Equal(PilotServices.Morning, again.Value!.RetiredAt);
        Assert.Equal(OutcomeKind.NotFound, unknown.Kind);
        Assert.Equal("venueId", Assert.Single(booking.Errors).Field);
        Assert.Equal("venueId", Assert.Single(reschedule.Errors).Field);
        Assert.Empty(reloaded.Rejected);
        Assert.True(stored!.Retired); // loading the file again keeps the retirement
        Assert.Equal(Scenario.Centre, (await Scenario.ViewAsync(services, booked.Id)).VenueId);
    }

    [Fact]
    public async Task An_invitation_option_on_a_bank_holiday_or_at_a_retired_centre_is_refused_naming_the_option()
    {
        await using var services = await PilotServices.StartAsync(settings: WfiScenario.Settings());
        var parent = await Scenario.ParentAsync(services);
        var desk = services.Get<WfiInvitationDesk>();
        var good = WfiScenario.Request(parent, services.Time.GetUtcNow());

        // Good Friday, 3 April 2026 (10:00 BST), for the Jobcentre option.
        var goodFriday = good with { Options = good.Options! with { Jobcentre = good.Options.Jobcentre! with { StartsAt = "2026-04-03T10:00:00+01:00" } } };
        var holiday = await desk.CreateAsync(WfiScenario.LambethOffice, goodFriday with { RespondBy = "2026-03-10" }, "api", CancellationToken.None);
        await services.Get<VenueCatalogue>().RetireAsync(Scenario.Centre, CancellationToken.None);
        var atRetired = await desk.CreateAsync(WfiScenario.LambethOffice, good with { Options = good.Options with { Centre = good.Options.Centre! with { VenueId = Scenario.Centre } } }, "api", CancellationToken.None);

        Assert.Contains(holiday.Errors, e => e.Field == "options.jobcentre.startsAt" && e.Message.Contains("Good Friday", StringComparison.Ordinal));
        Assert.Contains(atRetired.Errors, e => e.Field == "options.centre.venueId");
    }

    [Fact]
    public async Task The_nearest_centre_default_passes_over_a_retired_centre()
    {
        await using var services = await PilotServices.StartAsync(settings: WfiScenario.Settings());
        var parent = await Scenario.ParentAsync(services);
        var retired = await services.Get<VenueCatalogue>().RetireAsync(Scenario.Centre, CancellationToken.None);
        Assert.True(PostcodeDirectory.Default.TryResolve("SW9 9TN", out var home, out _));
        var all = await services.Get<VenueStore>().AllAsync(CancellationToken.None);
        var nextNearest = NearestCentre.To(home!.Point, all.Values.Where(v => v.Id != Scenario.Centre), PostcodeDirectory.Default)!;
        var request = WfiScenario.Request(parent, services.Time.GetUtcNow(), centreVenueId: null);
        var centreAt = WfiScenario.OpenFrom(nextNearest.Id, DateTimeOffset.Parse(request.Options!.Jobcentre!.StartsAt!, CultureInfo.InvariantCulture).AddDays(1));

        var created = await services.Get<WfiInvitationDesk>().CreateAsync(WfiScenario.LambethOffice, request with
        {
            Options = request.Options with { Centre = request.Options.Centre! with { StartsAt = centreAt.ToString("O", CultureInfo.InvariantCulture) } },
        }, "api", CancellationToken.None);

        Assert.True(retired.IsOk);
        Assert.Equal(Scenario.Centre, NearestCentre.To(home.Point, Pilot.Shared.DemoData.DemoSeeder.PilotVenues(), PostcodeDirectory.Default)!.Id); // the default before
        Assert.True(created.IsOk, string.Join("; ", created.Errors));
        Assert.Equal(nextNearest.Id, (await WfiScenario.GetAsync(services, created.Value!.Id)).CentreVenueId);
    }

    [Fact]
    public async Task A_bulk_row_outside_the_opening_hours_is_refused_naming_its_csv_column()
    {
        await using var services = await PilotServices.StartAsync(settings: WfiScenario.Settings());
        var parent = await Scenario.ParentAsync(services);
        var good = WfiScenario.Request(parent, services.Time.GetUtcNow()).Options!;
        var csv = "parentId,jobcentreStartsAt,centreStartsAt,respondBy\n"
            + $"{parent},{good.Jobcentre!.StartsAt},2026-03-12T19:00:00+00:00,2026-03-08\n" // the centre closes at 18:00
            + $"{parent},2026-03-14T10:00:00+00:00,{good.Centre!.StartsAt},2026-03-08\n"; // a Saturday

        var result = await services.Get<WfiBulkImport>().ImportAsync(WfiScenario.LambethOffice, csv, CancellationToken.None);

        Assert.Empty(result.Value!.Accepted);
        Assert.Equal(["centreStartsAt"], result.Value.Rejected[0].Errors.Keys);
        Assert.Equal(["jobcentreStartsAt"], result.Value.Rejected[1].Errors.Keys);
    }

    [Fact]
    public async Task A_put_is_seen_at_once_by_the_same_instance_though_venues_are_kept_for_a_minute()
    {
        await using var services = await PilotServices.StartAsync();
        var store = services.Get<VenueStore>();
        var before = await store.GetAsync("jcp-lambeth", CancellationToken.None);
        var request = Pilot.Shared.DemoData.DemoSeeder.PilotVenueRows().Single(r => r.Id == "jcp-lambeth").Request! with { Phone = "020 7946 0999" };

        var put = await services.Get<VenueCatalogue>().PutAsync("jcp-lambeth", request, CancellationToken.None);
        var after = await store.GetAsync("jcp-lambeth", CancellationToken.None);

        Assert.Equal("020 7946 0209", before!.Phone);
        Assert.False(put.Value!.Created);
        Assert.Equal("020 7946 0999", after!.Phone);
    }

    private static Task<Outcome<AppointmentBooked>> Book(PilotServices services, string parentId, string venueId, DateTimeOffset startsAt)
        => services.Get<AppointmentBooking>().BookAsync(
            RoleKeys.LambethOffice,
            new BookAppointmentRequest(parentId, venueId, startsAt.ToString("O", CultureInfo.InvariantCulture), "adviser", null), CancellationToken.None);
}
