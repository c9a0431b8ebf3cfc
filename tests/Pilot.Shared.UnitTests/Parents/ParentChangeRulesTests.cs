using System.Text.Json.Nodes;
using Pilot.Shared.Parents.Changes;
using Pilot.Shared.Parents.OwnPage;
using Pilot.Shared.Sms.Inbound;
using Pilot.Shared.Validation;
using Pilot.Shared.Vacancies.Catalogue;

namespace Pilot.Shared.UnitTests.Parents;

/// <summary>The pure pieces behind a parent's own page and <c>PATCH /api/parents/{id}</c>.</summary>
public sealed class ParentChangeRulesTests
{
    private static readonly byte[] Secret = System.Text.Encoding.UTF8.GetBytes("a-test-secret-of-at-least-thirty-two-characters");

    [Fact]
    public void Stored_hours_come_back_as_windows_with_days_of_the_same_hours_together_and_check_to_the_same_pattern()
    {
        var given = new List<WeeklyWindowRequest?>
        {
            new(["Mon", "Tue", "Wed", "Thu", "Fri"], "09:15", "14:45"),
            new(["Sat"], "22:00", "00:00"),
        };
        var pattern = WeeklyWindows.Check(given, "availability", []);

        var windows = ParentPreferencesView.Windows(pattern!);

        Assert.Equal(
            [new WeeklyWindowRequest(["Mon", "Tue", "Wed", "Thu", "Fri"], "09:15", "14:45"), new WeeklyWindowRequest(["Sat"], "22:00", "00:00")],
            windows,
            (a, b) => a.Days!.SequenceEqual(b.Days!) && a.From == b.From && a.To == b.To);
        Assert.Equal(pattern, WeeklyWindows.Check([.. windows], "availability", []));
    }

    [Fact]
    public void A_merge_patch_removes_nulls_replaces_arrays_merges_objects_and_leaves_the_target_alone()
    {
        var target = JsonNode.Parse("""{"maxTravelKm":5,"minHoursPerWeek":10,"availability":[{"days":["Mon"]}],"alerts":{"optIn":true,"maxPerWeek":3}}""");

        var merged = JsonMergePatch.Apply(target, JsonNode.Parse("""{"minHoursPerWeek":null,"availability":[{"days":["Sat"]}],"alerts":{"optIn":false}}"""));

        Assert.Equal("""{"maxTravelKm":5,"availability":[{"days":["Sat"]}],"alerts":{"optIn":false,"maxPerWeek":3}}""", merged!.ToJsonString());
        Assert.Equal(10, (int)target!["minHoursPerWeek"]!);
    }

    [Fact]
    public void A_validators_field_is_shown_by_the_form_field_it_is_about()
    {
        var form = ParentPageForm.Read(name => name switch
        {
            "tue-from" => "09:00",
            "tue-to" => "15:00",
            "sat-from" => "9",
            "sat-to" => "13:00",
            _ => null,
        });

        var (request, unreadable) = form.ToRequest();

        Assert.Empty(unreadable);
        Assert.Equal(["Tue", "Sat"], request.Availability!.Select(w => w!.Days![0]));
        Assert.Equal("9", request.Availability![1]!.From); // not a time: passed on for the validator to name
        Assert.Equal(new FieldError("sat-from", "Saturday start time must be a time HH:mm on the quarter-hour, like 09:15"), form.ForPage(new FieldError("availability[1].from", "must be a time HH:mm on the quarter-hour, like 09:15")));
        Assert.Equal("maxTravelKm", form.ForPage(new FieldError("maxTravelKm", "is required with availability or alerts")).Field);
        Assert.Equal("alertsMode", form.ForPage(new FieldError("alerts.mode", "must be immediate or digest")).Field);
        Assert.Equal("mon-from", form.ForPage(new FieldError("availability", "must have at least one window")).Field);
    }

    [Fact]
    public void A_number_that_cannot_be_read_is_named_and_blank_fields_are_not_given()
    {
        var form = ParentPageForm.Read(name => name == "maxTravelKm" ? "five" : null);

        var (request, unreadable) = form.ToRequest();

        Assert.Equal([new FieldError("maxTravelKm", "must be a number, like 5")], unreadable);
        Assert.Equal(new ParentChangeRequest(), request with { MaxTravelKm = null });
    }

    [Fact]
    public void A_parent_link_opens_only_for_its_parent_expiry_and_secret()
    {
        var tokens = new ParentLinkToken(Secret);
        var token = tokens.Create("0190aa", DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

        Assert.True(ParentLinkToken.TryRead(token, out var parts));
        Assert.True(tokens.IsGenuine(parts));
        Assert.False(tokens.IsGenuine(parts with { ParentId = "0190ab" }));
        Assert.False(tokens.IsGenuine(parts with { ExpiresAtUnixSeconds = parts.ExpiresAtUnixSeconds + 1 }));
        Assert.False(new ParentLinkToken([.. Secret, 1]).IsGenuine(parts));

        // A choice link signed with the same secret has the same shape but is not a parent link.
        var choice = Pilot.Shared.WfiInvitations.Choosing.ChoiceToken.Create("0190aa", "0190aa", DateTimeOffset.FromUnixTimeSeconds(1_800_000_000), Secret);
        Assert.True(ParentLinkToken.TryRead(choice, out var choiceParts));
        Assert.False(tokens.IsGenuine(choiceParts));
        Assert.False(ParentLinkToken.TryRead("a.b.c", out _));
        Assert.False(ParentLinkToken.TryRead("../x.1.y", out _));
    }

    [Theory]
    [InlineData("CHANGE", ReplyKind.ChangeLink)]
    [InlineData("Change please x", ReplyKind.ChangeLink)]
    [InlineData("link?", ReplyKind.ChangeLink)]
    [InlineData("Zmień", ReplyKind.ChangeLink)]
    [InlineData("can I change my appointment", ReplyKind.Unknown)]
    [InlineData("JOBS ON", ReplyKind.AlertsOn)]
    public void Change_asks_for_the_link_only_when_it_is_the_whole_message(string body, ReplyKind kind) => Assert.Equal(kind, ReplyClassifier.Classify(body));
}
