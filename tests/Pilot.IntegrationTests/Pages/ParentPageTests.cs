using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Pilot.IntegrationTests.Vacancies;
using Pilot.Shared;
using Pilot.Shared.Parents;
using Pilot.Shared.Parents.OwnPage;
using Pilot.Shared.Storage;
using Pilot.Shared.Vacancies.Alerts;
using Pilot.Shared.Vacancies.Catalogue;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.Pages;

/// <summary>
/// A parent's own page and the office's page for one parent, in Chromium through the local runner (the worker) on
/// Azurite: a refused value, a change of hours the next alert run matches on, expired and forged links, the fence.
/// </summary>
[Collection(ChromiumGroup.Name)]
public sealed class ParentPageTests(Chromium chromium) : IAsyncLifetime
{
    private WebApplication _runner = null!;
    private string _parentId = "";

    private string BaseUrl => _runner.Urls.Single();

    public async Task InitializeAsync()
    {
        // The alert timer runs only when the test runs it (on its own clock, below).
        _runner = await LocalRunnerHost.StartAsync("pagesparent", new Dictionary<string, string?> { ["Vacancies:AlertSchedule"] = "0 0 0 1 1 *" });
        var registered = await _runner.Services.GetRequiredService<ParentRegistration>().RegisterAsync(
            RoleKeys.LambethOffice, VacancyScenario.Request(), CancellationToken.None);
        Assert.True(registered.IsOk, string.Join("; ", registered.Errors));
        _parentId = registered.Value!.Id;
        var startsAt = WfiInvitations.WfiScenario.OpenFrom(Scenario.Centre, DateTimeOffset.UtcNow.AddDays(9));
        var booked = await _runner.Services.GetRequiredService<Pilot.Shared.Appointments.AppointmentBooking>().BookAsync(
            RoleKeys.LambethOffice,
            new Pilot.Shared.Appointments.BookAppointmentRequest(_parentId, Scenario.Centre, startsAt.ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture), "adviser", "Priya S."),
            CancellationToken.None);
        Assert.True(booked.IsOk, string.Join("; ", booked.Errors));
    }

    public async Task DisposeAsync() => await _runner.DisposeAsync();

    private string Link(DateTimeOffset expiresAt) => "/api/p/" + _runner.Services.GetRequiredService<ParentLinks>().TokenFor(_parentId, expiresAt);

    [Fact]
    public async Task A_parent_changes_their_hours_through_their_link_and_the_next_alert_run_matches_on_them()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        var link = Link(DateTimeOffset.UtcNow.AddDays(7));
        var shown = await page.GotoAsync(link);
        Assert.Equal(200, shown!.Status);
        Assert.Equal("no-store", (await shown.AllHeadersAsync())["cache-control"]);
        Assert.Equal("09:00", await page.InputValueAsync("#mon-from"));
        var appointments = await page.GetByTestId("appointments").InnerTextAsync();
        Assert.Contains("Appointment with your Jobcentre Plus adviser", appointments, StringComparison.Ordinal);
        Assert.Contains("To re-arrange call", appointments, StringComparison.Ordinal);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('form[method=post]')].filter(f => !(f.querySelector('input[name=__antiforgery]')?.value)).length"));
        await PageChecks.EveryPageAsync(page, "parent-page");

        // Too far: the validator of POST /api/parents refuses it; the summary links to the field, the message is by it, nothing is stored.
        await page.FillAsync("#maxTravelKm", "45");
        var refused = await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Save my changes" }).ClickAsync());
        Assert.Equal(400, refused.Status);
        Assert.Equal("#maxTravelKm", await page.Locator(".govuk-error-summary a").First.GetAttributeAsync("href"));
        Assert.Contains("at most 30", await page.Locator("#maxTravelKm-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("45", await page.InputValueAsync("#maxTravelKm"));
        await PageChecks.EveryPageAsync(page, "parent-page-error");
        Assert.Equal(5, Search(await StoredAsync()).MaxTravelKm);

        // Saturday mornings instead of school hours.
        await page.FillAsync("#maxTravelKm", "5");
        foreach (var day in new[] { "mon", "tue", "wed", "thu", "fri" })
        {
            await page.FillAsync($"#{day}-from", "");
            await page.FillAsync($"#{day}-to", "");
        }

        await page.FillAsync("#sat-from", "09:00");
        await page.FillAsync("#sat-to", "13:00");
        var saved = await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Save my changes" }).ClickAsync());
        Assert.Equal(200, saved.Status);
        Assert.True(await page.GetByText("Your changes are saved.").IsVisibleAsync());
        Assert.Equal("09:00", await page.InputValueAsync("#sat-from"));
        Assert.Equal("", await page.InputValueAsync("#mon-from"));
        await PageChecks.EveryPageAsync(page, "parent-page-saved");

        // The next alert run: a Saturday job matches the new hours, a school-hours one no longer does.
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            vacancies = new[]
            {
                VacancyScenario.Vacancy("V-SAT", hoursText: "Saturdays 10am-12pm", expiryDate: DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                VacancyScenario.Vacancy("V-WEEK", expiryDate: DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            },
        }, JsonDefaults.Web);
        var ingested = await _runner.Services.GetRequiredService<VacancyIngestion>().IngestJsonAsync(body, CancellationToken.None);
        Assert.True(ingested.IsOk && ingested.Value!.Rejected == 0, string.Join("; ", ingested.Errors));
        var run = await RunAlertsAsync();
        Assert.Equal(1, run.Alerts);
        var texts = await RowsAsync(TableNames.Texts);
        Assert.Contains(texts, t => t.RowKey == $"alert-{_parentId}-V-SAT");
        Assert.DoesNotContain(texts, t => t.RowKey == $"alert-{_parentId}-V-WEEK");
    }

    [Fact]
    public async Task An_expired_or_forged_link_shows_a_clear_page_never_an_error()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        var page = await context.NewPageAsync();

        var expired = await page.GotoAsync(Link(DateTimeOffset.UtcNow.AddMinutes(-1)));
        Assert.Equal(410, expired!.Status);
        Assert.Equal("This link has expired", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Text CHANGE", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Amina", await page.ContentAsync(), StringComparison.Ordinal);
        await PageChecks.EveryPageAsync(page, "parent-page-expired");

        var good = Link(DateTimeOffset.UtcNow.AddDays(7));
        var forged = await page.GotoAsync(good[..^3] + (good[^3] == 'A' ? "BBB" : "AAA"));
        Assert.Equal(404, forged!.Status);
        Assert.Equal("This link is not valid", await page.Locator("h1").InnerTextAsync());
        Assert.DoesNotContain("Amina", await page.ContentAsync(), StringComparison.Ordinal);
        await PageChecks.EveryPageAsync(page, "parent-page-forged");

        var longer = await page.GotoAsync(Link(DateTimeOffset.UtcNow.AddYears(50)).Replace(_parentId, "nobody", StringComparison.Ordinal));
        Assert.Equal(404, longer!.Status);
        var junk = await page.GotoAsync("/api/p/not.a.token.at-all");
        Assert.Equal(404, junk!.Status);
    }

    [Fact]
    public async Task Office_staff_change_their_parent_through_the_console_page_and_another_office_cannot_reach_it()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        await SignInAsync(page, RoleKeys.Office(RoleKeys.Lambeth));
        var shown = await page.GotoAsync($"/api/office/parents/{_parentId}");
        Assert.Equal(200, shown!.Status);
        Assert.Equal("Amina", await page.Locator("h1").InnerTextAsync());
        await PageChecks.EveryPageAsync(page, "parent-console");

        await page.GetByLabel("Polski").CheckAsync();
        await page.Locator("#alertsOptIn-no").CheckAsync();
        await page.FillAsync("#alertsMaxPerWeek", "25");
        var refused = await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Save the changes" }).ClickAsync());
        Assert.Equal(400, refused.Status);
        Assert.Equal("#alertsMaxPerWeek", await page.Locator(".govuk-error-summary a").First.GetAttributeAsync("href"));
        Assert.True((await StoredAsync()).AlertsOptIn);

        await page.FillAsync("#alertsMaxPerWeek", "2");
        var saved = await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Save the changes" }).ClickAsync());
        Assert.Equal(200, saved.Status);
        Assert.True(await page.GetByText("The changes are saved.").IsVisibleAsync());
        await PageChecks.EveryPageAsync(page, "parent-console-saved");
        var stored = await StoredAsync();
        Assert.Equal(("pl", false, 2), (stored.PreferredLanguage, stored.AlertsOptIn, Search(stored).AlertsMaxPerWeek));
        var consents = await _runner.Services.GetRequiredService<ParentStore>().ConsentHistoryAsync(_parentId, CancellationToken.None);
        Assert.Contains(consents, c => c.Consent == ParentConsents.VacancyAlerts && !c.Given && c.Channel == "office:jcp-lambeth");

        // The office texts the parent their link from the same page (the service of POST /api/parents/{id}/link).
        var linked = await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Text them their link" }).ClickAsync());
        Assert.Equal(200, linked.Status);
        Assert.True(await page.GetByText("The link to their own page is texted to them.").IsVisibleAsync());
        await PageChecks.EveryPageAsync(page, "parent-console-link-sent");
        var texts = await Outbox.AllAsync(_runner.Services.GetRequiredService<StorageClients>());
        var linkText = Assert.Single(texts, t => t.GetString("Body").Contains("/api/p/", StringComparison.Ordinal));
        var token = linkText.GetString("Body").Split("/api/p/")[1].Split(' ')[0];
        var opened = await _runner.Services.GetRequiredService<ParentLinks>().OpenAsync(token, CancellationToken.None);
        Assert.Equal((ParentLinkState.Open, _parentId), (opened.State, opened.Parent?.Id));

        await using var other = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        var ealing = await other.NewPageAsync();
        await SignInAsync(ealing, RoleKeys.Office(RoleKeys.Ealing));
        var fenced = await ealing.GotoAsync($"/api/office/parents/{_parentId}");
        Assert.Equal(404, fenced!.Status);
        Assert.DoesNotContain("Amina", await ealing.ContentAsync(), StringComparison.Ordinal);
        await PageChecks.EveryPageAsync(ealing, "parent-console-other-office");
    }

    private async Task<ParentEntity> StoredAsync() => (await _runner.Services.GetRequiredService<ParentStore>().GetAsync(_parentId, CancellationToken.None))!;

    private static JobSearch Search(ParentEntity parent) => JsonSerializer.Deserialize<JobSearch>(parent.JobSearch!, JsonDefaults.Web)!;

    /// <summary>
    /// The alert timer's run, as the vacancy tests run it: the app's services over the runner's settings (the same tables),
    /// on a clock two minutes on, so the minute the vacancies went into the feed has finished.
    /// </summary>
    private async Task<AlertRunResult> RunAlertsAsync()
    {
        var services = new ServiceCollection();
        var configuration = _runner.Services.GetRequiredService<IConfiguration>();
        services.AddSingleton(configuration);
        services.AddLogging(b => b.AddProvider(TestLog.Provider));
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(2)));
        services.AddPilot(configuration);
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<VacancyAlertPlanner>().RunAsync(CancellationToken.None);
    }

    private async Task<List<TableEntity>> RowsAsync(string table)
    {
        var client = await _runner.Services.GetRequiredService<StorageClients>().TableAsync(table);
        var rows = new List<TableEntity>();
        await foreach (var row in client.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    private static async Task SignInAsync(IPage page, string key)
    {
        await page.GotoAsync("/api/sign-in");
        await page.FillAsync("#key", key);
        await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync());
    }
}
