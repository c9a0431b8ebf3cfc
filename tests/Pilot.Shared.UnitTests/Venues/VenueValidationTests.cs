using Pilot.Shared.DemoData;
using Pilot.Shared.Validation;
using Pilot.Shared.Vacancies.Catalogue;
using Pilot.Shared.Venues;

namespace Pilot.Shared.UnitTests.Venues;

public sealed class VenueValidationTests
{
    private static readonly Dictionary<string, Venue> Pilot = DemoSeeder.PilotVenues().ToDictionary(v => v.Id, StringComparer.Ordinal);

    private static VenueRequest Outreach() => new(
        null, "centre", "Clapham Outreach Site", "Lambeth", "outreach", "cc-lambeth-stockwell", ["12 Clapham Road", "London"], "sw9 0jq", "020 7946 0204",
        [new WeeklyWindowRequest(["Mon", "Wednesday"], "09:30", "15:00")], null, new VenueFacilitiesRequest(true, null));

    private static (Venue? Venue, List<FieldError> Errors) Check(string id, VenueRequest request, IReadOnlyDictionary<string, Venue>? known = null)
    {
        var errors = new List<FieldError>();
        return (VenueValidation.Check(id, request, known ?? Pilot, errors), errors);
    }

    [Fact]
    public void A_valid_outreach_site_is_normalised_for_storage()
    {
        var (venue, errors) = Check("cc-lambeth-clapham", Outreach());

        Assert.Empty(errors);
        Assert.Equal("SW9 0JQ", venue!.Postcode);
        Assert.Equal(["Mon", "Wed"], venue.OpeningTimes[0].Days);
        Assert.Equal("Mon, Wed 09:30-15:00", venue.OpeningHours);
        Assert.Equal(new VenueFacilities(true, false), venue.Facilities);
        Assert.Equal("cc-lambeth-stockwell", venue.HubId);
        Assert.Equal(UkNation.England, venue.Nation);
    }

    public static TheoryData<string, string, Func<VenueRequest, VenueRequest>> BadRequests() => new()
    {
        { "cc-new", "kind", r => r with { Kind = "library" } },
        { "cc-new", "name", r => r with { Name = " " } },
        { "cc-new", "localAuthority", r => r with { LocalAuthority = null } },
        { "cc-new", "site", r => r with { Site = "satellite" } },
        { "cc-new", "hubId", r => r with { HubId = null } },
        { "cc-new", "hubId", r => r with { HubId = "cc-lambeth-kennington" } }, // an outreach site, not a hub
        { "cc-new", "hubId", r => r with { HubId = "cc-nowhere" } },
        { "cc-new", "hubId", r => r with { Site = "hub" } }, // a hub names no hub
        { "jcp-new", "site", r => r with { Kind = "jobcentre", HubId = null } },
        { "cc-new", "addressLines", r => r with { AddressLines = [] } },
        { "cc-new", "addressLines[1]", r => r with { AddressLines = ["1 Road", null] } },
        { "cc-new", "postcode", r => r with { Postcode = "ZZ1 1ZZ" } },
        { "cc-new", "postcode", r => r with { Postcode = null } },
        { "cc-new", "phone", r => r with { Phone = "07700 90012a" } },
        { "cc-new", "phone", r => r with { Phone = "+1 202 555 0143" } },
        { "cc-new", "phone", r => r with { Phone = "" } },
        { "cc-new", "openingTimes", r => r with { OpeningTimes = [] } },
        { "cc-new", "openingTimes[0].days", r => r with { OpeningTimes = [new WeeklyWindowRequest(["Someday"], "09:00", "17:00")] } },
        { "cc-new", "openingTimes[0].from", r => r with { OpeningTimes = [new WeeklyWindowRequest(["Mon"], "9am", "17:00")] } },
        { "cc-new", "openingTimes[0].to", r => r with { OpeningTimes = [new WeeklyWindowRequest(["Mon"], "17:00", "09:00")] } },
        { "cc-new", "openingHours", r => r with { OpeningHours = new string('x', 121) } },
        { "CC-New", "id", r => r },
        { "cc/new", "id", r => r },
        { "-cc", "id", r => r },
        { "cc-new", "id", r => r with { Id = "cc-other" } },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void A_bad_field_is_refused_naming_it(string id, string field, Func<VenueRequest, VenueRequest> spoil)
    {
        var (venue, errors) = Check(id, spoil(Outreach()));

        Assert.Null(venue);
        Assert.Contains(errors, e => e.Field == field);
    }

    [Fact]
    public void An_outreach_site_of_a_retired_hub_is_refused()
    {
        var known = new Dictionary<string, Venue>(Pilot) { ["cc-lambeth-stockwell"] = Pilot["cc-lambeth-stockwell"] with { RetiredAt = DateTimeOffset.UnixEpoch } };

        var (_, errors) = Check("cc-lambeth-clapham", Outreach(), known);

        Assert.Contains(errors, e => e.Field == "hubId" && e.Message.Contains("retired", StringComparison.Ordinal));
    }

    [Fact]
    public void An_outreach_site_already_under_a_hub_that_retired_may_still_be_corrected()
    {
        var known = new Dictionary<string, Venue>(Pilot) { ["cc-lambeth-stockwell"] = Pilot["cc-lambeth-stockwell"] with { RetiredAt = DateTimeOffset.UnixEpoch } };

        var (venue, errors) = Check("cc-lambeth-kennington", Outreach(), known);

        Assert.Empty(errors);
        Assert.Equal("cc-lambeth-stockwell", venue!.HubId);
    }

    [Fact]
    public void A_hub_with_outreach_sites_cannot_stop_being_a_hub()
    {
        var stockwell = Pilot["cc-lambeth-stockwell"];
        var asOutreach = Outreach() with { HubId = "cc-lambeth-kennington" };

        var (_, errors) = Check(stockwell.Id, asOutreach with { Site = "hub", HubId = null, Kind = "jobcentre" });

        Assert.Contains(errors, e => e.Field == "site" && e.Message.Contains("cc-lambeth-brixton-hill", StringComparison.Ordinal));
    }

    [Fact]
    public void A_jobcentre_needs_no_site_and_gets_display_hours_written_from_its_times()
    {
        var request = new VenueRequest("jcp-new", "jobcentre", "Jobcentre Plus Brixton", "Lambeth", null, null, ["1 Road"], "SW9 8QQ", "020 7946 0299",
            [new WeeklyWindowRequest(["Mon", "Tue", "Wed", "Thu", "Fri"], "09:00", "17:00")], null, null);

        var (venue, errors) = Check("jcp-new", request);

        Assert.Empty(errors);
        Assert.Equal("Mon-Fri 09:00-17:00", venue!.OpeningHours);
        Assert.Null(venue.Site);
        Assert.Equal(new VenueFacilities(false, false), venue.Facilities);
    }

    [Fact]
    public void The_demo_venues_keep_their_display_hours_and_all_pass()
        => Assert.Equal("Mon-Fri 09:00-17:00 (Wed from 10:00)", Pilot["jcp-lambeth"].OpeningHours);
}
