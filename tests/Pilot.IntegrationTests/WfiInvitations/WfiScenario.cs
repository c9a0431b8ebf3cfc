using System.Globalization;
using Pilot.Shared.Access;
using Pilot.Shared.DemoData;
using Pilot.Shared.Venues;
using Pilot.Shared.WfiInvitations;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.WfiInvitations;

/// <summary>Offices' keys and invitations for the WFI tests.</summary>
public static class WfiScenario
{
    public const string Lambeth = "jcp-lambeth";
    public const string Ealing = "jcp-ealing";
    public static readonly string LambethKey = RoleKeys.Office(Lambeth);
    public static readonly string EalingKey = RoleKeys.Office(Ealing);
    public const string CentralKey = RoleKeys.Central;
    public const string SigningKey = "wfi-integration-test-signing-key-0123456789";

    public static readonly Caller LambethOffice = RoleKeys.LambethOffice;

    public static Dictionary<string, string?> Settings() => new()
    {
        ["Wfi:LetterQueue"] = Azurite.UniqueName("wfi-letters-"),
        ["Wfi:DefaultSchedule"] = "0 0 0 1 1 *",
        ["Wfi:TokenSigningKey"] = SigningKey,
        ["Wfi:PublicBaseUrl"] = "https://pilot.example.org",
        ["Letters:Container"] = Azurite.UniqueName("letters-"),
    };

    /// <summary>
    /// Jobcentre 8 days after <paramref name="now"/> at 10:00 UTC, the centre (the one given, else Stockwell, nearest the
    /// scenario's parents) a day after that, each moved on to the next time the venue is open; answers by 5 days after.
    /// </summary>
    public static CreateWfiInvitationRequest Request(string parentId, DateTimeOffset now, string? centreVenueId = null)
    {
        var jobcentre = OpenFrom(Lambeth, At(now.AddDays(8)));
        var centre = centreVenueId is null ? OpenAtAll(NearScenarioParents, At(jobcentre.AddDays(1))) : OpenFrom(centreVenueId, At(jobcentre.AddDays(1)));
        return new(
            parentId,
            null,
            new WfiOptionsRequest(new WfiOptionRequest(Text(jobcentre), null), new WfiOptionRequest(Text(centre), centreVenueId)),
            RespondByDate.Text(RespondByDate.LondonDate(now.AddDays(5))));
    }

    /// <summary>The centres nearest the postcodes the tests' parents live at (SW9 9TN, SW2 1QS): the default centre option is one of them.</summary>
    public static readonly IReadOnlyList<string> NearScenarioParents = [Scenario.Centre, "cc-lambeth-brixton-hill"];

    /// <summary>The first time at or after <paramref name="wanted"/> when every one of the venues is open.</summary>
    public static DateTimeOffset OpenAtAll(IReadOnlyList<string> venueIds, DateTimeOffset wanted)
    {
        ArgumentNullException.ThrowIfNull(venueIds);
        var at = wanted;
        for (var round = 0; round < 50; round++)
        {
            var next = venueIds.Aggregate(at, (t, id) => OpenFrom(id, t));
            if (next == at && venueIds.All(id => OpenFrom(id, at) == at))
            {
                return at;
            }

            at = next;
        }

        throw new InvalidOperationException($"{string.Join(", ", venueIds)} are never open at the same time.");
    }

    /// <summary>The first time at or after <paramref name="wanted"/> that a pilot venue is open (no weekend, no bank holiday).</summary>
    public static DateTimeOffset OpenFrom(string venueId, DateTimeOffset wanted)
        => VenueHours.NextOpenAt(DemoSeeder.PilotVenues().Single(v => v.Id == venueId), wanted)!.Value;

    /// <summary>
    /// Each invitation made here offers its own times (a few minutes apart), as a parent's second WFI would: the office
    /// inviting one parent to the same two appointments twice is refused.
    /// </summary>
    public static async Task<WfiInvitationAccepted> InviteAsync(PilotServices services, string parentId, string? centreVenueId = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var request = Request(parentId, services.Time.GetUtcNow(), centreVenueId);
        request = Shifted(request, Interlocked.Increment(ref _invitations) % 120);
        var outcome = await services.Get<WfiInvitationDesk>().CreateAsync(LambethOffice, request, "api", CancellationToken.None);
        Assert.True(outcome.IsOk, string.Join("; ", outcome.Errors));
        return outcome.Value!;
    }

    public static async Task<WfiInvitationEntity> GetAsync(PilotServices services, string id)
        => (await services.Get<WfiInvitationStore>().GetAsync(Lambeth, id, CancellationToken.None))!;

    private static int _invitations;

    /// <summary>The same invitation with both times <paramref name="minutes"/> later: another invitation to the office, within the same opening hours.</summary>
    public static CreateWfiInvitationRequest Shifted(CreateWfiInvitationRequest request, int minutes)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request with
        {
            Options = new WfiOptionsRequest(
                request.Options!.Jobcentre! with { StartsAt = Later(request.Options.Jobcentre!.StartsAt!, minutes) },
                request.Options.Centre! with { StartsAt = Later(request.Options.Centre!.StartsAt!, minutes) }),
        };
    }

    private static string Later(string instant, int minutes)
        => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture).AddMinutes(minutes).ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A whole hour, so texts show a round time.</summary>
    private static DateTimeOffset At(DateTimeOffset instant) => new(instant.Year, instant.Month, instant.Day, 10, 0, 0, TimeSpan.Zero);

    private static string Text(DateTimeOffset instant) => instant.ToString("O", CultureInfo.InvariantCulture);
}
