using System.Globalization;
using Pilot.Shared.Access;
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

    /// <summary>Jobcentre 8 days after <paramref name="now"/>, centre 9 days after, answers by 5 days after (London dates).</summary>
    public static CreateWfiInvitationRequest Request(string parentId, DateTimeOffset now, string? centreVenueId = null)
        => new(
            parentId,
            null,
            new WfiOptionsRequest(new WfiOptionRequest(At(now.AddDays(8)), null), new WfiOptionRequest(At(now.AddDays(9)), centreVenueId)),
            RespondByDate.Text(RespondByDate.LondonDate(now.AddDays(5))));

    /// <summary>
    /// Each invitation made here offers its own times (a few minutes apart), as a parent's second WFI would: the office
    /// inviting one parent to the same two appointments twice is refused.
    /// </summary>
    public static async Task<WfiInvitationAccepted> InviteAsync(PilotServices services, string parentId, string? centreVenueId = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var request = Request(parentId, services.Time.GetUtcNow(), centreVenueId);
        var minutes = Interlocked.Increment(ref _invitations) % 120;
        request = request with
        {
            Options = new WfiOptionsRequest(
                request.Options!.Jobcentre! with { StartsAt = Later(request.Options.Jobcentre!.StartsAt!, minutes) },
                request.Options.Centre! with { StartsAt = Later(request.Options.Centre!.StartsAt!, minutes) }),
        };
        var outcome = await services.Get<WfiInvitationDesk>().CreateAsync(LambethOffice, request, "api", CancellationToken.None);
        Assert.True(outcome.IsOk, string.Join("; ", outcome.Errors));
        return outcome.Value!;
    }

    public static async Task<WfiInvitationEntity> GetAsync(PilotServices services, string id)
        => (await services.Get<WfiInvitationStore>().GetAsync(Lambeth, id, CancellationToken.None))!;

    private static int _invitations;

    private static string Later(string instant, int minutes)
        => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture).AddMinutes(minutes).ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A whole hour, so texts show a round time.</summary>
    private static string At(DateTimeOffset instant)
        => new DateTimeOffset(instant.Year, instant.Month, instant.Day, 10, 0, 0, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture);
}
