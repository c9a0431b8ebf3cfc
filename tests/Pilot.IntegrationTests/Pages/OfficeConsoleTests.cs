using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Pilot.IntegrationTests.WfiInvitations;
using Pilot.Shared.Time;
using Pilot.Shared.WfiInvitations;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.Pages;

/// <summary>
/// The office console in Chromium: the invitations list (filters, search, pages), a new invitation sent from the page,
/// a file uploaded with a bad row, the letter PDF, and the fence around another office's invitation and letter.
/// </summary>
[Collection(ChromiumGroup.Name)]
public sealed class OfficeConsoleTests(Chromium chromium, OfficeConsoleFixture console) : IClassFixture<OfficeConsoleFixture>
{
    [Fact]
    public async Task An_office_sends_an_invitation_from_the_page_after_an_error_checks_the_letter_and_records_a_phone_choice()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, WfiScenario.LambethKey);

        var start = await page.GotoAsync("/api/office/invitations/new");
        Assert.Equal(200, start!.Status);
        await PageChecks.EveryPageAsync(page, "new-invitation-parent");

        await page.FillAsync("#mobile", OfficeConsoleFixture.MensahMobile);
        var found = await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Find the parent" }).ClickAsync());
        Assert.Equal(200, found.Status);
        Assert.Equal("Grace Mensah", await page.GetByTestId("parent-name").InnerTextAsync());
        Assert.Contains(await page.InputValueAsync("#centreVenueId"), WfiScenario.NearScenarioParents);
        await PageChecks.EveryPageAsync(page, "new-invitation-appointments");

        // Times no other invitation to Grace offers; the reply date left out first.
        var request = WfiScenario.Shifted(WfiScenario.Request(console.GraceId, DateTimeOffset.UtcNow), 3);
        await FillAsync(page, "jobcentre", request.Options!.Jobcentre!.StartsAt!);
        await FillAsync(page, "centre", request.Options.Centre!.StartsAt!);
        await page.FillAsync("#respondBy", "");
        var refused = await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Preview the letter" }).ClickAsync());
        Assert.Equal(400, refused.Status);
        Assert.Equal("#respondBy", await page.Locator(".govuk-error-summary a").First.GetAttributeAsync("href"));
        Assert.Contains("reply by", await page.Locator("#respondBy-error").InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.EveryPageAsync(page, "new-invitation-error");

        await page.FillAsync("#respondBy", request.RespondBy!);
        var preview = await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Preview the letter" }).ClickAsync());
        Assert.Equal(200, preview.Status);
        Assert.Contains("frame-src 'self'", (await preview.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        var letterHref = await page.GetByTestId("letter-preview").GetAttributeAsync("src");
        Assert.StartsWith("/api/office/invitations/new/letter?", letterHref, StringComparison.Ordinal);
        Assert.DoesNotContain("Mensah", letterHref, StringComparison.Ordinal);
        await AssertPdfAsync(context, letterHref!);
        await PageChecks.EveryPageAsync(page, "new-invitation-preview");

        // Scrolled to first: after the 320px check, Chromium 156's PDF viewer in the frame above takes a click made by
        // Playwright's own scroll-and-click (no request is made at all), though the button is what lies under the pointer.
        var send = page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" });
        await send.ScrollIntoViewIfNeededAsync();
        var sent = await PageChecks.FollowAsync(page, () => send.ClickAsync());
        Assert.Equal(200, sent.Status);
        Assert.Contains("The invitation is sent", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        var id = page.Url.Split('/').Last().Split('?')[0];
        var stored = await console.Get<WfiInvitationStore>().GetAsync(WfiScenario.Lambeth, id, CancellationToken.None);
        Assert.Equal((console.GraceId, "console", request.RespondBy), (stored!.ParentId, stored.RequestedThrough, stored.RespondBy));

        // The runner's letter job makes and posts it: the page links the letter, and the timeline says so.
        await console.PostedAsync(WfiScenario.Lambeth, id);
        await page.ReloadAsync();
        await AssertPdfAsync(context, (await page.GetByTestId("letter-link").GetAttributeAsync("href"))!);
        Assert.Contains("Letter posted", await page.GetByTestId("timeline").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByLabel("At the children's centre").CheckAsync();
        await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Record the choice" }).ClickAsync());
        var timeline = await page.GetByTestId("timeline").InnerTextAsync();
        Assert.Contains("Chose the children's centre by phone", timeline, StringComparison.Ordinal);
        Assert.Contains("Interview booked for", timeline, StringComparison.Ordinal);
        await PageChecks.EveryPageAsync(page, "invitation-sent-and-chosen");
    }

    [Fact]
    public async Task An_office_registers_a_parent_on_the_new_invitation_page_after_a_bad_mobile_number()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, WfiScenario.LambethKey);
        await page.GotoAsync("/api/office/invitations/new");
        await page.FillAsync("#firstName", "Joy");
        await page.FillAsync("#lastName", "Adeyemi");
        await page.FillAsync("#newMobile", "0123");
        await page.FillAsync("#addressLine1", "7 Acre Lane");
        await page.FillAsync("#addressLine3", "London");
        await page.FillAsync("#postcode", "SW2 1QS");
        var refused = await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Register and continue" }).ClickAsync());
        Assert.Equal(400, refused.Status);
        Assert.Equal("#newMobile", await page.Locator(".govuk-error-summary a").First.GetAttributeAsync("href"));
        Assert.True(await page.Locator("#newMobile-error").IsVisibleAsync());
        Assert.Equal("Joy", await page.InputValueAsync("#firstName"));
        await PageChecks.EveryPageAsync(page, "new-invitation-register-error");

        await page.FillAsync("#newMobile", "07700 900134");
        var registered = await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Register and continue" }).ClickAsync());
        Assert.Equal(200, registered.Status);
        Assert.Equal("Joy Adeyemi", await page.GetByTestId("parent-name").InnerTextAsync());
    }

    [Fact]
    public async Task An_office_uploads_a_file_with_a_bad_row_sees_each_row_and_downloads_the_refused_one()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, WfiScenario.LambethKey);
        await page.GotoAsync("/api/office/invitations/upload");
        await PageChecks.EveryPageAsync(page, "upload");

        var times = WfiScenario.Shifted(WfiScenario.Request("unused", DateTimeOffset.UtcNow), 7);
        var tail = $"{times.Options!.Jobcentre!.StartsAt},{times.Options.Centre!.StartsAt},{times.RespondBy}";
        var csv = "firstName,lastName,mobile,addressLine1,addressLine2,postcode,jobcentreStartsAt,centreStartsAt,respondBy\n"
            + $"Esther,Boateng,07700 900135,\"Flat 3, 41 Brixton Hill\",London,SW2 1QS,{tail}\n"
            + $"Ruth,Bad,12345,\"9 Acre Lane\",London,SW2 1QS,{tail}\n";
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "invitations.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        var uploaded = await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Upload and send" }).ClickAsync());
        Assert.Equal(200, uploaded.Status);
        Assert.Equal("1 sent, 1 refused.", await page.GetByTestId("upload-summary").InnerTextAsync());
        var rows = await page.Locator("[data-testid=upload-results] tbody tr").AllInnerTextsAsync();
        Assert.Matches(@"^2\s+Sent\s+WFI-[0-9A-Z]{6}", rows[0]);
        Assert.Contains(rows.Skip(1), r => r.StartsWith('3') && r.Contains("Refused", StringComparison.Ordinal) && r.Contains("mobile", StringComparison.Ordinal));
        await PageChecks.EveryPageAsync(page, "upload-results");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the refused rows (CSV)" }).ClickAsync());
        Assert.Equal("refused-rows.csv", download.SuggestedFilename);
        var refused = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Equal(
            "firstName,lastName,mobile,addressLine1,addressLine2,postcode,jobcentreStartsAt,centreStartsAt,respondBy\r\n" + $"Ruth,Bad,12345,9 Acre Lane,London,SW2 1QS,{tail}\r\n",
            refused);
    }

    [Fact]
    public async Task The_list_shows_the_office_s_invitations_newest_first_filtered_searched_and_paged()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, WfiScenario.LambethKey);

        // Amina's 21 invitations: a full page, newest first, then the rest through the continuation token.
        var first = await page.GotoAsync("/api/office/invitations?search=okafor");
        Assert.Equal(200, first!.Status);
        var pageOne = await ReferencesAsync(page);
        Assert.Equal(20, pageOne.Count);
        Assert.Equal(console.Okafor[^1].Reference, pageOne[0]);
        await PageChecks.EveryPageAsync(page, "invitations");
        var next = await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync());
        Assert.Equal(200, next.Status);
        Assert.Contains("page=", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("skip", page.Url, StringComparison.OrdinalIgnoreCase);
        var pageTwo = await ReferencesAsync(page);
        Assert.Equal([console.Okafor[0].Reference], pageTwo);
        Assert.Equal(OfficeConsoleFixture.OkaforInvitations, pageOne.Concat(pageTwo).Distinct().Count());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).CountAsync());

        // By status, by reply date, by reference.
        await page.GotoAsync("/api/office/invitations?status=cancelled");
        Assert.Equal([console.Okafor[0].Reference], await ReferencesAsync(page));
        await page.GotoAsync("/api/office/invitations");
        await page.FillAsync("#respondFrom", console.MensahRespondBy);
        await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Show invitations" }).ClickAsync());
        Assert.Equal([console.Mensah.Reference], await ReferencesAsync(page));
        await page.GotoAsync($"/api/office/invitations?search={console.Mensah.Reference.ToLowerInvariant()}");
        Assert.Equal([console.Mensah.Reference], await ReferencesAsync(page));

        // Each row goes to its invitation.
        await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = console.Mensah.Reference }).ClickAsync());
        Assert.EndsWith($"/api/office/invitations/{console.Mensah.Id}", page.Url, StringComparison.Ordinal);

        // A bad filter is shown by its field.
        var bad = await page.GotoAsync("/api/office/invitations?respondFrom=2026-02-30");
        Assert.Equal(400, bad!.Status);
        Assert.Equal("#respondFrom", await page.Locator(".govuk-error-summary a").First.GetAttributeAsync("href"));
        await PageChecks.EveryPageAsync(page, "invitations-error");
    }

    [Fact]
    public async Task Another_office_s_invitation_and_letter_are_not_reachable_by_their_address_then_the_office_signs_out()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();

        // Ealing reads its own letter: it exists.
        await SignInAsync(page, WfiScenario.EalingKey);
        await AssertPdfAsync(context, $"/api/office/invitations/{console.Ealing.Id}/letter");
        await SignOutAsync(page);

        await SignInAsync(page, WfiScenario.LambethKey);
        var invitation = await page.GotoAsync($"/api/office/invitations/{console.Ealing.Id}");
        Assert.Equal(404, invitation!.Status);
        var letter = await page.GotoAsync($"/api/office/invitations/{console.Ealing.Id}/letter");
        Assert.Equal(404, letter!.Status);
        Assert.StartsWith("text/html", (await letter.AllHeadersAsync())["content-type"], StringComparison.Ordinal);
        Assert.DoesNotContain("Hodan", await page.ContentAsync(), StringComparison.Ordinal);
        await PageChecks.EveryPageAsync(page, "letter-other-office");
        await page.GotoAsync($"/api/office/invitations?search={console.Ealing.Reference}");
        Assert.Empty(await ReferencesAsync(page));

        await SignOutAsync(page);
        var after = await page.GotoAsync("/api/office/invitations");
        Assert.Equal(401, after!.Status);
    }

    private Task<IBrowserContext> NewContextAsync()
        => chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = console.BaseUrl, ViewportSize = new ViewportSize { Width = 1100, Height = 900 }, AcceptDownloads = true });

    private static async Task<List<string>> ReferencesAsync(IPage page)
        => [.. await page.Locator("[data-testid=invitations] tbody tr td:first-child a").AllInnerTextsAsync()];

    private static async Task AssertPdfAsync(IBrowserContext context, string href)
    {
        var response = await context.APIRequest.GetAsync(href);
        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        Assert.Equal("no-store", response.Headers["cache-control"]);
        Assert.Equal("%PDF", Encoding.ASCII.GetString((await response.BodyAsync())[..4]));
    }

    /// <summary>The form's date and time fields hold the London wall clock of an instant.</summary>
    private static async Task FillAsync(IPage page, string prefix, string instant)
    {
        var local = LondonTime.ToLocal(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture));
        await page.FillAsync($"#{prefix}Date", local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.FillAsync($"#{prefix}Time", local.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    private static async Task SignInAsync(IPage page, string key)
    {
        await page.GotoAsync("/api/sign-in");
        await page.FillAsync("#key", key);
        await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync());
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GotoAsync("/api/office/take-up");
        await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync());
        Assert.Equal(0, await page.GetByTestId("signed-in-as").CountAsync());
    }
}
