using Pilot.Shared.DemoData;
using Pilot.Shared.Parents;
using Pilot.Shared.Sms;
using Pilot.Shared.Venues;
using Pilot.Shared.WfiInvitations;

namespace Pilot.Shared.UnitTests.WfiInvitations;

public sealed class WfiTextsTests
{
    private static readonly WfiInvitationEntity Invitation = new()
    {
        PartitionKey = "jcp-lambeth",
        RowKey = "inv",
        Reference = "WFI-7KQ3F2",
        JobcentreStartsAt = new DateTimeOffset(2026, 3, 17, 10, 30, 0, TimeSpan.Zero),
        CentreStartsAt = new DateTimeOffset(2026, 3, 18, 10, 30, 0, TimeSpan.Zero),
        RespondBy = "2026-03-13",
    };

    public static TheoryData<string> Venues() => [.. DemoSeeder.PilotVenues().Select(v => v.Id)];

    [Theory]
    [MemberData(nameof(Venues))]
    public void Every_english_wfi_text_fits_one_gsm7_fragment_for_every_pilot_venue(string venueId)
    {
        var venue = DemoSeeder.PilotVenues().Single(v => v.Id == venueId);
        var parent = new ParentEntity { FirstName = "Oluwaseun", PreferredLanguage = "en" };

        string[] texts =
        [
            WfiTexts.LetterComing(parent, Invitation, venue),
            WfiTexts.Booked(parent, Invitation, venue, Invitation.CentreStartsAt),
            WfiTexts.Defaulted(parent, Invitation, venue),
            WfiTexts.WhichLetter(parent, Invitation),
            WfiTexts.Closed(parent, Invitation, venue.Phone),
        ];

        Assert.All(texts, text =>
        {
            var analysis = SmsText.Analyse(text);
            Assert.Equal(SmsEncoding.Gsm7, analysis.Encoding);
            Assert.Equal(1, analysis.Fragments);
        });
    }

    [Fact]
    public void The_companion_text_names_the_reference_and_how_to_choose()
    {
        var centre = DemoSeeder.PilotVenues().First(v => v.Kind == VenueKinds.Centre && v.Name.Length < 25);
        var text = WfiTexts.LetterComing(new ParentEntity { FirstName = "Amina" }, Invitation, centre);

        Assert.Contains("WFI-7KQ3F2", text, StringComparison.Ordinal);
        Assert.Contains("Reply 1", text, StringComparison.Ordinal);
        Assert.Contains("Amina", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_booked_text_gives_the_day_time_and_place_in_london_time()
    {
        var venue = DemoSeeder.PilotVenues().First(v => v.Kind == VenueKinds.Jobcentre);
        var text = WfiTexts.Booked(new ParentEntity { FirstName = "Amina" }, Invitation, venue, new DateTimeOffset(2026, 4, 7, 9, 30, 0, TimeSpan.Zero));

        Assert.Contains("Tue 7 Apr at 10:30", text, StringComparison.Ordinal);
        Assert.Contains(venue.Phone, text, StringComparison.Ordinal);
    }
}
