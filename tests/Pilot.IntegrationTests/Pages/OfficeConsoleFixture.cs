using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pilot.IntegrationTests.WfiInvitations;
using Pilot.Shared.Access;
using Pilot.Shared.Parents;
using Pilot.Shared.WfiInvitations;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.Pages;

/// <summary>
/// One runner for the office console's browser tests, with Lambeth's parents and invitations (more than a page of them,
/// one cancelled, one with a later reply date) and one of Ealing's whose letter is made.
/// </summary>
public sealed class OfficeConsoleFixture : IAsyncLifetime
{
    public const string OkaforMobile = "07700 900131";
    public const int OkaforInvitations = 21;
    public const string MensahMobile = "07700 900132";

    public WebApplication Runner { get; private set; } = null!;

    public string BaseUrl => Runner.Urls.Single();

    public string AminaId { get; private set; } = "";

    /// <summary>Lambeth's invitations to Amina Okafor, oldest first (no other test invites her).</summary>
    public List<WfiInvitationAccepted> Okafor { get; } = [];

    public string GraceId { get; private set; } = "";

    public WfiInvitationAccepted Mensah { get; private set; } = null!;

    public string MensahRespondBy { get; private set; } = "";

    public WfiInvitationAccepted Ealing { get; private set; } = null!;

    public T Get<T>()
        where T : notnull => Runner.Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        Runner = await LocalRunnerHost.StartAsync("console", WfiScenario.Settings());
        var amina = await RegisterAsync(WfiScenario.LambethOffice, "Amina", "Okafor", OkaforMobile, "12 Stockwell Road", "SW9 9TN");
        AminaId = amina;
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < OkaforInvitations; i++)
        {
            Okafor.Add(await InviteAsync(WfiScenario.LambethOffice, WfiScenario.Shifted(WfiScenario.Request(amina, now), i * 5)));
        }

        await Get<WfiInvitationDesk>().CancelAsync(WfiScenario.LambethOffice, Okafor[0].Id, CancellationToken.None);

        var grace = await RegisterAsync(WfiScenario.LambethOffice, "Grace", "Mensah", MensahMobile, "Flat 2, 40 Brixton Hill", "SW2 1QS");
        GraceId = grace;
        var later = WfiScenario.Request(grace, now);
        MensahRespondBy = RespondByDate.Text(RespondByDate.LondonDate(now.AddDays(6)));
        Mensah = await InviteAsync(WfiScenario.LambethOffice, later with { RespondBy = MensahRespondBy });

        var ealingOffice = Caller.Office(WfiScenario.Ealing);
        var hodan = await RegisterAsync(ealingOffice, "Hodan", "Ealingparent", "07700 900133", "3 Uxbridge Road", "SW9 9TN");
        Ealing = await InviteAsync(ealingOffice, WfiScenario.Request(hodan, now));
        await PostedAsync(WfiScenario.Ealing, Ealing.Id);
    }

    /// <summary>Waits (30 s at most) for the runner's letter job to post the invitation's letter.</summary>
    public async Task PostedAsync(string officeId, string id)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if ((await Get<WfiInvitationStore>().GetAsync(officeId, id, CancellationToken.None))?.PostedAt is not null)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"the letter of invitation {id} was not posted within 30 s");
    }

    public async Task DisposeAsync() => await Runner.DisposeAsync();

    private async Task<string> RegisterAsync(Caller office, string first, string last, string mobile, string line, string postcode)
    {
        var registered = await Get<ParentRegistration>().RegisterAsync(
            office,
            new RegisterParentRequest(first, mobile, new AddressRequest([line, "London"], postcode), "en", new ConsentsRequest(true)) { LastName = last },
            CancellationToken.None);
        Assert.True(registered.IsOk, string.Join("; ", registered.Errors));
        return registered.Value!.Id;
    }

    private async Task<WfiInvitationAccepted> InviteAsync(Caller office, CreateWfiInvitationRequest request)
    {
        var invited = await Get<WfiInvitationDesk>().CreateAsync(office, request, "api", CancellationToken.None);
        Assert.True(invited.IsOk, string.Join("; ", invited.Errors));
        return invited.Value!;
    }
}
