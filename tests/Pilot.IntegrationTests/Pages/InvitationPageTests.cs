using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pilot.IntegrationTests.EndToEnd;
using Pilot.IntegrationTests.WfiInvitations;
using Pilot.Shared.Parents;
using Pilot.Shared.WfiInvitations;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.Pages;

/// <summary>The office console's invitation page in Chromium: a choice made by phone, attendance, cancelling, and the fence around another office's.</summary>
[Collection(ChromiumGroup.Name)]
public sealed class InvitationPageTests(Chromium chromium) : IAsyncLifetime
{
    private WebApplication _runner = null!;
    private string _invitationId = "";

    private string BaseUrl => _runner.Urls.Single();

    public async Task InitializeAsync()
    {
        _runner = await LocalRunnerHost.StartAsync("pagesinvite", WfiScenario.Settings());
        var parent = await _runner.Services.GetRequiredService<ParentRegistration>().RegisterAsync(
            WfiScenario.LambethOffice,
            new RegisterParentRequest("Amina", "07700 900123", new AddressRequest(["12 Stockwell Road", "London"], "SW9 9TN"), "en", new ConsentsRequest(true)),
            CancellationToken.None);
        Assert.True(parent.IsOk, string.Join("; ", parent.Errors));
        var invited = await _runner.Services.GetRequiredService<WfiInvitationDesk>().CreateAsync(
            WfiScenario.LambethOffice, WfiScenario.Request(parent.Value!.Id, DateTimeOffset.UtcNow), "api", CancellationToken.None);
        Assert.True(invited.IsOk, string.Join("; ", invited.Errors));
        _invitationId = invited.Value!.Id;
    }

    public async Task DisposeAsync() => await _runner.DisposeAsync();

    [Fact]
    public async Task The_office_records_a_choice_made_by_phone_and_the_timeline_shows_it()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        await SignInAsync(page, WfiScenario.LambethKey);
        var shown = await page.GotoAsync($"/api/office/invitations/{_invitationId}");
        Assert.Equal(200, shown!.Status);
        Assert.Equal("no-store", (await shown.AllHeadersAsync())["cache-control"]);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('form[method=post]')].filter(f => !(f.querySelector('input[name=__antiforgery]')?.value)).length"));
        await PageChecks.EveryPageAsync(page, "invitation");

        // Nothing chosen: the error summary links to the radios, and nothing is recorded.
        var refused = await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Record the choice" }).ClickAsync());
        Assert.Equal(400, refused.Status);
        Assert.Equal("#option", await page.Locator(".govuk-error-summary a").GetAttributeAsync("href"));
        await PageChecks.EveryPageAsync(page, "invitation-error");

        await page.GetByLabel("At the children's centre").CheckAsync();
        var recorded = await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Record the choice" }).ClickAsync());
        Assert.Equal(200, recorded.Status);
        Assert.True(await page.GetByText("The choice is recorded and the interview booked.").IsVisibleAsync());
        Assert.Contains("Chose the children's centre by phone", await page.GetByTestId("timeline").InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.EveryPageAsync(page, "invitation-chosen");

        var stored = await _runner.Services.GetRequiredService<WfiInvitationStore>().GetAsync(WfiScenario.Lambeth, _invitationId, CancellationToken.None);
        Assert.Equal((WfiInvitationStatuses.Chosen, WfiOptionKeys.Centre, WfiChoiceMethods.Phone), (stored!.Status, stored.Choice, stored.ChoiceMethod));
    }

    [Fact]
    public async Task The_office_records_attendance_after_a_phone_choice_and_cancels_an_open_invitation_from_its_page()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        await SignInAsync(page, WfiScenario.LambethKey);
        await page.GotoAsync($"/api/office/invitations/{_invitationId}");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Record attendance" }).CountAsync());

        await page.GetByLabel("At the jobcentre").CheckAsync();
        await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Record the choice" }).ClickAsync());
        await page.GetByLabel("Did not attend").CheckAsync();
        var recorded = await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Record attendance" }).ClickAsync());
        Assert.Equal(200, recorded.Status);
        Assert.True(await page.GetByText("Attendance is recorded.").IsVisibleAsync());
        Assert.Contains("Did not attend the interview", await page.GetByTestId("timeline").InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.EveryPageAsync(page, "invitation-attendance");
        var stored = await _runner.Services.GetRequiredService<WfiInvitationStore>().GetAsync(WfiScenario.Lambeth, _invitationId, CancellationToken.None);
        Assert.False(stored!.Attended);

        var second = await SecondInvitationAsync();
        await page.GotoAsync($"/api/office/invitations/{second}");
        var cancelled = await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Cancel the invitation" }).ClickAsync());
        Assert.Equal(200, cancelled.Status);
        Assert.True(await page.GetByText("The invitation is cancelled.").IsVisibleAsync());
        Assert.Contains("Cancelled", await page.GetByTestId("timeline").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the invitation" }).CountAsync());
        await PageChecks.EveryPageAsync(page, "invitation-cancelled");
        var gone = await _runner.Services.GetRequiredService<WfiInvitationStore>().GetAsync(WfiScenario.Lambeth, second, CancellationToken.None);
        Assert.Equal(WfiInvitationStatuses.Cancelled, gone!.Status);
        if (gone.LetterReadyAt is null)
        {
            // The runner's letter job may make the letter before the click; when it had not, the page says none is posted.
            Assert.Contains("no letter is posted", await page.GetByTestId("no-letter").InnerTextAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Another_office_cannot_reach_the_invitation_by_its_address_nor_act_on_it()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        await SignInAsync(page, WfiScenario.EalingKey);
        var response = await page.GotoAsync($"/api/office/invitations/{_invitationId}");
        Assert.Equal(404, response!.Status);
        Assert.DoesNotContain("Amina", await page.ContentAsync(), StringComparison.Ordinal);
        await PageChecks.EveryPageAsync(page, "invitation-other-office");

        using var ealing = LocalRunnerHost.Client(_runner, WfiScenario.EalingKey);
        using var acted = await ealing.PostAsync($"office/invitations/{_invitationId}/actions", new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "cancel" }));
        Assert.Equal(HttpStatusCode.NotFound, acted.StatusCode);
        var stored = await _runner.Services.GetRequiredService<WfiInvitationStore>().GetAsync(WfiScenario.Lambeth, _invitationId, CancellationToken.None);
        Assert.NotEqual(WfiInvitationStatuses.Cancelled, stored!.Status);
    }

    /// <summary>Another invitation to the same parent, at times the first does not offer.</summary>
    private async Task<string> SecondInvitationAsync()
    {
        var first = await _runner.Services.GetRequiredService<WfiInvitationStore>().GetAsync(WfiScenario.Lambeth, _invitationId, CancellationToken.None);
        var invited = await _runner.Services.GetRequiredService<WfiInvitationDesk>().CreateAsync(
            WfiScenario.LambethOffice, WfiScenario.Shifted(WfiScenario.Request(first!.ParentId, DateTimeOffset.UtcNow), 3), "api", CancellationToken.None);
        Assert.True(invited.IsOk, string.Join("; ", invited.Errors));
        return invited.Value!.Id;
    }

    private static async Task SignInAsync(IPage page, string key)
    {
        await page.GotoAsync("/api/sign-in");
        await page.FillAsync("#key", key);
        await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync());
    }
}
